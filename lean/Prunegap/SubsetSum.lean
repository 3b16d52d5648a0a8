/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.Basic

/-!
# Subset sums: recursion, monotonicity and the counting bound

`subsetSums xs` lists the `2 ^ xs.length` subset sums of `xs` (with multiplicity), and
`Covers ε a b L` says that every point of `[a, b]` is within `ε` of an element of `L`.
Lean twin of `coq/theories/SubsetSum.v`; statements are L2 and L5 of theory §5.3 [RECON].

## Main definitions

* `Prunegap.subsetSums`: all subset sums of a list of reals.
* `Prunegap.Covers`: `L` is an `ε`-cover of `[a, b]`.

## Main statements

* `Prunegap.subsetSums_recursion` (claim `rss-subset-sum-recursion`), built from
  `Prunegap.mem_subsetSums_cons` and `Prunegap.length_subsetSums`.
* `Prunegap.subsetSums_monotone` (claim `rss-subset-sum-monotone`).
* `Prunegap.counting_bound` (claim `rss-counting-bound`), built from
  `Prunegap.sub_le_two_mul_length_of_covers` and
  `Prunegap.sub_le_two_pow_mul_of_covers_subsetSums`.
-/

namespace Prunegap

/-- All subset sums of `xs`, one per subset (so duplicates are kept). -/
noncomputable def subsetSums : List ℝ → List ℝ
  | [] => [0]
  | x :: xs => subsetSums xs ++ (subsetSums xs).map (fun s => x + s)

/-- `Covers ε a b L`: every point of `[a, b]` is within `ε` of an element of `L`
(Coq: `covers eps a b L`). -/
def Covers (ε a b : ℝ) (L : List ℝ) : Prop :=
  ∀ z : ℝ, a ≤ z → z ≤ b → ∃ s ∈ L, |s - z| ≤ ε

/-- `subsetSums [] = [0]` (part of claim `rss-subset-sum-recursion`). -/
theorem subsetSums_nil : subsetSums [] = [0] := rfl

/-- `subsetSums (x :: xs) = subsetSums xs ++ map (x + ·) (subsetSums xs)`
(part of claim `rss-subset-sum-recursion`). -/
theorem subsetSums_cons (x : ℝ) (xs : List ℝ) :
    subsetSums (x :: xs) = subsetSums xs ++ (subsetSums xs).map (fun s => x + s) := rfl

/-- Membership in `subsetSums (x :: xs)` (part of claim `rss-subset-sum-recursion`). -/
theorem mem_subsetSums_cons {x s : ℝ} {xs : List ℝ} :
    s ∈ subsetSums (x :: xs) ↔ s ∈ subsetSums xs ∨ ∃ t ∈ subsetSums xs, s = x + t := by
  -- checked: `List.mem_append : a ∈ s ++ t ↔ a ∈ s ∨ a ∈ t` and
  -- `List.mem_map : b ∈ l.map f ↔ ∃ a, a ∈ l ∧ f a = b` (core, stored lean4 source)
  rw [subsetSums_cons, List.mem_append, List.mem_map]
  constructor
  · rintro (h | ⟨t, ht, hts⟩)
    · exact Or.inl h
    · exact Or.inr ⟨t, ht, hts.symm⟩
  · rintro (h | ⟨t, ht, hst⟩)
    · exact Or.inl h
    · exact Or.inr ⟨t, ht, hst.symm⟩

/-- There are `2 ^ xs.length` subset sums (part of claim `rss-subset-sum-recursion`). -/
theorem length_subsetSums : ∀ xs : List ℝ, (subsetSums xs).length = 2 ^ xs.length
  | [] => rfl
  | x :: xs => by
    -- checked: `List.length_append`, `List.length_map`, `List.length_cons` (core, stored
    -- lean4 source)
    rw [subsetSums_cons, List.length_append, List.length_map, length_subsetSums xs,
      List.length_cons]
    ring

/-- Claim `rss-subset-sum-recursion`: `subsetSums [] = [0]`;
`subsetSums (x :: xs) = subsetSums xs ++ map (x + ·) (subsetSums xs)`;
`s ∈ subsetSums (x :: xs) ↔ s ∈ subsetSums xs ∨ ∃ t ∈ subsetSums xs, s = x + t`; and
`(subsetSums xs).length = 2 ^ xs.length`.
Source: theory §5.3 L2 [RECON]. Coq twin: `Prunegap.SubsetSum.subset_sums_recursion`. -/
theorem subsetSums_recursion :
    subsetSums [] = [0] ∧
    (∀ (x : ℝ) (xs : List ℝ),
      subsetSums (x :: xs) = subsetSums xs ++ (subsetSums xs).map (fun s => x + s)) ∧
    (∀ (x : ℝ) (xs : List ℝ) (s : ℝ),
      s ∈ subsetSums (x :: xs) ↔ s ∈ subsetSums xs ∨ ∃ t ∈ subsetSums xs, s = x + t) ∧
    (∀ xs : List ℝ, (subsetSums xs).length = 2 ^ xs.length) :=
  ⟨subsetSums_nil, subsetSums_cons, fun _ _ _ => mem_subsetSums_cons, length_subsetSums⟩

/-- `0` is a subset sum (of the empty subset). -/
theorem zero_mem_subsetSums : ∀ xs : List ℝ, (0 : ℝ) ∈ subsetSums xs
  | [] => by
    -- checked: `List.mem_singleton : a ∈ [b] ↔ a = b` (core, stored lean4 source)
    rw [subsetSums_nil]
    exact List.mem_singleton.mpr rfl
  | x :: xs => mem_subsetSums_cons.mpr (Or.inl (zero_mem_subsetSums xs))

/-- A subset sum of `xs` is one of `x :: xs` (part of claim `rss-subset-sum-monotone`). -/
theorem mem_subsetSums_cons_of_mem {x s : ℝ} {xs : List ℝ} (h : s ∈ subsetSums xs) :
    s ∈ subsetSums (x :: xs) :=
  mem_subsetSums_cons.mpr (Or.inl h)

/-- A subset sum of `xs` is one of `xs ++ ys` (part of claim `rss-subset-sum-monotone`). -/
theorem mem_subsetSums_append_of_mem (ys : List ℝ) :
    ∀ (xs : List ℝ) (s : ℝ), s ∈ subsetSums xs → s ∈ subsetSums (xs ++ ys)
  | [], s, h => by
    rw [subsetSums_nil, List.mem_singleton] at h
    -- checked: `List.nil_append`, `List.cons_append` (core, stored lean4 source)
    rw [h, List.nil_append]
    exact zero_mem_subsetSums ys
  | x :: xs, s, h => by
    rw [List.cons_append]
    rcases mem_subsetSums_cons.mp h with h' | ⟨t, ht, hst⟩
    · exact mem_subsetSums_cons.mpr (Or.inl (mem_subsetSums_append_of_mem ys xs s h'))
    · exact mem_subsetSums_cons.mpr
        (Or.inr ⟨t, mem_subsetSums_append_of_mem ys xs t ht, hst⟩)

/-- Enlarging the list keeps an `ε`-cover. -/
theorem Covers.of_subset {ε a b : ℝ} {L L' : List ℝ} (hsub : ∀ s ∈ L, s ∈ L')
    (h : Covers ε a b L) : Covers ε a b L' := by
  intro z hz₁ hz₂
  obtain ⟨s, hs, hsz⟩ := h z hz₁ hz₂
  exact ⟨s, hsub s hs, hsz⟩

/-- An `ε`-cover is an `ε'`-cover for every `ε' ≥ ε` (part of claim
`rss-subset-sum-monotone`). -/
theorem Covers.mono {ε ε' a b : ℝ} {L : List ℝ} (hε : ε ≤ ε') (h : Covers ε a b L) :
    Covers ε' a b L := by
  intro z hz₁ hz₂
  obtain ⟨s, hs, hsz⟩ := h z hz₁ hz₂
  exact ⟨s, hs, le_trans hsz hε⟩

/-- Claim `rss-subset-sum-monotone`: adding samples never removes a subset sum (a subset sum
of `xs` is one of `x :: xs` and of `xs ++ ys`); hence an `ε`-cover of `[a, b]` by the subset
sums of `xs` stays one after adding samples; and an `ε`-cover is an `ε'`-cover for every
`ε' ≥ ε`. Source: theory §5.3 L2 [RECON]. Coq twin:
`Prunegap.SubsetSum.subset_sums_monotone`. -/
theorem subsetSums_monotone :
    (∀ (x : ℝ) (xs : List ℝ) (s : ℝ), s ∈ subsetSums xs → s ∈ subsetSums (x :: xs)) ∧
    (∀ (xs ys : List ℝ) (s : ℝ), s ∈ subsetSums xs → s ∈ subsetSums (xs ++ ys)) ∧
    (∀ (ε a b x : ℝ) (xs ys : List ℝ), Covers ε a b (subsetSums xs) →
      Covers ε a b (subsetSums (x :: xs)) ∧ Covers ε a b (subsetSums (xs ++ ys))) ∧
    (∀ (ε ε' a b : ℝ) (L : List ℝ), ε ≤ ε' → Covers ε a b L → Covers ε' a b L) := by
  refine ⟨fun _ _ _ h => mem_subsetSums_cons_of_mem h,
    fun xs ys s h => mem_subsetSums_append_of_mem ys xs s h, ?_,
    fun _ _ _ _ _ hε h => Covers.mono hε h⟩
  intro ε a b x xs ys h
  exact ⟨Covers.of_subset (fun s hs => mem_subsetSums_cons_of_mem hs) h,
    Covers.of_subset (fun s hs => mem_subsetSums_append_of_mem ys xs s hs) h⟩

/-- A cover of a nonempty interval has `ε ≥ 0`. -/
theorem Covers.nonneg {ε a b : ℝ} {L : List ℝ} (hab : a ≤ b) (h : Covers ε a b L) :
    0 ≤ ε := by
  obtain ⟨s, -, hs⟩ := h a le_rfl hab
  exact le_trans (abs_nonneg (s - a)) hs

/-- Counting core: if a list of length at most `n` covers `[a, b]`, then `b - a ≤ 2 ε n`.
Removing the element that covers `a` leaves a list of length `≤ n - 1` covering
`(s + ε, b]`; an "epsilon of room" argument handles the open end. -/
theorem sub_le_of_covers_of_length_le {ε : ℝ} (hε : 0 ≤ ε) :
    ∀ (n : ℕ) (L : List ℝ) (a b : ℝ), L.length ≤ n → a ≤ b → Covers ε a b L →
      b - a ≤ 2 * ε * n := by
  intro n
  induction n with
  | zero =>
    intro L a b hlen hab hcov
    obtain ⟨s, hs, -⟩ := hcov a le_rfl hab
    cases L with
    | nil => simp at hs
    | cons x L =>
      have e : (x :: L).length = L.length + 1 := rfl
      exfalso
      omega
  | succ n ih =>
    intro L a b hlen hab hcov
    have hn : (0 : ℝ) ≤ n := by positivity
    have hεn : 0 ≤ ε * (n : ℝ) := mul_nonneg hε hn
    -- checked: `Nat.cast_add_one (n : ℕ) : ((n + 1 : ℕ) : R) = n + 1`
    -- (Mathlib/Data/Nat/Cast/Defs.lean, stored mathlib4 source)
    have hcast : ((n + 1 : ℕ) : ℝ) = (n : ℝ) + 1 := Nat.cast_add_one n
    rw [hcast]
    obtain ⟨s, hs, hsa⟩ := hcov a le_rfl hab
    obtain ⟨hsa₁, hsa₂⟩ := abs_le.mp hsa
    obtain ⟨L₁, L₂, rfl⟩ := exists_split_of_mem hs
    by_cases hb : b ≤ s + ε
    · linarith
    · push_neg at hb
      have key : b - (s + ε) ≤ 2 * ε * n := by
        by_contra hcon
        push_neg at hcon
        obtain ⟨a', ha'⟩ : ∃ a' : ℝ, a' = s + ε + (b - (s + ε) - 2 * ε * n) / 2 :=
          ⟨_, rfl⟩
        have hcov' : Covers ε a' b (L₁ ++ L₂) := by
          intro z hz₁ hz₂
          obtain ⟨t, ht, htz⟩ := hcov z (by linarith) hz₂
          refine ⟨t, ?_, htz⟩
          rcases List.mem_append.mp ht with ht₁ | ht₂
          · exact List.mem_append.mpr (Or.inl ht₁)
          · rcases List.mem_cons.mp ht₂ with hts | ht₃
            · exfalso
              obtain ⟨htz₁, -⟩ := abs_le.mp htz
              linarith
            · exact List.mem_append.mpr (Or.inr ht₃)
        have hlen' : (L₁ ++ L₂).length ≤ n := by
          rw [List.length_append]
          rw [List.length_append, List.length_cons] at hlen
          omega
        have h' := ih (L₁ ++ L₂) a' b hlen' (by linarith) hcov'
        linarith
      linarith

/-- If every `z ∈ [a, b]` (`a ≤ b`) is within `ε` of an element of `L`, then
`b - a ≤ 2 ε · length L` (part of claim `rss-counting-bound`). -/
theorem sub_le_two_mul_length_of_covers {ε a b : ℝ} {L : List ℝ} (hab : a ≤ b)
    (h : Covers ε a b L) : b - a ≤ 2 * ε * L.length :=
  sub_le_of_covers_of_length_le (h.nonneg hab) L.length L a b le_rfl hab h

/-- For the subset sums of `xs`: `b - a ≤ 2 ^ xs.length · (2 ε)`
(part of claim `rss-counting-bound`). -/
theorem sub_le_two_pow_mul_of_covers_subsetSums {ε a b : ℝ} {xs : List ℝ} (hab : a ≤ b)
    (h : Covers ε a b (subsetSums xs)) : b - a ≤ 2 ^ xs.length * (2 * ε) := by
  have h₁ := sub_le_two_mul_length_of_covers hab h
  rw [length_subsetSums] at h₁
  push_cast at h₁
  linarith

/-- Claim `rss-counting-bound`: if every `z ∈ [a, b]` (`a ≤ b`) is within `ε` of an element of
a list `L`, then `b - a ≤ 2 ε · length L`; hence for the subset sums of `xs`,
`b - a ≤ 2 ^ length xs · 2ε`. Source: theory §5.3 L5 [RECON]. Coq twin:
`Prunegap.SubsetSum.counting_bound`. -/
theorem counting_bound :
    (∀ (ε a b : ℝ) (L : List ℝ), a ≤ b → Covers ε a b L → b - a ≤ 2 * ε * L.length) ∧
    (∀ (ε a b : ℝ) (xs : List ℝ), a ≤ b → Covers ε a b (subsetSums xs) →
      b - a ≤ 2 ^ xs.length * (2 * ε)) :=
  ⟨fun _ _ _ _ hab h => sub_le_two_mul_length_of_covers hab h,
    fun _ _ _ _ hab h => sub_le_two_pow_mul_of_covers_subsetSums hab h⟩

end Prunegap
