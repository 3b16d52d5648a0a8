(** * Kink angles and the critical angle [eta_eps] (standard-library reals)

    The deterministic half of Theorem A's probability step (theory §3.6 steps
    1-5), kept in standard-library arithmetic so that the measure-theoretic
    half ([coq/prob/], mathcomp-analysis) only sees named predicates:

    - [kink_angle p q]: the angle between the line [R (p, q)] and the target's
      direction [R (1, 0)] (plane coordinates [p = <u, w*>], [q = <u, e>]);
      [PI / 2] when [p = 0];
    - [eta_eps eps = 2 atan (2 eps)]: the critical angle, exactly the
      registry's constant [eta-eps] ([symbolic/neuron_pruning.py]);
    - [circle_error_lt l eps]: the network [l] misses [relu x1] by less
      than [eps] at every point of the unit circle (implied by "sup error on
      the arc < eps").

    [eta_eps_link] is the link between the registry's [eta_eps] and K2's bound
    [sin eta / (2 (1 + cos eta)) = tan (eta / 2) / 2]; [small_error_near_kink]
    is steps 1-5: a network within [eps] of the target on the circle has a
    unit whose kink angle is below [eta_eps eps].  All statements are our
    reconstructions [RECON]. *)

From Coq Require Import Reals Lra Lia List Psatz.
Require Import Prunegap.Base Prunegap.Relu Prunegap.Kinks Prunegap.TheoremA.
Import ListNotations.
Local Open Scope R_scope.

(** The critical kink angle of Theorem A, [2 atan (2 eps)]. *)
Definition eta_eps (eps : R) : R := 2 * atan (2 * eps).

(** The angle between the lines [R (p, q)] and [R (1, 0)], in [[0, PI/2]]. *)
Definition kink_angle (p q : R) : R :=
  if Req_EM_T p 0 then PI / 2 else atan (Rabs q / Rabs p).

(** The kink angle of unit [i] of the network [l] ([PI / 2] past its end). *)
Definition unit_angle (l : list (R * R * R)) (i : nat) : R :=
  let '(_, p, q) := nth i l (0, 0, 0) in kink_angle p q.

(** The network misses [relu x1] by less than [eps] on the whole unit circle. *)
Definition circle_error_lt (l : list (R * R * R)) (eps : R) : Prop :=
  forall x1 x2, x1 * x1 + x2 * x2 = 1 -> Rabs (arc_error l x1 x2) < eps.

Lemma atan_pos (y : R) : 0 < y -> 0 < atan y.
Proof. intros H. rewrite <- atan_0. apply atan_increasing. exact H. Qed.

Lemma cos_atan_pos (y : R) : 0 < cos (atan y).
Proof.
  destruct (atan_bound y) as [H1 H2]. apply cos_gt_0; lra.
Qed.

(** The critical angle lies in [(0, PI/2)] for [eps] in [(0, 1/2)]. *)
Lemma eta_eps_range (eps : R) : 0 < eps < 1 / 2 -> 0 < eta_eps eps < PI / 2.
Proof.
  intros [H0 H1]. unfold eta_eps.
  pose proof (atan_pos (2 * eps) ltac:(lra)).
  assert (atan (2 * eps) < PI / 4) by (rewrite <- atan_1; apply atan_increasing; lra).
  lra.
Qed.

(** Claim-support: the registry's [eta_eps] is where K2's bound equals [eps]:
    [sin eta_eps = 2 (1 + cos eta_eps) eps], i.e. [tan (eta_eps / 2) / 2 = eps]. *)
Lemma eta_eps_link (eps : R) :
  sin (eta_eps eps) = 2 * (1 + cos (eta_eps eps)) * eps /\
  tan (eta_eps eps / 2) / 2 = eps.
Proof.
  unfold eta_eps. set (a := atan (2 * eps)).
  pose proof (cos_atan_pos (2 * eps)) as Hc. fold a in Hc.
  assert (Ht : sin a = 2 * eps * cos a).
  { pose proof (tan_atan (2 * eps)) as T. fold a in T. unfold tan in T.
    rewrite <- T. field. lra. }
  split.
  - rewrite sin_2a, cos_2a_cos, Ht. ring.
  - replace (2 * a / 2) with a by field. pose proof (tan_atan (2 * eps)) as T.
    fold a in T. rewrite T. field.
Qed.

(** A kink angle at least [eta] puts the unit's three values on the arc lemma's
    points on one side of zero. *)
Lemma kink_angle_ge_sign (eta p q : R) :
  0 < eta < PI / 2 -> eta <= kink_angle p q -> Rabs p * sin eta <= Rabs q * cos eta.
Proof.
  intros [He0 He1] Hk. assert (Hc : 0 < cos eta) by (apply cos_gt_0; lra).
  unfold kink_angle in Hk. destruct (Req_EM_T p 0) as [Hp | Hp].
  - subst p. rewrite Rabs_R0, Rmult_0_l. apply Rmult_le_pos; [apply Rabs_pos | lra].
  - assert (Hp' : 0 < Rabs p) by (apply Rabs_pos_lt; exact Hp).
    assert (Htan : tan eta <= Rabs q / Rabs p).
    { destruct (atan_bound (Rabs q / Rabs p)) as [B1 B2].
      destruct (Rle_lt_or_eq_dec _ _ Hk) as [Hlt | Heq].
      - left. rewrite <- (tan_atan (Rabs q / Rabs p)). apply tan_increasing; lra.
      - right. rewrite Heq. apply tan_atan. }
    unfold tan in Htan. apply Rmult_le_reg_r with (/ (Rabs p * cos eta)).
    { apply Rinv_0_lt_compat, Rmult_lt_0_compat; assumption. }
    replace (Rabs p * sin eta * / (Rabs p * cos eta)) with (sin eta / cos eta) by (field; lra).
    replace (Rabs q * cos eta * / (Rabs p * cos eta)) with (Rabs q / Rabs p) by (field; lra).
    exact Htan.
Qed.

Lemma sign_of_abs_bound (s c p q : R) :
  0 < s -> 0 <= c -> Rabs p * s <= Rabs q * c ->
  (0 <= p * s + q * c /\ 0 <= p * 0 + q * 1 /\ 0 <= p * (- s) + q * c) \/
  (p * s + q * c <= 0 /\ p * 0 + q * 1 <= 0 /\ p * (- s) + q * c <= 0).
Proof.
  intros Hs Hc H.
  destruct (Rcase_abs p) as [Hp | Hp]; [rewrite (Rabs_left p Hp) in H | rewrite (Rabs_right p Hp) in H];
  destruct (Rcase_abs q) as [Hq | Hq]; [rewrite (Rabs_left q Hq) in H | rewrite (Rabs_right q Hq) in H
                                        | rewrite (Rabs_left q Hq) in H | rewrite (Rabs_right q Hq) in H].
  - right. nra.
  - left. nra.
  - right. nra.
  - left. nra.
Qed.

Lemma in_unit_angle (l : list (R * R * R)) (c p q : R) :
  In (c, p, q) l -> exists i, (i < length l)%nat /\ unit_angle l i = kink_angle p q.
Proof.
  intros H. destruct (In_nth l (c, p, q) (0, 0, 0) H) as [i [Hi E]].
  exists i. split; [exact Hi|]. unfold unit_angle. rewrite E. reflexivity.
Qed.

Lemma all_far_or_one_near (eta : R) (l : list (R * R * R)) :
  (forall c p q, In (c, p, q) l -> eta <= kink_angle p q) \/
  (exists c p q, In (c, p, q) l /\ kink_angle p q < eta).
Proof.
  induction l as [|[[c p] q] l IH].
  - left. intros c p q H. destruct H.
  - destruct (Rle_lt_dec eta (kink_angle p q)) as [Hle | Hlt].
    + destruct IH as [Hall | [c' [p' [q' [Hin Hk]]]]].
      * left. intros c0 p0 q0 [E | Hin]; [injection E; intros; subst; exact Hle | exact (Hall _ _ _ Hin)].
      * right. exists c', p', q'. split; [right; exact Hin | exact Hk].
    + right. exists c, p, q. split; [left; reflexivity | exact Hlt].
Qed.

(** Theory §3.6 steps 1-5: within [eps] of the target on the unit circle
    forces a unit whose kink angle is below [eta_eps eps]. *)
Theorem small_error_near_kink (l : list (R * R * R)) (eps : R) :
  0 < eps < 1 / 2 -> circle_error_lt l eps ->
  exists i, (i < length l)%nat /\ unit_angle l i < eta_eps eps.
Proof.
  intros He Hsmall.
  destruct (eta_eps_range eps He) as [Hn0 Hn1].
  set (eta := eta_eps eps) in *.
  destruct (all_far_or_one_near eta l) as [Hall | [c [p [q [Hin Hk]]]]]; [exfalso|];
    [| destruct (in_unit_angle l c p q Hin) as [i [Hi E]]; exists i; split; [exact Hi | rewrite E; exact Hk]].
  assert (Hs : 0 < sin eta) by (apply sin_gt_0; lra).
  assert (Hc : 0 < cos eta) by (apply cos_gt_0; lra).
  pose proof (theorem_a_core (sin eta) (cos eta) l Hs (Rlt_le _ _ Hc)) as Hcore.
  assert (H3 : sin eta <= 2 * (1 + cos eta) *
                 Rmax (Rabs (arc_error l (sin eta) (cos eta)))
                      (Rmax (Rabs (arc_error l 0 1)) (Rabs (arc_error l (- sin eta) (cos eta))))).
  { apply Hcore. intros ci pi qi Hin. apply sign_of_abs_bound; try lra.
    apply kink_angle_ge_sign; [lra | exact (Hall ci pi qi Hin)]. }
  assert (E1 : Rabs (arc_error l (sin eta) (cos eta)) < eps)
    by (apply Hsmall; pose proof (sin2_cos2 eta); unfold Rsqr in *; lra).
  assert (E2 : Rabs (arc_error l 0 1) < eps) by (apply Hsmall; lra).
  assert (E3 : Rabs (arc_error l (- sin eta) (cos eta)) < eps)
    by (apply Hsmall; pose proof (sin2_cos2 eta); unfold Rsqr in *; lra).
  assert (Hmax : Rmax (Rabs (arc_error l (sin eta) (cos eta)))
                      (Rmax (Rabs (arc_error l 0 1)) (Rabs (arc_error l (- sin eta) (cos eta)))) < eps)
    by (apply Rmax_lub_lt; [exact E1 | apply Rmax_lub_lt; assumption]).
  destruct (eta_eps_link eps) as [Hlink _]. fold eta in Hlink.
  assert (2 * (1 + cos eta) * Rmax (Rabs (arc_error l (sin eta) (cos eta)))
            (Rmax (Rabs (arc_error l 0 1)) (Rabs (arc_error l (- sin eta) (cos eta))))
          < 2 * (1 + cos eta) * eps) by (apply Rmult_lt_compat_l; lra).
  lra.
Qed.

(** ** The witness unit of the non-vacuity theorem ([coq/prob/ThmAProb.v]) *)

(** [w] clipped to [[0, PI/2)] ([0] outside). *)
Definition clip_angle (w : R) : R :=
  if Rle_dec 0 w then (if Rlt_dec w (PI / 2) then w else 0) else 0.

(** The unit with plane coordinates [(cos (clip w), sin (clip w))], repeated [n] times. *)
Definition polar_net (n : nat) (w : R) : list (R * R * R) :=
  repeat (0, cos (clip_angle w), sin (clip_angle w)) n.

Lemma clip_angle_range (w : R) : 0 <= clip_angle w < PI / 2.
Proof.
  pose proof PI_RGT_0. unfold clip_angle.
  destruct (Rle_dec 0 w); [destruct (Rlt_dec w (PI / 2))|]; lra.
Qed.

Lemma kink_angle_polar (x : R) : 0 <= x < PI / 2 -> kink_angle (cos x) (sin x) = x.
Proof.
  intros Hx. pose proof PI_RGT_0.
  assert (Hc : 0 < cos x) by (apply cos_gt_0; lra).
  assert (Hs : 0 <= sin x) by (apply sin_ge_0; lra).
  unfold kink_angle. destruct (Req_EM_T (cos x) 0) as [E | _]; [lra|].
  rewrite (Rabs_right (sin x)), (Rabs_right (cos x)) by lra.
  apply atan_tan. lra.
Qed.

Lemma polar_net_angle (n i : nat) (w : R) :
  (i < n)%nat -> unit_angle (polar_net n w) i = clip_angle w.
Proof.
  intros Hi. unfold unit_angle, polar_net.
  assert (E : nth i (repeat (0, cos (clip_angle w), sin (clip_angle w)) n) (0, 0, 0)
              = (0, cos (clip_angle w), sin (clip_angle w))).
  { revert i Hi. induction n as [|n IH]; intros [|i] Hi; simpl; try lia; try reflexivity.
    apply IH. lia. }
  rewrite E. apply kink_angle_polar, clip_angle_range.
Qed.

Lemma polar_net_length (n : nat) (w : R) : length (polar_net n w) = n.
Proof. apply repeat_length. Qed.

(** For [0 < t]: [clip w < t] unless [t <= w < PI/2]. *)
Lemma clip_angle_lt_iff (t w : R) :
  0 < t -> (clip_angle w < t <-> ~ (t <= w /\ w < PI / 2)).
Proof.
  intros Ht. unfold clip_angle.
  destruct (Rle_dec 0 w); [destruct (Rlt_dec w (PI / 2))|]; split; intros H; try lra;
    try (intros [H1 H2]; lra); apply Rnot_le_lt; intros H'; apply H; split; lra.
Qed.
