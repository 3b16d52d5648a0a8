"""Exception hierarchy shared by ``symbolic`` and ``pybridge``.

There is one root, :class:`PrunegapError`.  User mistakes raise
:class:`InvalidArgument` (a :class:`ValueError`) or :class:`InvalidType`
(a :class:`TypeError`); both name the argument and the value received, in one
line.  A certification that cannot decide raises :class:`NotCertifiedError`:
"undetermined" is never reported as ``False``.

``symbolic`` is the lower layer, so the root lives here and ``pybridge``
re-exports it (``symbolic`` never imports ``pybridge``).
"""

from __future__ import annotations

__all__ = [
    "PrunegapError",
    "InvalidArgument",
    "InvalidType",
    "NotCertifiedError",
    "PrecisionExhaustedError",
]


class PrunegapError(Exception):
    """Root of every exception raised on purpose by prunegap."""


class InvalidArgument(PrunegapError, ValueError):
    """An argument has an invalid value (message names argument and value)."""


class InvalidType(PrunegapError, TypeError):
    """An argument has the wrong type (message names argument, value and type)."""


class NotCertifiedError(PrunegapError, ArithmeticError):
    """Interval arithmetic could not decide a statement at the maximum precision.

    Undetermined is not false: callers must treat this as "no verdict".
    """


class PrecisionExhaustedError(NotCertifiedError):
    """A precision-escalation loop ran past its ``max_dps`` without converging."""
