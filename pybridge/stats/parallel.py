"""Deterministic chunked execution over worker processes.

A job is a list of independent tasks, each a picklable ``(function, args)``
whose randomness comes only from its own arguments (a child seed: see
:mod:`pybridge.stats.seeding`).  Results are returned in task order, so the outcome
never depends on the number of workers.  A ``KeyboardInterrupt`` cancels
pending tasks and propagates; nothing half-done is returned.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed

from pybridge.validation import check_int

__all__ = ["run_tasks", "default_workers"]


def default_workers() -> int:
    """Usable cores (``os.sched_getaffinity`` where available)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_tasks(function, args_list, *, workers: int = 1, progress=None) -> list:
    """Run ``function(*args)`` for each ``args`` in ``args_list``; results in order.

    Parameters
    ----------
    function : callable
        Module-level (picklable) function.
    args_list : sequence of tuple
        One argument tuple per task.
    workers : int, default 1
        Worker processes; ``1`` runs in this process.
    progress : callable or None
        Called with the number of tasks just finished (e.g. ``tqdm.update``).
    """
    workers = check_int("workers", workers, min_value=1, max_value=256)
    args_list = list(args_list)
    if workers == 1 or len(args_list) <= 1:
        out = []
        for args in args_list:
            out.append(function(*args))
            if progress is not None:
                progress(1)
        return out
    results = [None] * len(args_list)
    pool = ProcessPoolExecutor(max_workers=min(workers, len(args_list)), mp_context=_context())
    try:
        futures = {pool.submit(function, *args): i for i, args in enumerate(args_list)}
        for fut in as_completed(futures):
            results[futures[fut]] = fut.result()
            if progress is not None:
                progress(1)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return results
