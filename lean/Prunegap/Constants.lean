/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.Generated.Constants

/-!
# What the certified constants are used for

`Prunegap.Generated.Constants` holds, for each constant `c` of prunegap's `symbolic` package, rationals
`c_lo ≤ c ≤ c_hi` certified by interval arithmetic in Python (outward rounding). The lemmas below are the
rational facts the bounds of the report rely on; each is a closed inequality between rational literals, so
`norm_num` decides it after unfolding the definitions. Each statement is also checked exactly in Python
(`property_tests/formal/test_lean.py::test_constant_lemmas_hold_exactly`), because no Lean toolchain is
available on prunegap's build machines.

## Main statements
* `n_half_gt_26`, `n_half_lt_27`: Theorem A's necessary width at `ε = 1/100`, `p = 1/2` lies in `(26, 27)`,
  so at least 27 hidden units are needed (theory §3.6, RECON).
* `eta_eps_pos`, `eta_eps_lt_two_mul_two_eps`: `0 < η_ε < 4ε` at `ε = 1/100` (`2 arctan(2ε) ≤ 4ε`).
* `allasia_ratio_gt_284`: the sharp `c_l*` is more than 284 times RFSS's `C₁₈` (theory §1.7, RECON).
* `irwin_hall_cl_gt`, `irwin_hall_cu_lt`: `0.1541 < c_l*` and `c_u* < 0.7072`.
* `theorem_a_prime_lt`: Theorem A′'s optimised constant is below `5.007`.
-/

namespace Prunegap.Constants

open Prunegap.Generated

/-- `26 < n_½(1/100)` (lower end of the certified enclosure). Claim `const-n-half`. -/
theorem n_half_gt_26 : (26 : ℚ) < n_half_lo := by norm_num [n_half_lo]

/-- `n_½(1/100) < 27` (upper end of the certified enclosure). -/
theorem n_half_lt_27 : n_half_hi < (27 : ℚ) := by norm_num [n_half_hi]

/-- `0 < η_ε` at `ε = 1/100`. Claim `const-eta-eps`. -/
theorem eta_eps_pos : (0 : ℚ) < eta_eps_lo := by norm_num [eta_eps_lo]

/-- `η_ε < 4ε = 1/25` at `ε = 1/100` (`arctan y ≤ y`). -/
theorem eta_eps_lt_two_mul_two_eps : eta_eps_hi < (1 / 25 : ℚ) := by norm_num [eta_eps_hi]

/-- The sharp lower constant is more than 284 times Allasia's `C₁₈`. Claim `const-allasia-c18`. -/
theorem allasia_ratio_gt_284 : (284 : ℚ) < allasia_ratio_lo := by norm_num [allasia_ratio_lo]

/-- `0.1541 < c_l*`. Claim `const-irwin-hall-cl`. -/
theorem irwin_hall_cl_gt : (1541 / 10000 : ℚ) < irwin_hall_cl_lo := by norm_num [irwin_hall_cl_lo]

/-- `c_u* < 0.7072`. Claim `const-irwin-hall-cu`. -/
theorem irwin_hall_cu_lt : irwin_hall_cu_hi < (7072 / 10000 : ℚ) := by norm_num [irwin_hall_cu_hi]

/-- Theorem A′'s optimised constant `2 √(5 √(π/2))` is below `5.007`. Claim `const-theorem-a-prime`. -/
theorem theorem_a_prime_lt : theorem_a_prime_hi < (5007 / 1000 : ℚ) := by norm_num [theorem_a_prime_hi]

end Prunegap.Constants
