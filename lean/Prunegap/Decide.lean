/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Mathlib
import Prunegap.Checker

/-!
# A verified exact decision of subset-sum coverage

`decideCover D xs e a b` decides, for an integer-scaled instance (samples `xs_i / D`, radius
`e / D`, interval `[a / D, b / D]`, all numerators integers over one positive denominator
`D`), whether every real `z` in the interval is within the radius of a subset sum of the
samples. Both directions are proved (`Prunegap.decideCover_correct`): the procedure answers
`true` exactly when the real-valued cover holds, so a `false` answer ("not covered") is as
much a theorem as a `true` one. Lean twin of `coq/theories/Decide.v`, lemma by lemma
(the correspondence is listed in `lean/README.md`); claim `rss-decide-cover` [RECON].

The procedure is the interval-union recursion: the set of points within `e` of a subset sum
of `x :: xs` is `U(xs) ∪ (x + U(xs))`; each `U` is kept as a list of pairwise separated
integer intervals (sorted by left end, overlapping intervals merged). Because every endpoint
is an integer, two separated intervals leave a gap containing a half-integer, so `[a, b]` is
covered iff one interval of the normal form contains it. No pruning or clipping is done: this
is the specification-level procedure, not the fast kernel.

## Main definitions

* `Prunegap.coalesce`, `Prunegap.normalize`, `Prunegap.shift`, `Prunegap.coverIntervals`:
  the interval normal form (Coq: `coalesce`, `normalize`, `shift`, `cover_intervals`).
* `Prunegap.zdecideCover`, `Prunegap.decideCover`: the integer decision and the decision
  on the instance scaled by `D` (Coq: `zdecide_cover`, `decide_cover`).
* `Prunegap.InU`: `z` lies in one of the intervals of a list (Coq: `inU`).

## Main statements

* `Prunegap.decideCover_correct` (claim `rss-decide-cover`), from
  `Prunegap.zdecideCover_correct` (the unscaled integer form) and the scaling lemmas
  `Prunegap.subsetSums_scale`, `Prunegap.covers_scale`, `Prunegap.cast_scaled`.

## Implementation notes

* Coq sorts with the standard library's merge sort (`Sorting.Mergesort`, lemmas
  `Permuted_sort`/`StronglySorted_sort`). The names and hypothesis shapes of the corresponding
  lemmas of Lean core's `List.mergeSort` changed during 2025 (`sorted_mergeSort` /
  `pairwise_mergeSort`, the form of the totality hypothesis), and we cannot compile against
  the pinned release, so this file sorts with its own insertion sort `Prunegap.sortByLeft`
  and proves the two facts the Coq proof uses (`Prunegap.mem_sortByLeft`: same members;
  `Prunegap.pairwise_sortByLeft`: sorted) by structural recursion. The decision and the
  theorem do not depend on which sort is used.
* Coq's `StronglySorted` is `List.Pairwise`; Coq's (locally) `Sorted` is
  `Prunegap.LocallySorted`, built from `Prunegap.Consecutive` of `Certificate.lean`.
* Coq's `Q2R (x # D)` is the cast `ℚ → ℝ` of `(x : ℚ) / ((D : ℕ) : ℚ)`, with `D : ℕ+`
  (Coq: `D : positive`).
* Every definition over `ℤ` is computable, so `#eval decideCover 1 [1, 2] 0 0 3` runs.
-/

namespace Prunegap

/-! ### The procedure over integers -/

/-- `Lb p q`: the interval `p` starts no later than `q` (Coq: `lb`, from the order
`IntervalOrder.leb` of the sort). -/
def Lb (p q : ℤ × ℤ) : Prop := p.1 ≤ q.1

/-- Insert `p` into a list sorted by left end, before the first interval that starts at or
after `p`'s left end. -/
def insertByLeft (p : ℤ × ℤ) : List (ℤ × ℤ) → List (ℤ × ℤ)
  | [] => [p]
  | q :: L => if p.1 ≤ q.1 then p :: q :: L else q :: insertByLeft p L

/-- Sort intervals by left end (insertion sort; Coq: `IntervalSort.sort`, see the
implementation notes). -/
def sortByLeft : List (ℤ × ℤ) → List (ℤ × ℤ)
  | [] => []
  | p :: L => insertByLeft p (sortByLeft L)

/-- Merge the sorted intervals `cur :: L` that overlap (share a point) (Coq: `coalesce`). -/
def coalesce : ℤ × ℤ → List (ℤ × ℤ) → List (ℤ × ℤ)
  | cur, [] => [cur]
  | cur, q :: L =>
    if q.1 ≤ cur.2 then coalesce (cur.1, max cur.2 q.2) L else cur :: coalesce q L

/-- `coalesce` from the first interval of a sorted list; `[]` for no interval (the `match`
in Coq's `normalize`). -/
def coalesceAll : List (ℤ × ℤ) → List (ℤ × ℤ)
  | [] => []
  | p :: L => coalesce p L

/-- Drop empty intervals, sort by left end, merge overlapping ones (Coq: `normalize`). -/
def normalize (L : List (ℤ × ℤ)) : List (ℤ × ℤ) :=
  coalesceAll (sortByLeft (L.filter fun p => decide (p.1 ≤ p.2)))

/-- Translate an interval by `x` (Coq: `shift`). -/
def shift (x : ℤ) (p : ℤ × ℤ) : ℤ × ℤ := (p.1 + x, p.2 + x)

/-- The normal form of the union of `[s - e, s + e]` over the subset sums `s` of `xs`
(Coq: `cover_intervals`). -/
def coverIntervals (e : ℤ) : List ℤ → List (ℤ × ℤ)
  | [] => normalize [(-e, e)]
  | x :: xs =>
    let U := coverIntervals e xs
    normalize (U ++ U.map (shift x))

/-- The integer decision: `[a, b]` is empty, or inside one interval of the normal form
(Coq: `zdecide_cover`). -/
def zdecideCover (xs : List ℤ) (e a b : ℤ) : Bool :=
  decide (b < a) || (coverIntervals e xs).any fun p => decide (p.1 ≤ a) && decide (b ≤ p.2)

/-- The decision on the instance scaled by `D` (which does not change the answer; it fixes
the meaning of the integers: samples `xs_i / D`, radius `e / D`, interval `[a / D, b / D]`)
(Coq: `decide_cover`). -/
def decideCover (_D : ℕ+) (xs : List ℤ) (e a b : ℤ) : Bool :=
  zdecideCover xs e a b

/-- Unfolding `insertByLeft` on a cons. -/
theorem insertByLeft_cons (p q : ℤ × ℤ) (L : List (ℤ × ℤ)) :
    insertByLeft p (q :: L) = if p.1 ≤ q.1 then p :: q :: L else q :: insertByLeft p L := rfl

/-- Unfolding `coalesce` on `[]`. -/
theorem coalesce_nil (cur : ℤ × ℤ) : coalesce cur [] = [cur] := rfl

/-- Unfolding `coalesce` on a cons. -/
theorem coalesce_cons (cur q : ℤ × ℤ) (L : List (ℤ × ℤ)) :
    coalesce cur (q :: L) =
      if q.1 ≤ cur.2 then coalesce (cur.1, max cur.2 q.2) L else cur :: coalesce q L := rfl

/-- Unfolding `coverIntervals` on `[]`. -/
theorem coverIntervals_nil (e : ℤ) : coverIntervals e [] = normalize [(-e, e)] := rfl

/-- Unfolding `coverIntervals` on a cons. -/
theorem coverIntervals_cons (e x : ℤ) (xs : List ℤ) :
    coverIntervals e (x :: xs) =
      normalize (coverIntervals e xs ++ (coverIntervals e xs).map (shift x)) := rfl

/-! ### The sort: same members, sorted -/

/-- `Lb` is transitive (Coq: `lb_trans`). -/
theorem lb_trans {p q r : ℤ × ℤ} (h₁ : Lb p q) (h₂ : Lb q r) : Lb p r := by
  have h₁' : p.1 ≤ q.1 := h₁
  have h₂' : q.1 ≤ r.1 := h₂
  show p.1 ≤ r.1
  -- checked: `le_trans` (Mathlib/Order/Defs, used throughout the stored sources)
  exact le_trans h₁' h₂'

/-- The members of `insertByLeft p L` are `p` and those of `L`. -/
theorem mem_insertByLeft {p r : ℤ × ℤ} :
    ∀ {L : List (ℤ × ℤ)}, r ∈ insertByLeft p L ↔ r = p ∨ r ∈ L
  | [] => by
    show r ∈ [p] ↔ r = p ∨ r ∈ ([] : List (ℤ × ℤ))
    simp
  | q :: L => by
    have ih : r ∈ insertByLeft p L ↔ r = p ∨ r ∈ L := mem_insertByLeft
    rw [insertByLeft_cons]
    by_cases h : p.1 ≤ q.1
    · -- checked: `if_pos`, `if_neg` (core `Init/Core.lean`);
      -- `List.mem_cons : a ∈ b :: l ↔ a = b ∨ a ∈ l` (core, stored lean4 source)
      rw [if_pos h]
      constructor
      · intro hr
        rcases List.mem_cons.mp hr with hr' | hr'
        · exact Or.inl hr'
        · exact Or.inr hr'
      · rintro (hr' | hr')
        · exact List.mem_cons.mpr (Or.inl hr')
        · exact List.mem_cons.mpr (Or.inr hr')
    · rw [if_neg h]
      constructor
      · intro hr
        rcases List.mem_cons.mp hr with hr' | hr'
        · exact Or.inr (List.mem_cons.mpr (Or.inl hr'))
        · rcases ih.mp hr' with hr'' | hr''
          · exact Or.inl hr''
          · exact Or.inr (List.mem_cons.mpr (Or.inr hr''))
      · rintro (hr' | hr')
        · exact List.mem_cons.mpr (Or.inr (ih.mpr (Or.inl hr')))
        · rcases List.mem_cons.mp hr' with hr'' | hr''
          · exact List.mem_cons.mpr (Or.inl hr'')
          · exact List.mem_cons.mpr (Or.inr (ih.mpr (Or.inr hr'')))

/-- Inserting into a sorted list keeps it sorted. -/
theorem pairwise_insertByLeft (p : ℤ × ℤ) :
    ∀ {L : List (ℤ × ℤ)}, List.Pairwise Lb L → List.Pairwise Lb (insertByLeft p L)
  | [], _ => by
    show List.Pairwise Lb [p]
    -- checked: `List.pairwise_cons : Pairwise R (a :: l) ↔ (∀ a' ∈ l, R a a') ∧ Pairwise R l`
    -- and the constructor `List.Pairwise.nil` (core `Init/Data/List/Basic.lean`, stored
    -- lean4 source, unchanged across the stored versions)
    exact List.pairwise_cons.mpr ⟨fun _ h => by simp at h, List.Pairwise.nil⟩
  | q :: L, hL => by
    obtain ⟨hall, hL'⟩ := List.pairwise_cons.mp hL
    rw [insertByLeft_cons]
    by_cases h : p.1 ≤ q.1
    · rw [if_pos h]
      refine List.pairwise_cons.mpr ⟨fun r hr => ?_, hL⟩
      rcases List.mem_cons.mp hr with hr' | hr'
      · rw [hr']
        exact h
      · exact lb_trans (show Lb p q from h) (hall r hr')
    · rw [if_neg h]
      have hqp : q.1 ≤ p.1 := by omega
      refine List.pairwise_cons.mpr ⟨fun r hr => ?_, pairwise_insertByLeft p hL'⟩
      rcases mem_insertByLeft.mp hr with hr' | hr'
      · rw [hr']
        exact hqp
      · exact hall r hr'

/-- The sort keeps the members (the part of Coq's `IntervalSort.Permuted_sort` that is used,
through `Permutation_in`). -/
theorem mem_sortByLeft {r : ℤ × ℤ} : ∀ {L : List (ℤ × ℤ)}, r ∈ sortByLeft L ↔ r ∈ L
  | [] => Iff.rfl
  | p :: L => by
    have ih : r ∈ sortByLeft L ↔ r ∈ L := mem_sortByLeft
    show r ∈ insertByLeft p (sortByLeft L) ↔ r ∈ p :: L
    rw [mem_insertByLeft, ih, List.mem_cons]

/-- The sort sorts (Coq: `IntervalSort.StronglySorted_sort` with `lb_trans`). -/
theorem pairwise_sortByLeft : ∀ L : List (ℤ × ℤ), List.Pairwise Lb (sortByLeft L)
  | [] => List.Pairwise.nil
  | p :: L => pairwise_insertByLeft p (pairwise_sortByLeft L)

/-! ### Semantics of interval lists -/

/-- `z` lies in one of the intervals of `L` (Coq: `inU`). -/
def InU (L : List (ℤ × ℤ)) (z : ℝ) : Prop :=
  ∃ p ∈ L, ((p.1 : ℤ) : ℝ) ≤ z ∧ z ≤ ((p.2 : ℤ) : ℝ)

/-- `InU` of a cons. -/
theorem inU_cons {p : ℤ × ℤ} {L : List (ℤ × ℤ)} {z : ℝ} :
    InU (p :: L) z ↔ (((p.1 : ℤ) : ℝ) ≤ z ∧ z ≤ ((p.2 : ℤ) : ℝ)) ∨ InU L z := by
  constructor
  · rintro ⟨r, hr, hz⟩
    rcases List.mem_cons.mp hr with hrp | hr'
    · rw [hrp] at hz
      exact Or.inl hz
    · exact Or.inr ⟨r, hr', hz⟩
  · rintro (hz | ⟨r, hr, hz⟩)
    · exact ⟨p, List.mem_cons.mpr (Or.inl rfl), hz⟩
    · exact ⟨r, List.mem_cons.mpr (Or.inr hr), hz⟩

/-- `InU` of an append (Coq: `inU_app`). -/
theorem inU_app {L M : List (ℤ × ℤ)} {z : ℝ} : InU (L ++ M) z ↔ InU L z ∨ InU M z := by
  constructor
  · rintro ⟨p, hp, hz⟩
    -- checked: `List.mem_append : a ∈ s ++ t ↔ a ∈ s ∨ a ∈ t` (core, stored lean4 source)
    rcases List.mem_append.mp hp with h | h
    · exact Or.inl ⟨p, h, hz⟩
    · exact Or.inr ⟨p, h, hz⟩
  · rintro (⟨p, hp, hz⟩ | ⟨p, hp, hz⟩)
    · exact ⟨p, List.mem_append.mpr (Or.inl hp), hz⟩
    · exact ⟨p, List.mem_append.mpr (Or.inr hp), hz⟩

/-- The casts of a shifted interval's ends. -/
theorem cast_shift (x : ℤ) (p : ℤ × ℤ) :
    (((shift x p).1 : ℤ) : ℝ) = ((p.1 : ℤ) : ℝ) + (x : ℝ) ∧
      (((shift x p).2 : ℤ) : ℝ) = ((p.2 : ℤ) : ℝ) + (x : ℝ) := by
  -- checked: `Int.cast_add : ∀ m n, ((m + n : ℤ) : R) = m + n` (`@[simp, norm_cast]`,
  -- Mathlib/Data/Int/Cast/Basic.lean, stored mathlib4 source); `norm_cast` is the fallback
  constructor
  · show ((p.1 + x : ℤ) : ℝ) = ((p.1 : ℤ) : ℝ) + (x : ℝ)
    first
      | exact Int.cast_add _ _
      | norm_cast
  · show ((p.2 + x : ℤ) : ℝ) = ((p.2 : ℤ) : ℝ) + (x : ℝ)
    first
      | exact Int.cast_add _ _
      | norm_cast

/-- `InU` of the shifted intervals (Coq: `inU_shift`). -/
theorem inU_shift {x : ℤ} {L : List (ℤ × ℤ)} {z : ℝ} :
    InU (L.map (shift x)) z ↔ InU L (z - (x : ℝ)) := by
  constructor
  · rintro ⟨p, hp, hz₁, hz₂⟩
    -- checked: `List.mem_map : b ∈ l.map f ↔ ∃ a, a ∈ l ∧ f a = b` (core, stored lean4 source)
    obtain ⟨q, hq, hqp⟩ := List.mem_map.mp hp
    rw [← hqp] at hz₁ hz₂
    obtain ⟨h₁, h₂⟩ := cast_shift x q
    rw [h₁] at hz₁
    rw [h₂] at hz₂
    exact ⟨q, hq, by linarith, by linarith⟩
  · rintro ⟨q, hq, hz₁, hz₂⟩
    obtain ⟨h₁, h₂⟩ := cast_shift x q
    refine ⟨shift x q, List.mem_map.mpr ⟨q, hq, rfl⟩, ?_, ?_⟩
    · rw [h₁]
      linarith
    · rw [h₂]
      linarith

/-- Dropping empty intervals does not change `InU` (Coq: `inU_filter`). -/
theorem inU_filter {L : List (ℤ × ℤ)} {z : ℝ} :
    InU (L.filter fun p => decide (p.1 ≤ p.2)) z ↔ InU L z := by
  constructor
  · rintro ⟨p, hp, hz⟩
    -- checked: `List.mem_filter : x ∈ filter p as ↔ x ∈ as ∧ p x = true` (core, stored
    -- lean4 source)
    exact ⟨p, (List.mem_filter.mp hp).1, hz⟩
  · rintro ⟨p, hp, hz₁, hz₂⟩
    have hr : ((p.1 : ℤ) : ℝ) ≤ ((p.2 : ℤ) : ℝ) := le_trans hz₁ hz₂
    have hle : p.1 ≤ p.2 := by exact_mod_cast hr
    -- checked: `decide_eq_true : p → decide p = true`, `of_decide_eq_true`
    -- (core `Init/Prelude.lean`, stored lean4 source)
    have hd : decide (p.1 ≤ p.2) = true := decide_eq_true hle
    exact ⟨p, List.mem_filter.mpr ⟨hp, hd⟩, hz₁, hz₂⟩

/-- Lists with the same members have the same `InU` (Coq: `inU_perm`). -/
theorem inU_congr {L M : List (ℤ × ℤ)} (h : ∀ p, p ∈ L ↔ p ∈ M) {z : ℝ} :
    InU L z ↔ InU M z := by
  constructor
  · rintro ⟨p, hp, hz⟩
    exact ⟨p, (h p).mp hp, hz⟩
  · rintro ⟨p, hp, hz⟩
    exact ⟨p, (h p).mpr hp, hz⟩

/-- Merging overlapping sorted intervals keeps the union (Coq: `inU_coalesce`). -/
theorem inU_coalesce : ∀ (L : List (ℤ × ℤ)) (cur : ℤ × ℤ) (z : ℝ),
    List.Pairwise Lb (cur :: L) → (InU (coalesce cur L) z ↔ InU (cur :: L) z)
  | [], _, _, _ => Iff.rfl
  | q :: L, cur, z, hS => by
    obtain ⟨hall, hS'⟩ := List.pairwise_cons.mp hS
    have hcq : cur.1 ≤ q.1 := hall q (List.mem_cons.mpr (Or.inl rfl))
    rw [coalesce_cons]
    by_cases hq : q.1 ≤ cur.2
    · rw [if_pos hq]
      have hS₂ : List.Pairwise Lb ((cur.1, max cur.2 q.2) :: L) := by
        obtain ⟨hallq, hL⟩ := List.pairwise_cons.mp hS'
        refine List.pairwise_cons.mpr ⟨fun r hr => ?_, hL⟩
        have h₁ : q.1 ≤ r.1 := hallq r hr
        show cur.1 ≤ r.1
        exact le_trans hcq h₁
      -- Each `inU_cons` names the head it unfolds, so the three rewrites do not depend on the
      -- order in which `rw` visits the subterms.
      rw [inU_coalesce L (cur.1, max cur.2 q.2) z hS₂, inU_cons (p := (cur.1, max cur.2 q.2)),
        inU_cons (p := cur), inU_cons (p := q)]
      show ((cur.1 : ℝ) ≤ z ∧ z ≤ ((max cur.2 q.2 : ℤ) : ℝ)) ∨ InU L z ↔
        ((cur.1 : ℝ) ≤ z ∧ z ≤ (cur.2 : ℝ)) ∨ ((q.1 : ℝ) ≤ z ∧ z ≤ (q.2 : ℝ)) ∨ InU L z
      -- checked: `le_max_left (a b : α) : a ≤ max a b`, `le_max_right`, `le_total`,
      -- `max_eq_left : b ≤ a → max a b = a`, `max_eq_right : a ≤ b → max a b = b`
      -- (Mathlib/Order/Defs/LinearOrder.lean, stored mathlib4 source)
      have hm₁ : cur.2 ≤ max cur.2 q.2 := le_max_left _ _
      have hm₂ : q.2 ≤ max cur.2 q.2 := le_max_right _ _
      have hcq' : (cur.1 : ℝ) ≤ (q.1 : ℝ) := by exact_mod_cast hcq
      have hq' : (q.1 : ℝ) ≤ (cur.2 : ℝ) := by exact_mod_cast hq
      -- checked: `Int.cast_le : (m : R) ≤ n ↔ m ≤ n` with `{m n : ℤ}` implicit, `@[simp,
      -- norm_cast]` (Mathlib/Algebra/Order/Ring/Cast.lean, stored mathlib4 source); applied to
      -- `n := max cur.2 q.2` it needs no lemma about the cast of `max` (`exact_mod_cast` is only
      -- the fallback)
      have hm₁' : (cur.2 : ℝ) ≤ ((max cur.2 q.2 : ℤ) : ℝ) := by
        first
          | exact Int.cast_le.mpr hm₁
          | exact_mod_cast hm₁
      have hm₂' : (q.2 : ℝ) ≤ ((max cur.2 q.2 : ℤ) : ℝ) := by
        first
          | exact Int.cast_le.mpr hm₂
          | exact_mod_cast hm₂
      constructor
      · rintro (⟨hz₁, hz₂⟩ | hL)
        · by_cases hzc : z ≤ (cur.2 : ℝ)
          · exact Or.inl ⟨hz₁, hzc⟩
          · push_neg at hzc
            rcases le_total cur.2 q.2 with h | h
            · have hm : max cur.2 q.2 = q.2 := max_eq_right h
              rw [hm] at hz₂
              exact Or.inr (Or.inl ⟨by linarith, hz₂⟩)
            · have hm : max cur.2 q.2 = cur.2 := max_eq_left h
              rw [hm] at hz₂
              exfalso
              linarith
        · exact Or.inr (Or.inr hL)
      · rintro (⟨hz₁, hz₂⟩ | ⟨hz₁, hz₂⟩ | hL)
        · exact Or.inl ⟨hz₁, le_trans hz₂ hm₁'⟩
        · exact Or.inl ⟨le_trans hcq' hz₁, le_trans hz₂ hm₂'⟩
        · exact Or.inr hL
    · rw [if_neg hq, inU_cons (p := cur) (L := coalesce q L), inU_cons (p := cur) (L := q :: L),
        inU_coalesce L q z hS']

/-- Separated, nonempty, in increasing order (Coq: `Sep`). -/
def Sep (p q : ℤ × ℤ) : Prop := p.1 ≤ p.2 ∧ p.2 < q.1 ∧ q.1 ≤ q.2

/-- `Sep` is transitive (Coq: `Sep_trans`). -/
theorem sep_trans {p q r : ℤ × ℤ} (h₁ : Sep p q) (h₂ : Sep q r) : Sep p r := by
  obtain ⟨a₁, a₂, a₃⟩ : p.1 ≤ p.2 ∧ p.2 < q.1 ∧ q.1 ≤ q.2 := h₁
  obtain ⟨b₁, b₂, b₃⟩ : q.1 ≤ q.2 ∧ q.2 < r.1 ∧ r.1 ≤ r.2 := h₂
  show p.1 ≤ p.2 ∧ p.2 < r.1 ∧ r.1 ≤ r.2
  exact ⟨a₁, by omega, b₃⟩

/-- The head of `coalesce cur L` starts at `cur`'s left end and ends no earlier than `cur`
(Coq: `coalesce_head`). -/
theorem coalesce_head : ∀ (L : List (ℤ × ℤ)) (cur : ℤ × ℤ),
    ∃ c rest, coalesce cur L = c :: rest ∧ c.1 = cur.1 ∧ cur.2 ≤ c.2
  | [], cur => ⟨cur, [], rfl, rfl, le_refl _⟩
  | q :: L, cur => by
    by_cases hq : q.1 ≤ cur.2
    · obtain ⟨c, rest, h₁, h₂, h₃⟩ := coalesce_head L (cur.1, max cur.2 q.2)
      have h₂' : c.1 = cur.1 := h₂
      have h₃' : max cur.2 q.2 ≤ c.2 := h₃
      refine ⟨c, rest, ?_, h₂', le_trans (le_max_left cur.2 q.2) h₃'⟩
      rw [coalesce_cons, if_pos hq]
      exact h₁
    · refine ⟨cur, coalesce q L, ?_, rfl, le_refl _⟩
      rw [coalesce_cons, if_neg hq]

/-- The interval `p` is nonempty (Coq: `nonempty`). -/
def IvNonempty (p : ℤ × ℤ) : Prop := p.1 ≤ p.2

/-- Every two neighbours of the list are related by `R` (Coq: `Sorted R`, the local
sortedness of `Sorting.Sorted`). -/
def LocallySorted {α : Type*} (R : α → α → Prop) : List α → Prop
  | [] => True
  | u :: rest => Consecutive R u rest

/-- A locally sorted list for a transitive relation is sorted pairwise (Coq's library lemma
`Sorted_StronglySorted`). -/
theorem pairwise_of_consecutive {α : Type*} {R : α → α → Prop}
    (htrans : ∀ a b c, R a b → R b c → R a c) :
    ∀ (rest : List α) (u : α), Consecutive R u rest → List.Pairwise R (u :: rest)
  | [], _, _ => List.pairwise_cons.mpr ⟨fun _ h => by simp at h, List.Pairwise.nil⟩
  | v :: rest, u, h => by
    have h' : R u v ∧ Consecutive R v rest := h
    have ih : List.Pairwise R (v :: rest) := pairwise_of_consecutive htrans rest v h'.2
    refine List.pairwise_cons.mpr ⟨fun w hw => ?_, ih⟩
    rcases List.mem_cons.mp hw with hwv | hw'
    · rw [hwv]
      exact h'.1
    · exact htrans u v w h'.1 ((List.pairwise_cons.mp ih).1 w hw')

/-- Merging sorted nonempty intervals gives separated intervals in increasing order
(Coq: `coalesce_sorted`). -/
theorem coalesce_sorted : ∀ (L : List (ℤ × ℤ)) (cur : ℤ × ℤ),
    List.Pairwise Lb (cur :: L) → (∀ p ∈ cur :: L, IvNonempty p) →
      LocallySorted Sep (coalesce cur L)
  | [], _, _, _ => trivial
  | q :: L, cur, hS, hne => by
    obtain ⟨hall, hS'⟩ := List.pairwise_cons.mp hS
    obtain ⟨hallq, hL⟩ := List.pairwise_cons.mp hS'
    have hcne : cur.1 ≤ cur.2 := hne cur (List.mem_cons.mpr (Or.inl rfl))
    have hqne : q.1 ≤ q.2 :=
      hne q (List.mem_cons.mpr (Or.inr (List.mem_cons.mpr (Or.inl rfl))))
    have hLne : ∀ p ∈ L, IvNonempty p := fun p hp =>
      hne p (List.mem_cons.mpr (Or.inr (List.mem_cons.mpr (Or.inr hp))))
    have hcq : cur.1 ≤ q.1 := hall q (List.mem_cons.mpr (Or.inl rfl))
    rw [coalesce_cons]
    by_cases hq : q.1 ≤ cur.2
    · rw [if_pos hq]
      refine coalesce_sorted L (cur.1, max cur.2 q.2) ?_ ?_
      · refine List.pairwise_cons.mpr ⟨fun r hr => ?_, hL⟩
        have h₁ : q.1 ≤ r.1 := hallq r hr
        show cur.1 ≤ r.1
        exact le_trans hcq h₁
      · intro p hp
        rcases List.mem_cons.mp hp with hp' | hp'
        · rw [hp']
          show cur.1 ≤ max cur.2 q.2
          exact le_trans hcne (le_max_left _ _)
        · exact hLne p hp'
    · rw [if_neg hq]
      have hqL : ∀ p ∈ q :: L, IvNonempty p := fun p hp => by
        rcases List.mem_cons.mp hp with hp' | hp'
        · rw [hp']
          exact hqne
        · exact hLne p hp'
      have hrec : LocallySorted Sep (coalesce q L) := coalesce_sorted L q hS' hqL
      obtain ⟨c, rest, hcr, hc₁, hc₂⟩ := coalesce_head L q
      rw [hcr] at hrec ⊢
      have hrec' : Consecutive Sep c rest := hrec
      show Sep cur c ∧ Consecutive Sep c rest
      refine ⟨?_, hrec'⟩
      show cur.1 ≤ cur.2 ∧ cur.2 < c.1 ∧ c.1 ≤ c.2
      exact ⟨hcne, by omega, by omega⟩

/-- `coalesceAll` of a sorted list keeps the union. -/
theorem coalesceAll_sem {M : List (ℤ × ℤ)} (hS : List.Pairwise Lb M) (z : ℝ) :
    InU (coalesceAll M) z ↔ InU M z := by
  cases M with
  | nil => exact Iff.rfl
  | cons p M' => exact inU_coalesce M' p z hS

/-- `coalesceAll` of a sorted list of nonempty intervals is separated. -/
theorem coalesceAll_sep {M : List (ℤ × ℤ)} (hS : List.Pairwise Lb M)
    (hne : ∀ p ∈ M, IvNonempty p) : List.Pairwise Sep (coalesceAll M) := by
  cases M with
  | nil => exact List.Pairwise.nil
  | cons p M' =>
    obtain ⟨c, rest, hcr, -, -⟩ := coalesce_head M' p
    have hs : LocallySorted Sep (coalesce p M') := coalesce_sorted M' p hS hne
    show List.Pairwise Sep (coalesce p M')
    rw [hcr] at hs ⊢
    have hs' : Consecutive Sep c rest := hs
    exact pairwise_of_consecutive (R := Sep) (fun _ _ _ h₁ h₂ => sep_trans h₁ h₂) rest c hs'

/-- `normalize` keeps the union (Coq: `normalize_sem`). -/
theorem normalize_sem (L : List (ℤ × ℤ)) (z : ℝ) : InU (normalize L) z ↔ InU L z := by
  have h₁ : InU (coalesceAll (sortByLeft (L.filter fun p => decide (p.1 ≤ p.2)))) z ↔
      InU (sortByLeft (L.filter fun p => decide (p.1 ≤ p.2))) z :=
    coalesceAll_sem (pairwise_sortByLeft _) z
  have h₂ : InU (sortByLeft (L.filter fun p => decide (p.1 ≤ p.2))) z ↔
      InU (L.filter fun p => decide (p.1 ≤ p.2)) z :=
    inU_congr (fun _ => mem_sortByLeft)
  exact h₁.trans (h₂.trans inU_filter)

/-- `normalize` gives separated intervals in increasing order (Coq: `normalize_sep`). -/
theorem normalize_sep (L : List (ℤ × ℤ)) : List.Pairwise Sep (normalize L) := by
  show List.Pairwise Sep (coalesceAll (sortByLeft (L.filter fun p => decide (p.1 ≤ p.2))))
  refine coalesceAll_sep (pairwise_sortByLeft _) ?_
  intro p hp
  have hp' : decide (p.1 ≤ p.2) = true := (List.mem_filter.mp (mem_sortByLeft.mp hp)).2
  have hle : p.1 ≤ p.2 := of_decide_eq_true hp'
  exact hle

/-- The union of the normal form is the set of points within `e` of a subset sum
(Coq: `cover_intervals_sem`). -/
theorem coverIntervals_sem (e : ℤ) : ∀ (xs : List ℤ) (z : ℝ),
    InU (coverIntervals e xs) z ↔
      ∃ s ∈ subsetSums (xs.map fun x => (x : ℝ)), |s - z| ≤ (e : ℝ)
  | [], z => by
    rw [coverIntervals_nil, normalize_sem]
    -- checked: `Int.cast_neg (n : ℤ) : ((-n : ℤ) : R) = -n` (Mathlib/Data/Int/Cast/Basic.lean,
    -- stored mathlib4 source)
    have hneg : (((-e : ℤ)) : ℝ) = -(e : ℝ) := by
      first
        | exact Int.cast_neg _
        | norm_cast
    constructor
    · rintro ⟨p, hp, hz₁, hz₂⟩
      -- checked: `List.mem_singleton : a ∈ [b] ↔ a = b` (core, stored lean4 source)
      rw [List.mem_singleton] at hp
      rw [hp] at hz₁ hz₂
      have h₁ : (((-e : ℤ)) : ℝ) ≤ z := hz₁
      have h₂ : z ≤ (e : ℝ) := hz₂
      refine ⟨0, zero_mem_subsetSums _, ?_⟩
      -- checked: `abs_le : |a| ≤ b ↔ -b ≤ a ∧ a ≤ b` (Mathlib.Algebra.Order.Group.Abs)
      exact abs_le.mpr ⟨by linarith, by linarith⟩
    · rintro ⟨s, hs, hsz⟩
      have hs' : s ∈ [(0 : ℝ)] := hs
      rw [List.mem_singleton] at hs'
      rw [hs'] at hsz
      obtain ⟨k₁, k₂⟩ := abs_le.mp hsz
      refine ⟨(-e, e), List.mem_singleton.mpr rfl, ?_, ?_⟩
      · show (((-e : ℤ)) : ℝ) ≤ z
        linarith
      · show z ≤ (e : ℝ)
        linarith
  | x :: xs, z => by
    rw [coverIntervals_cons, normalize_sem, inU_app, inU_shift, coverIntervals_sem e xs z,
      coverIntervals_sem e xs (z - (x : ℝ))]
    have hmap : ((x :: xs).map fun x => (x : ℝ)) = (x : ℝ) :: xs.map fun x => (x : ℝ) := rfl
    rw [hmap]
    constructor
    · rintro (⟨s, hs, hsz⟩ | ⟨t, ht, htz⟩)
      · exact ⟨s, mem_subsetSums_cons.mpr (Or.inl hs), hsz⟩
      · refine ⟨(x : ℝ) + t, mem_subsetSums_cons.mpr (Or.inr ⟨t, ht, rfl⟩), ?_⟩
        have hrw : (x : ℝ) + t - z = t - (z - (x : ℝ)) := by ring
        rw [hrw]
        exact htz
    · rintro ⟨s, hs, hsz⟩
      rcases mem_subsetSums_cons.mp hs with hs' | ⟨t, ht, hst⟩
      · exact Or.inl ⟨s, hs', hsz⟩
      · refine Or.inr ⟨t, ht, ?_⟩
        have hrw : t - (z - (x : ℝ)) = s - z := by rw [hst]; ring
        rw [hrw]
        exact hsz

/-- The normal form is separated (Coq: `cover_intervals_sep`). -/
theorem coverIntervals_sep (e : ℤ) : ∀ xs : List ℤ, List.Pairwise Sep (coverIntervals e xs)
  | [] => by
    rw [coverIntervals_nil]
    exact normalize_sep _
  | _ :: _ => by
    rw [coverIntervals_cons]
    exact normalize_sep _

/-- Two members of a separated list are equal or separated one way or the other
(Coq: `StronglySorted_pairs`). -/
theorem sep_pairs {p q : ℤ × ℤ} :
    ∀ {L : List (ℤ × ℤ)}, List.Pairwise Sep L → p ∈ L → q ∈ L → p = q ∨ Sep p q ∨ Sep q p
  | [], _, hp, _ => by simp at hp
  | r :: L, hS, hp, hq => by
    obtain ⟨hall, hS'⟩ := List.pairwise_cons.mp hS
    rcases List.mem_cons.mp hp with hpr | hp'
    · rcases List.mem_cons.mp hq with hqr | hq'
      · exact Or.inl (hpr.trans hqr.symm)
      · rw [hpr]
        exact Or.inr (Or.inl (hall q hq'))
    · rcases List.mem_cons.mp hq with hqr | hq'
      · rw [hqr]
        exact Or.inr (Or.inr (hall p hp'))
      · exact sep_pairs hS' hp' hq'

/-- On a separated normal form, `[a, b]` (`a ≤ b`) is covered iff one interval contains it:
integer endpoints leave a half-integer in every gap (Coq: `existsb_covers`). -/
theorem any_covers {L : List (ℤ × ℤ)} {a b : ℤ} (hS : List.Pairwise Sep L) (hab : a ≤ b) :
    (L.any fun p => decide (p.1 ≤ a) && decide (b ≤ p.2)) = true ↔
      ∀ z : ℝ, (a : ℝ) ≤ z → z ≤ (b : ℝ) → InU L z := by
  constructor
  · intro h z hz₁ hz₂
    -- checked: `List.any_eq_true : l.any p = true ↔ ∃ x, x ∈ l ∧ p x = true` (core, stored
    -- lean4 source, the same shape in every stored version)
    obtain ⟨p, hp, hpb⟩ := List.any_eq_true.mp h
    have hpb' : (decide (p.1 ≤ a) && decide (b ≤ p.2)) = true := hpb
    obtain ⟨h₁, h₂⟩ := and_eq_true_split hpb'
    have h₁' : p.1 ≤ a := of_decide_eq_true h₁
    have h₂' : b ≤ p.2 := of_decide_eq_true h₂
    have h₁r : ((p.1 : ℤ) : ℝ) ≤ (a : ℝ) := by exact_mod_cast h₁'
    have h₂r : (b : ℝ) ≤ ((p.2 : ℤ) : ℝ) := by exact_mod_cast h₂'
    exact ⟨p, hp, le_trans h₁r hz₁, le_trans hz₂ h₂r⟩
  · intro H
    have habr : (a : ℝ) ≤ (b : ℝ) := by exact_mod_cast hab
    obtain ⟨p, hp, hpa₁, hpa₂⟩ := H (a : ℝ) le_rfl habr
    have hpa₁' : p.1 ≤ a := by exact_mod_cast hpa₁
    have hb : b ≤ p.2 := by
      by_contra hcon
      have hb₁ : p.2 + 1 ≤ b := by omega
      have hb₁r : ((p.2 : ℤ) : ℝ) + 1 ≤ (b : ℝ) := by exact_mod_cast hb₁
      obtain ⟨q, hq, hqz₁, hqz₂⟩ :=
        H (((p.2 : ℤ) : ℝ) + 1 / 2) (by linarith) (by linarith)
      have hq₁ : q.1 ≤ p.2 := by
        by_contra h'
        have h'' : p.2 + 1 ≤ q.1 := by omega
        have h''r : ((p.2 : ℤ) : ℝ) + 1 ≤ ((q.1 : ℤ) : ℝ) := by exact_mod_cast h''
        linarith
      have hq₂r : ((p.2 : ℤ) : ℝ) < ((q.2 : ℤ) : ℝ) := by linarith
      have hq₂ : p.2 < q.2 := by exact_mod_cast hq₂r
      rcases sep_pairs hS hp hq with hpq | hpq | hpq
      · rw [hpq] at hq₂
        exact lt_irrefl _ hq₂
      · -- `Sep p q` unfolded by hand: `omega` does not unfold definitions
        -- (`p.2 < q.1` against `hq₁ : q.1 ≤ p.2`)
        obtain ⟨-, hs₂, -⟩ : p.1 ≤ p.2 ∧ p.2 < q.1 ∧ q.1 ≤ q.2 := hpq
        omega
      · -- (`q.2 < p.1 ≤ p.2` against `hq₂ : p.2 < q.2`)
        obtain ⟨-, hs₂, hs₃⟩ : q.1 ≤ q.2 ∧ q.2 < p.1 ∧ p.1 ≤ p.2 := hpq
        omega
    refine List.any_eq_true.mpr ⟨p, hp, ?_⟩
    show (decide (p.1 ≤ a) && decide (b ≤ p.2)) = true
    rw [decide_eq_true hpa₁', decide_eq_true hb]
    -- `(true && true) = true` holds by `rfl`; `try` in case `rw` already closed it
    try rfl

/-- The integer decision is correct in both directions (Coq: `zdecide_cover_correct`). -/
theorem zdecideCover_correct (xs : List ℤ) (e a b : ℤ) :
    zdecideCover xs e a b = true ↔
      Covers (e : ℝ) (a : ℝ) (b : ℝ) (subsetSums (xs.map fun x => (x : ℝ))) := by
  show (decide (b < a) ||
      (coverIntervals e xs).any fun p => decide (p.1 ≤ a) && decide (b ≤ p.2)) = true ↔ _
  by_cases hba : b < a
  · rw [decide_eq_true hba]
    have hba' : (b : ℝ) < (a : ℝ) := by exact_mod_cast hba
    constructor
    · intro _ z hz₁ hz₂
      exfalso
      linarith
    · intro _
      rfl
  · -- checked: `decide_eq_false : ¬p → decide p = false` (core `Init/Prelude.lean`)
    rw [decide_eq_false hba]
    show ((coverIntervals e xs).any fun p => decide (p.1 ≤ a) && decide (b ≤ p.2)) = true ↔ _
    have hab : a ≤ b := by omega
    rw [any_covers (coverIntervals_sep e xs) hab]
    constructor
    · intro H z hz₁ hz₂
      exact (coverIntervals_sem e xs z).mp (H z hz₁ hz₂)
    · intro H z hz₁ hz₂
      exact (coverIntervals_sem e xs z).mpr (H z hz₁ hz₂)

/-! ### Scaling by the common denominator -/

/-- Scaling commutes with the shifted copy of the subset sums. -/
theorem map_mul_map_add (c x : ℝ) : ∀ L : List ℝ,
    ((L.map fun s => s * c).map fun s => x * c + s) =
      (L.map fun s => x + s).map fun s => s * c
  | [] => rfl
  | s :: L => by
    show (x * c + s * c) :: ((L.map fun s => s * c).map fun s => x * c + s) =
      ((x + s) * c) :: ((L.map fun s => x + s).map fun s => s * c)
    rw [map_mul_map_add c x L]
    have hrw : x * c + s * c = (x + s) * c := by ring
    rw [hrw]

/-- The subset sums of the scaled samples are the scaled subset sums (Coq:
`subset_sums_scale`). -/
theorem subsetSums_scale (c : ℝ) : ∀ xs : List ℝ,
    subsetSums (xs.map fun y => y * c) = (subsetSums xs).map fun s => s * c
  | [] => by
    show [(0 : ℝ)] = [0 * c]
    rw [zero_mul]
  | x :: xs => by
    show subsetSums ((x * c) :: xs.map fun y => y * c) =
      (subsetSums xs ++ (subsetSums xs).map fun s => x + s).map fun s => s * c
    -- checked: `List.map_append : map f (l₁ ++ l₂) = map f l₁ ++ map f l₂` (core, stored
    -- lean4 source)
    rw [subsetSums_cons, subsetSums_scale c xs, List.map_append, map_mul_map_add c x]

/-- Cancel a positive factor on the right of an inequality. -/
theorem le_of_mul_le_mul_pos {x y c : ℝ} (hc : 0 < c) (h : x * c ≤ y * c) : x ≤ y := by
  -- checked: `mul_le_mul_of_nonneg_right : b ≤ c → 0 ≤ a → b * a ≤ c * a`
  -- (Mathlib/Algebra/Order/GroupWithZero/Unbundled/Defs.lean), `inv_nonneg : 0 ≤ a⁻¹ ↔ 0 ≤ a`,
  -- `mul_inv_cancel_right₀ (h : b ≠ 0) (a) : a * b * b⁻¹ = a`
  -- (Mathlib/Algebra/GroupWithZero/Basic.lean), all in the stored mathlib4 sources
  have h' := mul_le_mul_of_nonneg_right h (inv_nonneg.mpr hc.le)
  rw [mul_inv_cancel_right₀ hc.ne' x, mul_inv_cancel_right₀ hc.ne' y] at h'
  exact h'

/-- Scaling radius, interval and points by `c > 0` does not change coverage (Coq:
`covers_scale`). -/
theorem covers_scale {c ε a b : ℝ} {L : List ℝ} (hc : 0 < c) :
    Covers (ε * c) (a * c) (b * c) (L.map fun s => s * c) ↔ Covers ε a b L := by
  constructor
  · intro H z hz₁ hz₂
    obtain ⟨s', hs', hsz⟩ := H (z * c) (mul_le_mul_of_nonneg_right hz₁ hc.le)
      (mul_le_mul_of_nonneg_right hz₂ hc.le)
    obtain ⟨s, hs, hss⟩ := List.mem_map.mp hs'
    have hss' : s * c = s' := hss
    rw [← hss'] at hsz
    refine ⟨s, hs, ?_⟩
    obtain ⟨k₁, k₂⟩ := abs_le.mp hsz
    have e₁ : (-ε) * c = -(ε * c) := by ring
    have e₂ : (s - z) * c = s * c - z * c := by ring
    have m₁ : (-ε) * c ≤ (s - z) * c := by
      rw [e₁, e₂]
      exact k₁
    have m₂ : (s - z) * c ≤ ε * c := by
      rw [e₂]
      exact k₂
    exact abs_le.mpr ⟨le_of_mul_le_mul_pos hc m₁, le_of_mul_le_mul_pos hc m₂⟩
  · intro H z hz₁ hz₂
    -- checked: `inv_mul_cancel_right₀ (h : b ≠ 0) (a) : a * b⁻¹ * b = a`
    -- (Mathlib/Algebra/GroupWithZero/Basic.lean, stored mathlib4 source)
    have hzc : z * c⁻¹ * c = z := inv_mul_cancel_right₀ hc.ne' z
    have hw₁ : a ≤ z * c⁻¹ := by
      apply le_of_mul_le_mul_pos hc
      rw [hzc]
      exact hz₁
    have hw₂ : z * c⁻¹ ≤ b := by
      apply le_of_mul_le_mul_pos hc
      rw [hzc]
      exact hz₂
    obtain ⟨s, hs, hsz⟩ := H (z * c⁻¹) hw₁ hw₂
    refine ⟨s * c, List.mem_map.mpr ⟨s, hs, rfl⟩, ?_⟩
    obtain ⟨k₁, k₂⟩ := abs_le.mp hsz
    have m₁ := mul_le_mul_of_nonneg_right k₁ hc.le
    have m₂ := mul_le_mul_of_nonneg_right k₂ hc.le
    -- checked: `sub_mul : (a - b) * c = a * c - b * c` (Mathlib/Algebra/Ring/Defs.lean)
    have e : (s - z * c⁻¹) * c = s * c - z := by rw [sub_mul, hzc]
    rw [e] at m₁ m₂
    have e' : (-ε) * c = -(ε * c) := by ring
    rw [e'] at m₁
    exact abs_le.mpr ⟨m₁, m₂⟩

/-- The cast of `x / D` (Coq: `Q2R_scaled`, `Q2R (x # D) = IZR x * / IZR (Zpos D)`). -/
theorem cast_scaled (x : ℤ) (D : ℕ+) :
    (((x : ℚ) / ((D : ℕ) : ℚ) : ℚ) : ℝ) = (x : ℝ) * ((D : ℕ) : ℝ)⁻¹ := by
  -- checked: `Rat.cast_div (p q : ℚ) : ↑(p / q) = ↑p / ↑q`, `Rat.cast_intCast`,
  -- `Rat.cast_natCast` (Mathlib/Data/Rat/Cast/{Defs,CharZero}.lean, stored mathlib4 source);
  -- `div_eq_mul_inv` (Mathlib/Algebra/Group/Defs.lean)
  first
    | (rw [Rat.cast_div, Rat.cast_intCast, Rat.cast_natCast, div_eq_mul_inv]; done)
    | (push_cast; ring)
    | simp [div_eq_mul_inv]

/-- The scaled samples, as casts of the integer samples times `D⁻¹`. -/
theorem map_cast_scaled (D : ℕ+) : ∀ xs : List ℤ,
    (xs.map fun x => (((x : ℚ) / ((D : ℕ) : ℚ) : ℚ) : ℝ)) =
      (xs.map fun x => (x : ℝ)).map fun y => y * ((D : ℕ) : ℝ)⁻¹
  | [] => rfl
  | x :: xs => by
    show (((x : ℚ) / ((D : ℕ) : ℚ) : ℚ) : ℝ) ::
        (xs.map fun x => (((x : ℚ) / ((D : ℕ) : ℚ) : ℚ) : ℝ)) =
      ((x : ℝ) * ((D : ℕ) : ℝ)⁻¹) :: ((xs.map fun x => (x : ℝ)).map fun y => y * ((D : ℕ) : ℝ)⁻¹)
    rw [cast_scaled x D, map_cast_scaled D xs]

/-- Claim `rss-decide-cover`: for an integer-scaled instance (samples `xs_i / D`, radius
`e / D`, interval `[a / D, b / D]`, with `D : ℕ+`), the computable decision `decideCover`
returns `true` if and only if every real `z` in the interval is within the radius of a subset
sum of the samples: both "covered" and "not covered" answers are theorems.
Source: tools §D / theory §5.3 [RECON]. Coq twin: `Prunegap.Decide.decide_cover_correct`. -/
theorem decideCover_correct (D : ℕ+) (xs : List ℤ) (e a b : ℤ) :
    decideCover D xs e a b = true ↔
      Covers (((e : ℚ) / ((D : ℕ) : ℚ) : ℚ) : ℝ) (((a : ℚ) / ((D : ℕ) : ℚ) : ℚ) : ℝ)
        (((b : ℚ) / ((D : ℕ) : ℚ) : ℚ) : ℝ)
        (subsetSums (xs.map fun x => (((x : ℚ) / ((D : ℕ) : ℚ) : ℚ) : ℝ))) := by
  -- checked: `PNat.pos (n : ℕ+) : 0 < (n : ℕ)` (Mathlib/Data/PNat/Defs.lean) and
  -- `inv_pos : 0 < a⁻¹ ↔ 0 < a` (Mathlib/Algebra/Order/Field/Basic.lean), stored mathlib4
  -- source
  -- checked: `Nat.cast_pos {n : ℕ} : (0 : α) < n ↔ 0 < n`, `@[simp]` (Mathlib
  -- `Data/Nat/Cast/Order`, the same statement in every stored mathlib4 version);
  -- `exact_mod_cast` is the fallback
  have hD : (0 : ℝ) < ((D : ℕ) : ℝ) := by
    first
      | exact Nat.cast_pos.mpr D.pos
      | exact_mod_cast D.pos
  have hc : (0 : ℝ) < ((D : ℕ) : ℝ)⁻¹ := inv_pos.mpr hD
  rw [map_cast_scaled D xs, cast_scaled e D, cast_scaled a D, cast_scaled b D,
    subsetSums_scale ((D : ℕ) : ℝ)⁻¹ (xs.map fun x => (x : ℝ)), covers_scale hc]
  exact zdecideCover_correct xs e a b

end Prunegap
