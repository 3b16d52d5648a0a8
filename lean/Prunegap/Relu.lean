/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.Basic

/-!
# ReLU: the odd part and the B0 algebra

`relu t = max t 0`. This file proves the odd/even split of the ReLU (theory §3.3(c)) and the
positive-homogeneity algebra behind the B0 weight-pruning construction (theory §3.8).
Lean twin of `coq/theories/Relu.v`. All statements are our reconstructions [RECON], not
statements of arXiv 2603.02234.

## Main definitions

* `Prunegap.relu`: the rectifier `t ↦ max t 0`.

## Main statements

* `Prunegap.relu_odd_part` (claim `relu-odd-part`).
* `Prunegap.relu_positive_homogeneity` (claim `b0-positive-homogeneity`).
-/

namespace Prunegap

/-- The rectifier `relu t = max t 0`. -/
noncomputable def relu (t : ℝ) : ℝ := max t 0

-- checked: `max_eq_left (h : b ≤ a) : max a b = a`, `max_eq_right (h : a ≤ b) : max a b = b`
-- (Mathlib/Order/Defs/LinearOrder.lean, stored mathlib4 source)

/-- `relu t = t` for `t ≥ 0`. -/
theorem relu_of_nonneg {t : ℝ} (h : 0 ≤ t) : relu t = t := max_eq_left h

/-- `relu t = 0` for `t ≤ 0`. -/
theorem relu_of_nonpos {t : ℝ} (h : t ≤ 0) : relu t = 0 := max_eq_right h

/-- The rectifier is nonnegative. -/
theorem relu_nonneg (t : ℝ) : 0 ≤ relu t := le_max_right t 0

/-- `relu 0 = 0`. -/
theorem relu_zero : relu 0 = 0 := relu_of_nonpos le_rfl

/-- `relu t - relu (-t) = t` (part of claim `relu-odd-part`). -/
theorem relu_sub_relu_neg (t : ℝ) : relu t - relu (-t) = t := by
  -- checked: `le_total` (Mathlib order basics; used in the stored `Abs.lean`)
  rcases le_total 0 t with h | h
  · have h₁ : relu t = t := relu_of_nonneg h
    have h₂ : relu (-t) = 0 := relu_of_nonpos (by linarith)
    linarith
  · have h₁ : relu t = 0 := relu_of_nonpos h
    have h₂ : relu (-t) = -t := relu_of_nonneg (by linarith)
    linarith

/-- `relu t + relu (-t) = |t|` (part of claim `relu-odd-part`). -/
theorem relu_add_relu_neg (t : ℝ) : relu t + relu (-t) = |t| := by
  -- checked: `abs_of_nonneg (h : 0 ≤ a) : |a| = a`, `abs_of_nonpos (h : a ≤ 0) : |a| = -a`
  -- (Mathlib/Algebra/Order/Group/Abs.lean and Unbundled/Abs.lean, stored mathlib4 source)
  rcases le_total 0 t with h | h
  · have h₁ : relu t = t := relu_of_nonneg h
    have h₂ : relu (-t) = 0 := relu_of_nonpos (by linarith)
    have h₃ : |t| = t := abs_of_nonneg h
    linarith
  · have h₁ : relu t = 0 := relu_of_nonpos h
    have h₂ : relu (-t) = -t := relu_of_nonneg (by linarith)
    have h₃ : |t| = -t := abs_of_nonpos h
    linarith

/-- For a list of pairs `(vᵢ, tᵢ)`: `Σ vᵢ relu tᵢ - Σ vᵢ relu (-tᵢ) = Σ vᵢ tᵢ`
(part of claim `relu-odd-part`). -/
theorem sum_mul_relu_sub_sum_mul_relu_neg :
    ∀ l : List (ℝ × ℝ),
      (l.map fun p => p.1 * relu p.2).sum - (l.map fun p => p.1 * relu (-p.2)).sum =
        (l.map fun p => p.1 * p.2).sum
  | [] => by simp
  | p :: l => by
    -- checked: `List.map_cons`, `List.sum_cons` (core, stored lean4 source)
    simp only [List.map_cons, List.sum_cons]
    linear_combination sum_mul_relu_sub_sum_mul_relu_neg l + p.1 * relu_sub_relu_neg p.2

/-- Claim `relu-odd-part`: `relu t - relu (-t) = t`, `relu t + relu (-t) = |t|`, and for every
list of pairs `(vᵢ, tᵢ)`, `Σ vᵢ relu tᵢ - Σ vᵢ relu (-tᵢ) = Σ vᵢ tᵢ`.
Source: theory §3.3(c) [RECON]. Coq twin: `Prunegap.Relu.relu_odd_part`. -/
theorem relu_odd_part :
    (∀ t : ℝ, relu t - relu (-t) = t) ∧
    (∀ t : ℝ, relu t + relu (-t) = |t|) ∧
    (∀ l : List (ℝ × ℝ),
      (l.map fun p => p.1 * relu p.2).sum - (l.map fun p => p.1 * relu (-p.2)).sum =
        (l.map fun p => p.1 * p.2).sum) :=
  ⟨relu_sub_relu_neg, relu_add_relu_neg, sum_mul_relu_sub_sum_mul_relu_neg⟩

/-- `relu (u x) = u relu x` for `u > 0` (part of claim `b0-positive-homogeneity`). -/
theorem relu_mul_of_pos {u x : ℝ} (hu : 0 < u) : relu (u * x) = u * relu x := by
  -- checked: `mul_nonneg : 0 ≤ a → 0 ≤ b → 0 ≤ a * b` (Mathlib.Algebra.Order.GroupWithZero.
  -- Unbundled.Basic, mathlib4 docs page)
  rcases le_total 0 x with hx | hx
  · have h₁ : relu x = x := relu_of_nonneg hx
    have h₂ : relu (u * x) = u * x := relu_of_nonneg (mul_nonneg hu.le hx)
    rw [h₁, h₂]
  · have hux : u * x ≤ 0 := by nlinarith [mul_nonneg hu.le (by linarith : (0 : ℝ) ≤ -x)]
    have h₁ : relu x = 0 := relu_of_nonpos hx
    have h₂ : relu (u * x) = 0 := relu_of_nonpos hux
    -- checked: `mul_zero` (Mathlib/Algebra/GroupWithZero/Defs.lean, stored source:
    -- `export MulZeroClass (zero_mul mul_zero)`)
    rw [h₁, h₂, mul_zero]

/-- `relu (u x) = -u relu (-x)` for `u < 0` (part of claim `b0-positive-homogeneity`). -/
theorem relu_mul_of_neg {u x : ℝ} (hu : u < 0) : relu (u * x) = -u * relu (-x) := by
  have e : u * x = -u * -x := by ring
  rw [e]
  exact relu_mul_of_pos (by linarith)

/-- For `|x| ≤ 1`, `|S relu x - w relu x| ≤ |S - w|`: the error of a masked B0 network
(part of claim `b0-positive-homogeneity`). -/
theorem abs_mul_relu_sub_mul_relu_le {S w x : ℝ} (hx : |x| ≤ 1) :
    |S * relu x - w * relu x| ≤ |S - w| := by
  obtain ⟨-, hx₁⟩ := abs_le.mp hx
  have h₀ : 0 ≤ relu x := relu_nonneg x
  have h₁ : relu x ≤ 1 := by
    rcases le_total 0 x with h | h
    · have e : relu x = x := relu_of_nonneg h
      linarith
    · have e : relu x = 0 := relu_of_nonpos h
      linarith
  -- checked: `abs_nonneg (a : α) : 0 ≤ |a|` (Mathlib/Algebra/Order/Group/Abs.lean, stored)
  have hA : 0 ≤ |S - w| := abs_nonneg (S - w)
  obtain ⟨hD₁, hD₂⟩ := abs_le.mp (le_refl |S - w|)
  rw [abs_le]
  constructor
  · nlinarith [mul_nonneg (by linarith : (0 : ℝ) ≤ |S - w| + (S - w)) h₀,
      mul_nonneg hA (by linarith : (0 : ℝ) ≤ 1 - relu x)]
  · nlinarith [mul_nonneg (by linarith : (0 : ℝ) ≤ |S - w| - (S - w)) h₀,
      mul_nonneg hA (by linarith : (0 : ℝ) ≤ 1 - relu x)]

/-- Claim `b0-positive-homogeneity`: for `u > 0`, `relu (u x) = u relu x`; for `u < 0`,
`relu (u x) = -u relu (-x)`; and for `|x| ≤ 1`, `|S relu x - w relu x| ≤ |S - w|`.
Source: theory §3.8 B0 [RECON]. Coq twin: `Prunegap.Relu.relu_positive_homogeneity`. -/
theorem relu_positive_homogeneity :
    (∀ u x : ℝ, 0 < u → relu (u * x) = u * relu x) ∧
    (∀ u x : ℝ, u < 0 → relu (u * x) = -u * relu (-x)) ∧
    (∀ S w x : ℝ, |x| ≤ 1 → |S * relu x - w * relu x| ≤ |S - w|) :=
  ⟨fun _ _ hu => relu_mul_of_pos hu, fun _ _ hu => relu_mul_of_neg hu,
    fun _ _ _ hx => abs_mul_relu_sub_mul_relu_le hx⟩

end Prunegap
