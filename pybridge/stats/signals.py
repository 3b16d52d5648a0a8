"""SIGTERM behaves like SIGINT (issue 11 §3).

:func:`sigterm_raises` installs, for the duration of a command, a SIGTERM handler that raises
:class:`Terminated` in the main thread — a ``BaseException`` like ``KeyboardInterrupt``, so
every ``finally`` and ``except BaseException`` on the way out runs: pool workers are
terminated (:mod:`pybridge.stats.parallel`), external tools' process groups are killed
(:mod:`pybridge.tools.runner`), scratch directories and the report's temporary directory are
removed, and no partial report is moved into place.  The CLI then exits 143 (128 + 15).
"""

from __future__ import annotations

import contextlib
import signal
import threading

__all__ = ["Terminated", "sigterm_raises", "EXIT_SIGINT", "EXIT_SIGTERM"]

EXIT_SIGINT = 128 + signal.SIGINT    # 130
EXIT_SIGTERM = 128 + signal.SIGTERM  # 143


class Terminated(BaseException):
    """SIGTERM was received (raised in the main thread by the handler of :func:`sigterm_raises`)."""


def _raise_terminated(signum, frame):
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
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
