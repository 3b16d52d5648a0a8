(** * All: imports the whole prunegap Coq development. *)

From Prunegap Require Export Base Relu SubsetSum Certificate Moments Kinks TheoremA Checker Decide.
