"""Named random streams of the ``rare`` section (issue 20 item 3): value = spawn namespace under its root.

The section's root is ``child_seed(run root, SECTION_NAMESPACE, 7)`` (``SECTION.seed_key``); the values are the
namespaces the section used before the streams had names, so the numbers of earlier reports stay.

Two draws do not go through a named namespace and are kept for the same reason: the known-q cases seed from
``Stream.EXACT_CASES``'s first state word, and the full-budget coverage estimates seed from the second state word
of the section's root itself (``root.generate_state(2)[1]``, see :mod:`pybridge.rare.evidence`).
"""

from __future__ import annotations

import enum

__all__ = ["Stream"]


@enum.unique
class Stream(enum.IntEnum):
    #: the Uniform[-1,1] samples (and their sizes) of the covering-radius criterion
    RADIUS_SAMPLES = 0
    #: plain Monte Carlo first-cover times of the agreement test
    PLAIN_MC = 1
    #: the generalized-splitting estimate of the agreement test
    AGREEMENT_SPLITTING = 2
    #: the level plan of the (full-budget) coverage check
    COVERAGE_PLAN = 3
    #: the reference estimate of the (full-budget) coverage check
    COVERAGE_REFERENCE = 4
    #: one splitting run per cell of the n*(eps, eps) grid (index = the cell)
    THRESHOLD_GRID = 5
    #: the estimates on cases with a known q (their seed is this stream's first state word)
    EXACT_CASES = 6
