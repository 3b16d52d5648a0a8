(* Tampered version of Example1.v: the mask for 5/8 ([false; true; false; true])
   is removed, so the gap between 1/2 and 3/4 is 1/4 > 2 eps.  Replaying this
   file MUST FAIL at cert_ok ([make -C coq examples] checks that it does). *)

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
