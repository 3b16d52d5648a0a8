(** * Fixed-size subset sums: recursion, count and the counting bound

    [k_subset_sums k xs] lists the sums of the [k]-element sub-lists of [xs]
    (one per subset, so duplicates are kept), by the recursion of the fixed-size
    engine: [KS k (x :: xs) = KS k xs ++ map (x + .) (KS (k - 1) xs)].  There are
    [choose (length xs) k] of them, and each is a subset sum.  The counting bound
    is the k-subset version of [rss-counting-bound] (theory §1.6 [RECON];
    issue 13 §1). *)

From Coq Require Import Reals Lra Lia List.
Require Import Prunegap.Base Prunegap.SubsetSum.
Import ListNotations.
Local Open Scope R_scope.

(** Binomial coefficients by Pascal's rule. *)
Fixpoint choose (n k : nat) : nat :=
  match n, k with
  | _, O => 1%nat
  | O, S _ => 0%nat
  | S n', S k' => (choose n' k' + choose n' (S k'))%nat
  end.

(** Sums of the [k]-element sub-lists of [xs] (one per subset). *)
Fixpoint k_subset_sums (k : nat) (xs : list R) {struct xs} : list R :=
  match xs with
  | [] => match k with O => [0] | S _ => [] end
  | x :: xs' =>
      match k with
      | O => k_subset_sums O xs'
      | S k' => k_subset_sums (S k') xs' ++ map (fun s => x + s) (k_subset_sums k' xs')
      end
  end.

Lemma choose_0_r (n : nat) : choose n 0 = 1%nat.
Proof. destruct n; reflexivity. Qed.

(** There are [choose (length xs) k] fixed-size sums. *)
Lemma k_subset_sums_length (xs : list R) :
  forall k, length (k_subset_sums k xs) = choose (length xs) k.
Proof.
  induction xs as [|x xs IH]; intros [|k]; simpl; try reflexivity.
  - rewrite IH, !choose_0_r. reflexivity.
  - rewrite app_length, map_length, !IH. lia.
Qed.

(** Every fixed-size sum is a subset sum. *)
Lemma k_subset_sums_incl (xs : list R) :
  forall k s, In s (k_subset_sums k xs) -> In s (subset_sums xs).
Proof.
  induction xs as [|x xs IH]; intros [|k] s H; simpl in *.
  - exact H.
  - contradiction.
  - apply in_app_iff. left. exact (IH O s H).
  - apply in_app_iff in H. apply in_app_iff.
    destruct H as [H | H].
    + left. exact (IH (S k) s H).
    + right. apply in_map_iff in H. destruct H as [t [Ht1 Ht2]].
      apply in_map_iff. exists t. split; [exact Ht1 | exact (IH k t Ht2)].
Qed.

(** Claim `rfss-counting-bound`. There are [choose n k] sums of exactly [k]
    of the [n] samples, each a subset sum; if every [z] in [[a, b]] ([a <= b])
    is within [eps] of one of them, then [b - a <= choose n k * (2 eps)]; hence
    [choose n k * 2 eps < b - a] (with [eps >= 0]) means no [k]-subset cover.
    Source: theory §1.6 counting bound, k-subset version [RECON]. *)
Theorem fixed_size_counting_bound :
  (forall (k : nat) (xs : list R), length (k_subset_sums k xs) = choose (length xs) k) /\
  (forall (k : nat) (xs : list R) (s : R), In s (k_subset_sums k xs) -> In s (subset_sums xs)) /\
  (forall (eps a b : R) (k : nat) (xs : list R),
      a <= b -> covers eps a b (k_subset_sums k xs) ->
      b - a <= INR (choose (length xs) k) * (2 * eps)) /\
  (forall (eps a b : R) (k : nat) (xs : list R),
      0 <= eps -> INR (choose (length xs) k) * (2 * eps) < b - a ->
      ~ covers eps a b (k_subset_sums k xs)).
Proof.
  assert (Hb : forall (eps a b : R) (k : nat) (xs : list R),
             a <= b -> covers eps a b (k_subset_sums k xs) ->
             b - a <= INR (choose (length xs) k) * (2 * eps)).
  { intros eps a b k xs Hab Hcov.
    destruct counting_bound as [H1 _].
    pose proof (H1 eps a b _ Hab Hcov) as H.
    rewrite k_subset_sums_length in H.
    replace (INR (choose (length xs) k) * (2 * eps)) with (2 * eps * INR (choose (length xs) k)) by ring.
    exact H. }
  split; [intros k xs; apply k_subset_sums_length |].
  split; [intros k xs s; apply k_subset_sums_incl |].
  split; [exact Hb |].
  intros eps a b k xs Heps Hlt Hcov.
  assert (Hc : 0 <= INR (choose (length xs) k)) by apply pos_INR.
  assert (Hp : 0 <= INR (choose (length xs) k) * (2 * eps)) by (apply Rmult_le_pos; lra).
  pose proof (Hb eps a b k xs ltac:(lra) Hcov). lra.
Qed.
