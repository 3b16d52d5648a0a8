"""Running and planning a sweep: every grid point through its engine, chunks through the store and backend.

Up to one point per worker runs at once (threads in this process, so no worker idles at the end of a point);
each point's chunks are spread over the backend (local pool or Dask) by
:func:`pybridge.runtime.parallel.run_tasks`, which reads finished chunks from the store and writes new ones
from this process as they complete.  A point's row is therefore bit-identical to the engine's CLI with the
same parameters, for any backend and worker count, and after any interruption.
"""

from __future__ import annotations

import contextvars
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass

from pybridge.runtime.parallel import PlanIncomplete, chunk_policy, current_policy, recorded_calls
from pybridge.sweep.engines import get_engine

__all__ = ["Row", "PointStatus", "run_sweep", "sweep_status", "RESULT_COLUMNS", "TASK_SECONDS"]

#: columns after the parameters, in export order
RESULT_COLUMNS = ("successes", "trials", "ci_low", "ci_high", "confidence", "seed_entropy", "seconds")
#: target wall time of one distributed task (consecutive chunks grouped from their measured cost)
TASK_SECONDS = 2.0


@dataclass(frozen=True)
class Row:
    """One grid point's result.

    Attributes
    ----------
    point : Point
    successes, trials : int
    ci_low, ci_high, confidence : float
        Two-sided Clopper–Pearson interval (scipy ``binomtest(...).proportion_ci(method="exact")``).
    seed_entropy : str
    seconds : float
        Compute seconds of the point's chunks as recorded in the store when each chunk was computed
        (a resumed run reports the original cost of reused chunks); not part of the numbers compared
        across backends.
    """

    point: object
    successes: int
    trials: int
    ci_low: float
    ci_high: float
    confidence: float
    seed_entropy: str
    seconds: float

    def values(self) -> dict:
        return {"successes": self.successes, "trials": self.trials, "ci_low": self.ci_low,
                "ci_high": self.ci_high, "confidence": self.confidence, "seed_entropy": self.seed_entropy,
                "seconds": self.seconds}


@dataclass(frozen=True)
class PointStatus:
    """What the store holds for a point: chunks done/known, and whether later phases are still unknown."""

    point: object
    done: int
    known: int
    complete: bool
    phases_unknown: bool
    seconds: float = 0.0


def run_point(point, *, workers: int = 1, progress=None) -> Row:
    """Run one grid point through its engine (inside the active chunk policy, if any)."""
    eng = get_engine(point.engine)
    t0 = time.perf_counter()
    with recorded_calls() as calls:
        est = eng.run(point.params, workers, progress)
    seconds = sum(c.seconds for c in calls) if current_policy() is not None else time.perf_counter() - t0
    return Row(point, est.successes, est.trials, est.ci_low, est.ci_high, est.confidence, est.seed_entropy,
               seconds)


def point_status(point) -> PointStatus:
    """Plan ``point`` without computing (inside a ``plan_only`` chunk policy)."""
    eng = get_engine(point.engine)
    with recorded_calls() as calls:
        try:
            eng.run(point.params, 1, None)
            complete = True
        except PlanIncomplete:
            complete = False
    done = sum(c.reused for c in calls)
    known = sum(c.chunks for c in calls)
    # a half-width budget: the main phase's size is known only once the pilot is stored
    unknown = (not complete) and point.params.get("half_width") is not None and len(calls) == 1
    return PointStatus(point, done, known, complete, unknown, sum(c.seconds for c in calls))


def sweep_status(points, store) -> list[PointStatus]:
    """:class:`PointStatus` of every point (reads the store; computes nothing)."""
    from pybridge.runtime.store import ChunkStore
    from pybridge.sweep.spec import Point
    from pybridge.validation import check_instance, check_sequence

    points = [check_instance(f"points[{i}]", p, Point) for i, p in enumerate(check_sequence("points", points))]
    check_instance("store", store, ChunkStore)
    with chunk_policy(store=store, plan_only=True):
        return [point_status(p) for p in points]


def run_sweep(points, *, store, backend, progress=None, task_seconds: float | None = TASK_SECONDS,
              on_row=None) -> list[Row]:
    """Run every point; rows in grid order.

    Parameters
    ----------
    points : list of Point
    store : ChunkStore
    backend : LocalBackend or DaskBackend
    progress : callable, optional
        Called with the number of chunks just finished (stored chunks count as finished when read).
    task_seconds : float or None
        Target seconds per distributed task (None: one chunk per task).
    on_row : callable, optional
        Called with each finished :class:`Row`.
    """
    workers = max(1, backend.workers)
    with chunk_policy(store=store, backend=backend, task_seconds=task_seconds) as policy:
        if workers == 1 or len(points) == 1:
            rows = []
            for p in points:
                rows.append(run_point(p, workers=workers, progress=progress))
                if on_row is not None:
                    on_row(rows[-1])
            return rows
        pool = ThreadPoolExecutor(max_workers=min(workers, len(points)), thread_name_prefix="prunegap-sweep")
        try:
            futures = [pool.submit(contextvars.copy_context().run, run_point, p, workers=workers,
                                   progress=progress) for p in points]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            for f in futures:
                if f.done() and f.exception() is not None:
                    raise f.exception()
            rows = [f.result() for f in futures]
        except BaseException:
            policy.cancelled = True  # the other points stop at their next finished task
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    if on_row is not None:
        for r in rows:
            on_row(r)
    return rows
