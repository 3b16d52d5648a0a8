"""Shared statistics layer: Clopper–Pearson and other estimates, the SeedSequence policy, chunked parallel
execution and monotone first-success search.  No domain knowledge; imported by every engine."""
