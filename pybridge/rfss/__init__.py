"""Random fixed-size subset sum (RFSS): exact k-subset decisions, certificates, Monte Carlo.

Source: Natale, Ferre', Giambartolomei, Giroire, Mallmann-Trenn, *On the Sparsity of the
Strong Lottery Ticket Hypothesis*, NeurIPS 2024, arXiv 2410.14754 (READ from a full-text
conversion, theory §2).
"""

from pybridge.rfss.cost import monte_carlo_estimate
from pybridge.rfss.certificate import FixedSizeCertificate, build_fixed_certificate, verify_fixed_certificate
from pybridge.rfss.decide import (FixedCoverResult, as_target, decide_fixed_cover, fixed_covers,
                                  fixed_decide_float, hits_target)
from pybridge.rfss.montecarlo import (FixedCoverageTimes, RFSSEstimate, counting_bound_n_fixed,
                                      estimate_fixed_probability, fixed_coverage_times, theorem2_threshold_n)
from pybridge.rfss.target import Target, point_target, rational_target, sqrt_target

__all__ = [
    "FixedCoverResult", "decide_fixed_cover", "fixed_covers", "hits_target", "fixed_decide_float", "as_target",
    "FixedSizeCertificate", "build_fixed_certificate", "verify_fixed_certificate",
    "Target", "sqrt_target", "rational_target", "point_target",
    "estimate_fixed_probability", "fixed_coverage_times", "FixedCoverageTimes", "RFSSEstimate",
    "counting_bound_n_fixed", "theorem2_threshold_n", "monte_carlo_estimate",
]
