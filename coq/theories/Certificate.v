(** * Covering certificates: the gap certificate (L3), the grid (L1) and
    complete sequences (L4)

    Statements are theory §5.3 L1, L3, L4 [RECON]; L3 is the exact criterion
    used by the certificate checker ([Prunegap.Checker]). *)

From Coq Require Import Reals Lra Lia List.
Require Import Prunegap.Base Prunegap.SubsetSum.
Import ListNotations.
Local Open Scope R_scope.

(** [consecutive P u [v1; ...; vk]] holds when [P] holds for every
    consecutive pair of [u :: [v1; ...; vk]]. *)
Fixpoint consecutive (P : R -> R -> Prop) (u : R) (rest : list R) : Prop :=
  match rest with
  | [] => True
  | v :: rest' => P u v /\ consecutive P v rest'
  end.

Lemma last_cons_cons {A : Type} (v d : A) (rest : list A) :
  last (v :: rest) d = last rest v.
Proof.
  revert v d. induction rest as [|w rest IH]; intros v d; [reflexivity |].
  change (last (w :: rest) d = last (w :: rest) v).
  rewrite (IH w d), (IH w v). reflexivity.
Qed.

(** The gap certificate without the sortedness hypothesis (it is not needed). *)
Lemma gap_certificate_covers_unsorted (eps : R) :
  forall (rest : list R) (l0 a b : R),
    consecutive (fun u v => v - u <= 2 * eps) l0 rest ->
    l0 <= a + eps -> b - eps <= last rest l0 ->
    covers eps a b (l0 :: rest).
Proof.
  induction rest as [|v rest IH]; intros l0 a b Hgap Ha Hb z Hz.
  - simpl in Hb. exists l0. split; [left; reflexivity |].
    apply Rabs_le_iff. lra.
  - destruct (Rle_or_lt z (l0 + eps)) as [Hz0 | Hz0].
    + exists l0. split; [left; reflexivity |]. apply Rabs_le_iff. lra.
    + destruct Hgap as [Hgap1 Hgap2].
      rewrite last_cons_cons in Hb.
      destruct (IH v (l0 + eps) b Hgap2 ltac:(lra) Hb z ltac:(lra))
        as [s [Hs Hsz]].
      exists s. split; [right; exact Hs | exact Hsz].
Qed.

(** Claim `rss-gap-certificate`. If [L = l0 :: rest] is sorted (each
    consecutive pair [u <= v]), [l0 <= a + eps], [last L >= b - eps] and
    every consecutive gap [v - u <= 2 eps], then every [z] in [[a, b]] is
    within [eps] of an element of [L].
    Source: theory §5.3 L3 [RECON]. *)
Theorem gap_certificate_covers (eps a b l0 : R) (rest : list R) :
  consecutive Rle l0 rest ->
  consecutive (fun u v => v - u <= 2 * eps) l0 rest ->
  l0 <= a + eps ->
  b - eps <= last (l0 :: rest) l0 ->
  forall z, a <= z <= b -> exists s, In s (l0 :: rest) /\ Rabs (s - z) <= eps.
Proof.
  intros _ Hgap Ha Hb.
  rewrite last_cons_cons in Hb.
  exact (gap_certificate_covers_unsorted eps rest l0 a b Hgap Ha Hb).
Qed.

(** Claim `rss-grid`. If every grid point [a + j h], [0 <= j <= N], with
    [a + N h >= b] and [h > 0], is within [eps'] of an element of [L], then
    every [z] in [[a, b]] is within [eps' + h / 2] of an element of [L].
    Source: theory §5.3 L1 [RECON]. *)
Theorem grid_covers (L : list R) (eps' h : R) (N : nat) :
  0 < h ->
  forall a b : R,
  b <= a + INR N * h ->
  (forall j : nat, (j <= N)%nat ->
     exists s, In s L /\ Rabs (s - (a + INR j * h)) <= eps') ->
  forall z, a <= z <= b -> exists s, In s L /\ Rabs (s - z) <= eps' + h / 2.
Proof.
  intros Hh. induction N as [|N IH]; intros a b Hb Hgrid z Hz.
  - destruct (Hgrid 0%nat (le_n 0)) as [s [Hs Hsz]].
    simpl INR in Hb, Hsz.
    exists s. split; [exact Hs |].
    apply Rabs_le_iff in Hsz. apply Rabs_le_iff. lra.
  - rewrite S_INR in Hb.
    destruct (Rle_or_lt z (a + h / 2)) as [Hz1 | Hz1].
    + destruct (Hgrid 0%nat ltac:(lia)) as [s [Hs Hsz]].
      simpl INR in Hsz.
      exists s. split; [exact Hs |].
      apply Rabs_le_iff in Hsz. apply Rabs_le_iff. lra.
    + destruct (Rle_or_lt z (a + h)) as [Hz2 | Hz2].
      * destruct (Hgrid 1%nat ltac:(lia)) as [s [Hs Hsz]].
        simpl INR in Hsz.
        exists s. split; [exact Hs |].
        apply Rabs_le_iff in Hsz. apply Rabs_le_iff. lra.
      * apply (IH (a + h) b); [lra | | lra].
        intros j Hj.
        destruct (Hgrid (S j) ltac:(lia)) as [s [Hs Hsz]].
        rewrite S_INR in Hsz.
        exists s. split; [exact Hs |].
        replace (a + h + INR j * h) with (a + (INR j + 1) * h) by ring.
        exact Hsz.
Qed.

Lemma sumR_In_subset_sums (xs : list R) : In (sumR xs) (subset_sums xs).
Proof.
  induction xs as [|x xs IH]; simpl; [left; reflexivity |].
  apply in_or_app. right. apply in_map. exact IH.
Qed.

Lemma subset_sums_snoc (x : R) (xs : list R) (t : R) :
  In t (subset_sums xs) -> In (x + t) (subset_sums (xs ++ [x])).
Proof.
  revert t. induction xs as [|y xs IH]; intros t Ht.
  - simpl in Ht. destruct Ht as [Ht | []]. subst t.
    simpl. right. left. reflexivity.
  - apply subset_sums_cons_In in Ht. simpl app.
    apply subset_sums_cons_In.
    destruct Ht as [Ht | [t' [Ht' ->]]].
    + left. apply IH. exact Ht.
    + right. exists (x + t'). split; [apply IH; exact Ht' | ring].
Qed.

Lemma sumR_nonneg (xs : list R) :
  (forall y, In y xs -> 0 <= y) -> 0 <= sumR xs.
Proof.
  induction xs as [|x xs IH]; intros H; simpl; [lra |].
  assert (0 <= x) by (apply H; left; reflexivity).
  assert (0 <= sumR xs) by (apply IH; intros y Hy; apply H; right; exact Hy).
  lra.
Qed.

Lemma firstn_app_lt (k : nat) (l : list R) (x : R) :
  (k <= length l)%nat -> firstn k (l ++ [x]) = firstn k l.
Proof.
  intros Hk. rewrite firstn_app.
  replace (k - length l)%nat with 0%nat by lia.
  simpl. apply app_nil_r.
Qed.

(** L4 with every element assumed nonnegative, proved by induction from the
    end of the list. *)
Lemma complete_sequence_covers_nonneg (eps : R) (xs : list R) :
  0 <= eps ->
  (forall k, (k < length xs)%nat -> 0 <= nth k xs 0) ->
  (forall k, (k < length xs)%nat -> nth k xs 0 <= 2 * eps + sumR (firstn k xs)) ->
  covers eps 0 (sumR xs) (subset_sums xs).
Proof.
  intros Heps. induction xs as [|x l IH] using rev_ind; intros Hpos Hstep z Hz.
  - simpl in Hz. exists 0. split; [left; reflexivity |].
    apply Rabs_le_iff. lra.
  - rewrite app_length in Hpos, Hstep. simpl length in Hpos, Hstep.
    assert (Hl : covers eps 0 (sumR l) (subset_sums l)).
    { apply IH.
      - intros k Hk. rewrite <- (app_nth1 l [x] 0 Hk). apply Hpos. lia.
      - intros k Hk. rewrite <- (app_nth1 l [x] 0 Hk).
        rewrite <- (firstn_app_lt k l x) by lia. apply Hstep. lia. }
    assert (Hx : nth (length l) (l ++ [x]) 0 = x).
    { rewrite app_nth2 by lia. rewrite Nat.sub_diag. reflexivity. }
    assert (Hfirst : firstn (length l) (l ++ [x]) = l).
    { rewrite firstn_app_lt by lia. apply firstn_all. }
    assert (Hx0 : 0 <= x).
    { rewrite <- Hx. apply Hpos. lia. }
    assert (Hxs : x <= 2 * eps + sumR l).
    { pose proof (Hstep (length l) ltac:(lia)) as H.
      rewrite Hx, Hfirst in H. exact H. }
    assert (HS : 0 <= sumR l).
    { apply sumR_nonneg. intros y Hy.
      destruct (In_nth l y 0 Hy) as [k [Hk <-]].
      rewrite <- (app_nth1 l [x] 0 Hk). apply Hpos. lia. }
    rewrite sumR_app in Hz. simpl sumR in Hz.
    destruct (Rle_or_lt z (sumR l)) as [Hz1 | Hz1].
    + destruct (Hl z ltac:(lra)) as [s [Hs Hsz]].
      exists s. split; [apply subset_sums_app_incl; exact Hs | exact Hsz].
    + destruct (Rle_or_lt x z) as [Hz2 | Hz2].
      * destruct (Hl (z - x) ltac:(lra)) as [s [Hs Hsz]].
        exists (x + s). split; [apply subset_sums_snoc; exact Hs |].
        replace (x + s - z) with (s - (z - x)) by ring. exact Hsz.
      * destruct (Rle_or_lt z (sumR l + eps)) as [Hz3 | Hz3].
        -- exists (sumR l). split.
           ++ apply subset_sums_app_incl. apply sumR_In_subset_sums.
           ++ apply Rabs_le_iff. lra.
        -- exists (x + 0). split.
           ++ apply subset_sums_snoc. apply zero_In_subset_sums.
           ++ apply Rabs_le_iff. lra.
Qed.

(** Claim `rss-complete-sequence`. If [0 <= x_1 <= ... <= x_n],
    [x_1 <= 2 eps] and [x_(k+1) <= 2 eps + sum_(i <= k) x_i] (on lists:
    [nth k xs 0 <= 2 eps + sumR (firstn k xs)] for every index [k], the case
    [k = 0] being [x_1 <= 2 eps]), and [eps >= 0], then every [z] in
    [[0, sum_i x_i]] is within [eps] of a subset sum of [xs].
    Source: theory §5.3 L4 [RECON]. *)
Theorem complete_sequence_covers (eps : R) (xs : list R) :
  0 <= eps ->
  0 <= nth 0 xs 0 ->
  (forall k, (S k < length xs)%nat -> nth k xs 0 <= nth (S k) xs 0) ->
  (forall k, (k < length xs)%nat -> nth k xs 0 <= 2 * eps + sumR (firstn k xs)) ->
  forall z, 0 <= z <= sumR xs -> exists s, In s (subset_sums xs) /\ Rabs (s - z) <= eps.
Proof.
  intros Heps H0 Hsorted Hstep.
  apply complete_sequence_covers_nonneg; [exact Heps | | exact Hstep].
  intros k. induction k as [|k IHk]; intros Hk; [exact H0 |].
  eapply Rle_trans; [apply IHk; lia | apply Hsorted; exact Hk].
Qed.
