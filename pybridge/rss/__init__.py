"""Random subset sum: the exact coverage decision, certificates, subset sums, laws and Monte Carlo.

Public names (other domains use the RSS engine only through these):

- :func:`decide_cover`, :func:`covers`, :class:`CoverResult` — the exact decision (float kernel with exact
  fallback), :func:`covers_exact`, :func:`scaled_integers`;
- :func:`build_certificate`, :func:`verify_certificate`, :class:`Certificate`, :func:`mask_sum`; the ε-chain
  pieces :func:`greedy_chain`, :func:`chain_verifies` (shared with RFSS);
- :func:`subset_sums`, :func:`best_subset`, :class:`BestSubsetResult`, :data:`MAX_MITM_N`;
- :data:`LAWS`, :func:`get_law`, :class:`Law`;
- :func:`covering_radius`, :class:`RadiusResult`, :func:`radius_exceeds`, :func:`coverage_on_grid` — the exact
  covering radius (issue 14); :func:`prefix_covers_status` — the compiled float decision of a prefix;
- :func:`estimate_cover_probability`, :func:`coverage_times`, :func:`counting_bound_n`, :class:`RSSEstimate`.
"""

from pybridge.rss.certificate import (Certificate, build_certificate, chain_verifies, greedy_chain, mask_sum,
                                      verify_certificate)
from pybridge.rss.cost import monte_carlo_estimate, trial_seconds
from pybridge.rss.coverage import covers_exact, scaled_integers
from pybridge.rss.decide import CoverResult, covers, decide_cover
from pybridge.rss.laws import LAWS, Law, get_law
from pybridge.rss.radius import RadiusResult, coverage_on_grid, covering_radius, prefix_covers_status, radius_exceeds
from pybridge.rss.montecarlo import RSSEstimate, counting_bound_n, coverage_times, estimate_cover_probability
from pybridge.rss.subset_sum import MAX_MITM_N, BestSubsetResult, best_subset, subset_sums

__all__ = ["decide_cover", "covers", "CoverResult", "covers_exact", "scaled_integers", "build_certificate",
           "verify_certificate", "Certificate", "mask_sum", "greedy_chain", "chain_verifies",
           "subset_sums", "best_subset", "BestSubsetResult",
           "MAX_MITM_N", "LAWS", "Law", "get_law", "estimate_cover_probability", "coverage_times",
           "counting_bound_n", "RSSEstimate", "covering_radius", "RadiusResult", "radius_exceeds",
           "coverage_on_grid", "prefix_covers_status", "monte_carlo_estimate", "trial_seconds"]
