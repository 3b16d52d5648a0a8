(** * Kink lemmas K1, K2, K3

    K1: on a line, an affine function misses [J relu t] by [J delta / 4] at one
    of the three points [-delta, 0, delta].  K2: the rational form of the arc
    lemma (no trigonometry).  K3: a sum of ReLU neurons with no kink inside
    [(a, b)] is affine on [[a, b]].  Statements are theory §3.4 [RECON]. *)

From Coq Require Import Reals Lra List Psatz.
Require Import Prunegap.Base Prunegap.Relu.
Import ListNotations.
Local Open Scope R_scope.

(** The error [e t = alpha + beta t - J relu t] of an affine fit to a kink. *)
Definition line_error (alpha beta J t : R) : R := alpha + beta * t - J * relu t.

(** Claim `kink-line-three-point`. K1: for [J >= 0] and [delta > 0],
    [J delta <= 4 max(|e(-delta)|, |e(0)|, |e(delta)|)] where
    [e t = alpha + beta t - J relu t].
    Source: theory §3.4 K1 [RECON]. *)
Theorem kink_line_three_point (alpha beta J delta : R) :
  0 <= J -> 0 < delta ->
  J * delta <= 4 * Rmax (Rabs (line_error alpha beta J (- delta)))
                        (Rmax (Rabs (line_error alpha beta J 0))
                              (Rabs (line_error alpha beta J delta))).
Proof.
  intros _ Hd.
  destruct (Rmax3_abs_bounds (line_error alpha beta J (- delta))
              (line_error alpha beta J 0) (line_error alpha beta J delta))
    as [H1 [H2 H3]].
  set (M := Rmax (Rabs (line_error alpha beta J (- delta)))
                 (Rmax (Rabs (line_error alpha beta J 0))
                       (Rabs (line_error alpha beta J delta)))) in *.
  assert (E1 : line_error alpha beta J (- delta) = alpha - beta * delta).
  { unfold line_error. rewrite relu_of_nonpos by lra. ring. }
  assert (E2 : line_error alpha beta J 0 = alpha).
  { unfold line_error. rewrite relu_zero. ring. }
  assert (E3 : line_error alpha beta J delta = alpha + beta * delta - J * delta).
  { unfold line_error. rewrite relu_of_nonneg by lra. ring. }
  rewrite E1 in H1. rewrite E2 in H2. rewrite E3 in H3.
  lra.
Qed.

(** Claim `kink-arc-three-point`. K2 (rational form): for [s > 0] and
    [c >= 0] (think [s = sin eta], [c = cos eta]) and all [c1, c2],
    [s <= 2 (1 + c) max(|c1 s + c2 c - s|, |c2|, |c2 c - c1 s|)].
    Source: theory §3.4 K2 [RECON]. *)
Theorem kink_arc_three_point (s c c1 c2 : R) :
  0 < s -> 0 <= c ->
  s <= 2 * (1 + c) * Rmax (Rabs (c1 * s + c2 * c - s))
                          (Rmax (Rabs c2) (Rabs (c2 * c - c1 * s))).
Proof.
  intros Hs Hc.
  destruct (Rmax3_abs_bounds (c1 * s + c2 * c - s) c2 (c2 * c - c1 * s))
    as [H1 [H2 H3]].
  set (M := Rmax (Rabs (c1 * s + c2 * c - s))
                 (Rmax (Rabs c2) (Rabs (c2 * c - c1 * s)))) in *.
  assert (Hc2 : c * c2 <= c * M) by (apply Rmult_le_compat_l; lra).
  lra.
Qed.

(** The one-variable network [t |-> sum_i c_i relu (p_i t + q_i)]. *)
Definition neuron_sum (l : list (R * R * R)) (t : R) : R :=
  fold_right (fun '(c, p, q) acc => acc + c * relu (p * t + q)) 0 l.

Lemma neuron_sum_nil (t : R) : neuron_sum [] t = 0.
Proof. reflexivity. Qed.

Lemma neuron_sum_cons (c p q t : R) (l : list (R * R * R)) :
  neuron_sum ((c, p, q) :: l) t = neuron_sum l t + c * relu (p * t + q).
Proof. reflexivity. Qed.

(** A line that is positive at [t1] and negative at [t2] vanishes strictly
    between them. *)
Lemma linear_root_between (p q t1 t2 : R) :
  0 < p * t1 + q -> p * t2 + q < 0 ->
  exists r, p * r + q = 0 /\ ((t1 < r < t2) \/ (t2 < r < t1)).
Proof.
  intros H1 H2.
  assert (Hp : p <> 0).
  { intros ->. lra. }
  exists (- q / p). split; [field; exact Hp |].
  assert (E1 : p * (t1 - - q / p) = p * t1 + q) by (field; exact Hp).
  assert (E2 : p * (t2 - - q / p) = p * t2 + q) by (field; exact Hp).
  destruct (Rlt_or_le 0 p) as [Hpos | Hneg].
  - right. split; nra.
  - left. split; nra.
Qed.

(** A line with no root in [(a, b)] has a constant sign on [[a, b]]. *)
Lemma sign_constant_on_interval (p q a b : R) :
  a < b -> (forall t, a < t < b -> p * t + q <> 0) ->
  (forall t, a <= t <= b -> 0 <= p * t + q) \/
  (forall t, a <= t <= b -> p * t + q <= 0).
Proof.
  intros Hab Hroot.
  set (m := (a + b) / 2).
  assert (Hm : a < m < b) by (unfold m; lra).
  destruct (Rtotal_order (p * m + q) 0) as [Hneg | [Hzero | Hpos]].
  - right. intros t Ht.
    destruct (Rle_or_lt (p * t + q) 0) as [H | H]; [exact H |].
    exfalso. destruct (linear_root_between p q t m H Hneg) as [r [Hr Hbetween]].
    apply (Hroot r); [lra | exact Hr].
  - exfalso. exact (Hroot m Hm Hzero).
  - left. intros t Ht.
    destruct (Rle_or_lt 0 (p * t + q)) as [H | H]; [exact H |].
    exfalso. destruct (linear_root_between p q m t Hpos H) as [r [Hr Hbetween]].
    apply (Hroot r); [lra | exact Hr].
Qed.

(** Claim `kink-free-affine`. K3: for a list of neurons [(c_i, p_i, q_i)] and
    [a < b], if no [p_i t + q_i] vanishes for [t] in the open interval
    [(a, b)], there are [alpha, beta] with
    [sum_i c_i relu (p_i t + q_i) = alpha + beta t] for all [t] in [[a, b]].
    Source: theory §3.4 K3 [RECON]. *)
Theorem kink_free_affine (l : list (R * R * R)) (a b : R) :
  a < b ->
  (forall c p q, In (c, p, q) l -> forall t, a < t < b -> p * t + q <> 0) ->
  exists alpha beta, forall t, a <= t <= b -> neuron_sum l t = alpha + beta * t.
Proof.
  intros Hab. induction l as [|[[c p] q] l IH]; intros Hroot.
  - exists 0, 0. intros t _. rewrite neuron_sum_nil. ring.
  - destruct IH as [alpha [beta Hl]].
    { intros c' p' q' H. apply (Hroot c'). right. exact H. }
    destruct (sign_constant_on_interval p q a b Hab
                (Hroot c p q (or_introl eq_refl))) as [Hs | Hs].
    + exists (alpha + c * q), (beta + c * p). intros t Ht.
      rewrite neuron_sum_cons, (Hl t Ht), (relu_of_nonneg _ (Hs t Ht)). ring.
    + exists alpha, beta. intros t Ht.
      rewrite neuron_sum_cons, (Hl t Ht), (relu_of_nonpos _ (Hs t Ht)). ring.
Qed.
