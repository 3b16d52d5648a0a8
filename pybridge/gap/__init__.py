"""gap domain."""

from pybridge.gap.montecarlo import run_gap_experiment

__all__ = ["run_gap_experiment"]
