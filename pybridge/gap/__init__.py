"""gap domain."""

from pybridge.gap.cost import monte_carlo_estimate
from pybridge.gap.montecarlo import run_gap_experiment
from pybridge.gap.trial import gap_spec

__all__ = ["run_gap_experiment", "monte_carlo_estimate", "gap_spec"]
