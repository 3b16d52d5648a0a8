(** * Decide: a verified exact decision of subset-sum coverage

    [decide_cover D xs e a b] decides, for an integer-scaled instance
    (samples [xs_i / D], radius [e / D], interval [[a / D, b / D]], all
    numerators integers over one positive denominator [D]), whether every
    real [z] in the interval is within the radius of a subset sum of the
    samples.  Both directions are proved ([decide_cover_correct]): the
    procedure answers [true] exactly when the real-valued cover holds, so a
    [false] answer ("not covered") is as much a theorem as a [true] one.

    The procedure is the interval-union recursion: the set of points within
    [e] of a subset sum of [x :: xs] is [U(xs) ∪ (x + U(xs))]; each [U] is
    kept as a sorted list of pairwise separated integer intervals (sorted by
    left end with the standard library's merge sort, overlapping intervals
    merged).  Because every endpoint is an integer, two separated intervals
    leave a gap containing a half-integer, so [[a, b]] is covered iff one
    interval of the normal form contains it.  No pruning or clipping is
    done: this is the specification-level procedure, not the fast kernel.
    It is computable: [vm_compute] decides it on concrete inputs (the replay
    of the RSS Monte Carlo trials, see [coq/README.md]).
    Claim `rss-decide-cover` [RECON]. *)

From Coq Require Import QArith Qreals Reals Lra Lia List Bool ZArith.
From Coq Require Import Sorting.Mergesort Sorting.Sorted Sorting.Permutation
  Classes.RelationClasses.
Require Import Prunegap.Base Prunegap.SubsetSum.
Import ListNotations.

(** ** The procedure over integers *)

Module IntervalOrder <: Orders.TotalLeBool.
  Definition t := (Z * Z)%type.
  Definition leb (p q : t) : bool := Z.leb (fst p) (fst q).
  Infix "<=?" := leb (at level 70, no associativity).
  Theorem leb_total : forall p q, (p <=? q) = true \/ (q <=? p) = true.
  Proof.
    intros p q. unfold leb. destruct (Z.le_ge_cases (fst p) (fst q)).
    - left. apply Z.leb_le. assumption.
    - right. apply Z.leb_le. lia.
  Qed.
End IntervalOrder.

Module IntervalSort := Sort IntervalOrder.

(** Merge the sorted intervals [cur :: L] that overlap (share a point). *)
Fixpoint coalesce (cur : Z * Z) (L : list (Z * Z)) : list (Z * Z) :=
  match L with
  | [] => [cur]
  | q :: L' =>
      if Z.leb (fst q) (snd cur)
      then coalesce (fst cur, Z.max (snd cur) (snd q)) L'
      else cur :: coalesce q L'
  end.

(** Drop empty intervals, sort by left end, merge overlapping ones. *)
Definition normalize (L : list (Z * Z)) : list (Z * Z) :=
  match IntervalSort.sort (filter (fun p => Z.leb (fst p) (snd p)) L) with
  | [] => []
  | p :: L' => coalesce p L'
  end.

Definition shift (x : Z) (p : Z * Z) : Z * Z := (fst p + x, snd p + x)%Z.

(** The normal form of the union of [[s - e, s + e]] over the subset sums
    [s] of [xs]. *)
Fixpoint cover_intervals (e : Z) (xs : list Z) : list (Z * Z) :=
  match xs with
  | [] => normalize [(- e, e)%Z]
  | x :: xs' =>
      let U := cover_intervals e xs' in normalize (U ++ map (shift x) U)
  end.

(** The integer decision: [[a, b]] empty, or inside one interval. *)
Definition zdecide_cover (xs : list Z) (e a b : Z) : bool :=
  Z.ltb b a
  || existsb (fun p => Z.leb (fst p) a && Z.leb b (snd p)) (cover_intervals e xs).

(** The decision on the instance scaled by [D] (which does not change the
    answer; it fixes the meaning of the integers). *)
Definition decide_cover (D : positive) (xs : list Z) (e a b : Z) : bool :=
  zdecide_cover xs e a b.

(** ** Semantics of interval lists *)

Local Open Scope R_scope.

Definition inU (L : list (Z * Z)) (z : R) : Prop :=
  exists p, In p L /\ IZR (fst p) <= z <= IZR (snd p).

Lemma inU_app (L M : list (Z * Z)) (z : R) : inU (L ++ M) z <-> inU L z \/ inU M z.
Proof.
  unfold inU. split.
  - intros [p [Hp Hz]]. apply in_app_iff in Hp.
    destruct Hp; [left | right]; exists p; auto.
  - intros [[p [Hp Hz]] | [p [Hp Hz]]]; exists p; rewrite in_app_iff; auto.
Qed.

Lemma inU_shift (x : Z) (L : list (Z * Z)) (z : R) :
  inU (map (shift x) L) z <-> inU L (z - IZR x).
Proof.
  unfold inU. split.
  - intros [p [Hp Hz]]. apply in_map_iff in Hp. destruct Hp as [q [<- Hq]].
    exists q. split; [exact Hq |]. unfold shift in Hz. simpl in Hz.
    rewrite !plus_IZR in Hz. lra.
  - intros [q [Hq Hz]]. exists (shift x q). split; [apply in_map; exact Hq |].
    unfold shift. simpl. rewrite !plus_IZR. lra.
Qed.

Lemma inU_filter (L : list (Z * Z)) (z : R) :
  inU (filter (fun p => Z.leb (fst p) (snd p)) L) z <-> inU L z.
Proof.
  unfold inU. split.
  - intros [p [Hp Hz]]. apply filter_In in Hp. exists p. tauto.
  - intros [p [Hp Hz]]. exists p. split; [| exact Hz].
    apply filter_In. split; [exact Hp |]. apply Z.leb_le. apply le_IZR. lra.
Qed.

Lemma inU_perm (L M : list (Z * Z)) (z : R) :
  Permutation L M -> inU L z -> inU M z.
Proof.
  intros HP [p [Hp Hz]]. exists p. split; [| exact Hz].
  eapply Permutation_in; eassumption.
Qed.

Definition lb (p q : Z * Z) : Prop := IntervalOrder.leb p q = true.

Lemma lb_trans : Transitive (fun p q => is_true (IntervalOrder.leb p q)).
Proof.
  intros p q r. unfold is_true, IntervalOrder.leb. rewrite !Z.leb_le. lia.
Qed.

Lemma inU_coalesce (L : list (Z * Z)) :
  forall (cur : Z * Z) (z : R),
  StronglySorted lb (cur :: L) ->
  inU (coalesce cur L) z <-> inU (cur :: L) z.
Proof.
  induction L as [|q L IH]; intros cur z HS; simpl coalesce; [reflexivity |].
  apply StronglySorted_inv in HS. destruct HS as [HS Hall].
  assert (Hcq : (fst cur <= fst q)%Z).
  { rewrite Forall_forall in Hall. apply Z.leb_le. apply (Hall q). left. reflexivity. }
  destruct (Z.leb (fst q) (snd cur)) eqn:Hq.
  - apply Z.leb_le in Hq.
    rewrite IH.
    2:{ apply StronglySorted_inv in HS. destruct HS as [HS' _].
        constructor; [exact HS' |].
        rewrite Forall_forall in Hall |- *. intros r Hr.
        apply (Hall r). right. exact Hr. }
    apply IZR_le in Hq. apply IZR_le in Hcq.
    unfold inU. split.
    + intros [p [[<- | Hp] Hz]].
      * simpl in Hz. destruct (Z.max_spec (snd cur) (snd q)) as [[_ Hm] | [_ Hm]];
          rewrite Hm in Hz.
        -- destruct (Rle_or_lt z (IZR (snd cur))).
           ++ exists cur. split; [left; reflexivity | lra].
           ++ exists q. split; [right; left; reflexivity | lra].
        -- exists cur. split; [left; reflexivity | lra].
      * exists p. split; [right; right; exact Hp | exact Hz].
    + intros [p [[<- | [<- | Hp]] Hz]].
      * exists (fst cur, Z.max (snd cur) (snd q)). split; [left; reflexivity |].
        simpl. pose proof (Z.le_max_l (snd cur) (snd q)) as Hm. apply IZR_le in Hm. lra.
      * exists (fst cur, Z.max (snd cur) (snd q)). split; [left; reflexivity |].
        simpl. pose proof (Z.le_max_r (snd cur) (snd q)) as Hm. apply IZR_le in Hm. lra.
      * exists p. split; [right; exact Hp | exact Hz].
  - assert (Hsub : inU (coalesce q L) z <-> inU (q :: L) z) by (apply IH; exact HS).
    unfold inU in *. split.
    + intros [p [[<- | Hp] Hz]].
      * exists cur. split; [left; reflexivity | exact Hz].
      * destruct (proj1 Hsub (ex_intro _ p (conj Hp Hz))) as [r [Hr Hrz]].
        exists r. split; [right; exact Hr | exact Hrz].
    + intros [p [[<- | Hp] Hz]].
      * exists cur. split; [left; reflexivity | exact Hz].
      * destruct (proj2 Hsub (ex_intro _ p (conj Hp Hz))) as [r [Hr Hrz]].
        exists r. split; [right; exact Hr | exact Hrz].
Qed.

(** Separated, nonempty, in increasing order. *)
Definition Sep (p q : Z * Z) : Prop :=
  (fst p <= snd p /\ snd p < fst q /\ fst q <= snd q)%Z.

Lemma Sep_trans : Transitive Sep.
Proof. intros p q r. unfold Sep. lia. Qed.

Lemma coalesce_head (L : list (Z * Z)) :
  forall cur, exists c rest, coalesce cur L = c :: rest /\
    fst c = fst cur /\ (snd cur <= snd c)%Z.
Proof.
  induction L as [|q L IH]; intros cur; simpl coalesce.
  - exists cur, []. split; [reflexivity | lia].
  - destruct (Z.leb (fst q) (snd cur)).
    + destruct (IH (fst cur, Z.max (snd cur) (snd q))) as [c [rest [H1 [H2 H3]]]].
      exists c, rest. simpl in H2, H3. split; [exact H1 |]. split; [exact H2 | lia].
    + exists cur, (coalesce q L). split; [reflexivity | lia].
Qed.

Definition nonempty (p : Z * Z) : Prop := (fst p <= snd p)%Z.

Lemma coalesce_sorted (L : list (Z * Z)) :
  forall cur, StronglySorted lb (cur :: L) -> Forall nonempty (cur :: L) ->
  Sorted Sep (coalesce cur L).
Proof.
  induction L as [|q L IH]; intros cur HS Hne; simpl coalesce.
  - repeat constructor.
  - apply StronglySorted_inv in HS. destruct HS as [HS Hall].
    inversion Hne as [|c0 L0 Hc HneL]; subst.
    inversion HneL as [|q0 L1 Hqn HneL']; subst.
    destruct (Z.leb (fst q) (snd cur)) eqn:Hq.
    + apply IH.
      * apply StronglySorted_inv in HS. destruct HS as [HS' _].
        constructor; [exact HS' |].
        rewrite Forall_forall in Hall |- *. intros r Hr.
        apply (Hall r). right. exact Hr.
      * constructor; [| exact HneL']. unfold nonempty in *. simpl. lia.
    + apply Z.leb_gt in Hq.
      constructor; [apply IH; [exact HS | constructor; assumption] |].
      destruct (coalesce_head L q) as [c [rest [H1 [H2 H3]]]].
      rewrite H1. constructor. unfold Sep, nonempty in *. lia.
Qed.

Lemma normalize_sem (L : list (Z * Z)) (z : R) : inU (normalize L) z <-> inU L z.
Proof.
  unfold normalize.
  set (F := filter (fun p => Z.leb (fst p) (snd p)) L).
  pose proof (IntervalSort.Permuted_sort F) as HP.
  pose proof (IntervalSort.StronglySorted_sort F lb_trans) as HS.
  rewrite <- (inU_filter L z). fold F.
  destruct (IntervalSort.sort F) as [|p L'] eqn:Hs.
  - split; intros H.
    + destruct H as [? [[] _]].
    + apply (inU_perm _ _ z HP) in H. destruct H as [? [[] _]].
  - rewrite inU_coalesce by exact HS.
    split; intros H.
    + exact (inU_perm _ _ z (Permutation_sym HP) H).
    + exact (inU_perm _ _ z HP H).
Qed.

Lemma normalize_sep (L : list (Z * Z)) : StronglySorted Sep (normalize L).
Proof.
  unfold normalize.
  set (F := filter (fun p => Z.leb (fst p) (snd p)) L).
  pose proof (IntervalSort.Permuted_sort F) as HP.
  pose proof (IntervalSort.StronglySorted_sort F lb_trans) as HS.
  destruct (IntervalSort.sort F) as [|p L'] eqn:Hs; [constructor |].
  apply Sorted_StronglySorted; [exact Sep_trans |].
  apply coalesce_sorted; [exact HS |].
  apply Forall_forall. intros r Hr.
  apply (Permutation_in _ (Permutation_sym HP)) in Hr.
  apply filter_In in Hr. unfold nonempty. apply Z.leb_le. tauto.
Qed.

Lemma cover_intervals_sem (e : Z) (xs : list Z) (z : R) :
  inU (cover_intervals e xs) z <->
  exists s, In s (subset_sums (map IZR xs)) /\ Rabs (s - z) <= IZR e.
Proof.
  revert z. induction xs as [|x xs IH]; intros z; simpl cover_intervals.
  - rewrite normalize_sem. unfold inU. simpl map. rewrite subset_sums_nil.
    split.
    + intros [p [[<- | []] Hz]]. simpl in Hz. rewrite opp_IZR in Hz.
      exists 0. split; [left; reflexivity |]. apply Rabs_le_iff. lra.
    + intros [s [[<- | []] Hs]]. apply Rabs_le_iff in Hs.
      exists (- e, e)%Z. split; [left; reflexivity |]. simpl. rewrite opp_IZR. lra.
  - rewrite normalize_sem, inU_app, inU_shift, !IH. simpl map.
    split.
    + intros [[s [Hs Hsz]] | [t [Ht Htz]]].
      * exists s. split; [apply subset_sums_cons_In; left; exact Hs | exact Hsz].
      * exists (IZR x + t). split.
        -- apply subset_sums_cons_In. right. exists t. split; [exact Ht | reflexivity].
        -- replace (IZR x + t - z) with (t - (z - IZR x)) by ring. exact Htz.
    + intros [s [Hs Hsz]]. apply subset_sums_cons_In in Hs.
      destruct Hs as [Hs | [t [Ht ->]]].
      * left. exists s. split; assumption.
      * right. exists t. split; [exact Ht |].
        replace (t - (z - IZR x)) with (IZR x + t - z) by ring. exact Hsz.
Qed.

Lemma cover_intervals_sep (e : Z) (xs : list Z) :
  StronglySorted Sep (cover_intervals e xs).
Proof. destruct xs; apply normalize_sep. Qed.

Lemma StronglySorted_pairs (L : list (Z * Z)) (p q : Z * Z) :
  StronglySorted Sep L -> In p L -> In q L -> p = q \/ Sep p q \/ Sep q p.
Proof.
  induction L as [|r L IH]; intros HS Hp Hq; [destruct Hp |].
  apply StronglySorted_inv in HS. destruct HS as [HS Hall].
  rewrite Forall_forall in Hall.
  destruct Hp as [<- | Hp]; destruct Hq as [<- | Hq].
  - left. reflexivity.
  - right. left. apply Hall. exact Hq.
  - right. right. apply Hall. exact Hp.
  - apply IH; assumption.
Qed.

(** On a separated normal form, an interval [[a, b]] is covered iff one
    interval contains it: integer endpoints leave a half-integer in every
    gap. *)
Lemma existsb_covers (L : list (Z * Z)) (a b : Z) :
  StronglySorted Sep L -> (a <= b)%Z ->
  existsb (fun p => Z.leb (fst p) a && Z.leb b (snd p)) L = true <->
  (forall z, IZR a <= z <= IZR b -> inU L z).
Proof.
  intros HS Hab. rewrite existsb_exists. split.
  - intros [p [Hp Hb]] z Hz. apply andb_prop in Hb. destruct Hb as [H1 H2].
    apply Z.leb_le in H1. apply Z.leb_le in H2. apply IZR_le in H1. apply IZR_le in H2.
    exists p. split; [exact Hp | lra].
  - intros H. apply IZR_le in Hab as Habr.
    destruct (H (IZR a) ltac:(lra)) as [p [Hp Hpa]].
    assert (Hpa1 : (fst p <= a)%Z) by (apply le_IZR; lra).
    assert (Hpa2 : (a <= snd p)%Z) by (apply le_IZR; lra).
    exists p. split; [exact Hp |].
    apply andb_true_intro. split; [apply Z.leb_le; exact Hpa1 |].
    apply Z.leb_le. destruct (Z.le_gt_cases b (snd p)) as [Hb | Hb]; [exact Hb |].
    exfalso.
    assert (Hb1 : (snd p + 1 <= b)%Z) by lia.
    apply IZR_le in Hb1. rewrite plus_IZR in Hb1. apply IZR_le in Hpa2 as Hpa2r.
    destruct (H (IZR (snd p) + / 2) ltac:(lra)) as [q [Hq Hqz]].
    assert (Hq1 : (fst q <= snd p)%Z).
    { apply Z.lt_succ_r. apply lt_IZR. rewrite succ_IZR. lra. }
    assert (Hq2 : (snd p < snd q)%Z) by (apply lt_IZR; lra).
    destruct (StronglySorted_pairs L p q HS Hp Hq) as [<- | [Hs | Hs]];
      unfold Sep in *; lia.
Qed.

Theorem zdecide_cover_correct (xs : list Z) (e a b : Z) :
  zdecide_cover xs e a b = true <->
  covers (IZR e) (IZR a) (IZR b) (subset_sums (map IZR xs)).
Proof.
  unfold zdecide_cover. destruct (Z.ltb b a) eqn:Hba; simpl orb.
  - apply Z.ltb_lt in Hba. apply IZR_lt in Hba. split; [| reflexivity].
    intros _ z Hz. lra.
  - apply Z.ltb_ge in Hba.
    rewrite (existsb_covers _ a b (cover_intervals_sep e xs) Hba).
    unfold covers. split; intros H z Hz; apply cover_intervals_sem; apply H; exact Hz.
Qed.

(** ** Scaling by the common denominator *)

Lemma subset_sums_scale (c : R) (xs : list R) :
  subset_sums (map (fun x => x * c) xs) = map (fun s => s * c) (subset_sums xs).
Proof.
  induction xs as [|x xs IH]; simpl; [f_equal; ring |].
  rewrite IH, map_app, !map_map. f_equal. apply map_ext. intros s. ring.
Qed.

Lemma covers_scale (c eps a b : R) (L : list R) :
  0 < c ->
  covers (eps * c) (a * c) (b * c) (map (fun s => s * c) L) <-> covers eps a b L.
Proof.
  intros Hc. unfold covers. split.
  - intros H z Hz.
    destruct (H (z * c) ltac:(split; apply Rmult_le_compat_r; lra)) as [s' [Hs' Hsz]].
    apply in_map_iff in Hs'. destruct Hs' as [s [<- Hs]].
    exists s. split; [exact Hs |].
    replace (s * c - z * c) with ((s - z) * c) in Hsz by ring.
    rewrite Rabs_mult, (Rabs_pos_eq c) in Hsz by lra.
    apply (Rmult_le_reg_r c); assumption.
  - intros H z Hz.
    assert (Hz' : a <= z * / c <= b).
    { split; apply (Rmult_le_reg_r c); try exact Hc;
        replace (z * / c * c) with z by (field; lra); lra. }
    destruct (H _ Hz') as [s [Hs Hsz]].
    exists (s * c). split; [apply (in_map (fun s => s * c)); exact Hs |].
    replace (s * c - z) with ((s - z * / c) * c) by (field; lra).
    rewrite Rabs_mult, (Rabs_pos_eq c) by lra.
    apply Rmult_le_compat_r; lra.
Qed.

Lemma Q2R_scaled (x : Z) (D : positive) : Q2R (x # D) = IZR x * / IZR (Zpos D).
Proof. reflexivity. Qed.

(** Claim `rss-decide-cover`. For an integer-scaled instance (samples
    [xs_i # D], radius [e # D], interval [[a # D, b # D]]), the computable
    decision [decide_cover] returns [true] if and only if every real [z]
    in the interval is within the radius of a subset sum of the samples:
    both "covered" and "not covered" answers are theorems.
    Source: tools §D / theory §5.3 [RECON]. *)
Theorem decide_cover_correct (D : positive) (xs : list Z) (e a b : Z) :
  decide_cover D xs e a b = true <->
  covers (Q2R (e # D)) (Q2R (a # D)) (Q2R (b # D))
         (subset_sums (map (fun x => Q2R (x # D)) xs)).
Proof.
  set (c := / IZR (Zpos D)).
  assert (Hc : 0 < c) by (apply Rinv_0_lt_compat; apply IZR_lt; lia).
  rewrite !Q2R_scaled. fold c.
  replace (map (fun x => Q2R (x # D)) xs) with (map (fun y => y * c) (map IZR xs))
    by (rewrite map_map; reflexivity).
  rewrite (subset_sums_scale c (map IZR xs)), (covers_scale c) by exact Hc.
  apply zdecide_cover_correct.
Qed.
