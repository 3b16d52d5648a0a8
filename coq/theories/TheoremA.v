(** * Theorem A: the deterministic core, the union bound and the sinusoid
    second difference

    [theorem_a_core] is steps 2–4 of theory §3.6 on the three points of the
    arc lemma: a network with no kink strictly inside the arc misses the
    target [relu x1] by at least [s / (2 (1 + c))] at one of the three points
    [(s, c)], [(0, 1)], [(-s, c)] (with [s = sin eta], [c = cos eta] this is
    [tan(eta/2) / 2]).  [union_bound] is the arithmetic of step 7, and
    [sinusoid_second_difference] is step 4 of theory §3.10 (Theorem A′).
    All statements are our reconstructions [RECON]. *)

From Coq Require Import Reals Lra Lia List.
Require Import Prunegap.Base Prunegap.Relu Prunegap.Kinks Prunegap.Moments.
Import ListNotations.
Local Open Scope R_scope.

(** The two-input network [x |-> sum_i c_i relu (p_i x1 + q_i x2)]. *)
Definition net2 (neurons : list (R * R * R)) (x1 x2 : R) : R :=
  fold_right (fun '(c, p, q) acc => acc + c * relu (p * x1 + q * x2)) 0 neurons.

(** Its error against the target [relu x1]. *)
Definition arc_error (neurons : list (R * R * R)) (x1 x2 : R) : R :=
  net2 neurons x1 x2 - relu x1.

Lemma net2_cons (c p q x1 x2 : R) (l : list (R * R * R)) :
  net2 ((c, p, q) :: l) x1 x2 = net2 l x1 x2 + c * relu (p * x1 + q * x2).
Proof. reflexivity. Qed.

(** Without a kink strictly inside the arc, the network is linear on the
    three points. *)
Lemma net2_linear_at_three_points (s c : R) (neurons : list (R * R * R)) :
  (forall ci pi qi, In (ci, pi, qi) neurons ->
     (0 <= pi * s + qi * c /\ 0 <= pi * 0 + qi * 1 /\ 0 <= pi * (- s) + qi * c) \/
     (pi * s + qi * c <= 0 /\ pi * 0 + qi * 1 <= 0 /\ pi * (- s) + qi * c <= 0)) ->
  exists w1 w2,
    net2 neurons s c = w1 * s + w2 * c /\
    net2 neurons 0 1 = w1 * 0 + w2 * 1 /\
    net2 neurons (- s) c = w1 * (- s) + w2 * c.
Proof.
  induction neurons as [|[[ci pi] qi] l IH]; intros Hsign.
  - exists 0, 0. simpl. repeat split; ring.
  - destruct IH as [w1 [w2 [E1 [E2 E3]]]].
    { intros c' p' q' H. apply (Hsign c'). right. exact H. }
    rewrite !net2_cons, E1, E2, E3.
    destruct (Hsign ci pi qi (or_introl eq_refl))
      as [[H1 [H2 H3]] | [H1 [H2 H3]]].
    + rewrite (relu_of_nonneg _ H1), (relu_of_nonneg _ H2), (relu_of_nonneg _ H3).
      exists (w1 + ci * pi), (w2 + ci * qi). repeat split; ring.
    + rewrite (relu_of_nonpos _ H1), (relu_of_nonpos _ H2), (relu_of_nonpos _ H3).
      exists w1, w2. repeat split; ring.
Qed.

(** Claim `theorem-a-core`. For [s > 0], [c >= 0] and a list of neurons
    [(c_i, p_i, q_i)] each of whose values [p_i x1 + q_i x2] at the three
    points [(s, c)], [(0, 1)], [(-s, c)] are all [>= 0] or all [<= 0] (no kink
    strictly inside the arc), the error
    [E x = sum_i c_i relu (p_i x1 + q_i x2) - relu x1] satisfies
    [s <= 2 (1 + c) max(|E(s, c)|, |E(0, 1)|, |E(-s, c)|)]; with
    [s = sin eta], [c = cos eta] the sup error is [>= tan(eta/2) / 2].
    Source: theory §3.6 steps 2-4 [RECON]. *)
Theorem theorem_a_core (s c : R) (neurons : list (R * R * R)) :
  0 < s -> 0 <= c ->
  (forall ci pi qi, In (ci, pi, qi) neurons ->
     (0 <= pi * s + qi * c /\ 0 <= pi * 0 + qi * 1 /\ 0 <= pi * (- s) + qi * c) \/
     (pi * s + qi * c <= 0 /\ pi * 0 + qi * 1 <= 0 /\ pi * (- s) + qi * c <= 0)) ->
  s <= 2 * (1 + c) * Rmax (Rabs (arc_error neurons s c))
                          (Rmax (Rabs (arc_error neurons 0 1))
                                (Rabs (arc_error neurons (- s) c))).
Proof.
  intros Hs Hc Hsign.
  destruct (net2_linear_at_three_points s c neurons Hsign)
    as [w1 [w2 [E1 [E2 E3]]]].
  unfold arc_error. rewrite E1, E2, E3.
  rewrite (relu_of_nonneg s), relu_zero, (relu_of_nonpos (- s)) by lra.
  replace (w1 * 0 + w2 * 1 - 0) with w2 by ring.
  replace (w1 * - s + w2 * c - 0) with (w2 * c - w1 * s) by ring.
  apply kink_arc_three_point; assumption.
Qed.

Lemma one_minus_pow_le_one (q : R) (n : nat) : 0 <= q <= 1 -> (1 - q) ^ n <= 1.
Proof.
  intros Hq. pose proof (pow_incr (1 - q) 1 n ltac:(lra)) as H.
  rewrite pow1 in H. exact H.
Qed.

(** Claim `theorem-a-union-bound`. For [q] in [[0, 1]]:
    [0 <= 1 - (1 - q)^n <= n q]; and [1 - (1 - q)^n] is monotone in [q] and
    in [n].
    Source: theory §3.6 steps 6-7 [RECON]. *)
Theorem union_bound :
  (forall (q : R) (n : nat), 0 <= q <= 1 -> 0 <= 1 - (1 - q) ^ n <= INR n * q) /\
  (forall (q1 q2 : R) (n : nat), 0 <= q1 <= q2 -> q2 <= 1 ->
     1 - (1 - q1) ^ n <= 1 - (1 - q2) ^ n) /\
  (forall (q : R) (n1 n2 : nat), 0 <= q <= 1 -> (n1 <= n2)%nat ->
     1 - (1 - q) ^ n1 <= 1 - (1 - q) ^ n2).
Proof.
  split; [| split].
  - intros q n Hq. pose proof (one_minus_pow_le_one q n Hq).
    pose proof (bernoulli q n Hq). lra.
  - intros q1 q2 n Hq Hq2.
    assert ((1 - q2) ^ n <= (1 - q1) ^ n) by (apply pow_incr; lra).
    lra.
  - intros q n1 n2 Hq Hn.
    replace n2 with (n1 + (n2 - n1))%nat by lia.
    rewrite pow_add.
    assert (H0 : 0 <= (1 - q) ^ n1) by (apply pow_le; lra).
    assert (H1 : (1 - q) ^ (n2 - n1) <= 1) by (apply one_minus_pow_le_one; exact Hq).
    assert ((1 - q) ^ n1 * (1 - q) ^ (n2 - n1) <= (1 - q) ^ n1 * 1)
      by (apply Rmult_le_compat_l; assumption).
    lra.
Qed.

(** The sinusoid [L theta = c1 cos theta + c2 sin theta]. *)
Definition sinusoid (c1 c2 theta : R) : R := c1 * cos theta + c2 * sin theta.

(** Claim `sinusoid-second-difference`. [L theta = c1 cos theta + c2 sin theta]
    satisfies [L (theta + r) + L (theta - r) = 2 cos r * L theta].
    Source: theory §3.10 step 4 [RECON]. *)
Theorem sinusoid_second_difference (c1 c2 theta r : R) :
  sinusoid c1 c2 (theta + r) + sinusoid c1 c2 (theta - r)
  = 2 * cos r * sinusoid c1 c2 theta.
Proof.
  unfold sinusoid. rewrite cos_plus, cos_minus, sin_plus, sin_minus. ring.
Qed.

(** The same identity in polynomial form, with [cs = cos theta],
    [sn = sin theta], [c = cos r], [s = sin r] as free parameters (the form
    suggested in theory §5.3 item 13; no trigonometry needed). *)
Lemma sinusoid_second_difference_poly (c1 c2 cs sn c s : R) :
  (c1 * (cs * c - sn * s) + c2 * (sn * c + cs * s))
  + (c1 * (cs * c + sn * s) + c2 * (sn * c - cs * s))
  = 2 * c * (c1 * cs + c2 * sn).
Proof. ring. Qed.
