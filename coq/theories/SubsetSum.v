(** * Subset sums: recursion, monotonicity and the counting bound

    [subset_sums xs] lists the [2 ^ length xs] subset sums of [xs] (with
    multiplicity).  [covers eps a b L] says that every point of [[a, b]] is
    within [eps] of an element of [L].  Statements are the L2 and L5 of
    theory §5.3 [RECON]. *)

From Coq Require Import Reals Lra Lia List.
Require Import Prunegap.Base.
Import ListNotations.
Local Open Scope R_scope.

(** All subset sums of [xs], one per subset (so duplicates are kept). *)
Fixpoint subset_sums (xs : list R) : list R :=
  match xs with
  | [] => [0]
  | x :: xs' => subset_sums xs' ++ map (fun s => x + s) (subset_sums xs')
  end.

(** [L] is an [eps]-cover of [[a, b]]. *)
Definition covers (eps a b : R) (L : list R) : Prop :=
  forall z, a <= z <= b -> exists s, In s L /\ Rabs (s - z) <= eps.

Lemma subset_sums_nil : subset_sums [] = [0].
Proof. reflexivity. Qed.

Lemma subset_sums_cons (x : R) (xs : list R) :
  subset_sums (x :: xs) = subset_sums xs ++ map (fun s => x + s) (subset_sums xs).
Proof. reflexivity. Qed.

Lemma subset_sums_cons_In (x : R) (xs : list R) (s : R) :
  In s (subset_sums (x :: xs)) <->
  In s (subset_sums xs) \/ exists t, In t (subset_sums xs) /\ s = x + t.
Proof.
  rewrite subset_sums_cons, in_app_iff, in_map_iff.
  split; intros [H | H]; auto; right.
  - destruct H as [t [Ht1 Ht2]]. exists t. auto.
  - destruct H as [t [Ht1 Ht2]]. exists t. auto.
Qed.

Lemma subset_sums_length (xs : list R) :
  length (subset_sums xs) = (2 ^ length xs)%nat.
Proof.
  induction xs as [|x xs IH]; simpl; [reflexivity |].
  rewrite app_length, map_length, IH. lia.
Qed.

(** Claim `rss-subset-sum-recursion`. [subset_sums [] = [0]];
    [subset_sums (x :: xs) = subset_sums xs ++ map (x + .) (subset_sums xs)];
    [s] is a subset sum of [x :: xs] iff it is one of [xs] or [x + t] for a
    subset sum [t] of [xs]; and there are [2 ^ length xs] subset sums.
    Source: theory §5.3 L2 [RECON]. *)
Theorem subset_sums_recursion :
  subset_sums [] = [0] /\
  (forall (x : R) (xs : list R),
      subset_sums (x :: xs) = subset_sums xs ++ map (fun s => x + s) (subset_sums xs)) /\
  (forall (x : R) (xs : list R) (s : R),
      In s (subset_sums (x :: xs)) <->
      In s (subset_sums xs) \/ exists t, In t (subset_sums xs) /\ s = x + t) /\
  (forall xs : list R, length (subset_sums xs) = (2 ^ length xs)%nat).
Proof.
  split; [exact subset_sums_nil |].
  split; [exact subset_sums_cons |].
  split; [exact subset_sums_cons_In | exact subset_sums_length].
Qed.

Lemma zero_In_subset_sums (xs : list R) : In 0 (subset_sums xs).
Proof.
  induction xs as [|x xs IH]; simpl; [left; reflexivity |].
  apply in_or_app. left. exact IH.
Qed.

Lemma subset_sums_cons_incl (x : R) (xs : list R) (s : R) :
  In s (subset_sums xs) -> In s (subset_sums (x :: xs)).
Proof. intros H. apply subset_sums_cons_In. left. exact H. Qed.

Lemma subset_sums_app_incl (xs ys : list R) (s : R) :
  In s (subset_sums xs) -> In s (subset_sums (xs ++ ys)).
Proof.
  revert s. induction xs as [|x xs IH]; intros s H.
  - simpl in H. destruct H as [H | []]. subst s. apply zero_In_subset_sums.
  - simpl app. apply subset_sums_cons_In in H.
    apply subset_sums_cons_In.
    destruct H as [H | [t [Ht ->]]].
    + left. apply IH. exact H.
    + right. exists t. split; [apply IH; exact Ht | reflexivity].
Qed.

Lemma covers_incl (eps a b : R) (L L' : list R) :
  (forall s, In s L -> In s L') -> covers eps a b L -> covers eps a b L'.
Proof.
  intros Hincl Hcov z Hz. destruct (Hcov z Hz) as [s [Hs Hsz]].
  exists s. split; [apply Hincl; exact Hs | exact Hsz].
Qed.

Lemma covers_mono_eps (eps eps' a b : R) (L : list R) :
  eps <= eps' -> covers eps a b L -> covers eps' a b L.
Proof.
  intros Heps Hcov z Hz. destruct (Hcov z Hz) as [s [Hs Hsz]].
  exists s. split; [exact Hs | lra].
Qed.

(** Claim `rss-subset-sum-monotone`. Adding samples never removes a subset
    sum: a subset sum of [xs] is one of [x :: xs] and of [xs ++ ys]; hence an
    [eps]-cover of [[a, b]] by the subset sums of [xs] stays one after adding
    samples; and an [eps]-cover is an [eps']-cover for every [eps' >= eps].
    Source: theory §5.3 L2 [RECON]. *)
Theorem subset_sums_monotone :
  (forall (x : R) (xs : list R) (s : R),
      In s (subset_sums xs) -> In s (subset_sums (x :: xs))) /\
  (forall (xs ys : list R) (s : R),
      In s (subset_sums xs) -> In s (subset_sums (xs ++ ys))) /\
  (forall (eps a b x : R) (xs ys : list R),
      covers eps a b (subset_sums xs) ->
      covers eps a b (subset_sums (x :: xs)) /\
      covers eps a b (subset_sums (xs ++ ys))) /\
  (forall (eps eps' a b : R) (L : list R),
      eps <= eps' -> covers eps a b L -> covers eps' a b L).
Proof.
  split; [exact subset_sums_cons_incl |].
  split; [exact subset_sums_app_incl |].
  split; [| exact covers_mono_eps].
  intros eps a b x xs ys Hcov. split.
  - eapply covers_incl; [| exact Hcov]. apply subset_sums_cons_incl.
  - eapply covers_incl; [| exact Hcov]. apply subset_sums_app_incl.
Qed.

Lemma covers_nonneg_eps (eps a b : R) (L : list R) :
  a <= b -> covers eps a b L -> 0 <= eps.
Proof.
  intros Hab Hcov. destruct (Hcov a (conj (Rle_refl a) Hab)) as [s [_ Hs]].
  pose proof (Rabs_pos (s - a)). lra.
Qed.

Lemma counting_bound_length (n : nat) :
  forall (eps a b : R) (L : list R),
    length L = n -> a <= b -> covers eps a b L -> b - a <= 2 * eps * INR n.
Proof.
  induction n as [|n IH]; intros eps a b L Hlen Hab Hcov.
  - destruct L; [| discriminate].
    destruct (Hcov a (conj (Rle_refl a) Hab)) as [s [[] _]].
  - pose proof (covers_nonneg_eps eps a b L Hab Hcov) as Heps.
    destruct (Hcov b (conj Hab (Rle_refl b))) as [s [Hs Hsb]].
    apply Rabs_le_iff in Hsb.
    destruct (in_split s L Hs) as [l1 [l2 HL]].
    rewrite S_INR.
    assert (Hn : 0 <= INR n) by apply pos_INR.
    assert (Hen : 0 <= eps * INR n) by (apply Rmult_le_pos; assumption).
    destruct (Rle_or_lt (s - eps) a) as [Hsa | Hsa].
    + lra.
    + (* the points of [a, s - eps) are covered by L minus s *)
      assert (Hleft : s - eps - a <= 2 * eps * INR n).
      { apply (le_of_forall_pos_le _ _ (s - eps - a)); [lra |].
        intros d Hd HdD.
        assert (Hlen' : length (l1 ++ l2) = n).
        { rewrite HL, !app_length in Hlen. simpl in Hlen. rewrite app_length. lia. }
        assert (Hcov' : covers eps a (s - eps - d) (l1 ++ l2)).
        { intros z Hz.
          destruct (Hcov z ltac:(lra)) as [t [Ht Htz]].
          exists t. split; [| exact Htz].
          rewrite HL in Ht. apply in_app_iff in Ht.
          destruct Ht as [Ht | [Ht | Ht]].
          - apply in_app_iff. left. exact Ht.
          - subst t. apply Rabs_le_iff in Htz. lra.
          - apply in_app_iff. right. exact Ht. }
        pose proof (IH eps a (s - eps - d) (l1 ++ l2) Hlen' ltac:(lra) Hcov').
        lra. }
      lra.
Qed.

(** Claim `rss-counting-bound`. If every [z] in [[a, b]] ([a <= b]) is within
    [eps] of an element of a list [L], then [b - a <= 2 eps * length L]; hence
    for the subset sums of [xs], [b - a <= 2 ^ length xs * (2 eps)].
    Source: theory §5.3 L5 [RECON]. *)
Theorem counting_bound :
  (forall (eps a b : R) (L : list R),
      a <= b -> covers eps a b L -> b - a <= 2 * eps * INR (length L)) /\
  (forall (eps a b : R) (xs : list R),
      a <= b -> covers eps a b (subset_sums xs) ->
      b - a <= 2 ^ length xs * (2 * eps)).
Proof.
  assert (H : forall (eps a b : R) (L : list R),
             a <= b -> covers eps a b L -> b - a <= 2 * eps * INR (length L)).
  { intros eps a b L Hab Hcov.
    exact (counting_bound_length (length L) eps a b L eq_refl Hab Hcov). }
  split; [exact H |].
  intros eps a b xs Hab Hcov.
  pose proof (H eps a b _ Hab Hcov) as Hb.
  rewrite subset_sums_length, pow_INR in Hb. simpl INR in Hb.
  replace (1 + 1) with 2 in Hb by ring. lra.
Qed.
