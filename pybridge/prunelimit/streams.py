"""Named random streams of the ``prunelimit`` section (issue 20 item 3): value = spawn namespace.

The values are the namespaces the domain drew from before the streams had names, so every number of earlier
reports is reproduced.  Two tiers, one enum (so :func:`enum.unique` refuses any shared value):

* the section's streams (1-4), drawn through ``ctx.streams`` under the section's root (seed_key 8);
* the streams of the helpers (81-83), drawn with ``seeding.child_seed(root, Stream.X, i)`` under the seed the
  caller hands them: a section stream's seed in the section, a fixed ``SeedSequence(seed)`` in a claim's twin.
  Their values differ from the section's, so a helper handed the section's root itself would still not replay a
  section stream.
"""

from __future__ import annotations

import enum

__all__ = ["Stream"]


@enum.unique
class Stream(enum.IntEnum):
    #: ``prunelimit-statdim-mc``: the root handed to :func:`pybridge.prunelimit.checks.statdim_mc_agrees`, index
    #: = the dimension's position in ``PrunelimitBudget.mc_ds``
    STATDIM_MC = 1
    #: ``prunelimit-kinematic``: the root of the transition curves (index 0)
    KINEMATIC = 2
    #: ``prunelimit-code-prediction``: the root of the quadratic instance families (index 0)
    QUADRATIC = 3
    #: ``prunelimit-mlp``: the digits MLP's initialisation, batch permutation and Lanczos probe (index 0)
    MLP = 4
    #: under a STATDIM_MC seed: chunk ``i`` of Gaussian vectors of :func:`~pybridge.prunelimit.projections.
    #: estimate_statdim` (the four cones of one dimension project the same vectors: common random numbers)
    PROJECTION_CHUNK = 81
    #: under the KINEMATIC seed: the random subspaces (or rotated axes) of one point of a curve, index =
    #: ``CURVE_STRIDE * curve + point`` (:mod:`pybridge.prunelimit.checks`)
    KINEMATIC_POINT = 82
    #: under the QUADRATIC seed (or the fixed seed of ``quadratic_truth_consistent``): one instance ``(H, w0)``,
    #: index = ``base + FAMILY_STRIDE * family + instance``
    QUADRATIC_INSTANCE = 83
