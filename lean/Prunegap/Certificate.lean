/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.SubsetSum

/-!
# Covering certificates: the gap certificate (L3), the grid (L1), complete sequences (L4)

Lean twin of `coq/theories/Certificate.v`. Statements are theory §5.3 L1, L3, L4 [RECON]; L3
is the exact criterion used by the certificate checker (`Prunegap.Checker`).

## Main definitions

* `Prunegap.Consecutive`: a relation holds on every consecutive pair of `u :: rest`.
* `Prunegap.lastOr`: `lastOr u rest` is the last element of `u :: rest` (Coq:
  `last rest u`).
* `Prunegap.IsCompleteFrom`: the complete-sequence condition with a running prefix sum.

## Main statements

* `Prunegap.covers_of_gap_certificate` (claim `rss-gap-certificate`).
* `Prunegap.covers_of_grid` (claim `rss-grid`).
* `Prunegap.complete_sequence_covers` (claim `rss-complete-sequence`), with the list-recursive
  form `Prunegap.covers_subsetSums_of_isCompleteFrom`.
-/

namespace Prunegap

/-- `Consecutive P u [v₁, …, vₖ]`: `P` holds on every consecutive pair of `u :: [v₁, …, vₖ]`
(Coq: `consecutive`). -/
def Consecutive {α : Type*} (P : α → α → Prop) : α → List α → Prop
  | _, [] => True
  | u, v :: rest => P u v ∧ Consecutive P v rest

/-- `lastOr u rest` is the last element of `u :: rest` (Coq: `last rest u`). -/
def lastOr {α : Type*} : α → List α → α
  | u, [] => u
  | _, v :: rest => lastOr v rest

/-- `lastOr` commutes with `map`. -/
theorem lastOr_map {α β : Type*} (f : α → β) :
    ∀ (u : α) (L : List α), lastOr (f u) (L.map f) = f (lastOr u L)
  | _, [] => rfl
  | _, v :: L => lastOr_map f v L

/-- The gap certificate without the sortedness hypothesis (it is not needed): consecutive
gaps `≤ 2ε`, first element `≤ a + ε` and last `≥ b - ε` give an `ε`-cover of `[a, b]`. -/
theorem covers_of_consecutive_gap (ε b : ℝ) :
    ∀ (rest : List ℝ) (l₀ a : ℝ), Consecutive (fun u v : ℝ => v - u ≤ 2 * ε) l₀ rest →
      l₀ ≤ a + ε → b - ε ≤ lastOr l₀ rest → Covers ε a b (l₀ :: rest)
  | [], l₀, a, _, ha, hb => by
    intro z hz₁ hz₂
    have hb' : b - ε ≤ l₀ := hb
    exact ⟨l₀, List.mem_cons.mpr (Or.inl rfl), abs_le.mpr ⟨by linarith, by linarith⟩⟩
  | v :: rest, l₀, a, hgap, ha, hb => by
    intro z hz₁ hz₂
    have hg : v - l₀ ≤ 2 * ε ∧ Consecutive (fun u v : ℝ => v - u ≤ 2 * ε) v rest := hgap
    have hb' : b - ε ≤ lastOr v rest := hb
    by_cases hz : z ≤ l₀ + ε
    · exact ⟨l₀, List.mem_cons.mpr (Or.inl rfl), abs_le.mpr ⟨by linarith, by linarith⟩⟩
    · push_neg at hz
      have hv : v ≤ z + ε := by linarith [hg.1]
      obtain ⟨s, hs, hsz⟩ := covers_of_consecutive_gap ε b rest v z hg.2 hv hb' z le_rfl hz₂
      exact ⟨s, List.mem_cons.mpr (Or.inr hs), hsz⟩

/-- Claim `rss-gap-certificate`: if `L = l₀ :: rest` is sorted (each consecutive pair
`u ≤ v`), `l₀ ≤ a + ε`, `last L ≥ b - ε`, and every consecutive gap `v - u ≤ 2ε`, then every
`z ∈ [a, b]` is within `ε` of an element of `L`. (Sortedness is not used by the proof.)
Source: theory §5.3 L3 [RECON]. Coq twin: `Prunegap.Certificate.gap_certificate_covers`. -/
theorem covers_of_gap_certificate {ε a b l₀ : ℝ} {rest : List ℝ}
    (_hsorted : Consecutive (· ≤ ·) l₀ rest)
    (hgap : Consecutive (fun u v : ℝ => v - u ≤ 2 * ε) l₀ rest)
    (hfirst : l₀ ≤ a + ε) (hlast : b - ε ≤ lastOr l₀ rest) :
    Covers ε a b (l₀ :: rest) :=
  covers_of_consecutive_gap ε b rest l₀ a hgap hfirst hlast

/-- Every point of `[a, a + N h]` is within `h / 2` of a grid point `a + j h`, `j ≤ N`. -/
theorem exists_near_grid_point {a h z : ℝ} (hh : 0 < h) :
    ∀ N : ℕ, a ≤ z → z ≤ a + N * h → ∃ j : ℕ, j ≤ N ∧ |z - (a + j * h)| ≤ h / 2 := by
  intro N
  induction N with
  | zero =>
    intro hz₁ hz₂
    have hz₂' : z ≤ a := by simpa using hz₂
    have hc : ((0 : ℕ) : ℝ) * h = 0 := by simp
    refine ⟨0, le_rfl, ?_⟩
    rw [abs_le]
    constructor <;> linarith
  | succ N ih =>
    intro hz₁ hz₂
    have hcast : ((N + 1 : ℕ) : ℝ) = (N : ℝ) + 1 := Nat.cast_add_one N
    rw [hcast] at hz₂
    by_cases hzN : z ≤ a + N * h
    · obtain ⟨j, hj, hjz⟩ := ih hz₁ hzN
      exact ⟨j, by omega, hjz⟩
    · push_neg at hzN
      by_cases hmid : z ≤ a + N * h + h / 2
      · refine ⟨N, by omega, ?_⟩
        rw [abs_le]
        constructor <;> linarith
      · push_neg at hmid
        refine ⟨N + 1, le_rfl, ?_⟩
        rw [hcast, abs_le]
        constructor <;> linarith

/-- Claim `rss-grid`: if every grid point `a + j h`, `0 ≤ j ≤ N`, with `a + N h ≥ b` and
`h > 0`, is within `ε'` of an element of `L`, then every `z ∈ [a, b]` is within `ε' + h / 2`
of an element of `L`. Source: theory §5.3 L1 [RECON]. Coq twin:
`Prunegap.Certificate.grid_covers`. -/
theorem covers_of_grid {L : List ℝ} {ε' h : ℝ} {N : ℕ} (hh : 0 < h) {a b : ℝ}
    (hN : b ≤ a + N * h) (hgrid : ∀ j : ℕ, j ≤ N → ∃ s ∈ L, |s - (a + j * h)| ≤ ε') :
    Covers (ε' + h / 2) a b L := by
  intro z hz₁ hz₂
  obtain ⟨j, hj, hjz⟩ := exists_near_grid_point hh N hz₁ (le_trans hz₂ hN)
  obtain ⟨s, hs, hsj⟩ := hgrid j hj
  refine ⟨s, hs, ?_⟩
  obtain ⟨h₁, h₂⟩ := abs_le.mp hsj
  obtain ⟨h₃, h₄⟩ := abs_le.mp hjz
  rw [abs_le]
  constructor <;> linarith

/-- The sum of all samples is a subset sum. -/
theorem sum_mem_subsetSums : ∀ xs : List ℝ, xs.sum ∈ subsetSums xs
  | [] => by
    rw [List.sum_nil, subsetSums_nil]
    exact List.mem_singleton.mpr rfl
  | x :: xs => by
    rw [List.sum_cons]
    exact mem_subsetSums_cons.mpr (Or.inr ⟨xs.sum, sum_mem_subsetSums xs, rfl⟩)

/-- Appending `x` adds `x` to every subset sum. -/
theorem add_mem_subsetSums_append_singleton (x : ℝ) :
    ∀ (xs : List ℝ) (t : ℝ), t ∈ subsetSums xs → x + t ∈ subsetSums (xs ++ [x])
  | [], t, h => by
    rw [subsetSums_nil, List.mem_singleton] at h
    rw [h, List.nil_append]
    exact mem_subsetSums_cons.mpr (Or.inr ⟨0, zero_mem_subsetSums [], rfl⟩)
  | y :: xs, t, h => by
    rw [List.cons_append]
    rcases mem_subsetSums_cons.mp h with h' | ⟨t', ht', htt'⟩
    · exact mem_subsetSums_cons.mpr
        (Or.inl (add_mem_subsetSums_append_singleton x xs t h'))
    · refine mem_subsetSums_cons.mpr
        (Or.inr ⟨x + t', add_mem_subsetSums_append_singleton x xs t' ht', ?_⟩)
      rw [htt']
      ring

/-- `(ys ++ [x]).sum = ys.sum + x`. -/
theorem sum_append_singleton (x : ℝ) : ∀ ys : List ℝ, (ys ++ [x]).sum = ys.sum + x
  | [] => by simp
  | y :: ys => by
    simp only [List.cons_append, List.sum_cons, sum_append_singleton x ys]
    ring

/-- One step of the complete-sequence argument: if the subset sums of `ys` cover
`[0, Σ ys]` and `x ≤ 2ε + Σ ys`, then the subset sums of `ys ++ [x]` cover `[0, Σ ys + x]`. -/
theorem covers_subsetSums_append_singleton {ε x : ℝ} {ys : List ℝ} (hε : 0 ≤ ε)
    (hx : x ≤ 2 * ε + ys.sum) (hcov : Covers ε 0 ys.sum (subsetSums ys)) :
    Covers ε 0 (ys.sum + x) (subsetSums (ys ++ [x])) := by
  intro z hz₁ hz₂
  by_cases h₁ : z ≤ ys.sum
  · obtain ⟨s, hs, hsz⟩ := hcov z hz₁ h₁
    exact ⟨s, mem_subsetSums_append_of_mem [x] ys s hs, hsz⟩
  · push_neg at h₁
    by_cases h₂ : x ≤ z
    · obtain ⟨s, hs, hsz⟩ := hcov (z - x) (by linarith) (by linarith)
      refine ⟨x + s, add_mem_subsetSums_append_singleton x ys s hs, ?_⟩
      have e : x + s - z = s - (z - x) := by ring
      rw [e]
      exact hsz
    · push_neg at h₂
      by_cases h₃ : z ≤ ys.sum + ε
      · have hS := mem_subsetSums_append_of_mem [x] ys ys.sum (sum_mem_subsetSums ys)
        refine ⟨ys.sum, hS, ?_⟩
        rw [abs_le]
        constructor <;> linarith
      · push_neg at h₃
        have h0 := add_mem_subsetSums_append_singleton x ys 0 (zero_mem_subsetSums ys)
        refine ⟨x + 0, h0, ?_⟩
        rw [abs_le]
        constructor <;> linarith

/-- `IsCompleteFrom ε acc [x₁, …, xₙ]`: with the running prefix sum starting at `acc`,
`x_{k+1} ≤ 2ε + acc + Σ_{i ≤ k} xᵢ` for every `k`. With `acc = 0` this is the complete-sequence
condition `x₁ ≤ 2ε`, `x_{k+1} ≤ 2ε + Σ_{i ≤ k} xᵢ` of theory §5.3 L4. -/
def IsCompleteFrom (ε : ℝ) : ℝ → List ℝ → Prop
  | _, [] => True
  | acc, x :: xs => x ≤ 2 * ε + acc ∧ IsCompleteFrom ε (acc + x) xs

/-- The complete-sequence induction, from a covered prefix `ys`. -/
theorem covers_subsetSums_append_of_isCompleteFrom {ε : ℝ} (hε : 0 ≤ ε) :
    ∀ (xs ys : List ℝ), IsCompleteFrom ε ys.sum xs → Covers ε 0 ys.sum (subsetSums ys) →
      Covers ε 0 (ys ++ xs).sum (subsetSums (ys ++ xs))
  | [], ys, _, hcov => by
    rw [List.append_nil]
    exact hcov
  | x :: xs, ys, h, hcov => by
    have h' : x ≤ 2 * ε + ys.sum ∧ IsCompleteFrom ε (ys.sum + x) xs := h
    have hsum : (ys ++ [x]).sum = ys.sum + x := sum_append_singleton x ys
    have hstep : Covers ε 0 (ys ++ [x]).sum (subsetSums (ys ++ [x])) := by
      rw [hsum]
      exact covers_subsetSums_append_singleton hε h'.1 hcov
    have hrest : IsCompleteFrom ε (ys ++ [x]).sum xs := by
      rw [hsum]
      exact h'.2
    have key := covers_subsetSums_append_of_isCompleteFrom hε xs (ys ++ [x]) hrest hstep
    have e : ys ++ [x] ++ xs = ys ++ x :: xs := by simp
    rw [e] at key
    exact key

/-- L4 in list-recursive form: if `IsCompleteFrom ε 0 xs` and `ε ≥ 0`, every
`z ∈ [0, Σ xs]` is within `ε` of a subset sum of `xs` (nonnegativity and sortedness of the
`xᵢ` are not needed). -/
theorem covers_subsetSums_of_isCompleteFrom {ε : ℝ} (hε : 0 ≤ ε) {xs : List ℝ}
    (h : IsCompleteFrom ε 0 xs) : Covers ε 0 xs.sum (subsetSums xs) := by
  have hbase : Covers ε 0 ([] : List ℝ).sum (subsetSums []) := by
    intro z hz₁ hz₂
    rw [List.sum_nil] at hz₂
    refine ⟨0, zero_mem_subsetSums [], ?_⟩
    rw [abs_le]
    constructor <;> linarith
  have h' : IsCompleteFrom ε ([] : List ℝ).sum xs := by
    rw [List.sum_nil]
    exact h
  have key := covers_subsetSums_append_of_isCompleteFrom hε xs [] h' hbase
  rw [List.nil_append] at key
  exact key

/-- The indexed condition `x_{k+1} ≤ 2ε + acc + Σ_{i ≤ k} xᵢ` (with `List.getD` and
`List.take`, as in the Coq statement) implies `IsCompleteFrom ε acc`. -/
theorem isCompleteFrom_of_forall_getD (ε : ℝ) :
    ∀ (xs : List ℝ) (acc : ℝ),
      (∀ k : ℕ, k < xs.length → xs.getD k 0 ≤ 2 * ε + acc + (xs.take k).sum) →
        IsCompleteFrom ε acc xs
  | [], _, _ => trivial
  | x :: xs, acc, h => by
    -- checked: `List.getD_cons_zero`, `List.getD_cons_succ`, `List.take_zero`,
    -- `List.take_succ_cons` (core `Init/Data/List/Basic.lean`, stored lean4 source)
    have hlen0 : (x :: xs).length = xs.length + 1 := rfl
    have h₀ := h 0 (by omega)
    rw [List.getD_cons_zero, List.take_zero, List.sum_nil] at h₀
    have hrest : IsCompleteFrom ε (acc + x) xs := by
      refine isCompleteFrom_of_forall_getD ε xs (acc + x) ?_
      intro k hk
      have hk' := h (k + 1) (by omega)
      rw [List.getD_cons_succ, List.take_succ_cons, List.sum_cons] at hk'
      linarith
    show x ≤ 2 * ε + acc ∧ IsCompleteFrom ε (acc + x) xs
    exact ⟨by linarith, hrest⟩

/-- Claim `rss-complete-sequence`: if `0 ≤ x₁ ≤ … ≤ xₙ`, `x₁ ≤ 2ε` and
`x_{k+1} ≤ 2ε + Σ_{i ≤ k} xᵢ` (on lists: `xs.getD k 0 ≤ 2ε + (xs.take k).sum` for every index
`k`, the case `k = 0` being `x₁ ≤ 2ε`), and `ε ≥ 0`, then every `z ∈ [0, Σ xᵢ]` is within `ε`
of a subset sum of `xs`. (Nonnegativity and sortedness are not used by the proof.)
Source: theory §5.3 L4 [RECON]. Coq twin: `Prunegap.Certificate.complete_sequence_covers`. -/
theorem complete_sequence_covers {ε : ℝ} {xs : List ℝ} (hε : 0 ≤ ε)
    (_h0 : 0 ≤ xs.getD 0 0)
    (_hsorted : ∀ k : ℕ, k + 1 < xs.length → xs.getD k 0 ≤ xs.getD (k + 1) 0)
    (hstep : ∀ k : ℕ, k < xs.length → xs.getD k 0 ≤ 2 * ε + (xs.take k).sum) :
    Covers ε 0 xs.sum (subsetSums xs) := by
  refine covers_subsetSums_of_isCompleteFrom hε
    (isCompleteFrom_of_forall_getD ε xs 0 (fun k hk => ?_))
  have h := hstep k hk
  linarith

end Prunegap
