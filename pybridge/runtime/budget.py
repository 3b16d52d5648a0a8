"""Bounded work, announced before it starts (issue 11 §2).

Every command estimates its work from its arguments *before* doing any (trials x a
measured per-trial cost model, peak memory from the engines' caps, certificate count x
measured replay cost) and calls :func:`enforce` with that :class:`WorkEstimate`:

* beyond :data:`ANNOUNCE_SECONDS` it prints one plan line on standard error, e.g.
  ``prunegap rss: plan: 3.2e6 trials, est. 41 min on 2 workers, peak memory 130 MiB``;
* beyond the time limit (default :data:`DEFAULT_MAX_SECONDS`, two hours; raised or
  lowered by ``--max-seconds S``) or the memory limit (:data:`MAX_BYTES`, 8 GiB) it
  refuses with :class:`BudgetExceeded` (an :class:`~pybridge.errors.InvalidArgument`:
  exit 2), naming the flag that reduces the work and ``--max-seconds``.

The cost models are measured (their constants say on what, in the modules that define
them); an estimate is a plan, not a promise, and it is printed as one ("est.").
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass

from pybridge.errors import InvalidArgument
from pybridge.validation import check_instance, check_real, check_text

__all__ = ["WorkEstimate", "BudgetExceeded", "enforce", "plan_line", "plan_text", "format_seconds", "format_bytes",
           "format_count", "DEFAULT_MAX_SECONDS", "MAX_BYTES", "ANNOUNCE_SECONDS", "MAX_SECONDS_LIMIT"]

#: default time limit of one command (two hours); ``--max-seconds`` changes it
DEFAULT_MAX_SECONDS = 7200.0
#: largest accepted ``--max-seconds`` (30 days)
MAX_SECONDS_LIMIT = 30 * 86400.0
#: peak-memory limit of one command (8 GiB)
MAX_BYTES = 8 * 2**30
#: a plan line is printed when the estimate exceeds this many seconds
ANNOUNCE_SECONDS = 5.0


class BudgetExceeded(InvalidArgument):
    """The estimated work exceeds the time or memory limit (the message names the flags to change)."""


@dataclass(frozen=True)
class WorkEstimate:
    """What a command is about to do.

    Attributes
    ----------
    what : str
        The work in the user's units, e.g. ``"3.2e6 trials"`` or ``"40 certificates"``.
    seconds : float
        Estimated wall time on ``workers`` workers (a plan, from a measured cost model).
    workers : int
        Worker processes the estimate assumes.
    bytes : int
        Estimated peak memory of one worker (engine caps), 0 if negligible.
    flags : tuple of str
        The flags that reduce the work (named in a refusal), e.g. ``("--trials", "--n")``.
    """

    what: str
    seconds: float
    workers: int = 1
    bytes: int = 0
    flags: tuple = ()

    def __add__(self, other: "WorkEstimate") -> "WorkEstimate":
        flags = self.flags + tuple(f for f in other.flags if f not in self.flags)
        return WorkEstimate(f"{self.what} + {other.what}", self.seconds + other.seconds,
                            max(self.workers, other.workers), max(self.bytes, other.bytes), flags)


def format_seconds(seconds: float) -> str:
    """``41 min``, ``3.2 h``, ``12 s`` (rounded for a plan line)."""
    if isinstance(seconds, float) and seconds == math.inf:
        return "unbounded"
    seconds = check_real("seconds", seconds, min_value=0.0)
    if seconds < 90:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def format_count(x: float) -> str:
    """``1,000``, ``3.2e+06``: exact below 10^5, three digits above."""
    x = check_real("x", x, min_value=0.0)
    return f"{int(x):,}" if x < 1e6 else f"{x:.2g}"


def format_bytes(n: float) -> str:
    """``130 MiB``, ``8.0 GiB``."""
    n = check_real("n", n, min_value=0.0)
    if n >= 2**30:
        return f"{n / 2**30:.1f} GiB"
    return f"{max(n, 0) / 2**20:.0f} MiB"


def plan_text(est: WorkEstimate) -> str:
    """``3.2e+06 trials, est. 41 min on 2 workers, peak memory 130 MiB``."""
    check_instance("est", est, WorkEstimate)
    mem = f", peak memory {format_bytes(est.bytes)}" if est.bytes >= 2**20 else ""
    on = f" on {est.workers} worker{'s' if est.workers != 1 else ''}"
    return f"{est.what}, est. {format_seconds(est.seconds)}{on}{mem}"


def plan_line(command: str, est: WorkEstimate) -> str:
    """``prunegap rss: plan: 3.2e+06 trials, est. 41 min on 2 workers, peak memory 130 MiB``."""
    check_text("command", command, max_len=100)
    return f"prunegap {command}: plan: {plan_text(est)}"


def check_max_seconds(value) -> float:
    """``--max-seconds``: a positive number of seconds, at most 30 days."""
    return check_real("--max-seconds", value, min_value=0.0, max_value=MAX_SECONDS_LIMIT, min_open=True)


def enforce(command: str, est: WorkEstimate, *, max_seconds=None, stream=None) -> WorkEstimate:
    """Announce ``est`` when it is long and refuse it beyond the limits.

    Parameters
    ----------
    command : str
        The command name for the message (``"rss"``, ``"check"``...).
    est : WorkEstimate
    max_seconds : float or None
        The time limit (``--max-seconds``); ``None`` means :data:`DEFAULT_MAX_SECONDS`.
    stream : file, default ``sys.stderr``
        Where the plan line goes (never standard output, which may carry JSON).

    Returns
    -------
    WorkEstimate
        ``est``, unchanged.

    Raises
    ------
    BudgetExceeded
        Estimated time above the limit, or estimated memory above :data:`MAX_BYTES`.
    """
    limit = DEFAULT_MAX_SECONDS if max_seconds is None else check_max_seconds(max_seconds)
    stream = sys.stderr if stream is None else stream
    reduce = " or ".join(est.flags) if est.flags else "the arguments"
    if est.bytes > MAX_BYTES:
        raise BudgetExceeded(
            f"plan {plan_text(est)}: needs more than the {format_bytes(MAX_BYTES)} memory limit; "
            f"reduce {reduce}")
    if not est.seconds <= limit:
        raise BudgetExceeded(
            f"plan {plan_text(est)}: exceeds the limit of {format_seconds(limit)} "
            f"(--max-seconds={limit:g}); reduce {reduce}, or raise --max-seconds")
    if est.seconds > ANNOUNCE_SECONDS:
        print(plan_line(command, est), file=stream, flush=True)
    return est
