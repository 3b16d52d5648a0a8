"""SIGTERM behaves like SIGINT (issue 11 §3).

:func:`sigterm_raises` installs, for the duration of a command, a SIGTERM handler that raises
:class:`Terminated` in the main thread — a ``BaseException`` like ``KeyboardInterrupt``, so
every ``finally`` and ``except BaseException`` on the way out runs: pool workers are
terminated (:mod:`pybridge.runtime.parallel`), external tools' process groups are killed
(:mod:`pybridge.runtime.runner`), scratch directories and the report's temporary directory are
removed, and no partial report is moved into place.  The CLI then exits 143 (128 + 15).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading

__all__ = ["Terminated", "sigterm_raises", "signals_deferred", "restore_in_child", "interruptible",
           "EXIT_SIGINT", "EXIT_SIGTERM"]

EXIT_SIGINT = 128 + signal.SIGINT    # 130
EXIT_SIGTERM = 128 + signal.SIGTERM  # 143


def interruptible(fn, /, *args, **kwargs):
    """``fn(*args, **kwargs)``, run so that SIGINT and SIGTERM are handled during it, at once.

    Python runs signal handlers only between bytecodes of the main thread, so a long C call made
    there (a HiGHS solve, which releases the GIL) would delay SIGTERM until it returns: measured
    67 s for an RF linear program at n = 1000 with ``--workers 1``.  In the main thread the call runs
    in a daemon thread while the main thread waits in short timed joins, where the handlers run: a
    signal raises ``KeyboardInterrupt`` / :class:`Terminated` in the main thread at once, the command
    cleans up and exits, and the abandoned solve ends with the process.  The call and its result
    are the same (same arguments, same library; only the calling thread differs).  An exception of
    the call is raised in the caller's thread.
    """
    if not callable(fn):
        from pybridge.errors import InvalidType

        raise InvalidType(f"fn must be callable, got fn={fn!r:.60} (type={type(fn).__name__})")
    box = {}

    def target():
        try:
            box["value"] = fn(*args, **kwargs)
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, name="prunegap-solve", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.05)
    if "error" in box:
        raise box["error"]
    return box["value"]


class Terminated(BaseException):
    """SIGTERM was received (raised in the main thread by the handler of :func:`sigterm_raises`)."""


_owner_pid: int | None = None  # the process whose main thread installed the handler


def _raise_terminated(signum, frame):
    if os.getpid() != _owner_pid:
        # a forked child (a pool worker between fork and its initializer) inherited the handler:
        # it dies of the signal the default way, quietly, instead of raising in multiprocessing's
        # bootstrap (which would print a traceback on the shared stderr)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    # one exception only: a second SIGTERM during cleanup must not interrupt the cleanup
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated()


@contextlib.contextmanager
def sigterm_raises():
    """Within the block, SIGTERM raises :class:`Terminated`; the previous handler is restored after.

    Outside the main thread (where handlers cannot be installed) it does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    global _owner_pid
    _owner_pid = os.getpid()
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --------------------------------------------------------------------------- fork windows

_DEFERRED_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_deferral: dict | None = None  # {"owner": pid, "saved": {signum: handler}, "pending": [signum, ...]}


def _record(signum, frame):
    state = _deferral
    if state is None or os.getpid() != state["owner"]:
        # a child forked inside the window, before it restored its handlers: default action, quietly
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    if signum not in state["pending"]:
        state["pending"].append(signum)


@contextlib.contextmanager
def signals_deferred():
    """Within the block, SIGINT and SIGTERM are recorded; they are acted on when the block ends.

    Wrap the places that fork (starting pool workers, starting an external tool).  CPython runs
    ``os.register_at_fork`` hooks (logging's lock release, for one) around a fork, and an exception
    raised by a signal handler inside such a hook is printed as "Exception ignored" and dropped:
    measured, a Ctrl-C sent while ``prunegap check`` forked its pool was lost and the run finished
    with exit status 0.  Here the handlers only record the signal; on leaving the block the
    previous handlers are restored and each recorded signal is raised again
    (:func:`signal.raise_signal`), so ``KeyboardInterrupt`` / :class:`Terminated` (or the default
    action) happens at a safe point just after the block, in the caller's cleanup scope.

    A process forked inside the block inherits the recording handlers: one that receives SIGINT or
    SIGTERM before calling :func:`restore_in_child` takes the signal's default action (it dies
    quietly); ``exec`` resets them in any case.

    Outside the main thread, nested in another deferral, or when a handler was installed outside
    Python (``signal.getsignal`` is ``None``), it does nothing.
    """
    global _deferral
    if threading.current_thread() is not threading.main_thread() or _deferral is not None:
        yield
        return
    saved = {s: signal.getsignal(s) for s in _DEFERRED_SIGNALS}
    if any(h is None for h in saved.values()):
        yield
        return
    _deferral = {"owner": os.getpid(), "saved": saved, "pending": []}
    try:
        for s in _DEFERRED_SIGNALS:
            signal.signal(s, _record)
        yield
    finally:
        state, _deferral = _deferral, None
        for s, handler in state["saved"].items():
            signal.signal(s, handler)
        for s in state["pending"]:
            signal.raise_signal(s)


def restore_in_child() -> None:
    """In a process forked inside :func:`signals_deferred`: put back the handlers saved on entry.

    Signals the child recorded are not replayed (it takes the default action for them, see
    :func:`signals_deferred`).  Outside such a child it does nothing.
    """
    global _deferral
    state = _deferral
    if state is None or os.getpid() == state["owner"]:
        return
    _deferral = None
    for s, handler in state["saved"].items():
        signal.signal(s, handler)
