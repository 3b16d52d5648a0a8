"""Deterministic chunked execution: one chunk map for every engine, on a local pool or a Dask cluster.

A job is a list of independent tasks (chunks), each a picklable ``(function, args)``
whose randomness comes only from its own arguments (a child seed: see
:mod:`pybridge.runtime.seeding`).  Results are returned in task order, so the outcome
never depends on the number of workers.  A ``KeyboardInterrupt`` cancels
pending tasks and propagates; nothing half-done is returned.

Every engine calls :func:`run_tasks`.  By default it runs the chunks on a local
process pool of ``workers`` processes opened for the call (a :class:`LocalBackend`: the one
local pool code path, with or without a policy).  Inside :func:`chunk_policy` the same
call can also

* read and write a results store (:class:`pybridge.runtime.store.ChunkStore`): the
  experiment key is the hash of the chunk function, all chunks' arguments (so the
  engine, law, parameters, budget, root seed entropy and spawn key) and
  :func:`~pybridge.runtime.store.code_fingerprint`; stored chunks are reused, only the
  missing ones are computed, and each result is written from this (client) process
  as it completes, so a killed run loses at most the chunks in flight;
* send the chunks to another backend (:class:`LocalBackend`, a persistent local pool;
  :class:`DaskBackend`, ``dask.distributed``, imported only when asked for), grouped
  into tasks of about ``task_seconds`` each from the measured cost of the first chunks
  (the grouping never changes a number: every chunk keeps its own seed);
* only *plan* (``plan_only``): report what is stored and what is left, computing nothing
  (:class:`PlanIncomplete` is raised at the first call with missing chunks).

Results are bit-identical whatever the backend, the worker count, the grouping and
whether chunks were read back from the store (stored results are decoded from the
same exact encoding that fresh results are passed through).

Clean death (issue 11 §3): every worker asks the kernel to kill it when the process
that started it dies (Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)``, set in the pool
initializer, see :func:`die_with_parent`), so a main process killed by SIGKILL leaves
no orphan workers; on any exception in the main process (SIGINT's
``KeyboardInterrupt``, SIGTERM's :class:`~pybridge.runtime.signals.Terminated`, an error)
the running workers of :func:`run_tasks` are terminated, not left to finish their task.
"""

from __future__ import annotations

import contextlib
import contextvars
import ctypes
import ctypes.util
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
import uuid
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.runtime.signals import restore_in_child, signals_deferred
from pybridge.runtime.store import decode, encode
from pybridge.validation import check_int, check_real

__all__ = ["run_tasks", "default_workers", "die_with_parent", "chunk_policy", "current_policy", "recorded_calls", "ChunkPolicy",
           "CallRecord",
           "PlanIncomplete", "RunCancelled", "LocalBackend", "DaskBackend", "make_backend"]


def default_workers() -> int:
    """Usable cores (``os.sched_getaffinity`` where available)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None = None, sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent dies (Linux); ``False`` elsewhere.

    Call it in a child (a pool initializer, a subprocess ``preexec_fn``).  If the parent is
    already gone (``os.getppid() != parent_pid``: it died before the call), exit at once.
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
    """Pool initializer: die with the parent; SIGTERM kills at once (not the parent's handler)."""
    restore_in_child()
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


def _pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers die with this process."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_worker_init,
                               initargs=(os.getpid(),))


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

    Returns
    -------
    list
        ``[function(*args) for args in args_list]``, in order, whatever the backend.

    Raises
    ------
    PlanIncomplete
        Inside ``chunk_policy(plan_only=True)``, when some chunk is not in the store.
    """
    workers = check_int("workers", workers, min_value=1, max_value=256)
    args_list = list(args_list)
    policy = _POLICY.get()
    if policy is not None:
        return _run_with_policy(policy, function, args_list, workers, progress)
    # no policy: no store, no record, this call's own pool (the same path as a policy without a backend)
    n = len(args_list)
    results: dict = {}
    record = CallRecord(_function_name(function), None, n, 0)
    _run_missing(ChunkPolicy(), function, args_list, list(range(n)), workers, None, results, record, progress)
    return [results[i] for i in range(n)]


# --------------------------------------------------------------------------- backends


def _run_batch(function, batch):
    """Worker side: ``[(index, result, seconds), ...]`` for a batch of ``(index, args)``."""
    out = []
    for index, args in batch:
        t0 = time.perf_counter()
        value = function(*args)
        out.append((index, value, time.perf_counter() - t0))
    return out


class LocalBackend:
    """A process pool on this machine (``workers`` = 1: this process), the one local pool of :func:`run_tasks`.

    A policy's backend is kept open for the whole policy; without one, each :func:`run_tasks` call opens its
    own (``start=False``: the workers are forked at the first chunk) and closes it when the call ends.

    Parameters
    ----------
    workers : int >= 1
    start : bool, default True
        Fork the workers now, from the main thread, before a sweep starts its point threads (otherwise at
        the first chunk).
    """

    name = "local"

    def __init__(self, workers: int = 1, *, start: bool = True):
        self.workers = check_int("workers", workers, min_value=1, max_value=256)
        self._pool = None
        self._lock = threading.Lock()
        if start and self.workers > 1 and threading.current_thread() is threading.main_thread():
            try:
                started = [self._submit(time.sleep, 0.05) for _ in range(self.workers)]
                for f in started:
                    f.result()
            except BaseException:
                self.close(abort=True)
                raise

    def submit(self, function, batch):
        """Run the chunks ``batch`` (``[(index, args), ...]``) of ``function``; a handle for :meth:`result`."""
        if self.workers == 1:
            return _Done(_run_batch(function, batch))
        return self._submit(_run_batch, function, batch)

    def _submit(self, fn, *args):
        with self._lock:
            if self._pool is not None:
                return self._pool.submit(fn, *args)
            self._pool = _pool(self.workers)
            with signals_deferred():  # the first submit forks the workers
                return self._pool.submit(fn, *args)

    def wait_any(self, pending):
        finished = {h for h in pending if isinstance(h, _Done)}
        if finished:
            return finished, set(pending) - finished
        done, rest = wait(pending, return_when=FIRST_COMPLETED)
        return done, rest

    @staticmethod
    def result(handle):
        return handle.result()

    def cancel(self, pending):
        for h in pending:
            h.cancel()

    def close(self, *, abort: bool = False):
        with self._lock:
            if self._pool is not None:
                if abort:  # interrupted (SIGINT/SIGTERM/error): stop the running workers too
                    _stop_workers(self._pool)
                else:
                    self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def describe(self) -> str:
        return f"local pool, {self.workers} worker{'s' if self.workers > 1 else ''}"


class _Done:
    """An already-finished handle (in-process execution)."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value

    def cancel(self):
        return False


class DaskBackend:
    """Chunks sent to a ``dask.distributed`` cluster; results come back to this process (the client).

    Parameters
    ----------
    scheduler : str, optional
        Address of an existing scheduler (``tcp://host:8786``).
    n_workers : int, optional
        Start a :class:`distributed.LocalCluster` of this many single-threaded worker processes.
    client : distributed.Client, optional
        Use this client (its owner closes it).

    Notes
    -----
    ``dask`` and ``distributed`` are an optional extra (``pip install prunegap[dask]``) imported here only.
    A worker lost mid-run costs only the tasks it held: the scheduler reruns them elsewhere (up to
    ``distributed.scheduler.allowed-failures`` times), and every chunk is seeded by its index, so the rerun
    gives the same numbers.  Remote workers need the same prunegap installed (the key includes the version).
    """

    name = "dask"

    def __init__(self, *, scheduler: str | None = None, n_workers: int | None = None, client=None):
        if client is not None:  # an existing distributed.Client (closed by its owner, not here)
            import distributed

            self._distributed, self.cluster, self.client, self._own = distributed, None, client, False
            self._tag, self._count = uuid.uuid4().hex[:12], 0
            return
        self._own = True
        if (scheduler is None) == (n_workers is None):
            raise InvalidArgument(f"give --scheduler or --dask-workers, not both or neither (got "
                                  f"--scheduler={scheduler!r}, --dask-workers={n_workers!r})")
        try:
            import distributed
        except ImportError:
            raise InvalidArgument("the Dask backend needs the optional extra: pip install 'prunegap[dask]' "
                                  f"(got {'--scheduler=' + repr(scheduler) if scheduler else '--dask-workers=' + str(n_workers)})") from None
        self._distributed = distributed
        self.cluster = None
        if n_workers is not None:
            n_workers = check_int("--dask-workers", n_workers, min_value=1, max_value=256)
            self.cluster = distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                                    dashboard_address=None, silence_logs=40)
            self.client = distributed.Client(self.cluster)
        else:
            if not isinstance(scheduler, str) or "://" not in scheduler:
                raise InvalidArgument(f"--scheduler must be an address such as tcp://host:8786, got "
                                      f"--scheduler={scheduler!r}")
            try:
                self.client = distributed.Client(scheduler, timeout=30)
            except OSError as exc:
                raise InvalidArgument(f"cannot reach the Dask scheduler ({exc}), got --scheduler={scheduler!r}") \
                    from None
        self._tag = uuid.uuid4().hex[:12]
        self._count = 0

    @property
    def workers(self) -> int:
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def submit(self, function, batch):
        self._count += 1
        return self.client.submit(_run_batch, function, batch, pure=False,
                                  key=f"prunegap-chunks-{self._tag}-{self._count}")

    def wait_any(self, pending):
        res = self._distributed.wait(list(pending), return_when="FIRST_COMPLETED")
        return set(res.done), set(res.not_done)

    @staticmethod
    def result(handle):
        return handle.result()

    def cancel(self, pending):
        if pending:
            self.client.cancel(list(pending))

    def close(self, *, abort: bool = False):
        if not self._own:
            return
        with contextlib.suppress(Exception):
            self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()

    def describe(self) -> str:
        where = "LocalCluster" if self.cluster is not None else self.client.scheduler.address
        return f"dask ({where}, {self.workers} worker threads)"


def make_backend(*, workers: int | None = None, scheduler: str | None = None, dask_workers: int | None = None):
    """The backend named by the CLI flags ``--workers`` | ``--scheduler`` | ``--dask-workers`` (one of them)."""
    given = [n for n, v in (("--workers", workers), ("--scheduler", scheduler), ("--dask-workers", dask_workers))
             if v is not None]
    if len(given) > 1:
        raise InvalidArgument(f"give one of --workers, --scheduler, --dask-workers, got {' and '.join(given)}")
    if scheduler is not None or dask_workers is not None:
        return DaskBackend(scheduler=scheduler, n_workers=dask_workers)
    return LocalBackend(check_int("--workers", workers if workers is not None else default_workers(),
                                  min_value=1, max_value=256))


# --------------------------------------------------------------------------- the policy


class RunCancelled(Exception):
    """Raised in a run whose policy was cancelled (another thread of the same sweep failed)."""


class PlanIncomplete(Exception):
    """Raised by :func:`run_tasks` in plan-only mode at the first call with chunks missing from the store."""


@dataclass
class CallRecord:
    """One :func:`run_tasks` call under a policy: experiment key, chunk counts and compute seconds."""

    function: str
    key: str | None
    chunks: int
    reused: int
    computed: int = 0
    seconds: float = 0.0


@dataclass
class ChunkPolicy:
    """How :func:`run_tasks` runs while the policy is active (see :func:`chunk_policy`)."""

    store: object = None
    backend: object = None
    plan_only: bool = False
    task_seconds: float | None = None
    calls: list = field(default_factory=list)
    warned: set = field(default_factory=set)
    #: set to stop every run under the policy at its next completed task (other threads of a sweep)
    cancelled: bool = False


_POLICY: contextvars.ContextVar[ChunkPolicy | None] = contextvars.ContextVar("prunegap_chunk_policy", default=None)
_SINK: contextvars.ContextVar[list | None] = contextvars.ContextVar("prunegap_call_sink", default=None)


@contextlib.contextmanager
def recorded_calls():
    """Collect the :class:`CallRecord` of every :func:`run_tasks` call made in this context (this thread).

    Yields
    ------
    list of CallRecord
    """
    sink: list = []
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


def current_policy() -> ChunkPolicy | None:
    """The active :class:`ChunkPolicy` (``None`` outside :func:`chunk_policy`)."""
    return _POLICY.get()


@contextlib.contextmanager
def chunk_policy(*, store=None, backend=None, plan_only: bool = False, task_seconds: float | None = None):
    """Run every :func:`run_tasks` call inside the block with a store and/or backend.

    Parameters
    ----------
    store : ChunkStore, optional
        Reuse and record finished chunks.
    backend : LocalBackend or DaskBackend, optional
        Where chunks run (default: a pool of each call's own ``workers``). Closed by the caller.
    plan_only : bool
        Compute nothing: calls whose chunks are all stored return them, the first other call raises
        :class:`PlanIncomplete`; :attr:`ChunkPolicy.calls` says what is done and left.
    task_seconds : float, optional
        Group consecutive chunks into tasks of about this many seconds (measured on the first chunks).

    Yields
    ------
    ChunkPolicy
    """
    if plan_only and store is None:
        raise InvalidArgument("plan_only needs a store")
    if task_seconds is not None:
        task_seconds = check_real("task_seconds", task_seconds, min_value=0.0, min_open=True)
    policy = ChunkPolicy(store=store, backend=backend, plan_only=plan_only, task_seconds=task_seconds)
    token = _POLICY.set(policy)
    try:
        yield policy
    finally:
        _POLICY.reset(token)


def _function_name(function) -> str:
    return f"{function.__module__}:{function.__qualname__}"


def _warn_once(policy, text):
    if text not in policy.warned:
        policy.warned.add(text)
        print(f"prunegap store: {text}", file=sys.stderr)


def _run_with_policy(policy: ChunkPolicy, function, args_list, workers, progress):
    n = len(args_list)
    name = _function_name(function)
    store, key = policy.store, None
    if store is not None:
        description = {"function": name, "args": args_list}
        try:
            key = store.experiment_key(description)
        except InvalidType as exc:
            _warn_once(policy, f"{name} has arguments the store cannot key ({exc}); computed without the store")
        else:
            store.register(key, description)
    stored = store.load(key, n) if key is not None else {}
    record = CallRecord(name, key, n, len(stored), 0, sum(c.seconds for c in stored.values()))
    policy.calls.append(record)
    sink = _SINK.get()
    if sink is not None:
        sink.append(record)
    if policy.plan_only:
        if len(stored) < n:
            raise PlanIncomplete(record)
        return [stored[i].value for i in range(n)]
    results = {i: c.value for i, c in stored.items()}
    if stored and progress is not None:
        progress(len(stored))
    missing = [i for i in range(n) if i not in stored]
    _run_missing(policy, function, args_list, missing, workers, key, results, record, progress)
    return [results[i] for i in range(n)]


def _run_missing(policy, function, args_list, missing, workers, key, results, record, progress):
    """Compute the chunks ``missing`` into ``results``: on the policy's backend, or on a pool of this call."""
    if not missing:
        return
    own = policy.backend is None
    backend = LocalBackend(min(workers, len(missing)), start=False) if own else policy.backend
    try:
        _compute(policy, backend, function, args_list, missing, key, results, record, progress)
    except BaseException:
        if own:
            backend.close(abort=True)
        raise
    if own:
        backend.close()


def _compute(policy, backend, function, args_list, missing, key, results, record, progress):
    store = policy.store
    workers = max(1, backend.workers)
    queue = list(missing)
    pending = set()
    synchronous = isinstance(backend, LocalBackend) and backend.workers == 1

    def submit(count):
        batch = [(i, args_list[i]) for i in queue[:count]]
        del queue[:count]
        pending.add(backend.submit(function, batch))

    # first wave: one chunk per task, to measure the cost of a chunk
    for _ in range(min(workers, len(queue))):
        submit(1)
    batch_size = 1 if policy.task_seconds is None else None
    try:
        while pending:
            if policy.cancelled:
                raise RunCancelled("another part of the run failed or was interrupted")
            done, rest = backend.wait_any(pending)
            pending.clear()
            pending.update(rest)
            for handle in done:
                for index, value, seconds in backend.result(handle):
                    if store is not None and key is not None:
                        try:
                            text = encode(value)
                        except InvalidType as exc:
                            _warn_once(policy, f"{record.function} returned a value the store cannot hold "
                                               f"({exc}); its chunks are not stored")
                            key = None
                        else:
                            store.put(key, index, value, seconds)
                            value = decode(text)  # the same exact form a resumed run reads back
                    results[index] = value
                    record.computed += 1
                    record.seconds += seconds
                    if batch_size is None:
                        per_chunk = max(seconds, 1e-6)
                        fair = math.ceil(len(queue) / (2 * workers)) if queue else 1
                        batch_size = max(1, min(round(policy.task_seconds / per_chunk), fair))
                    if progress is not None:
                        progress(1)
            while queue and len(pending) < (1 if synchronous else 2 * workers):
                submit(batch_size or 1)
    except BaseException:
        backend.cancel(pending)
        raise
