(** * The verified certificate checker over [Q]

    A certificate for "the subset sums of [xs] [eps]-cover [[a, b]]" is a list
    of bit masks over the sample list [xs] (bit [i] selects [xs_i]).  The
    checker [check_certificate] computes each mask's exact rational sum and
    checks that
    - every mask has exactly [length xs] bits,
    - the sums are sorted nondecreasing,
    - consecutive gaps are [<= 2 eps],
    - the first sum is [<= a + eps] and the last is [>= b - eps] ([Qle_bool]).
    Soundness ([check_certificate_sound]) is derived from the real-valued
    gap certificate L3 ([Prunegap.Certificate.gap_certificate_covers]).

    For speed, sums are computed exactly in integers over a common
    denominator [D] of the samples: each sample [x] is written [n_x # D] (the
    checker verifies [x == n_x # D] with [Qeq_bool]), a mask's sum is
    [(sum of the selected n_x) # D], and the sortedness and gap tests are the
    unfolded [Qle] tests on these fractions ([Z.leb] on integers), so no
    large-number multiplication is repeated per mask.  [check_sums] is the
    plain [Qle_bool] version of the test; [check_zsums_sound] shows the fast
    test implies it.  The checker is computable: [vm_compute] decides it on
    concrete inputs (see [coq/README.md] for the replay file format). *)

From Coq Require Import QArith Qreals Reals Lra List Bool ZArith Lia.
Require Import Prunegap.Base Prunegap.SubsetSum Prunegap.Certificate.
Import ListNotations.

(** ** The checker *)

(** The exact sum of the samples selected by a mask (bit [i] selects
    [xs_i]; missing bits count as [false], extra bits are ignored).  This is
    the specification; the checker computes it through [zmask_sum]. *)
Fixpoint mask_sum (xs : list Q) (m : list bool) : Q :=
  match xs, m with
  | x :: xs', bit :: m' => (if bit then x else 0) + mask_sum xs' m'
  | _, _ => 0
  end.

(** A common denominator of the samples: the lcm of their denominators. *)
Definition common_den (xs : list Q) : positive :=
  fold_right (fun x acc => Z.to_pos (Z.lcm (Zpos (Qden x)) (Zpos acc))) 1%positive xs.

(** The numerator of [x] over the denominator [D] (exact when [Qden x]
    divides [D]; the checker verifies exactness). *)
Definition scaled_num (D : positive) (x : Q) : Z := (Qnum x * Zpos D) / Zpos (Qden x).

(** The integer sum of the selected numerators. *)
Fixpoint zmask_sum (ns : list Z) (m : list bool) : Z :=
  match ns, m with
  | n :: ns', bit :: m' => ((if bit then n else 0) + zmask_sum ns' m')%Z
  | _, _ => 0%Z
  end.

(** Sortedness and gaps [<= 2 eps] on consecutive pairs of [u :: rest]
    (reference version with [Qle_bool]). *)
Fixpoint gaps_ok (eps u : Q) (rest : list Q) : bool :=
  match rest with
  | [] => true
  | v :: rest' => Qle_bool u v && Qle_bool (v - u) (2 * eps) && gaps_ok eps v rest'
  end.

(** The gap-certificate test (L3) on a list of candidate points (reference
    version with [Qle_bool]). *)
Definition check_sums (eps a b : Q) (sums : list Q) : bool :=
  match sums with
  | [] => false
  | s0 :: rest =>
      gaps_ok eps s0 rest && Qle_bool s0 (a + eps) && Qle_bool (b - eps) (last rest s0)
  end.

(** Fast version of [gaps_ok] on the numerators [u :: rest] of fractions
    over a common denominator [D]: with [e2 = 2 eps], [(v - u) # D <= e2]
    unfolds to [(v - u) * Qden e2 <= Qnum e2 * D]; [den_e2] and [rhs] are
    these two constants. *)
Fixpoint zgaps_ok (den_e2 rhs : Z) (u : Z) (rest : list Z) : bool :=
  match rest with
  | [] => true
  | v :: rest' =>
      Z.leb u v && Z.leb ((v - u) * den_e2) rhs && zgaps_ok den_e2 rhs v rest'
  end.

(** Fast version of [check_sums] on numerators over the denominator [D]. *)
Definition check_zsums (D : positive) (eps a b : Q) (zs : list Z) : bool :=
  let e2 := 2 * eps in
  match zs with
  | [] => false
  | z0 :: rest =>
      zgaps_ok (Zpos (Qden e2)) (Qnum e2 * Zpos D) z0 rest
      && Qle_bool (z0 # D) (a + eps)
      && Qle_bool (b - eps) (last rest z0 # D)
  end.

(** Every mask has exactly one bit per sample. *)
Definition masks_well_formed (xs : list Q) (masks : list (list bool)) : bool :=
  forallb (fun m => Nat.eqb (length m) (length xs)) masks.

(** Every sample equals its scaled numerator over [D]. *)
Definition scaling_exact (D : positive) (xs : list Q) : bool :=
  forallb (fun x => Qeq_bool x (scaled_num D x # D)) xs.

(** The certificate checker. *)
Definition check_certificate (xs : list Q) (eps a b : Q)
    (masks : list (list bool)) : bool :=
  let D := common_den xs in
  let ns := map (scaled_num D) xs in
  masks_well_formed xs masks
  && scaling_exact D xs
  && check_zsums D eps a b (map (zmask_sum ns) masks).

(** ** Soundness *)

Lemma last_map {A B : Type} (f : A -> B) (l : list A) (d : A) :
  last (map f l) (f d) = f (last l d).
Proof.
  revert d. induction l as [|v l IH]; intros d; [reflexivity |].
  simpl map. rewrite !last_cons_cons. apply IH.
Qed.

Lemma zmask_sum_correct (D : positive) (xs : list Q) (m : list bool) :
  scaling_exact D xs = true ->
  mask_sum xs m == zmask_sum (map (scaled_num D) xs) m # D.
Proof.
  revert m. induction xs as [|x xs IH]; intros m H.
  - destruct m; reflexivity.
  - unfold scaling_exact in H. simpl in H. apply andb_prop in H.
    destruct H as [Hx Hxs]. apply Qeq_bool_eq in Hx.
    destruct m as [|bit m]; [reflexivity |].
    simpl mask_sum. simpl map. simpl zmask_sum.
    rewrite (IH m Hxs), <- Qinv_plus_distr.
    destruct bit.
    + rewrite <- Hx. reflexivity.
    + apply Qplus_comp; [unfold Qeq; simpl; reflexivity | reflexivity].
Qed.

Lemma zgaps_ok_sound (D : positive) (eps : Q) (rest : list Z) :
  forall u : Z,
  zgaps_ok (Zpos (Qden (2 * eps))) (Qnum (2 * eps) * Zpos D) u rest = true ->
  gaps_ok eps (u # D) (map (fun z => z # D) rest) = true.
Proof.
  induction rest as [|v rest IH]; intros u H; [reflexivity |].
  simpl in H. apply andb_prop in H. destruct H as [H H3].
  apply andb_prop in H. destruct H as [H1 H2].
  apply Z.leb_le in H1. apply Z.leb_le in H2.
  simpl. rewrite (IH v H3), andb_true_r.
  apply andb_true_intro. split; apply Qle_bool_iff.
  - unfold Qle. simpl. nia.
  - unfold Qminus. rewrite Qinv_minus_distr. unfold Qle. simpl. exact H2.
Qed.

Lemma check_zsums_sound (D : positive) (eps a b : Q) (zs : list Z) :
  check_zsums D eps a b zs = true ->
  check_sums eps a b (map (fun z => z # D) zs) = true.
Proof.
  destruct zs as [|z0 rest]; [discriminate |].
  unfold check_zsums. intros H.
  apply andb_prop in H. destruct H as [H Hlast].
  apply andb_prop in H. destruct H as [Hgaps Hfirst].
  simpl map. unfold check_sums.
  rewrite (zgaps_ok_sound D eps rest z0 Hgaps), Hfirst.
  rewrite (last_map (fun z => z # D)). exact Hlast.
Qed.

Local Open Scope R_scope.

Lemma Q2R_zero : Q2R 0 = 0.
Proof. unfold Q2R. simpl. ring. Qed.

Lemma Q2R_two : Q2R 2 = 2.
Proof. unfold Q2R. simpl. field. Qed.

Lemma Qle_bool_Rle (x y : Q) : Qle_bool x y = true -> Q2R x <= Q2R y.
Proof. intros H. apply Qle_Rle. apply Qle_bool_iff. exact H. Qed.

Lemma gaps_ok_sound (eps : Q) (rest : list Q) :
  forall u : Q, gaps_ok eps u rest = true ->
  consecutive Rle (Q2R u) (map Q2R rest) /\
  consecutive (fun x y => y - x <= 2 * Q2R eps) (Q2R u) (map Q2R rest).
Proof.
  induction rest as [|v rest IH]; intros u H; simpl; [split; exact I |].
  simpl in H. apply andb_prop in H. destruct H as [H H3].
  apply andb_prop in H. destruct H as [H1 H2].
  apply Qle_bool_Rle in H1. apply Qle_bool_Rle in H2.
  rewrite Q2R_minus, Q2R_mult, Q2R_two in H2.
  destruct (IH v H3) as [IH1 IH2].
  split; split; assumption.
Qed.

(** Soundness of the reference test, from the real-valued L3. *)
Lemma check_sums_sound (eps a b : Q) (sums : list Q) :
  check_sums eps a b sums = true ->
  forall z, Q2R a <= z <= Q2R b ->
  exists s, In s sums /\ Rabs (Q2R s - z) <= Q2R eps.
Proof.
  destruct sums as [|s0 rest]; [discriminate |].
  intros H z Hz. simpl in H.
  apply andb_prop in H. destruct H as [H Hlast].
  apply andb_prop in H. destruct H as [Hgaps Hfirst].
  apply Qle_bool_Rle in Hfirst. apply Qle_bool_Rle in Hlast.
  rewrite Q2R_plus in Hfirst. rewrite Q2R_minus in Hlast.
  destruct (gaps_ok_sound eps rest s0 Hgaps) as [Hsorted Hgap].
  assert (Hlast' : Q2R b - Q2R eps <= last (Q2R s0 :: map Q2R rest) (Q2R s0)).
  { rewrite last_cons_cons, last_map. exact Hlast. }
  destruct (gap_certificate_covers (Q2R eps) (Q2R a) (Q2R b) (Q2R s0)
              (map Q2R rest) Hsorted Hgap Hfirst Hlast' z Hz)
    as [r [Hr Hrz]].
  change (Q2R s0 :: map Q2R rest) with (map Q2R (s0 :: rest)) in Hr.
  apply in_map_iff in Hr. destruct Hr as [s [<- Hs]].
  exists s. split; [exact Hs | exact Hrz].
Qed.

(** Claim `rss-certificate-sound`. If the computable checker over [Q]
    accepts the sample list [xs], the radius [eps], the interval [[a, b]]
    and the witness masks, then every real [z] in [[a, b]] is within [eps]
    of the exact sum [mask_sum xs m] of one of the masks [m].
    Source: tools §D / theory §5.3 L3 [RECON]. *)
Theorem check_certificate_sound (xs : list Q) (eps a b : Q)
    (masks : list (list bool)) :
  check_certificate xs eps a b masks = true ->
  forall z : R, Q2R a <= z <= Q2R b ->
  exists m, In m masks /\ Rabs (Q2R (mask_sum xs m) - z) <= Q2R eps.
Proof.
  intros H z Hz. unfold check_certificate in H.
  set (D := common_den xs) in H.
  apply andb_prop in H. destruct H as [H Hsums].
  apply andb_prop in H. destruct H as [_ Hscale].
  apply check_zsums_sound in Hsums. rewrite map_map in Hsums.
  destruct (check_sums_sound eps a b _ Hsums z Hz) as [s [Hs Hsz]].
  apply in_map_iff in Hs. destruct Hs as [m [<- Hm]].
  exists m. split; [exact Hm |].
  rewrite (Qeq_eqR _ _ (zmask_sum_correct D xs m Hscale)). exact Hsz.
Qed.

(** ** Link with the subset sums *)

Lemma mask_sum_cons (x : Q) (xs : list Q) (bit : bool) (m : list bool) :
  mask_sum (x :: xs) (bit :: m) = ((if bit then x else 0) + mask_sum xs m)%Q.
Proof. reflexivity. Qed.

(** A mask sum is a subset sum of the samples (read as reals). *)
Lemma mask_sum_In_subset_sums (xs : list Q) (m : list bool) :
  In (Q2R (mask_sum xs m)) (subset_sums (map Q2R xs)).
Proof.
  revert m. induction xs as [|x xs IH]; intros m.
  - simpl. rewrite Q2R_zero. left. reflexivity.
  - destruct m as [|bit m].
    + simpl mask_sum. rewrite Q2R_zero. apply zero_In_subset_sums.
    + rewrite mask_sum_cons, Q2R_plus.
      simpl map. apply subset_sums_cons_In.
      destruct bit.
      * right. exists (Q2R (mask_sum xs m)). split; [apply IH | reflexivity].
      * left. rewrite Q2R_zero, Rplus_0_l. apply IH.
Qed.

(** An accepted certificate is an [eps]-cover of [[a, b]] by the subset sums
    of the samples. *)
Corollary check_certificate_covers (xs : list Q) (eps a b : Q)
    (masks : list (list bool)) :
  check_certificate xs eps a b masks = true ->
  covers (Q2R eps) (Q2R a) (Q2R b) (subset_sums (map Q2R xs)).
Proof.
  intros H z Hz.
  destruct (check_certificate_sound xs eps a b masks H z Hz) as [m [_ Hm]].
  exists (Q2R (mask_sum xs m)). split; [apply mask_sum_In_subset_sums | exact Hm].
Qed.
