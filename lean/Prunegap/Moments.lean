/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.Basic

/-!
# Moment and amplification arithmetic (L6, L7)

The finite second-moment (Cauchy–Schwarz) inequality behind the second-moment method,
Bernoulli's inequality, and the amplification arithmetic `2^r ≥ m (2m+1) → (2m+1) 2^-r ≤ 1/m`.
Lean twin of `coq/theories/Moments.v`; statements are theory §5.3 L6, L7 [RECON].

## Main statements

* `Prunegap.second_moment_bound` (claim `rss-second-moment`).
* `Prunegap.amplification` (claim `rss-amplification`), built from
  `Prunegap.one_sub_mul_le_one_sub_pow` (Bernoulli) and
  `Prunegap.two_mul_add_one_mul_inv_le_one_div`.

## Implementation notes

Bernoulli's inequality is proved here by induction rather than taken from Mathlib, because
the name and hypotheses of Mathlib's version changed between releases.
-/

namespace Prunegap

/-- If `A² ≤ P Q` with `P, Q ≥ 0`, then `2 A y ≤ P + Q y²` (AM–GM after Cauchy–Schwarz). -/
theorem two_mul_mul_le_of_sq_le_mul {A P Q y : ℝ} (hP : 0 ≤ P) (hQ : 0 ≤ Q)
    (h : A ^ 2 ≤ P * Q) : 2 * A * y ≤ P + Q * y ^ 2 := by
  by_cases hQ0 : Q = 0
  · subst hQ0
    -- checked: `mul_self_nonneg (a : α) : 0 ≤ a * a` (Mathlib.Algebra.Order.Ring.Lemmas /
    -- Unbundled, stored mathlib4 source) and `mul_self_eq_zero : a * a = 0 ↔ a = 0`
    -- (Mathlib/Algebra/GroupWithZero/Defs.lean, stored source)
    have hAA : A * A = 0 := le_antisymm (by nlinarith) (mul_self_nonneg A)
    have hA : A = 0 := mul_self_eq_zero.mp hAA
    subst hA
    nlinarith
  · -- checked: `lt_of_le_of_ne : a ≤ b → a ≠ b → a < b` (Mathlib/Order/Defs, stored source)
    have hQpos : 0 < Q := lt_of_le_of_ne hQ (Ne.symm hQ0)
    by_contra hcon
    push_neg at hcon
    -- checked: `mul_neg_of_pos_of_neg (ha : 0 < a) (hb : b < 0) : a * b < 0`
    -- (Mathlib.Algebra.Order.GroupWithZero.Unbundled.Basic, mathlib4 docs page)
    have h₁ : Q * (P + Q * y ^ 2 - 2 * A * y) < 0 := mul_neg_of_pos_of_neg hQpos (by linarith)
    -- checked: `sq_nonneg (a : α) : 0 ≤ a ^ 2` (stored mathlib4 source)
    nlinarith [sq_nonneg (A - Q * y)]

/-- The inductive step of the second-moment bound. -/
theorem sq_add_le_of_sq_le_mul {A P Q p y : ℝ} (hp : 0 ≤ p) (hP : 0 ≤ P) (hQ : 0 ≤ Q)
    (h : A ^ 2 ≤ P * Q) : (p * y + A) ^ 2 ≤ (p * y ^ 2 + P) * (p + Q) := by
  have key : 2 * A * y ≤ P + Q * y ^ 2 := two_mul_mul_le_of_sq_le_mul hP hQ h
  have hk : 0 ≤ p * (P + Q * y ^ 2 - 2 * A * y) := mul_nonneg hp (by linarith)
  nlinarith [hk, h]

/-- Claim `rss-second-moment`: for a list of pairs `(p_j, y_j)` with `p_j ≥ 0` and `y_j ≥ 0`,
`(Σ p_j y_j)² ≤ (Σ p_j y_j²) · (Σ_{y_j > 0} p_j)`.
Source: theory §5.3 L6 [RECON]. Coq twin: `Prunegap.Moments.second_moment_bound`. -/
theorem second_moment_bound :
    ∀ l : List (ℝ × ℝ), (∀ q ∈ l, 0 ≤ q.1 ∧ 0 ≤ q.2) →
      (l.map fun q => q.1 * q.2).sum ^ 2 ≤
        (l.map fun q => q.1 * q.2 ^ 2).sum * (l.map fun q => if 0 < q.2 then q.1 else 0).sum
  | [], _ => by norm_num
  | p :: l, h => by
    have hp : 0 ≤ p.1 ∧ 0 ≤ p.2 := h p (List.mem_cons.mpr (Or.inl rfl))
    have hl : ∀ q ∈ l, 0 ≤ q.1 ∧ 0 ≤ q.2 := fun q hq => h q (List.mem_cons.mpr (Or.inr hq))
    have ih := second_moment_bound l hl
    have hP : 0 ≤ (l.map fun q => q.1 * q.2 ^ 2).sum :=
      sum_map_nonneg (fun q : ℝ × ℝ => q.1 * q.2 ^ 2) l
        (fun q hq => mul_nonneg (hl q hq).1 (sq_nonneg q.2))
    have hQ : 0 ≤ (l.map fun q => if 0 < q.2 then q.1 else 0).sum := by
      refine sum_map_nonneg (fun q : ℝ × ℝ => if 0 < q.2 then q.1 else 0) l ?_
      intro q hq
      show 0 ≤ (if 0 < q.2 then q.1 else 0)
      by_cases hq2 : 0 < q.2
      · -- checked: `if_pos`, `if_neg` (core `Init/Core.lean`, stored lean4 source)
        have e : (if 0 < q.2 then q.1 else 0) = q.1 := if_pos hq2
        linarith [(hl q hq).1]
      · have e : (if 0 < q.2 then q.1 else 0) = 0 := if_neg hq2
        linarith
    simp only [List.map_cons, List.sum_cons]
    by_cases hy : 0 < p.2
    · rw [if_pos hy]
      exact sq_add_le_of_sq_le_mul hp.1 hP hQ ih
    · rw [if_neg hy]
      -- checked: `not_lt : ¬a < b ↔ b ≤ a` (Mathlib/Order/Defs/LinearOrder.lean, stored)
      have hy0 : p.2 = 0 := le_antisymm (not_lt.mp hy) hp.2
      rw [hy0]
      nlinarith [ih]

/-- Bernoulli's inequality: `q ∈ [0, 1] → 1 - n q ≤ (1 - q)^n`
(part of claim `rss-amplification`). -/
theorem one_sub_mul_le_one_sub_pow {q : ℝ} (hq0 : 0 ≤ q) (hq1 : q ≤ 1) :
    ∀ n : ℕ, 1 - n * q ≤ (1 - q) ^ n
  | 0 => by norm_num
  | n + 1 => by
    have ih := one_sub_mul_le_one_sub_pow hq0 hq1 n
    -- checked: `mul_le_mul_of_nonneg_right (h : b ≤ c) (a0 : 0 ≤ a) : b * a ≤ c * a`
    -- (Mathlib/Algebra/Order/GroupWithZero/Unbundled/Defs.lean, stored mathlib4 source)
    have h₁ : (1 - n * q) * (1 - q) ≤ (1 - q) ^ n * (1 - q) :=
      mul_le_mul_of_nonneg_right ih (by linarith)
    have hn : (0 : ℝ) ≤ n := by positivity
    have h₂ : 0 ≤ (n : ℝ) * q * q := mul_nonneg (mul_nonneg hn hq0) hq0
    -- checked: `pow_succ (a : M) (n : ℕ) : a ^ (n + 1) = a ^ n * a`
    -- (Mathlib/Algebra/Group/Defs.lean, stored mathlib4 source)
    rw [pow_succ]
    push_cast
    nlinarith [h₁, h₂]

/-- For integers `m ≥ 1`, `2^r ≥ m (2m + 1)` implies `(2m + 1) 2^-r ≤ 1/m`
(part of claim `rss-amplification`). -/
theorem two_mul_add_one_mul_inv_le_one_div {m r : ℕ} (hm : 1 ≤ m)
    (h : (m : ℝ) * (2 * m + 1) ≤ 2 ^ r) :
    (2 * (m : ℝ) + 1) * ((2 : ℝ) ^ r)⁻¹ ≤ 1 / (m : ℝ) := by
  have hm' : (1 : ℝ) ≤ m := by exact_mod_cast hm
  have hmpos : (0 : ℝ) < m := by linarith
  have h2pos : (0 : ℝ) < 2 ^ r := by positivity
  -- checked: `mul_inv_cancel₀ (h : a ≠ 0) : a * a⁻¹ = 1` (Mathlib/Algebra/GroupWithZero/
  -- Defs.lean, stored mathlib4 source, current name since the 2024 rename)
  have e₁ : (2 : ℝ) ^ r * ((2 : ℝ) ^ r)⁻¹ = 1 := mul_inv_cancel₀ h2pos.ne'
  have e₂ : (m : ℝ) * (m : ℝ)⁻¹ = 1 := mul_inv_cancel₀ hmpos.ne'
  have hu : (0 : ℝ) ≤ ((2 : ℝ) ^ r)⁻¹ := by positivity
  have hv : (0 : ℝ) ≤ (m : ℝ)⁻¹ := by positivity
  have key : (m : ℝ) * (2 * m + 1) * (((2 : ℝ) ^ r)⁻¹ * (m : ℝ)⁻¹) ≤
      2 ^ r * (((2 : ℝ) ^ r)⁻¹ * (m : ℝ)⁻¹) :=
    mul_le_mul_of_nonneg_right h (mul_nonneg hu hv)
  calc (2 * (m : ℝ) + 1) * ((2 : ℝ) ^ r)⁻¹
      = (m : ℝ) * (2 * m + 1) * (((2 : ℝ) ^ r)⁻¹ * (m : ℝ)⁻¹) := by
        linear_combination (-(2 * (m : ℝ) + 1) * ((2 : ℝ) ^ r)⁻¹) * e₂
    _ ≤ 2 ^ r * (((2 : ℝ) ^ r)⁻¹ * (m : ℝ)⁻¹) := key
    _ = 1 / (m : ℝ) := by
        linear_combination ((m : ℝ)⁻¹) * e₁

/-- Claim `rss-amplification`: Bernoulli, `q ∈ [0, 1] → (1 - q)^n ≥ 1 - n q`; and for integers
`m ≥ 1`, `2^r ≥ m (2m + 1) → (2m + 1) 2^-r ≤ 1/m`.
Source: theory §5.3 L7 [RECON]. Coq twin: `Prunegap.Moments.amplification`. -/
theorem amplification :
    (∀ (q : ℝ) (n : ℕ), 0 ≤ q → q ≤ 1 → 1 - n * q ≤ (1 - q) ^ n) ∧
    (∀ m r : ℕ, 1 ≤ m → (m : ℝ) * (2 * m + 1) ≤ 2 ^ r →
      (2 * (m : ℝ) + 1) * ((2 : ℝ) ^ r)⁻¹ ≤ 1 / (m : ℝ)) :=
  ⟨fun _ n hq0 hq1 => one_sub_mul_le_one_sub_pow hq0 hq1 n,
    fun _ _ hm h => two_mul_add_one_mul_inv_le_one_div hm h⟩

end Prunegap
