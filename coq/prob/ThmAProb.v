(** * Theorem A's probability step (mathcomp-analysis 0.6.0)

    For any measure [P] on a measurable space and any random network with [n]
    hidden units (a function [net] of the outcome), if each unit's kink angle
    is a measurable function (measurable sublevel sets) whose law satisfies
    [P [angle < t] = 2 t / PI] for [t] in [(0, PI/2)], then the event "the
    network is within [eps] of the target on the unit circle" is contained in
    a measurable event of measure at most [n * 2 eta_eps / PI], with
    [eta_eps eps = 2 atan (2 eps)] the registry's constant [eta-eps].

    The standard-library arithmetic (kink angles, [eta_eps], the circle
    error, the deterministic steps 1-5) lives in [Prunegap.KinkAngle]; this
    file only passes those named predicates to the measure and writes the
    reals with the standard library's function names ([Rlt], [Rmult],
    [Rdiv], [INR]) so that no [%R] notation crosses the two libraries.
    Source: theory §3.6 steps 1-7 [RECON]. *)

From Coq Require Import Reals Lra.
From mathcomp Require Import all_ssreflect all_algebra.
From mathcomp.classical Require Import boolp classical_sets functions mathcomp_extra.
From mathcomp.analysis Require Import reals ereal signed topology normedtype sequences measure.
From mathcomp.analysis Require Import lebesgue_measure Rstruct.
Require Import Prunegap.TheoremA Prunegap.KinkAngle.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope classical_set_scope.
Local Open Scope ring_scope.

(** The sublevel event [[angle_i < t]] of unit [i]. *)
Definition angle_below d (T : measurableType d) (net : T -> list (Rdefinitions.R * Rdefinitions.R * Rdefinitions.R))
    (i : nat) (t : Rdefinitions.R) : set T :=
  [set w | Rlt (unit_angle (net w) i) t].

Lemma sum_const_EFin (n : nat) (x : real_realType) :
  (\sum_(i < n) x%:E = (n%:R * x)%:E)%E.
Proof. by rewrite sumEFin sumr_const card_ord mulr_natl. Qed.

(** Claim `theorem-a-probability-step`. The probability step of the lower bound (theory §3.6): under the
    hypotheses above, [[circle error < eps]] is contained in a measurable
    event [A] with [P A <= n * (2 eta_eps eps / PI)].
    Source: theory §3.6 steps 1-7 [RECON]. *)
Theorem theorem_a_probability_step d (T : measurableType d)
    (P : {measure set T -> \bar real_realType}) (n : nat)
    (net : T -> list (Rdefinitions.R * Rdefinitions.R * Rdefinitions.R)) (eps : Rdefinitions.R) :
  Rlt 0 eps /\ Rlt eps (Rdiv 1 2) ->
  (forall w, length (net w) = n) ->
  (forall i t, (i < n)%N -> measurable (angle_below net i t)) ->
  (forall i t, (i < n)%N -> Rlt 0 t -> Rlt t (Rdiv PI 2) ->
     P (angle_below net i t) = (Rdiv (Rmult 2 t) PI)%:E) ->
  exists A : set T, measurable A /\ [set w | circle_error_lt (net w) eps] `<=` A /\
    (P A <= (Rmult (INR n) (Rdiv (Rmult 2 (eta_eps eps)) PI))%:E)%E.
Proof.
move=> heps hlen hmeas hlaw.
have [/RltP h0 /RltP h1] := eta_eps_range eps heps.
exists (\big[setU/set0]_(i < n) angle_below net i (eta_eps eps)); split; [|split].
- by apply: bigsetU_measurable => i _; exact: hmeas.
- move=> w /= hw; have [i [hi hlt]] := small_error_near_kink (net w) eps heps hw.
  rewrite -(bigcup_mkord n (fun k => angle_below net k (eta_eps eps))).
  exists i; last by [].
  by rewrite /= -(hlen w); apply/ssrnat.ltP.
- have hB := @Boole_inequality _ _ _ P (fun k => angle_below net k (eta_eps eps)) n.
  apply: (le_trans (hB _)) => [i hi|]; first exact: hmeas.
  rewrite (eq_bigr (fun _ => (Rdiv (Rmult 2 (eta_eps eps)) PI)%:E)); last first.
    by move=> i _; apply: hlaw => //; apply/RltP.
  by rewrite sum_const_EFin INRE RmultE.
Qed.

(** ** Non-vacuity: the uniform law on [[0, PI/2)] *)

Section witness.
Local Notation RR := (measurableTypeR real_realType).

Let pi2 : real_realType := Rdiv PI 2.

Lemma pi2_gt0 : (0 < pi2)%R.
Proof. by apply/RltP; apply: Rdiv_lt_0_compat; [exact: PI_RGT_0|lra]. Qed.

Let D : set RR := [set` `[0%R, pi2[].

Let mD : measurable D. Proof. exact: measurable_itv. Qed.

Lemma two_over_pi_ge0 : (0 <= Rdiv 2 PI)%R.
Proof. by apply/RleP; apply: Rlt_le; apply: Rdiv_lt_0_compat; [lra|exact: PI_RGT_0]. Qed.

(** The uniform law on [[0, PI/2)]: Lebesgue measure restricted to the
    interval and scaled by [2 / PI]. *)
Definition uniform_angle_law : {measure set RR -> \bar real_realType} :=
  mscale (NngNum two_over_pi_ge0) (mrestr lebesgue_measure mD).

Lemma uniform_angle_lawE (A : set RR) :
  uniform_angle_law A = ((Rdiv 2 PI)%:E * lebesgue_measure (A `&` D))%E.
Proof. by []. Qed.

Lemma lebesgue_itv0 (t : real_realType) : (0 < t)%R ->
  lebesgue_measure ([set` `[0%R, t[] : set RR) = t%:E.
Proof. by move=> t0; rewrite lebesgue_measure_itv hlength_itv /= lte_fin t0 oppr0 adde0. Qed.

Lemma angle_belowE (n i : nat) (t : Rdefinitions.R) : (i < n)%N -> Rlt 0 t ->
  angle_below (polar_net n : RR -> _) i t = ~` [set` `[t, pi2[].
Proof.
move=> /ssrnat.ltP hi ht; apply/seteqP; split=> w /=; rewrite /angle_below /= polar_net_angle //.
- move=> /(clip_angle_lt_iff _ _ ht) hw; rewrite in_itv /= => /andP[/RleP h1 /RltP h2]; exact: hw.
- move=> hw; apply/(clip_angle_lt_iff _ _ ht) => -[h1 h2]; apply: hw.
  by rewrite in_itv /=; apply/andP; split; [apply/RleP|apply/RltP].
Qed.

Lemma angle_below_nonpos (n i : nat) (t : Rdefinitions.R) : (i < n)%N -> Rle t 0 ->
  angle_below (polar_net n : RR -> _) i t = set0.
Proof.
move=> /ssrnat.ltP hi ht; apply/seteqP; split=> w //=; rewrite /angle_below /= polar_net_angle //.
by have := clip_angle_range w => -[h _] h'; exfalso; lra.
Qed.

(** The hypotheses of [theorem_a_probability_step] hold for every [n] and
    [eps] in [(0, 1/2)]: the witness is [n] copies of one unit whose kink angle
    is uniform on [[0, PI/2)] under a law of total mass [1].
    Source: issue 23 item 1 (non-vacuity) [RECON]. *)
Theorem theorem_a_probability_step_nonvacuous (n : nat) :
  exists (P : {measure set RR -> \bar real_realType}) (net : RR -> list (Rdefinitions.R * Rdefinitions.R * Rdefinitions.R)),
    P setT = 1%:E /\
    (forall w, length (net w) = n) /\
    (forall i t, (i < n)%N -> measurable (angle_below net i t)) /\
    (forall i t, (i < n)%N -> Rlt 0 t -> Rlt t (Rdiv PI 2) ->
       P (angle_below net i t) = (Rdiv (Rmult 2 t) PI)%:E).
Proof.
have hpi := PI_RGT_0.
exists uniform_angle_law, (polar_net n); split; [|split; [|split]].
- rewrite uniform_angle_lawE setTI lebesgue_itv0; last exact: pi2_gt0.
  rewrite -EFinM /pi2; congr EFin; rewrite -RmultE.
  by change (Rmult (Rdiv 2 PI) (Rdiv PI 2) = R1); field; lra.
- by move=> w; exact: (polar_net_length n w).
- move=> i t hi; have [ht|ht] := Rle_lt_dec t 0.
    by rewrite angle_below_nonpos.
  by rewrite angle_belowE //; apply: measurableC; exact: measurable_itv.
- move=> i t hi ht0 ht1; rewrite uniform_angle_lawE angle_belowE //.
  have -> : ~` [set` `[t, pi2[] `&` D = [set` `[0%R, t[] :> set RR.
    apply/seteqP; split=> w /=; rewrite !in_itv /=.
    + move=> [hw /andP[/RleP h0 /RltP h1]]; apply/andP; split; [exact/RleP|].
      apply/RltP; apply: Rnot_le_lt => h; apply: hw; apply/andP; split; [exact/RleP|exact/RltP].
    + move=> /andP[/RleP h0 /RltP h1]; split.
        by move=> /andP[/RleP h2 _]; lra.
      by apply/andP; split; [exact/RleP|apply/RltP; rewrite /pi2; lra].
  rewrite lebesgue_itv0; last exact/RltP.
  by rewrite -EFinM; congr EFin; rewrite -RmultE; change (Rmult (Rdiv 2 PI) t = Rdiv (Rmult 2 t) PI);
    field; lra.
Qed.

End witness.
