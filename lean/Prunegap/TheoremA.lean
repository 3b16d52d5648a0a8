/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.Kinks
import Prunegap.Moments

/-!
# Theorem A: the deterministic core, the union bound and the sinusoid second difference

`theoremA_core` is steps 2–4 of theory §3.6 on the three points of the arc lemma: a network
with no kink strictly inside the arc misses the target `relu x₁` by at least `s / (2 (1 + c))`
at one of the three points `(s, c)`, `(0, 1)`, `(-s, c)` (with `s = sin η`, `c = cos η` this is
`tan(η/2) / 2`). `union_bound` is the arithmetic of steps 6–7, and
`sinusoid_second_difference` is step 4 of theory §3.10 (Theorem A′).
Lean twin of `coq/theories/TheoremA.v`. All statements are our reconstructions [RECON].

## Main definitions

* `Prunegap.net2`: the two-input network `x ↦ Σ cᵢ relu (pᵢ x₁ + qᵢ x₂)`.
* `Prunegap.arcError`: its error against the target `relu x₁`.
* `Prunegap.sinusoid`: `θ ↦ c₁ cos θ + c₂ sin θ`.

## Main statements

* `Prunegap.theoremA_core` (claim `theorem-a-core`).
* `Prunegap.union_bound` (claim `theorem-a-union-bound`).
* `Prunegap.sinusoid_second_difference` (claim `sinusoid-second-difference`).
-/

namespace Prunegap

/-- The two-input network `x ↦ Σ cᵢ relu (pᵢ x₁ + qᵢ x₂)`; a neuron is `(cᵢ, pᵢ, qᵢ)`. -/
noncomputable def net2 (ns : List (ℝ × ℝ × ℝ)) (x₁ x₂ : ℝ) : ℝ :=
  (ns.map fun n => n.1 * relu (n.2.1 * x₁ + n.2.2 * x₂)).sum

/-- The error of `net2` against the target `relu x₁`. -/
noncomputable def arcError (ns : List (ℝ × ℝ × ℝ)) (x₁ x₂ : ℝ) : ℝ :=
  net2 ns x₁ x₂ - relu x₁

/-- `net2` of a cons. -/
theorem net2_cons (n : ℝ × ℝ × ℝ) (ns : List (ℝ × ℝ × ℝ)) (x₁ x₂ : ℝ) :
    net2 (n :: ns) x₁ x₂ = n.1 * relu (n.2.1 * x₁ + n.2.2 * x₂) + net2 ns x₁ x₂ := by
  simp only [net2, List.map_cons, List.sum_cons]

/-- No neuron has a kink strictly inside the arc: its values `pᵢ x₁ + qᵢ x₂` at the three
points `(s, c)`, `(0, 1)`, `(-s, c)` are all `≥ 0` or all `≤ 0`. -/
def NoKinkOnArc (s c : ℝ) (n : ℝ × ℝ × ℝ) : Prop :=
  (0 ≤ n.2.1 * s + n.2.2 * c ∧ 0 ≤ n.2.1 * 0 + n.2.2 * 1 ∧ 0 ≤ n.2.1 * (-s) + n.2.2 * c) ∨
    (n.2.1 * s + n.2.2 * c ≤ 0 ∧ n.2.1 * 0 + n.2.2 * 1 ≤ 0 ∧ n.2.1 * (-s) + n.2.2 * c ≤ 0)

/-- Without a kink strictly inside the arc, the network is linear on the three points. -/
theorem net2_linear_at_three_points {s c : ℝ} :
    ∀ ns : List (ℝ × ℝ × ℝ), (∀ n ∈ ns, NoKinkOnArc s c n) →
      ∃ w₁ w₂ : ℝ, net2 ns s c = w₁ * s + w₂ * c ∧ net2 ns 0 1 = w₁ * 0 + w₂ * 1 ∧
        net2 ns (-s) c = w₁ * (-s) + w₂ * c
  | [], _ => ⟨0, 0, by simp [net2], by simp [net2], by simp [net2]⟩
  | n :: ns, h => by
    obtain ⟨w₁, w₂, e₁, e₂, e₃⟩ :=
      net2_linear_at_three_points ns (fun m hm => h m (List.mem_cons.mpr (Or.inr hm)))
    have hn : NoKinkOnArc s c n := h n (List.mem_cons.mpr (Or.inl rfl))
    unfold NoKinkOnArc at hn
    rcases hn with ⟨h₁, h₂, h₃⟩ | ⟨h₁, h₂, h₃⟩
    · refine ⟨w₁ + n.1 * n.2.1, w₂ + n.1 * n.2.2, ?_, ?_, ?_⟩
      · rw [net2_cons]
        linear_combination e₁ + n.1 * relu_of_nonneg h₁
      · rw [net2_cons]
        linear_combination e₂ + n.1 * relu_of_nonneg h₂
      · rw [net2_cons]
        linear_combination e₃ + n.1 * relu_of_nonneg h₃
    · refine ⟨w₁, w₂, ?_, ?_, ?_⟩
      · rw [net2_cons]
        linear_combination e₁ + n.1 * relu_of_nonpos h₁
      · rw [net2_cons]
        linear_combination e₂ + n.1 * relu_of_nonpos h₂
      · rw [net2_cons]
        linear_combination e₃ + n.1 * relu_of_nonpos h₃

/-- Claim `theorem-a-core`: for `s > 0`, `c ≥ 0` and a list of neurons `(cᵢ, pᵢ, qᵢ)` each of
whose values `pᵢ x₁ + qᵢ x₂` at the three points `(s, c)`, `(0, 1)`, `(-s, c)` are all `≥ 0` or
all `≤ 0` (no kink strictly inside the arc), the error
`E x = Σ cᵢ relu (pᵢ x₁ + qᵢ x₂) - relu x₁` satisfies
`s ≤ 2 (1 + c) max(|E(s, c)|, |E(0, 1)|, |E(-s, c)|)`; with `s = sin η`, `c = cos η` the sup
error is `≥ tan(η/2) / 2`. Source: theory §3.6 steps 2–4 [RECON]. Coq twin:
`Prunegap.TheoremA.theorem_a_core`. -/
theorem theoremA_core {s c : ℝ} (ns : List (ℝ × ℝ × ℝ)) (hs : 0 < s) (hc : 0 ≤ c)
    (h : ∀ n ∈ ns, NoKinkOnArc s c n) :
    s ≤ 2 * (1 + c) * max |arcError ns s c| (max |arcError ns 0 1| |arcError ns (-s) c|) := by
  obtain ⟨w₁, w₂, e₁, e₂, e₃⟩ := net2_linear_at_three_points ns h
  have r₁ : relu s = s := relu_of_nonneg hs.le
  have r₃ : relu (-s) = 0 := relu_of_nonpos (by linarith)
  have a₁ : arcError ns s c = w₁ * s + w₂ * c - s := by
    simp only [arcError]
    linear_combination e₁ - r₁
  have a₂ : arcError ns 0 1 = w₂ := by
    simp only [arcError]
    linear_combination e₂ - relu_zero
  have a₃ : arcError ns (-s) c = w₂ * c - w₁ * s := by
    simp only [arcError]
    linear_combination e₃ - r₃
  rw [a₁, a₂, a₃]
  exact kink_arc_three_point hs hc

/-- `x ∈ [0, 1]` implies `0 ≤ x^n ≤ 1`. -/
theorem pow_mem_unit_interval {x : ℝ} (h₀ : 0 ≤ x) (h₁ : x ≤ 1) :
    ∀ n : ℕ, 0 ≤ x ^ n ∧ x ^ n ≤ 1
  | 0 => by norm_num
  | n + 1 => by
    obtain ⟨ha, hb⟩ := pow_mem_unit_interval h₀ h₁ n
    rw [pow_succ]
    constructor
    · exact mul_nonneg ha h₀
    · nlinarith [mul_nonneg ha (by linarith : (0 : ℝ) ≤ 1 - x)]

/-- For `0 ≤ x ≤ y ≤ 1`, `x^n ≤ y^n`. -/
theorem pow_le_pow_of_le_of_mem_unit {x y : ℝ} (hx : 0 ≤ x) (hxy : x ≤ y) (hy : y ≤ 1) :
    ∀ n : ℕ, x ^ n ≤ y ^ n
  | 0 => by norm_num
  | n + 1 => by
    have ih := pow_le_pow_of_le_of_mem_unit hx hxy hy n
    obtain ⟨hxn, -⟩ := pow_mem_unit_interval hx (le_trans hxy hy) n
    obtain ⟨hyn, -⟩ := pow_mem_unit_interval (le_trans hx hxy) hy n
    rw [pow_succ, pow_succ]
    nlinarith [mul_le_mul_of_nonneg_right ih hx,
      mul_nonneg hyn (by linarith : (0 : ℝ) ≤ y - x)]

/-- For `x ∈ [0, 1]`, `x^(m + k) ≤ x^m`. -/
theorem pow_add_le_pow_of_mem_unit {x : ℝ} (h₀ : 0 ≤ x) (h₁ : x ≤ 1) (m : ℕ) :
    ∀ k : ℕ, x ^ (m + k) ≤ x ^ m
  | 0 => le_of_eq rfl
  | k + 1 => by
    have ih := pow_add_le_pow_of_mem_unit h₀ h₁ m k
    obtain ⟨hnn, -⟩ := pow_mem_unit_interval h₀ h₁ (m + k)
    have e : m + (k + 1) = (m + k) + 1 := by omega
    rw [e, pow_succ]
    nlinarith [mul_nonneg hnn (by linarith : (0 : ℝ) ≤ 1 - x)]

/-- Claim `theorem-a-union-bound`: for `q ∈ [0, 1]`, `0 ≤ 1 - (1 - q)^n ≤ n q`; and
`1 - (1 - q)^n` is monotone in `q` and in `n`.
Source: theory §3.6 steps 6–7 [RECON]. Coq twin: `Prunegap.TheoremA.union_bound`. -/
theorem union_bound :
    (∀ (q : ℝ) (n : ℕ), 0 ≤ q → q ≤ 1 → 0 ≤ 1 - (1 - q) ^ n ∧ 1 - (1 - q) ^ n ≤ n * q) ∧
    (∀ (q₁ q₂ : ℝ) (n : ℕ), 0 ≤ q₁ → q₁ ≤ q₂ → q₂ ≤ 1 →
      1 - (1 - q₁) ^ n ≤ 1 - (1 - q₂) ^ n) ∧
    (∀ (q : ℝ) (n₁ n₂ : ℕ), 0 ≤ q → q ≤ 1 → n₁ ≤ n₂ →
      1 - (1 - q) ^ n₁ ≤ 1 - (1 - q) ^ n₂) := by
  refine ⟨?_, ?_, ?_⟩
  · intro q n hq₀ hq₁
    obtain ⟨-, h₁⟩ := pow_mem_unit_interval (x := 1 - q) (by linarith) (by linarith) n
    have h₂ := one_sub_mul_le_one_sub_pow hq₀ hq₁ n
    constructor <;> linarith
  · intro q₁ q₂ n hq₁ hq₁₂ hq₂
    have h := pow_le_pow_of_le_of_mem_unit (x := 1 - q₂) (y := 1 - q₁)
      (by linarith) (by linarith) (by linarith) n
    linarith
  · intro q n₁ n₂ hq₀ hq₁ hn
    obtain ⟨k, rfl⟩ : ∃ k, n₂ = n₁ + k := ⟨n₂ - n₁, by omega⟩
    have h := pow_add_le_pow_of_mem_unit (x := 1 - q) (by linarith) (by linarith) n₁ k
    linarith

/-- The sinusoid `L θ = c₁ cos θ + c₂ sin θ`. -/
noncomputable def sinusoid (c₁ c₂ θ : ℝ) : ℝ := c₁ * Real.cos θ + c₂ * Real.sin θ

/-- Claim `sinusoid-second-difference`: `L θ = c₁ cos θ + c₂ sin θ` satisfies
`L (θ + r) + L (θ - r) = 2 cos r · L θ`.
Source: theory §3.10 step 4 [RECON]. Coq twin: `Prunegap.TheoremA.sinusoid_second_difference`.
-/
theorem sinusoid_second_difference (c₁ c₂ θ r : ℝ) :
    sinusoid c₁ c₂ (θ + r) + sinusoid c₁ c₂ (θ - r) = 2 * Real.cos r * sinusoid c₁ c₂ θ := by
  simp only [sinusoid]
  -- checked: `Real.cos_add`, `Real.sin_add`, `Real.cos_sub`, `Real.sin_sub`
  -- (`Real` namespace, Mathlib/Data/Complex/Exponential.lean in the stored mathlib4 source;
  -- e.g. `cos_add : cos (x + y) = cos x * cos y - sin x * sin y`)
  rw [Real.cos_add, Real.sin_add, Real.cos_sub, Real.sin_sub]
  ring

/-- The same identity in polynomial form, with `cs = cos θ`, `sn = sin θ`, `c = cos r`,
`s = sin r` as free parameters (theory §5.3 item 13; no trigonometry needed). -/
theorem sinusoid_second_difference_poly (c₁ c₂ cs sn c s : ℝ) :
    (c₁ * (cs * c - sn * s) + c₂ * (sn * c + cs * s)) +
      (c₁ * (cs * c + sn * s) + c₂ * (sn * c - cs * s)) =
      2 * c * (c₁ * cs + c₂ * sn) := by
  ring

end Prunegap
