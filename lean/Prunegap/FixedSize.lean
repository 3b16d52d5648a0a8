/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.SubsetSum

/-!
# Fixed-size subset sums: recursion, count and the counting bound

`kSubsetSums k xs` lists the sums of the `k`-element sub-lists of `xs` (one per subset), by the
recursion of the fixed-size engine: `kSubsetSums (k+1) (x :: xs) = kSubsetSums (k+1) xs ++
map (x + ·) (kSubsetSums k xs)`. Lean twin of `coq/theories/FixedSize.v`; theory §1.6 counting
bound, k-subset version [RECON]. Written against Mathlib v4.26.0; not compiled here (no Lean
toolchain, see `lean/README.md`).

## Main statements

* `Prunegap.fixedSize_counting_bound` (claim `rfss-counting-bound`), built from
  `Prunegap.length_kSubsetSums` and `Prunegap.mem_subsetSums_of_mem_kSubsetSums`.
-/

namespace Prunegap

/-- Sums of the `k`-element sub-lists of `xs`, one per subset (Coq: `k_subset_sums k xs`). -/
noncomputable def kSubsetSums : ℕ → List ℝ → List ℝ
  | 0, [] => [0]
  | _ + 1, [] => []
  | 0, _ :: xs => kSubsetSums 0 xs
  | k + 1, x :: xs => kSubsetSums (k + 1) xs ++ (kSubsetSums k xs).map (fun s => x + s)

/-- There are `xs.length.choose k` fixed-size sums (part of claim `rfss-counting-bound`). -/
theorem length_kSubsetSums (xs : List ℝ) :
    ∀ k : ℕ, (kSubsetSums k xs).length = xs.length.choose k := by
  induction xs with
  | nil =>
    intro k
    -- checked: `Nat.choose_zero_right`, `Nat.choose_zero_succ` are simp lemmas
    -- (Mathlib/Combinatorics/Choose/Basic.lean, stored mathlib4 source)
    cases k <;> simp [kSubsetSums]
  | cons x xs ih =>
    intro k
    cases k with
    | zero => simp [kSubsetSums, ih]
    | succ k =>
      -- checked: `Nat.choose_succ_succ : (n + 1).choose (k + 1) = n.choose k + n.choose (k + 1)`
      -- (Mathlib/Combinatorics/Choose/Basic.lean, stored mathlib4 source)
      simp only [kSubsetSums, List.length_append, List.length_map, ih, List.length_cons,
        Nat.choose_succ_succ]
      omega

/-- Every fixed-size sum is a subset sum (part of claim `rfss-counting-bound`). -/
theorem mem_subsetSums_of_mem_kSubsetSums (xs : List ℝ) :
    ∀ (k : ℕ) (s : ℝ), s ∈ kSubsetSums k xs → s ∈ subsetSums xs := by
  induction xs with
  | nil =>
    intro k s h
    cases k with
    | zero => simpa [kSubsetSums, subsetSums] using h
    | succ k => simp [kSubsetSums] at h
  | cons x xs ih =>
    intro k s h
    cases k with
    | zero => exact mem_subsetSums_cons.mpr (Or.inl (ih 0 s (by simpa [kSubsetSums] using h)))
    | succ k =>
      simp only [kSubsetSums, List.mem_append, List.mem_map] at h
      rcases h with h | ⟨t, ht, rfl⟩
      · exact mem_subsetSums_cons.mpr (Or.inl (ih (k + 1) s h))
      · exact mem_subsetSums_cons.mpr (Or.inr ⟨t, ih k t ht, rfl⟩)

/-- Claim `rfss-counting-bound`: there are `n.choose k` sums of exactly `k` of the `n` samples,
each a subset sum; if every `z ∈ [a, b]` (`a ≤ b`) is within `ε` of one of them then
`b - a ≤ n.choose k · 2ε`; hence `n.choose k · 2ε < b - a` (with `0 ≤ ε`) means no `k`-subset
cover. Source: theory §1.6, k-subset version [RECON]. Coq twin:
`Prunegap.FixedSize.fixed_size_counting_bound`. -/
theorem fixedSize_counting_bound :
    (∀ (k : ℕ) (xs : List ℝ), (kSubsetSums k xs).length = xs.length.choose k) ∧
    (∀ (k : ℕ) (xs : List ℝ) (s : ℝ), s ∈ kSubsetSums k xs → s ∈ subsetSums xs) ∧
    (∀ (ε a b : ℝ) (k : ℕ) (xs : List ℝ), a ≤ b → Covers ε a b (kSubsetSums k xs) →
      b - a ≤ (xs.length.choose k : ℝ) * (2 * ε)) ∧
    (∀ (ε a b : ℝ) (k : ℕ) (xs : List ℝ), 0 ≤ ε → (xs.length.choose k : ℝ) * (2 * ε) < b - a →
      ¬ Covers ε a b (kSubsetSums k xs)) := by
  have hb : ∀ (ε a b : ℝ) (k : ℕ) (xs : List ℝ), a ≤ b → Covers ε a b (kSubsetSums k xs) →
      b - a ≤ (xs.length.choose k : ℝ) * (2 * ε) := by
    intro ε a b k xs hab h
    have h₁ := sub_le_two_mul_length_of_covers hab h
    rw [length_kSubsetSums] at h₁
    have e : (xs.length.choose k : ℝ) * (2 * ε) = 2 * ε * (xs.length.choose k : ℝ) := by ring
    linarith
  refine ⟨fun k xs => length_kSubsetSums xs k,
    fun k xs s h => mem_subsetSums_of_mem_kSubsetSums xs k s h, hb, ?_⟩
  intro ε a b k xs hε hlt hcov
  -- checked: `Nat.cast_nonneg (n : ℕ) : 0 ≤ (n : α)` (Mathlib/Data/Nat/Cast/Order/Basic.lean)
  have hc : (0 : ℝ) ≤ (xs.length.choose k : ℝ) := Nat.cast_nonneg _
  have hp : (0 : ℝ) ≤ (xs.length.choose k : ℝ) * (2 * ε) := mul_nonneg hc (by linarith)
  have hab : a ≤ b := by linarith
  have h₂ := hb ε a b k xs hab hcov
  linarith

end Prunegap
