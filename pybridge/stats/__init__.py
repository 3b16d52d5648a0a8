"""Shared statistics layer: Clopper–Pearson and other estimates, test power and monotone first-success search.
No domain knowledge; imported by every engine.  The process plumbing it used to hold (seeding, parallel
execution, store, signals, scratch, budget) is :mod:`pybridge.runtime`."""
