/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.Relu

/-!
# Kink lemmas K1, K2, K3

K1: on a line, an affine function misses `J relu t` by `J δ / 4` at one of the three points
`-δ, 0, δ`. K2: the rational form of the arc lemma (no trigonometry). K3: a sum of ReLU
neurons with no kink inside `(a, b)` is affine on `[a, b]`.
Lean twin of `coq/theories/Kinks.v`; statements are theory §3.4 [RECON].

## Main definitions

* `Prunegap.lineError`: `e t = α + β t - J relu t`.
* `Prunegap.neuronSum`: the one-variable network `t ↦ Σ cᵢ relu (pᵢ t + qᵢ)`.

## Main statements

* `Prunegap.kink_line_three_point` (claim `kink-line-three-point`).
* `Prunegap.kink_arc_three_point` (claim `kink-arc-three-point`).
* `Prunegap.kink_free_affine` (claim `kink-free-affine`).
-/

namespace Prunegap

/-- The error `e t = α + β t - J relu t` of an affine fit to a kink of height `J` at `0`. -/
noncomputable def lineError (α β J t : ℝ) : ℝ := α + β * t - J * relu t

/-- Claim `kink-line-three-point` (K1): for `J ≥ 0` and `δ > 0`,
`J δ ≤ 4 max(|e(-δ)|, |e(0)|, |e(δ)|)` where `e t = α + β t - J relu t`.
Source: theory §3.4 K1 [RECON]. Coq twin: `Prunegap.Kinks.kink_line_three_point`. -/
theorem kink_line_three_point {α β J δ : ℝ} (_hJ : 0 ≤ J) (hδ : 0 < δ) :
    J * δ ≤ 4 * max |lineError α β J (-δ)| (max |lineError α β J 0| |lineError α β J δ|) := by
  obtain ⟨h₁, h₂, h₃⟩ :=
    abs_bounds_max3 (lineError α β J (-δ)) (lineError α β J 0) (lineError α β J δ)
  have r₁ : relu (-δ) = 0 := relu_of_nonpos (by linarith)
  have r₃ : relu δ = δ := relu_of_nonneg hδ.le
  have e₁ : lineError α β J (-δ) = α - β * δ := by
    simp only [lineError]
    rw [r₁]
    ring
  have e₂ : lineError α β J 0 = α := by
    simp only [lineError]
    rw [relu_zero]
    ring
  have e₃ : lineError α β J δ = α + β * δ - J * δ := by
    simp only [lineError]
    rw [r₃]
  linarith [h₁.1, h₂.2, h₃.1]

/-- Claim `kink-arc-three-point` (K2, rational form): for `s > 0` and `c ≥ 0` (think
`s = sin η`, `c = cos η`) and all `c₁, c₂`,
`s ≤ 2 (1 + c) max(|c₁ s + c₂ c - s|, |c₂|, |c₂ c - c₁ s|)`.
Source: theory §3.4 K2 [RECON]. Coq twin: `Prunegap.Kinks.kink_arc_three_point`. -/
theorem kink_arc_three_point {s c c₁ c₂ : ℝ} (_hs : 0 < s) (hc : 0 ≤ c) :
    s ≤ 2 * (1 + c) * max |c₁ * s + c₂ * c - s| (max |c₂| |c₂ * c - c₁ * s|) := by
  obtain ⟨h₁, h₂, h₃⟩ := abs_bounds_max3 (c₁ * s + c₂ * c - s) c₂ (c₂ * c - c₁ * s)
  have hcM : 0 ≤ c * (max |c₁ * s + c₂ * c - s| (max |c₂| |c₂ * c - c₁ * s|) - c₂) :=
    mul_nonneg hc (by linarith [h₂.2])
  linarith [h₁.1, h₃.1, hcM]

/-- The one-variable network `t ↦ Σ cᵢ relu (pᵢ t + qᵢ)`; a neuron is `(cᵢ, pᵢ, qᵢ)`. -/
noncomputable def neuronSum (ns : List (ℝ × ℝ × ℝ)) (t : ℝ) : ℝ :=
  (ns.map fun n => n.1 * relu (n.2.1 * t + n.2.2)).sum

/-- `neuronSum` of a cons. -/
theorem neuronSum_cons (n : ℝ × ℝ × ℝ) (ns : List (ℝ × ℝ × ℝ)) (t : ℝ) :
    neuronSum (n :: ns) t = n.1 * relu (n.2.1 * t + n.2.2) + neuronSum ns t := by
  simp only [neuronSum, List.map_cons, List.sum_cons]

/-- A line with no root in `(a, b)` has a constant sign on `[a, b]`. -/
theorem nonneg_or_nonpos_of_no_root {p q a b : ℝ} (h : ∀ t, a < t → t < b → p * t + q ≠ 0) :
    (∀ t, a ≤ t → t ≤ b → 0 ≤ p * t + q) ∨ (∀ t, a ≤ t → t ≤ b → p * t + q ≤ 0) := by
  by_cases hpos : ∀ t, a ≤ t → t ≤ b → 0 ≤ p * t + q
  · exact Or.inl hpos
  by_cases hneg : ∀ t, a ≤ t → t ≤ b → p * t + q ≤ 0
  · exact Or.inr hneg
  exfalso
  push_neg at hpos hneg
  obtain ⟨t₁, ht₁a, ht₁b, h₁⟩ := hpos
  obtain ⟨t₂, ht₂a, ht₂b, h₂⟩ := hneg
  have hp : p ≠ 0 := by
    intro hp0
    rw [hp0] at h₁ h₂
    linarith
  obtain ⟨r, hr⟩ : ∃ r : ℝ, p * r + q = 0 := by
    refine ⟨-q * p⁻¹, ?_⟩
    have hpp : p * p⁻¹ = 1 := mul_inv_cancel₀ hp
    linear_combination (-q) * hpp
  have hq : q = -(p * r) := by linarith
  subst hq
  -- checked: `mul_neg_of_neg_of_pos (ha : a < 0) (hb : 0 < b) : a * b < 0`
  -- (Mathlib.Algebra.Order.GroupWithZero.Unbundled.Basic, mathlib4 docs page)
  have hprod : (p * t₁ + -(p * r)) * (p * t₂ + -(p * r)) < 0 := mul_neg_of_neg_of_pos h₁ h₂
  have hra : a < r := by
    by_contra hra
    push_neg at hra
    have k₁ : 0 ≤ (t₁ - r) * (t₂ - r) := mul_nonneg (by linarith) (by linarith)
    have k₂ : 0 ≤ p ^ 2 * ((t₁ - r) * (t₂ - r)) := mul_nonneg (sq_nonneg p) k₁
    nlinarith [hprod, k₂]
  have hrb : r < b := by
    by_contra hrb
    push_neg at hrb
    have k₁ : 0 ≤ (r - t₁) * (r - t₂) := mul_nonneg (by linarith) (by linarith)
    have k₂ : 0 ≤ p ^ 2 * ((r - t₁) * (r - t₂)) := mul_nonneg (sq_nonneg p) k₁
    nlinarith [hprod, k₂]
  exact h r hra hrb (by ring)

/-- Claim `kink-free-affine` (K3): for a list of neurons `(cᵢ, pᵢ, qᵢ)` and `a < b`, if no
`pᵢ t + qᵢ` vanishes for `t` in the open interval `(a, b)`, there are `α, β` with
`Σ cᵢ relu (pᵢ t + qᵢ) = α + β t` for all `t ∈ [a, b]`.
Source: theory §3.4 K3 [RECON]. Coq twin: `Prunegap.Kinks.kink_free_affine`. -/
theorem kink_free_affine {a b : ℝ} (hab : a < b) :
    ∀ ns : List (ℝ × ℝ × ℝ), (∀ n ∈ ns, ∀ t, a < t → t < b → n.2.1 * t + n.2.2 ≠ 0) →
      ∃ α β : ℝ, ∀ t, a ≤ t → t ≤ b → neuronSum ns t = α + β * t
  | [], _ => ⟨0, 0, fun t _ _ => by simp [neuronSum]⟩
  | n :: ns, h => by
    obtain ⟨α, β, hαβ⟩ :=
      kink_free_affine hab ns (fun m hm => h m (List.mem_cons.mpr (Or.inr hm)))
    rcases nonneg_or_nonpos_of_no_root (h n (List.mem_cons.mpr (Or.inl rfl))) with hp | hn
    · refine ⟨α + n.1 * n.2.2, β + n.1 * n.2.1, fun t ht₁ ht₂ => ?_⟩
      rw [neuronSum_cons]
      linear_combination hαβ t ht₁ ht₂ + n.1 * relu_of_nonneg (hp t ht₁ ht₂)
    · refine ⟨α, β, fun t ht₁ ht₂ => ?_⟩
      rw [neuronSum_cons]
      linear_combination hαβ t ht₁ ht₂ + n.1 * relu_of_nonpos (hn t ht₁ ht₂)

end Prunegap
