/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Prunegap.Basic
import Prunegap.Relu
import Prunegap.SubsetSum
import Prunegap.FixedSize
import Prunegap.Certificate
import Prunegap.Moments
import Prunegap.Kinks
import Prunegap.TheoremA
import Prunegap.Checker
import Prunegap.Decide
import Prunegap.Constants
import Prunegap.Generated.Constants

/-!
# prunegap: the Lean mirror of the formal core

Root module: imports every module of the library. The claim table is `lean/claims.tsv`
and `lean/README.md`; the axiom audit is `PrunegapAudit/Axioms.lean`.
-/
