/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.Generated.Constants

/-!
# Hand-written lemmas about the generated constants (placeholder)

`Prunegap.Generated.Constants` is written by `pybridge` from `symbolic`'s certified rational
bounds. The lemmas proving what those bounds are used for (by `norm_num` on the exported
rationals) are added here once the generated format is fixed; until then this module only
fixes the import structure.
-/
