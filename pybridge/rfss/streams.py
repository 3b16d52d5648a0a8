"""Named random streams of the ``rfss`` section (issue 20 item 3): value = spawn namespace under its root.

The values are the namespaces the section drew from before the streams had names, so every number of earlier
reports is reproduced.
"""

from __future__ import annotations

import enum

__all__ = ["Stream"]


@enum.unique
class Stream(enum.IntEnum):
    #: ``rfss-counting-bound``: the estimator's trials just below the counting bound, index ``2 i + j`` for the
    #: budget's i-th ``(k, eps)`` pair and law j (0 uniform, 1 mixture)
    COUNTING = 10
    #: ``rfss-decision-exact``: the random instances (n, k, samples, eps), index 0
    DECISIONS = 11
    #: ``rfss-theorem2-fixed-target``: the trials of each (k, eps, z) cell, index = the cell's position
    THEOREM2_CELLS = 12
    #: ``rfss-corollary1-all-targets``: the coupled first-cover times of each (law, k, eps) curve, index = the
    #: curve's position in the budget (eps fastest)
    CURVES = 20
