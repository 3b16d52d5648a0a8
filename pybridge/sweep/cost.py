"""The plan of a sweep: the engines' measured cost models summed over the grid cells left (issue 11 §2).

Each engine of :data:`pybridge.sweep.engines.ENGINES` gives its cost model (``Engine.cost``: the RSS,
RFSS and gap Monte Carlo models of :mod:`pybridge.rss.cost`, :mod:`pybridge.rfss.cost` and
:mod:`pybridge.gap.cost`, measured there); a point's estimate is scaled by the share of its known
chunks not yet in the store (a half-width point whose main phase is not sized yet counts whole, at
its worst-case trial count).  The sweep's estimate is the sum over points (they run one after the
other on the backend's workers), its memory the largest point's.  Computed before the backend starts.
"""

from __future__ import annotations

from pybridge.runtime.budget import WorkEstimate, format_count
from pybridge.sweep.engines import get_engine
from pybridge.validation import check_instance, check_int, check_sequence

__all__ = ["sweep_estimate"]


def sweep_estimate(status, workers: int = 1) -> WorkEstimate:
    """The :class:`~pybridge.runtime.budget.WorkEstimate` of the points of ``status`` still to compute.

    Parameters
    ----------
    status : list of PointStatus
        From :func:`pybridge.sweep.sweep_status` (what the store already holds).
    workers : int
        Workers of the backend.
    """
    from pybridge.sweep.run import PointStatus

    workers = check_int("workers", workers, min_value=1, max_value=100_000)
    status = [check_instance(f"status[{i}]", s, PointStatus) for i, s in enumerate(check_sequence("status", status))]
    secs, peak, left = 0.0, 0, 0
    for s in status:
        if s.complete:
            continue
        est = get_engine(s.point.engine).cost(s.point.params, workers)
        share = 1.0 if (s.phases_unknown or not s.known) else max(0.0, 1.0 - s.done / s.known)
        secs += share * est.seconds
        peak = max(peak, est.bytes)
        left += 1
    return WorkEstimate(f"{format_count(left)} grid points to compute", secs, workers, peak,
                        ("the grid's points or trials",))
