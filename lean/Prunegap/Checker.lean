/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.Certificate

/-!
# The verified certificate checker over `ℚ`

A certificate for "the subset sums of `xs` `ε`-cover `[a, b]`" is a list of bit masks over
the sample list `xs` (bit `i` selects `xs[i]`). The checker `checkCertificate` computes each
mask's exact rational sum and checks, with `decide` on `ℚ`, that
* every mask has exactly `xs.length` bits,
* the sums are sorted nondecreasing,
* consecutive gaps are `≤ 2ε`,
* the first sum is `≤ a + ε` and the last is `≥ b - ε`.

Soundness (`checkCertificate_sound`) is derived from the real-valued gap certificate L3
(`Prunegap.covers_of_gap_certificate`). Lean twin of `coq/theories/Checker.v`.

## Main definitions

* `Prunegap.maskSum`, `Prunegap.gapsOk`, `Prunegap.checkSums`, `Prunegap.masksWellFormed`,
  `Prunegap.checkCertificate`.

## Main statements

* `Prunegap.checkCertificate_sound` (claim `rss-certificate-sound`).
* `Prunegap.cast_maskSum_mem_subsetSums`, `Prunegap.covers_subsetSums_of_checkCertificate`.

## Implementation notes

The definitions over `ℚ` are computable (no `noncomputable`), so `#eval` runs the checker.
-/

namespace Prunegap

/-- The exact sum of the samples selected by a mask (bit `i` selects `xs[i]`; missing bits
count as `false`, extra bits are ignored). -/
def maskSum : List ℚ → List Bool → ℚ
  | x :: xs, true :: m => x + maskSum xs m
  | _ :: xs, false :: m => maskSum xs m
  | _, _ => 0

/-- Sortedness and gaps `≤ 2ε` on the consecutive pairs of `u :: rest`. -/
def gapsOk (ε : ℚ) : ℚ → List ℚ → Bool
  | _, [] => true
  | u, v :: rest => decide (u ≤ v) && decide (v - u ≤ 2 * ε) && gapsOk ε v rest

/-- The gap-certificate test (L3) on a list of candidate points. -/
def checkSums (ε a b : ℚ) : List ℚ → Bool
  | [] => false
  | s₀ :: rest =>
    gapsOk ε s₀ rest && decide (s₀ ≤ a + ε) && decide (b - ε ≤ lastOr s₀ rest)

/-- Every mask has exactly one bit per sample. -/
def masksWellFormed (xs : List ℚ) (masks : List (List Bool)) : Bool :=
  masks.all fun m => m.length == xs.length

/-- The certificate checker. -/
def checkCertificate (xs : List ℚ) (ε a b : ℚ) (masks : List (List Bool)) : Bool :=
  masksWellFormed xs masks && checkSums ε a b (masks.map (maskSum xs))

/-- Splitting a Boolean conjunction. -/
theorem and_eq_true_split {p q : Bool} (h : (p && q) = true) : p = true ∧ q = true := by
  revert h
  cases p <;> cases q <;> decide

/-- The casts to `ℝ` of a list of rationals. -/
noncomputable def castList (L : List ℚ) : List ℝ := L.map fun q : ℚ => (q : ℝ)

/-- Soundness of `gapsOk`: sortedness and gaps `≤ 2ε` hold for the real casts. -/
theorem gapsOk_sound (ε : ℚ) :
    ∀ (rest : List ℚ) (u : ℚ), gapsOk ε u rest = true →
      Consecutive (· ≤ ·) (u : ℝ) (castList rest) ∧
      Consecutive (fun x y : ℝ => y - x ≤ 2 * (ε : ℝ)) (u : ℝ) (castList rest)
  | [], _, _ => ⟨trivial, trivial⟩
  | v :: rest, u, h => by
    have h' : (decide (u ≤ v) && decide (v - u ≤ 2 * ε) && gapsOk ε v rest) = true := h
    obtain ⟨h₁₂, h₃⟩ := and_eq_true_split h'
    obtain ⟨h₁, h₂⟩ := and_eq_true_split h₁₂
    -- checked: `of_decide_eq_true` (core `Init/Prelude.lean`, stored lean4 source)
    have h₁' : u ≤ v := of_decide_eq_true h₁
    have h₂' : v - u ≤ 2 * ε := of_decide_eq_true h₂
    obtain ⟨ih₁, ih₂⟩ := gapsOk_sound ε rest v h₃
    have r₁ : (u : ℝ) ≤ (v : ℝ) := by exact_mod_cast h₁'
    have r₂ : (v : ℝ) - (u : ℝ) ≤ 2 * (ε : ℝ) := by exact_mod_cast h₂'
    show ((u : ℝ) ≤ (v : ℝ) ∧ Consecutive (· ≤ ·) (v : ℝ) (castList rest)) ∧
      ((v : ℝ) - (u : ℝ) ≤ 2 * (ε : ℝ) ∧
        Consecutive (fun x y : ℝ => y - x ≤ 2 * (ε : ℝ)) (v : ℝ) (castList rest))
    exact ⟨⟨r₁, ih₁⟩, ⟨r₂, ih₂⟩⟩

/-- Soundness of `checkSums`: every real `z ∈ [a, b]` is within `ε` of one of the sums. -/
theorem checkSums_sound {ε a b : ℚ} :
    ∀ sums : List ℚ, checkSums ε a b sums = true →
      ∀ z : ℝ, (a : ℝ) ≤ z → z ≤ (b : ℝ) → ∃ s ∈ sums, |(s : ℝ) - z| ≤ (ε : ℝ)
  | [], h => by simp [checkSums] at h
  | s₀ :: rest, h => by
    intro z hz₁ hz₂
    have h' : (gapsOk ε s₀ rest && decide (s₀ ≤ a + ε) &&
        decide (b - ε ≤ lastOr s₀ rest)) = true := h
    obtain ⟨h₁₂, h₃⟩ := and_eq_true_split h'
    obtain ⟨h₁, h₂⟩ := and_eq_true_split h₁₂
    obtain ⟨hsorted, hgap⟩ := gapsOk_sound ε rest s₀ h₁
    have hfirstQ : s₀ ≤ a + ε := of_decide_eq_true h₂
    have hlastQ : b - ε ≤ lastOr s₀ rest := of_decide_eq_true h₃
    have hfirst : (s₀ : ℝ) ≤ (a : ℝ) + (ε : ℝ) := by exact_mod_cast hfirstQ
    have hmap : lastOr (s₀ : ℝ) (castList rest) = ((lastOr s₀ rest : ℚ) : ℝ) :=
      lastOr_map (fun q : ℚ => (q : ℝ)) s₀ rest
    have hlast : (b : ℝ) - (ε : ℝ) ≤ lastOr (s₀ : ℝ) (castList rest) := by
      rw [hmap]
      exact_mod_cast hlastQ
    obtain ⟨r, hr, hrz⟩ := covers_of_gap_certificate hsorted hgap hfirst hlast z hz₁ hz₂
    have hr' : r ∈ (s₀ :: rest).map (fun q : ℚ => (q : ℝ)) := hr
    obtain ⟨s, hs, hsr⟩ := List.mem_map.mp hr'
    refine ⟨s, hs, ?_⟩
    have e : (s : ℝ) = r := hsr
    rw [e]
    exact hrz

/-- Claim `rss-certificate-sound`: if the computable checker over `ℚ` accepts the sample list
`xs`, the radius `ε`, the interval `[a, b]` and the witness masks, then every real
`z ∈ [a, b]` is within `ε` of the exact sum `maskSum xs m` of one of the masks `m`.
Source: tools §D / theory §5.3 L3 [RECON]. Coq twin:
`Prunegap.Checker.check_certificate_sound`. -/
theorem checkCertificate_sound {xs : List ℚ} {ε a b : ℚ} {masks : List (List Bool)}
    (h : checkCertificate xs ε a b masks = true) :
    ∀ z : ℝ, (a : ℝ) ≤ z → z ≤ (b : ℝ) →
      ∃ m ∈ masks, |((maskSum xs m : ℚ) : ℝ) - z| ≤ (ε : ℝ) := by
  intro z hz₁ hz₂
  have h' : (masksWellFormed xs masks && checkSums ε a b (masks.map (maskSum xs))) = true := h
  obtain ⟨-, h₂⟩ := and_eq_true_split h'
  obtain ⟨s, hs, hsz⟩ := checkSums_sound (masks.map (maskSum xs)) h₂ z hz₁ hz₂
  obtain ⟨m, hm, hms⟩ := List.mem_map.mp hs
  refine ⟨m, hm, ?_⟩
  have e : maskSum xs m = s := hms
  rw [e]
  exact hsz

/-- A mask sum is a subset sum of the samples (read as reals). -/
theorem cast_maskSum_mem_subsetSums :
    ∀ (xs : List ℚ) (m : List Bool), ((maskSum xs m : ℚ) : ℝ) ∈ subsetSums (castList xs)
  | [], m => by
    have e : maskSum [] m = 0 := rfl
    -- checked: `Rat.cast_zero`, `Rat.cast_add` (Mathlib.Data.Rat.Cast.Defs / CharZero,
    -- mathlib4 docs pages)
    rw [e, Rat.cast_zero]
    exact zero_mem_subsetSums _
  | x :: xs, [] => by
    have e : maskSum (x :: xs) [] = 0 := rfl
    rw [e, Rat.cast_zero]
    exact zero_mem_subsetSums _
  | x :: xs, true :: m => by
    have e : maskSum (x :: xs) (true :: m) = x + maskSum xs m := rfl
    have hc : castList (x :: xs) = (x : ℝ) :: castList xs := rfl
    rw [e, Rat.cast_add, hc]
    exact mem_subsetSums_cons.mpr (Or.inr ⟨_, cast_maskSum_mem_subsetSums xs m, rfl⟩)
  | x :: xs, false :: m => by
    have e : maskSum (x :: xs) (false :: m) = maskSum xs m := rfl
    have hc : castList (x :: xs) = (x : ℝ) :: castList xs := rfl
    rw [e, hc]
    exact mem_subsetSums_cons.mpr (Or.inl (cast_maskSum_mem_subsetSums xs m))

/-- An accepted certificate is an `ε`-cover of `[a, b]` by the subset sums of the samples. -/
theorem covers_subsetSums_of_checkCertificate {xs : List ℚ} {ε a b : ℚ}
    {masks : List (List Bool)} (h : checkCertificate xs ε a b masks = true) :
    Covers (ε : ℝ) (a : ℝ) (b : ℝ) (subsetSums (castList xs)) := by
  intro z hz₁ hz₂
  obtain ⟨m, -, hm⟩ := checkCertificate_sound h z hz₁ hz₂
  exact ⟨_, cast_maskSum_mem_subsetSums xs m, hm⟩

end Prunegap
