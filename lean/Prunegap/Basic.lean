/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib

/-!
# Basic helpers for the prunegap formal core

Small list and real-arithmetic helpers shared by the topic files; the Lean twin of
`coq/theories/Base.v`. Nothing in this file is a claim of the claims registry.

## Main statements

* `Prunegap.abs_bounds_max3`: each of three reals lies within the largest of their absolute
  values (`Rmax3_abs_bounds` in Coq).
* `Prunegap.sum_map_nonneg`: a list sum of nonnegative terms is nonnegative.
* `Prunegap.exists_split_of_mem`: a member of a list splits it as `L₁ ++ x :: L₂`.

## Implementation notes

This development was written without access to a Lean toolchain (see `lean/README.md`), so
proofs use few Mathlib lemma names and robust tactics. Every Mathlib lemma used is recorded
next to its first use with a `-- checked:` comment saying where its name and shape were
looked up. Every file imports the whole of `Mathlib`, so that a module moved between
Mathlib releases cannot break an import line.
-/

namespace Prunegap

/-- Each of three reals lies within `M = max |x| (max |y| |z|)`, as two-sided linear bounds.
(Coq twin: `Rmax3_abs_bounds` in `coq/theories/Base.v`.) -/
theorem abs_bounds_max3 (x y z : ℝ) :
    (-max |x| (max |y| |z|) ≤ x ∧ x ≤ max |x| (max |y| |z|)) ∧
    (-max |x| (max |y| |z|) ≤ y ∧ y ≤ max |x| (max |y| |z|)) ∧
    (-max |x| (max |y| |z|) ≤ z ∧ z ≤ max |x| (max |y| |z|)) := by
  -- checked: `le_max_left`, `le_max_right` (Mathlib/Order/Defs/LinearOrder.lean, stored
  -- mathlib4 source; `le_max_left (a b : α) : a ≤ max a b`)
  -- checked: `le_trans` (core/Mathlib order basics, used throughout the stored sources)
  have hx : |x| ≤ max |x| (max |y| |z|) := le_max_left _ _
  have hy : |y| ≤ max |x| (max |y| |z|) := le_trans (le_max_left _ _) (le_max_right _ _)
  have hz : |z| ≤ max |x| (max |y| |z|) := le_trans (le_max_right _ _) (le_max_right _ _)
  -- checked: `abs_le : |a| ≤ b ↔ -b ≤ a ∧ a ≤ b` (Mathlib.Algebra.Order.Group.Abs; mathlib4
  -- docs page and stored source)
  exact ⟨abs_le.mp hx, abs_le.mp hy, abs_le.mp hz⟩

/-- A list sum of nonnegative terms is nonnegative. -/
theorem sum_map_nonneg {α : Type*} (f : α → ℝ) :
    ∀ (l : List α), (∀ a ∈ l, 0 ≤ f a) → 0 ≤ (l.map f).sum
  | [], _ => by simp
  | a :: l, h => by
    -- checked: `List.map_cons`, `List.sum_cons` (core `Init/Data/List/Basic.lean`, stored
    -- lean4 source: `(a::l).sum = a + l.sum`); `List.mem_cons : a ∈ b :: l ↔ a = b ∨ a ∈ l`
    have h₁ : 0 ≤ f a := h a (List.mem_cons.mpr (Or.inl rfl))
    have h₂ : 0 ≤ (l.map f).sum :=
      sum_map_nonneg f l (fun b hb => h b (List.mem_cons.mpr (Or.inr hb)))
    simp only [List.map_cons, List.sum_cons]
    linarith

/-- A member `x` of a list `L` splits it as `L = L₁ ++ x :: L₂`. -/
theorem exists_split_of_mem {α : Type*} {x : α} :
    ∀ {L : List α}, x ∈ L → ∃ L₁ L₂ : List α, L = L₁ ++ x :: L₂
  | [], h => by simp at h
  | y :: L, h => by
    rcases List.mem_cons.mp h with hxy | h'
    · subst hxy
      exact ⟨[], L, rfl⟩
    · obtain ⟨L₁, L₂, rfl⟩ := exists_split_of_mem h'
      exact ⟨y :: L₁, L₂, rfl⟩

end Prunegap
