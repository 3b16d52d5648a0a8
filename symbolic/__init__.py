"""prunegap's constants layer: exact (sympy), numeric (mpmath contexts), certified (arb balls).

``symbolic`` never imports ``pybridge``.
"""

from symbolic.errors import (
    InvalidArgument,
    InvalidType,
    NotCertifiedError,
    PrecisionExhaustedError,
    PrunegapError,
)

__all__ = [
    "PrunegapError",
    "InvalidArgument",
    "InvalidType",
    "NotCertifiedError",
    "PrecisionExhaustedError",
]
