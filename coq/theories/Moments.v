(** * Moment and amplification arithmetic (L6, L7)

    The finite second-moment (Cauchy–Schwarz) inequality behind the
    second-moment method, Bernoulli's inequality, and the amplification
    arithmetic [2^r >= m (2m+1) -> (2m+1) 2^-r <= 1/m].
    Statements are theory §5.3 L6, L7 [RECON]. *)

From Coq Require Import Reals Lra Lia List Psatz.
Require Import Prunegap.Base.
Import ListNotations.
Local Open Scope R_scope.

Lemma two_mul_le_of_sq_le (A B C y : R) :
  0 <= A -> 0 <= B -> 0 <= C -> 0 <= y -> A ^ 2 <= B * C ->
  2 * A * y <= B + y ^ 2 * C.
Proof.
  intros HA HB HC Hy H.
  assert (Hsq : (2 * A * y) ^ 2 <= (B + y ^ 2 * C) ^ 2).
  { assert (H1 : (2 * A * y) ^ 2 = 4 * y ^ 2 * A ^ 2) by ring.
    assert (H2 : 4 * y ^ 2 * A ^ 2 <= 4 * y ^ 2 * (B * C)).
    { apply Rmult_le_compat_l; [nra | exact H]. }
    assert (H3 : (B + y ^ 2 * C) ^ 2 - 4 * y ^ 2 * (B * C) = (B - y ^ 2 * C) ^ 2)
      by ring.
    assert (H4 : 0 <= (B - y ^ 2 * C) ^ 2) by (apply pow2_ge_0).
    lra. }
  assert (HR : 0 <= B + y ^ 2 * C).
  { assert (0 <= y ^ 2 * C) by (apply Rmult_le_pos; [apply pow2_ge_0 | exact HC]).
    lra. }
  destruct (Rle_or_lt (2 * A * y) (B + y ^ 2 * C)) as [Hle | Hlt]; [exact Hle |].
  exfalso.
  assert (Hlt2 : (B + y ^ 2 * C) ^ 2 < (2 * A * y) ^ 2).
  { simpl. rewrite !Rmult_1_r. apply Rmult_le_0_lt_compat; lra. }
  lra.
Qed.

Lemma second_moment_aux (l : list (R * R)) :
  (forall p y, In (p, y) l -> 0 <= p /\ 0 <= y) ->
  let A := sumR (map (fun '(p, y) => p * y) l) in
  let B := sumR (map (fun '(p, y) => p * y ^ 2) l) in
  let C := sumR (map (fun '(p, y) => if Rlt_dec 0 y then p else 0) l) in
  0 <= A /\ 0 <= B /\ 0 <= C /\ A ^ 2 <= B * C.
Proof.
  induction l as [|[p y] l IH]; intros Hl A B C.
  - subst A B C. simpl. lra.
  - assert (Hpy : 0 <= p /\ 0 <= y) by (apply Hl; left; reflexivity).
    destruct Hpy as [Hp Hy].
    destruct IH as [HA [HB [HC HABC]]].
    { intros p' y' H. apply Hl. right. exact H. }
    set (A0 := sumR (map (fun '(p, y) => p * y) l)) in *.
    set (B0 := sumR (map (fun '(p, y) => p * y ^ 2) l)) in *.
    set (C0 := sumR (map (fun '(p, y) => if Rlt_dec 0 y then p else 0) l)) in *.
    assert (EA : A = p * y + A0) by reflexivity.
    assert (EB : B = p * y ^ 2 + B0) by reflexivity.
    assert (EC : C = (if Rlt_dec 0 y then p else 0) + C0) by reflexivity.
    rewrite EA, EB, EC.
    destruct (Rlt_dec 0 y) as [Hy0 | Hy0].
    + assert (Hkey : 2 * A0 * y <= B0 + y ^ 2 * C0)
        by (apply two_mul_le_of_sq_le; lra).
      assert (Hpy : 0 <= p * y) by (apply Rmult_le_pos; lra).
      assert (Hpy2 : 0 <= p * y ^ 2) by (apply Rmult_le_pos; [lra | apply pow2_ge_0]).
      repeat split; try lra.
      assert (Hk : p * (2 * A0 * y) <= p * (B0 + y ^ 2 * C0))
        by (apply Rmult_le_compat_l; lra).
      assert (E1 : (p * y + A0) ^ 2 = p ^ 2 * y ^ 2 + p * (2 * A0 * y) + A0 ^ 2) by ring.
      assert (E2 : (p * y ^ 2 + B0) * (p + C0)
                   = p ^ 2 * y ^ 2 + p * (B0 + y ^ 2 * C0) + B0 * C0) by ring.
      lra.
    + assert (Hy1 : y = 0) by lra. subst y.
      replace (p * 0) with 0 by ring.
      replace (p * 0 ^ 2) with 0 by ring.
      repeat split; lra.
Qed.

(** Claim `rss-second-moment`. For a list of pairs [(p_j, y_j)] with
    [p_j >= 0] and [y_j >= 0]:
    [(sum p_j y_j)^2 <= (sum p_j y_j^2) * (sum over y_j > 0 of p_j)].
    Source: theory §5.3 L6 [RECON]. *)
Theorem second_moment_bound (l : list (R * R)) :
  (forall p y, In (p, y) l -> 0 <= p /\ 0 <= y) ->
  (sumR (map (fun '(p, y) => p * y) l)) ^ 2
    <= sumR (map (fun '(p, y) => p * y ^ 2) l)
       * sumR (map (fun '(p, y) => if Rlt_dec 0 y then p else 0) l).
Proof.
  intros Hl. exact (proj2 (proj2 (proj2 (second_moment_aux l Hl)))).
Qed.

Lemma bernoulli (q : R) (n : nat) : 0 <= q <= 1 -> 1 - INR n * q <= (1 - q) ^ n.
Proof.
  intros Hq. induction n as [|n IH].
  - simpl. lra.
  - rewrite S_INR. simpl pow.
    assert (H1 : (1 - q) * (1 - INR n * q) <= (1 - q) * (1 - q) ^ n)
      by (apply Rmult_le_compat_l; lra).
    assert (H2 : 0 <= INR n * q * q).
    { apply Rmult_le_pos; [apply Rmult_le_pos; [apply pos_INR | lra] | lra]. }
    assert (E : (1 - q) * (1 - INR n * q) = 1 - (INR n + 1) * q + INR n * q * q)
      by ring.
    lra.
Qed.

Lemma amplification_arith (m r : nat) :
  (1 <= m)%nat -> INR m * (2 * INR m + 1) <= 2 ^ r ->
  (2 * INR m + 1) * / 2 ^ r <= 1 / INR m.
Proof.
  intros Hm H.
  assert (HM : 1 <= INR m) by (apply (le_INR 1); exact Hm).
  assert (HP : 0 < 2 ^ r) by (apply pow_lt; lra).
  assert (E1 : (2 * INR m + 1) * / 2 ^ r
               = (INR m * (2 * INR m + 1)) * (/ 2 ^ r * / INR m))
    by (field; lra).
  assert (E2 : 1 / INR m = 2 ^ r * (/ 2 ^ r * / INR m)) by (field; lra).
  rewrite E1, E2.
  apply Rmult_le_compat_r; [| exact H].
  apply Rmult_le_pos; left; apply Rinv_0_lt_compat; lra.
Qed.

(** Claim `rss-amplification`. Bernoulli: [q] in [[0, 1]] implies
    [(1 - q)^n >= 1 - n q]; and for integers [m >= 1],
    [2^r >= m (2m + 1)] implies [(2m + 1) 2^-r <= 1/m].
    Source: theory §5.3 L7 [RECON]. *)
Theorem amplification :
  (forall (q : R) (n : nat), 0 <= q <= 1 -> 1 - INR n * q <= (1 - q) ^ n) /\
  (forall m r : nat, (1 <= m)%nat -> INR m * (2 * INR m + 1) <= 2 ^ r ->
     (2 * INR m + 1) * / 2 ^ r <= 1 / INR m).
Proof.
  split; [exact bernoulli | exact amplification_arith].
Qed.
