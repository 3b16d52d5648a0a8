(** Axiom audit: one [Print Assumptions] per main theorem of [coq/claims.tsv].
    Build with [make -C coq audit] (or
    [coqc -R coq/theories Prunegap coq/audit/Audit.v] from the repository root)
    and compare every printed axiom with the allow-list in [coq/README.md].
    Each block is preceded by a marker line [AUDIT <claim_id> <qualified_name>]
    (printed by [idtac]) so that the output can be parsed. *)

Require Import Prunegap.All.

Goal True. idtac "AUDIT rss-subset-sum-recursion Prunegap.SubsetSum.subset_sums_recursion". Abort.
Print Assumptions Prunegap.SubsetSum.subset_sums_recursion.
Goal True. idtac "AUDIT rss-subset-sum-monotone Prunegap.SubsetSum.subset_sums_monotone". Abort.
Print Assumptions Prunegap.SubsetSum.subset_sums_monotone.
Goal True. idtac "AUDIT rss-gap-certificate Prunegap.Certificate.gap_certificate_covers". Abort.
Print Assumptions Prunegap.Certificate.gap_certificate_covers.
Goal True. idtac "AUDIT rss-grid Prunegap.Certificate.grid_covers". Abort.
Print Assumptions Prunegap.Certificate.grid_covers.
Goal True. idtac "AUDIT rss-complete-sequence Prunegap.Certificate.complete_sequence_covers". Abort.
Print Assumptions Prunegap.Certificate.complete_sequence_covers.
Goal True. idtac "AUDIT rss-counting-bound Prunegap.SubsetSum.counting_bound". Abort.
Print Assumptions Prunegap.SubsetSum.counting_bound.
Goal True. idtac "AUDIT rfss-counting-bound Prunegap.FixedSize.fixed_size_counting_bound". Abort.
Print Assumptions Prunegap.FixedSize.fixed_size_counting_bound.
Goal True. idtac "AUDIT rss-second-moment Prunegap.Moments.second_moment_bound". Abort.
Print Assumptions Prunegap.Moments.second_moment_bound.
Goal True. idtac "AUDIT rss-amplification Prunegap.Moments.amplification". Abort.
Print Assumptions Prunegap.Moments.amplification.
Goal True. idtac "AUDIT kink-line-three-point Prunegap.Kinks.kink_line_three_point". Abort.
Print Assumptions Prunegap.Kinks.kink_line_three_point.
Goal True. idtac "AUDIT kink-arc-three-point Prunegap.Kinks.kink_arc_three_point". Abort.
Print Assumptions Prunegap.Kinks.kink_arc_three_point.
Goal True. idtac "AUDIT kink-free-affine Prunegap.Kinks.kink_free_affine". Abort.
Print Assumptions Prunegap.Kinks.kink_free_affine.
Goal True. idtac "AUDIT relu-odd-part Prunegap.Relu.relu_odd_part". Abort.
Print Assumptions Prunegap.Relu.relu_odd_part.
Goal True. idtac "AUDIT b0-positive-homogeneity Prunegap.Relu.relu_positive_homogeneity". Abort.
Print Assumptions Prunegap.Relu.relu_positive_homogeneity.
Goal True. idtac "AUDIT theorem-a-core Prunegap.TheoremA.theorem_a_core". Abort.
Print Assumptions Prunegap.TheoremA.theorem_a_core.
Goal True. idtac "AUDIT theorem-a-union-bound Prunegap.TheoremA.union_bound". Abort.
Print Assumptions Prunegap.TheoremA.union_bound.
Goal True. idtac "AUDIT sinusoid-second-difference Prunegap.TheoremA.sinusoid_second_difference". Abort.
Print Assumptions Prunegap.TheoremA.sinusoid_second_difference.
Goal True. idtac "AUDIT rss-certificate-sound Prunegap.Checker.check_certificate_sound". Abort.
Print Assumptions Prunegap.Checker.check_certificate_sound.
