"""Deterministic chunked execution over worker processes.

A job is a list of independent tasks, each a picklable ``(function, args)``
whose randomness comes only from its own arguments (a child seed: see
:mod:`pybridge.stats.seeding`).  Results are returned in task order, so the outcome
never depends on the number of workers.  A ``KeyboardInterrupt`` cancels
pending tasks and propagates; nothing half-done is returned.

Clean death (issue 11 §3): every worker asks the kernel to kill it when the process
that started it dies (Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)``, set in the pool
initializer, see :func:`die_with_parent`), so a main process killed by SIGKILL leaves
no orphan workers; on any exception in the main process (SIGINT's
``KeyboardInterrupt``, SIGTERM's :class:`~pybridge.stats.signals.Terminated`, an error)
the running workers are terminated, not left to finish their task.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed

from pybridge.validation import check_int

__all__ = ["run_tasks", "default_workers", "die_with_parent"]

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None = None, sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent dies (Linux); ``False`` elsewhere.

    Call it in a child (a pool initializer, a subprocess ``preexec_fn``).  If the parent is
    already gone (``os.getppid() != parent_pid``: it died before the call), exit at once.
    Async-signal-safe enough for ``preexec_fn``: one ``prctl`` call through ``ctypes``.
    """
    if not sys.platform.startswith("linux"):  # pragma: no cover - non-Linux
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        ok = libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):  # pragma: no cover - no libc
        return False
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)
    return ok


def _worker_init(parent_pid: int) -> None:
    """Pool initializer: die with the parent; SIGTERM kills at once (the parent's handler is not inherited)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent_pid)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the running workers (SIGTERM, then SIGKILL after 2 s) and shut the pool down."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for p in procs:
        try:
            p.terminate()
        except (OSError, ValueError, AttributeError):
            pass
    for p in procs:
        try:
            p.join(2.0)
            if p.is_alive():
                p.kill()
                p.join(1.0)
        except (OSError, ValueError, AttributeError, AssertionError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


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
    pool = ProcessPoolExecutor(max_workers=min(workers, len(args_list)), mp_context=_context(),
                               initializer=_worker_init, initargs=(os.getpid(),))
    try:
        futures = {pool.submit(function, *args): i for i, args in enumerate(args_list)}
        for fut in as_completed(futures):
            results[futures[fut]] = fut.result()
            if progress is not None:
                progress(1)
    except BaseException:
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)
    return results
