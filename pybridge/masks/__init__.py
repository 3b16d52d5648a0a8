"""Random (Erdős–Rényi) masks on subset sum: mixture identity, masked thresholds, overparameterization factor.

Seed: Gadhikar, Mukherjee, Burkholz, *Why Random Pruning Is All We Need to Start Sparse*, ICML 2023,
arXiv 2210.02412 (READ-ABS; the authors' code draws masks with ``bernoulli_(p)``, so ``p`` is the keep
probability and "sparsity" is ``1 - p``; theory §4 and §6).  The masked RSS estimate itself is
``prunegap rss --density P`` (:func:`pybridge.rss.estimate_cover_probability`) and the masked fixed-size one
``prunegap rfss --density P`` (:mod:`pybridge.rfss`).
"""

from pybridge.masks.factor import CANDIDATE_LAWS, factor_table, masked_first_cover_times, masked_threshold
from pybridge.masks.mixture import binomial_mixture, hoeffding_two_sample, mixture_identity_exact

__all__ = ["masked_first_cover_times", "masked_threshold", "factor_table", "CANDIDATE_LAWS",
           "binomial_mixture", "hoeffding_two_sample", "mixture_identity_exact"]
