"""Named random streams of the ``rss`` section (issue 20 item 3): value = spawn namespace under its root.

The values are the namespaces the section drew from before the streams had names, so every number of earlier
reports is reproduced.  The threshold curves were once seeded by arithmetic on the curve's position in the
budget (``20 + ci``); each curve now names its stream (:attr:`pybridge.rss.budget.Curve.stream`), one member
per value, so a new curve needs a new member here and :func:`enum.unique` refuses a shared value.
"""

from __future__ import annotations

import enum

__all__ = ["Stream"]


@enum.unique
class Stream(enum.IntEnum):
    #: ``rss-counting-bound``: the estimator's trials below the counting bound, index = the law's position in
    #: ``sorted(LAWS)``
    COUNTING = 10
    #: ``rss-subset-sum-monotone``: the coupled samples, index = the law's position in ``sorted(LAWS)``
    MONOTONE = 11
    #: ``rss-log-sample-size``: first-cover times of Uniform[-1, 1] samples, targets [-1, 1] (the first curve of
    #: both budgets; formerly ``20 + 0``), index = the eps's position in the curve
    CURVE_UNIFORM_FULL = 20
    #: first-cover times of Uniform[-1, 1] samples, targets [-1/2, 1/2] (full budget only; formerly ``20 + 1``)
    CURVE_UNIFORM_HALF = 21
    #: first-cover times of Pensia's law, targets [-1, 1] (full budget only; formerly ``20 + 2``)
    CURVE_PENSIA_FULL = 22
    #: the audit subset of the curves' trials replayed by the verified Coq decision (formal section)
    REPLAY_AUDIT = 40
