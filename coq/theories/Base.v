(** * Base: list sums and small real-arithmetic helpers

    Shared helpers for the prunegap development.  Nothing in this file is a
    claim of the claims registry; it only collects lemmas used by several
    topic files. *)

From Coq Require Import Reals Lra List.
Import ListNotations.
Local Open Scope R_scope.

(** The sum of a list of reals. *)
Fixpoint sumR (l : list R) : R :=
  match l with
  | [] => 0
  | x :: l' => x + sumR l'
  end.

(** [sumR] distributes over concatenation. *)
Lemma sumR_app (l1 l2 : list R) : sumR (l1 ++ l2) = sumR l1 + sumR l2.
Proof.
  induction l1 as [|x l1 IH]; simpl; [ring | rewrite IH; ring].
Qed.

(** Absolute value bounded by [e], as a two-sided linear bound. *)
Lemma Rabs_le_iff (x e : R) : Rabs x <= e <-> - e <= x <= e.
Proof.
  unfold Rabs; destruct (Rcase_abs x); split; intros H; try split; lra.
Qed.

(** Each of three numbers lies within the largest of their absolute values. *)
Lemma Rmax3_abs_bounds (x y z : R) :
  let M := Rmax (Rabs x) (Rmax (Rabs y) (Rabs z)) in
  (- M <= x <= M) /\ (- M <= y <= M) /\ (- M <= z <= M).
Proof.
  intros M.
  assert (Hx : Rabs x <= M) by apply Rmax_l.
  assert (Hy : Rabs y <= M)
    by (eapply Rle_trans; [apply Rmax_l | apply Rmax_r]).
  assert (Hz : Rabs z <= M)
    by (eapply Rle_trans; [apply Rmax_r | apply Rmax_r]).
  apply Rabs_le_iff in Hx; apply Rabs_le_iff in Hy; apply Rabs_le_iff in Hz.
  repeat split; lra.
Qed.

(** The "epsilon of room" argument: if [x <= y + d] for every small [d > 0],
    then [x <= y]. *)
Lemma le_of_forall_pos_le (x y D : R) :
  0 < D -> (forall d, 0 < d -> d <= D -> x <= y + d) -> x <= y.
Proof.
  intros HD H.
  destruct (Rle_or_lt x y) as [Hle | Hlt]; [exact Hle |].
  set (d := Rmin ((x - y) / 2) D).
  assert (Hd1 : d <= (x - y) / 2) by apply Rmin_l.
  assert (Hd2 : d <= D) by apply Rmin_r.
  assert (Hd0 : 0 < d) by (apply Rmin_pos; lra).
  specialize (H d Hd0 Hd2). lra.
Qed.
