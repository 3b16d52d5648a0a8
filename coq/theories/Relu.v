(** * ReLU: the odd part and the B0 algebra

    [relu t = max t 0].  This file proves the odd/even split of the ReLU
    (theory §3.3(c)) and the positive-homogeneity algebra behind the B0
    weight-pruning construction (theory §3.8).  All statements are our
    reconstructions [RECON], not statements of arXiv 2603.02234. *)

From Coq Require Import Reals Lra List.
Require Import Prunegap.Base.
Import ListNotations.
Local Open Scope R_scope.

(** The rectifier [relu t = max t 0]. *)
Definition relu (t : R) : R := Rmax t 0.

Lemma relu_of_nonneg (t : R) : 0 <= t -> relu t = t.
Proof. intros H; unfold relu; apply Rmax_left; exact H. Qed.

Lemma relu_of_nonpos (t : R) : t <= 0 -> relu t = 0.
Proof. intros H; unfold relu; apply Rmax_right; exact H. Qed.

Lemma relu_nonneg (t : R) : 0 <= relu t.
Proof. unfold relu; apply Rmax_r. Qed.

Lemma relu_zero : relu 0 = 0.
Proof. apply relu_of_nonneg; lra. Qed.

Lemma relu_sub_relu_opp (t : R) : relu t - relu (- t) = t.
Proof.
  destruct (Rle_or_lt 0 t) as [H | H].
  - rewrite (relu_of_nonneg t H), (relu_of_nonpos (- t)) by lra; ring.
  - rewrite (relu_of_nonpos t), (relu_of_nonneg (- t)) by lra; ring.
Qed.

Lemma relu_add_relu_opp (t : R) : relu t + relu (- t) = Rabs t.
Proof.
  destruct (Rle_or_lt 0 t) as [H | H].
  - rewrite (relu_of_nonneg t H), (relu_of_nonpos (- t)) by lra.
    rewrite Rabs_right by lra; ring.
  - rewrite (relu_of_nonpos t), (relu_of_nonneg (- t)) by lra.
    rewrite Rabs_left by lra; ring.
Qed.

Lemma relu_sum_odd_part (l : list (R * R)) :
  sumR (map (fun '(v, t) => v * relu t) l)
    - sumR (map (fun '(v, t) => v * relu (- t)) l)
  = sumR (map (fun '(v, t) => v * t) l).
Proof.
  induction l as [|[v t] l IH]; simpl; [ring |].
  rewrite <- IH.
  replace (v * t) with (v * (relu t - relu (- t)))
    by (rewrite relu_sub_relu_opp; reflexivity).
  ring.
Qed.

(** Claim `relu-odd-part`. For every real [t], [relu t - relu (-t) = t] and
    [relu t + relu (-t) = |t|]; for every list of pairs [(v_i, t_i)],
    [sum v_i relu t_i - sum v_i relu (-t_i) = sum v_i t_i].
    Source: theory §3.3(c) [RECON]. *)
Theorem relu_odd_part :
  (forall t : R, relu t - relu (- t) = t) /\
  (forall t : R, relu t + relu (- t) = Rabs t) /\
  (forall l : list (R * R),
      sumR (map (fun '(v, t) => v * relu t) l)
        - sumR (map (fun '(v, t) => v * relu (- t)) l)
      = sumR (map (fun '(v, t) => v * t) l)).
Proof.
  split; [exact relu_sub_relu_opp |].
  split; [exact relu_add_relu_opp | exact relu_sum_odd_part].
Qed.

Lemma relu_mul_pos (u x : R) : 0 < u -> relu (u * x) = u * relu x.
Proof.
  intros Hu. destruct (Rle_or_lt 0 x) as [H | H].
  - rewrite (relu_of_nonneg x H), relu_of_nonneg; [ring |].
    apply Rmult_le_pos; lra.
  - assert (Hux : u * x <= 0).
    { rewrite <- (Rmult_0_r u). apply Rmult_le_compat_l; lra. }
    rewrite (relu_of_nonpos x), (relu_of_nonpos (u * x)) by lra. ring.
Qed.

Lemma relu_mul_neg (u x : R) : u < 0 -> relu (u * x) = - u * relu (- x).
Proof.
  intros Hu. replace (u * x) with ((- u) * (- x)) by ring.
  apply relu_mul_pos; lra.
Qed.

Lemma relu_masked_error (S w x : R) :
  Rabs x <= 1 -> Rabs (S * relu x - w * relu x) <= Rabs (S - w).
Proof.
  intros Hx. apply Rabs_le_iff in Hx.
  assert (H0 : 0 <= relu x) by apply relu_nonneg.
  assert (H1 : relu x <= 1).
  { unfold relu; apply Rmax_lub; lra. }
  replace (S * relu x - w * relu x) with ((S - w) * relu x) by ring.
  rewrite Rabs_mult, (Rabs_right (relu x)) by lra.
  rewrite <- (Rmult_1_r (Rabs (S - w))) at 2.
  apply Rmult_le_compat_l; [apply Rabs_pos | exact H1].
Qed.

(** Claim `b0-positive-homogeneity`. For [u > 0], [relu (u x) = u relu x];
    for [u < 0], [relu (u x) = -u relu (-x)]; and for [|x| <= 1],
    [|S relu x - w relu x| <= |S - w|] (the error of a masked B0 network).
    Source: theory §3.8 B0 [RECON]. *)
Theorem relu_positive_homogeneity :
  (forall u x : R, 0 < u -> relu (u * x) = u * relu x) /\
  (forall u x : R, u < 0 -> relu (u * x) = - u * relu (- x)) /\
  (forall S w x : R, Rabs x <= 1 -> Rabs (S * relu x - w * relu x) <= Rabs (S - w)).
Proof.
  split; [exact relu_mul_pos |].
  split; [exact relu_mul_neg | exact relu_masked_error].
Qed.
