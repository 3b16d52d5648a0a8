(** * All: imports the whole prunegap Coq development. *)

From Prunegap Require Export Base Relu SubsetSum FixedSize Certificate Moments Kinks TheoremA KinkAngle Checker Decide.
