/-
Copyright (c) 2026 prunegap contributors. Released under the MIT license.
-/
import Prunegap

/-!
# Axiom audit

One `#print axioms` per registered theorem of `lean/claims.tsv` (in that order), preceded by a
comment naming its claim id. Run from `lean/` with

    lake env lean PrunegapAudit/Axioms.lean

(or `lake build PrunegapAudit`) and compare every printed axiom with the allow-list
`propext`, `Classical.choice`, `Quot.sound`. Any other axiom (in particular `sorryAx` or an
`ofReduceBool`-style compiler axiom) fails the audit.
-/

-- AUDIT rss-subset-sum-recursion Prunegap.subsetSums_recursion
#print axioms Prunegap.subsetSums_recursion
-- AUDIT rss-subset-sum-monotone Prunegap.subsetSums_monotone
#print axioms Prunegap.subsetSums_monotone
-- AUDIT rss-gap-certificate Prunegap.covers_of_gap_certificate
#print axioms Prunegap.covers_of_gap_certificate
-- AUDIT rss-grid Prunegap.covers_of_grid
#print axioms Prunegap.covers_of_grid
-- AUDIT rss-complete-sequence Prunegap.complete_sequence_covers
#print axioms Prunegap.complete_sequence_covers
-- AUDIT rss-counting-bound Prunegap.counting_bound
#print axioms Prunegap.counting_bound
-- AUDIT rfss-counting-bound Prunegap.fixedSize_counting_bound
#print axioms Prunegap.fixedSize_counting_bound
-- AUDIT rss-second-moment Prunegap.second_moment_bound
#print axioms Prunegap.second_moment_bound
-- AUDIT rss-amplification Prunegap.amplification
#print axioms Prunegap.amplification
-- AUDIT kink-line-three-point Prunegap.kink_line_three_point
#print axioms Prunegap.kink_line_three_point
-- AUDIT kink-arc-three-point Prunegap.kink_arc_three_point
#print axioms Prunegap.kink_arc_three_point
-- AUDIT kink-free-affine Prunegap.kink_free_affine
#print axioms Prunegap.kink_free_affine
-- AUDIT relu-odd-part Prunegap.relu_odd_part
#print axioms Prunegap.relu_odd_part
-- AUDIT b0-positive-homogeneity Prunegap.relu_positive_homogeneity
#print axioms Prunegap.relu_positive_homogeneity
-- AUDIT theorem-a-core Prunegap.theoremA_core
#print axioms Prunegap.theoremA_core
-- AUDIT theorem-a-union-bound Prunegap.union_bound
#print axioms Prunegap.union_bound
-- AUDIT sinusoid-second-difference Prunegap.sinusoid_second_difference
#print axioms Prunegap.sinusoid_second_difference
-- AUDIT rss-certificate-sound Prunegap.checkCertificate_sound
#print axioms Prunegap.checkCertificate_sound
-- AUDIT rss-decide-cover Prunegap.decideCover_correct
#print axioms Prunegap.decideCover_correct
