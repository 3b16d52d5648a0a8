(* Example 1 (hand-written, in the replay format of coq/README.md).
   Samples xs = [1; 1/2; 1/4; 1/8]; every multiple k/8 of 1/8 with
   0 <= k <= 15 is a subset sum (k = 8 b0 + 4 b1 + 2 b2 + b3 for the mask
   [b0; b1; b2; b3]), so the 16 masks below, sorted by sum, have consecutive
   gaps 1/8 = 2 eps and certify that the subset sums 1/16-cover [0, 15/8]. *)

From Coq Require Import List QArith.
Require Import Prunegap.Checker.
Import ListNotations.
Local Open Scope Q_scope.

Definition xs : list Q := [(1 # 1); (1 # 2); (1 # 4); (1 # 8)].
Definition eps : Q := (1 # 16).
Definition a : Q := (0 # 1).
Definition b : Q := (15 # 8).
Definition masks : list (list bool) := [
  [false; false; false; false];
  [false; false; false; true];
  [false; false; true; false];
  [false; false; true; true];
  [false; true; false; false];
  [false; true; false; true];
  [false; true; true; false];
  [false; true; true; true];
  [true; false; false; false];
  [true; false; false; true];
  [true; false; true; false];
  [true; false; true; true];
  [true; true; false; false];
  [true; true; false; true];
  [true; true; true; false];
  [true; true; true; true]
].

Lemma cert_ok : check_certificate xs eps a b masks = true.
Proof. vm_compute. reflexivity. Qed.

(* Not part of the replay format: what the accepted certificate means. *)
From Coq Require Import Reals.
Require Import Prunegap.SubsetSum.

Corollary example1_covers :
  covers (Q2R eps) (Q2R a) (Q2R b) (subset_sums (map Q2R xs)).
Proof. exact (check_certificate_covers xs eps a b masks cert_ok). Qed.

(* The checker rejects the same certificate with the mask of 5/8 removed
   (gap 1/4 > 2 eps); examples/Tampered1.v is that replay file. *)
Example example1_tampered_rejected :
  check_certificate xs eps a b (firstn 5 masks ++ skipn 6 masks) = false.
Proof. vm_compute. reflexivity. Qed.
