"""Input validation and standardisation (SciPy ``_iv`` / Hypothesis ``check_*`` style).

Every public entry point validates its arguments here before doing any work, so
algorithm bodies never re-check.  Each failure is one line naming the argument
and the value received, raised as :class:`~pybridge.errors.InvalidArgument`
(a ``ValueError``) or :class:`~pybridge.errors.InvalidType` (a ``TypeError``).
"""

from __future__ import annotations

import math
import numbers
import re
from fractions import Fraction

import numpy as np

from pybridge.errors import InvalidArgument, InvalidType

__all__ = [
    "check_int",
    "check_real",
    "check_exact",
    "check_choice",
    "check_samples",
    "check_interval",
    "check_probability",
    "check_exact_instance",
    "check_bool",
    "check_sequence",
    "check_callable",
    "check_instance",
    "check_vector",
    "check_matrix",
    "check_text",
    "check_rng",
    "check_interval_pair",
    "check_mapping",
]

#: exact strings longer than this, or with a decimal exponent beyond +-MAX_EXPONENT, are refused
#: (``Fraction("1e999999999")`` would build a billion-digit integer)
MAX_EXACT_STRING = 2000
MAX_EXPONENT = 10_000
_EXPONENT = re.compile(r"[eE]\s*([-+]?\d+)")


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def check_int(name: str, value, *, min_value: int | None = None, max_value: int | None = None) -> int:
    """Return ``value`` as ``int`` after checking it is an integer in range."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)
        else:
            raise InvalidType(
                f"{name} must be an integer, got {name}={_shown(value)} (type={type(value).__name__})"
            )
    value = int(value)
    if min_value is not None and value < min_value:
        raise InvalidArgument(f"{name} must be >= {min_value}, got {name}={value}")
    if max_value is not None and value > max_value:
        raise InvalidArgument(f"{name} must be <= {max_value}, got {name}={value}")
    return value


def check_real(
    name: str,
    value,
    *,
    min_value: float | None = None,
    max_value: float | None = None,
    min_open: bool = False,
    max_open: bool = False,
) -> float:
    """Return ``value`` as a finite ``float`` after checking the (half-)open range."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidType(f"{name} must be a real number, got {name}={_shown(value)} (type={type(value).__name__})")
    try:
        x = float(value)
    except OverflowError:
        raise InvalidArgument(f"{name} must be finite, got {name}={_shown(value)} (too large for a float)") from None
    if not math.isfinite(x):
        raise InvalidArgument(f"{name} must be finite, got {name}={_shown(value)}")
    if min_value is not None and (x < min_value or (min_open and x == min_value)):
        op = ">" if min_open else ">="
        raise InvalidArgument(f"{name} must be {op} {min_value}, got {name}={_shown(value)}")
    if max_value is not None and (x > max_value or (max_open and x == max_value)):
        op = "<" if max_open else "<="
        raise InvalidArgument(f"{name} must be {op} {max_value}, got {name}={_shown(value)}")
    return x


def check_exact(name: str, value, *, positive: bool = False) -> Fraction:
    """Return the exact rational value of ``value`` as a :class:`~fractions.Fraction`.

    Accepts ``int``, :class:`~fractions.Fraction`, ``sympy.Rational``, ``decimal.Decimal``
    and finite ``float`` (a float is the dyadic rational it stores, exactly; use a
    string such as ``"1/10"`` or ``Fraction(1, 10)`` to mean the decimal).  Strings
    are parsed by :class:`~fractions.Fraction`.
    """
    if isinstance(value, bool):
        raise InvalidType(f"{name} must be a number, got {name}={value!r} (type=bool)")
    try:
        if isinstance(value, Fraction):
            q = value
        elif isinstance(value, numbers.Integral):
            q = Fraction(int(value))
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise InvalidArgument(f"{name} must be finite, got {name}={value!r}")
            q = Fraction(value)
        elif hasattr(value, "p") and hasattr(value, "q") and getattr(value, "is_Rational", False):
            q = Fraction(int(value.p), int(value.q))
        elif isinstance(value, str):
            m = _EXPONENT.search(value)
            if len(value) > MAX_EXACT_STRING or (m and abs(int(m.group(1))) > MAX_EXPONENT):
                raise InvalidArgument(f"{name} must be a rational of reasonable size (at most {MAX_EXACT_STRING} "
                                      f"characters, decimal exponent within +-{MAX_EXPONENT}), got "
                                      f"{name}={_shown(value)}")
            q = Fraction(value)
        elif isinstance(value, numbers.Rational) or type(value).__name__ == "Decimal":
            if type(value).__name__ == "Decimal" and value.is_finite() and abs(value.adjusted()) > MAX_EXPONENT:
                raise InvalidArgument(f"{name} must have a decimal exponent within +-{MAX_EXPONENT}, got "
                                      f"{name}={_shown(value)}")
            q = Fraction(value)
        else:
            raise InvalidType(
                f"{name} must be an exact number (int, Fraction, sympy.Rational, float), "
                f"got {name}={_shown(value)} (type={type(value).__name__})"
            )
    except (ValueError, ZeroDivisionError, OverflowError) as exc:
        raise InvalidArgument(f"{name} is not a finite rational, got {name}={_shown(value)}") from exc
    if positive and q <= 0:
        raise InvalidArgument(f"{name} must be > 0, got {name}={_shown(value)}")
    return q


def check_choice(name: str, value, choices) -> str:
    """Check that ``value`` is one of ``choices`` (case-sensitive); a non-string is refused as a type error."""
    if not isinstance(value, str) and all(isinstance(c, str) for c in choices):
        raise InvalidType(f"{name} must be one of {sorted(choices)} (a str), got {name}={_shown(value)} "
                          f"(type={type(value).__name__})")
    try:
        ok = value in choices
    except (TypeError, ValueError):  # unhashable or array-like value
        ok = False
    if not ok:
        raise InvalidArgument(f"{name} must be one of {sorted(choices, key=str)}, got {name}={_shown(value)}")
    return value


def check_bool(name: str, value) -> bool:
    """Return ``value`` if it is a ``bool`` (or ``numpy.bool_``); anything else (0, 1, "yes") is refused."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise InvalidType(f"{name} must be True or False, got {name}={_shown(value)} (type={type(value).__name__})")


_NOT_SEQUENCES = (str, bytes, bytearray, dict, set, frozenset)


def check_sequence(name: str, values, *, max_len: int | None = None) -> list:
    """Return ``values`` as a list after checking it is a sequence (list, tuple, 1-D array, iterator).

    ``str``, ``bytes``, ``dict`` and sets are refused (``"123"`` is not the samples 1, 2, 3), as are
    scalars and arrays of another dimension.
    """
    if isinstance(values, _NOT_SEQUENCES) or values is None:
        raise InvalidType(f"{name} must be a sequence (list, tuple or 1-D array), got {name}={_shown(values)} "
                          f"(type={type(values).__name__})")
    if isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise InvalidArgument(f"{name} must be one-dimensional, got shape {values.shape}")
        out = values.tolist()
    else:
        try:
            out = list(values)
        except TypeError:
            raise InvalidType(f"{name} must be a sequence (list, tuple or 1-D array), got {name}={_shown(values)} "
                              f"(type={type(values).__name__})") from None
    if max_len is not None and len(out) > max_len:
        raise InvalidArgument(f"{name} must have at most {max_len} elements, got {len(out)}")
    return out


def check_callable(name: str, value):
    """Return ``value`` if it is callable."""
    if not callable(value):
        raise InvalidType(f"{name} must be callable, got {name}={_shown(value)} (type={type(value).__name__})")
    return value


def check_instance(name: str, value, cls, what: str | None = None):
    """Return ``value`` if it is an instance of ``cls`` (``what`` names the expected kind in the message)."""
    if not isinstance(value, cls):
        kind = what or (cls.__name__ if isinstance(cls, type) else " or ".join(c.__name__ for c in cls))
        raise InvalidType(f"{name} must be a {kind}, got {name}={_shown(value)} (type={type(value).__name__})")
    return value


def check_samples(name: str, values) -> np.ndarray:
    """Return a 1-D float64 array of finite samples (no NaN, no inf); str, bytes, dict and sets are refused."""
    if isinstance(values, _NOT_SEQUENCES) or values is None:
        raise InvalidType(f"{name} must be a sequence of real numbers, got {name}={_shown(values)} "
                          f"(type={type(values).__name__})")
    try:
        raw = np.asarray(values)
        if raw.dtype.kind not in "iuf" and raw.size:
            bad = next((i for i, v in enumerate(raw.ravel()) if isinstance(v, (bool, np.bool_, str, bytes))
                        or v is None or not isinstance(v, numbers.Real)), None)
            if bad is not None or raw.dtype.kind in "bUSV":
                i = 0 if bad is None else bad
                v = raw.ravel()[i]
                raise InvalidType(f"{name} must contain real numbers, got {name}[{i}]={v!r} (type={type(v).__name__})")
        arr = np.asarray(values, dtype=np.float64)
    except OverflowError as exc:
        raise InvalidArgument(f"{name} must be finite floats, got a value too large for a float in {name}") from exc
    except (TypeError, ValueError) as exc:
        if isinstance(exc, (InvalidType, InvalidArgument)):
            raise
        raise InvalidType(f"{name} must be a sequence of real numbers, got {name}={_shown(values)}") from exc
    if arr.ndim != 1:
        raise InvalidArgument(f"{name} must be one-dimensional, got shape {arr.shape}")
    bad = ~np.isfinite(arr)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InvalidArgument(f"{name} must be finite, got {name}[{i}]={arr[i]!r}")
    return arr


def check_interval(a, b, *, names=("a", "b")) -> tuple[float, float]:
    """Check a finite target interval with ``a < b``."""
    a = check_real(names[0], a)
    b = check_real(names[1], b)
    if not a < b:
        raise InvalidArgument(f"interval needs {names[0]} < {names[1]}, got {names[0]}={a!r}, {names[1]}={b!r}")
    return a, b


def check_interval_pair(interval, *, name: str = "interval") -> tuple[float, float]:
    """Check a target interval given as one pair ``(a, b)`` (finite, ``a < b``)."""
    try:
        pair = not isinstance(interval, _NOT_SEQUENCES) and len(interval) == 2
    except TypeError:  # no len(): a scalar, a 0-d array
        pair = False
    if not pair:
        raise InvalidType(f"{name} must be a pair (a, b), got {name}={_shown(interval)} "
                          f"(type={type(interval).__name__})")
    a, b = interval
    return check_interval(a, b)


def check_probability(name: str, value, *, open_low: bool = True, open_high: bool = True) -> float:
    """Check ``value`` lies in (0, 1) (ends open by default)."""
    return check_real(name, value, min_value=0.0, max_value=1.0, min_open=open_low, max_open=open_high)


def check_exact_instance(xs, eps, a, b) -> tuple[list[Fraction], Fraction, Fraction, Fraction]:
    """Exact values of a coverage instance: samples, radius > 0 and an interval with ``a < b``.

    The interval is compared exactly (never through floats, which could overflow or tie).
    """
    q = [check_exact(f"xs[{i}]", x) for i, x in enumerate(check_sequence("xs", xs))]
    e = check_exact("eps", eps, positive=True)
    qa, qb = check_exact("a", a), check_exact("b", b)
    if not qa < qb:
        raise InvalidArgument(f"interval needs a < b, got a={_shown(a)}, b={_shown(b)}")
    return q, e, qa, qb


def check_vector(name: str, values, *, length: int | None = None, min_len: int = 0,
                 flatten: bool = False) -> np.ndarray:
    """A 1-D float64 array of finite values (see :func:`check_samples`), of ``length`` if given.

    ``flatten=True`` accepts an array of any shape (a scalar is refused) and ravels it.
    """
    if flatten and isinstance(values, np.ndarray) and values.ndim >= 1:
        values = values.ravel()
    arr = check_samples(name, values)
    if length is not None and arr.size != length:
        raise InvalidArgument(f"{name} must have length {length}, got length {arr.size}")
    if arr.size < min_len:
        raise InvalidArgument(f"{name} must have at least {min_len} elements, got {arr.size}")
    return arr


def check_matrix(name: str, values, *, columns: int | None = None) -> np.ndarray:
    """A 2-D float64 array of finite values, with ``columns`` columns if given."""
    if isinstance(values, _NOT_SEQUENCES) or values is None:
        raise InvalidType(f"{name} must be a 2-D array of reals, got {name}={_shown(values)} "
                          f"(type={type(values).__name__})")
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError, OverflowError):
        raise InvalidType(f"{name} must be a 2-D array of reals, got {name}={_shown(values)}") from None
    if arr.ndim != 2 or (columns is not None and arr.shape[1] != columns):
        want = f"(n, {columns})" if columns is not None else "(n, d)"
        raise InvalidArgument(f"{name} must have shape {want}, got shape {arr.shape}")
    if not np.isfinite(arr).all():
        raise InvalidArgument(f"{name} must be finite")
    return arr


def check_text(name: str, value, *, max_len: int = 10**7) -> str:
    """Return ``value`` if it is a ``str`` (tool output, a name), at most ``max_len`` characters."""
    if not isinstance(value, str):
        raise InvalidType(f"{name} must be a str, got {name}={_shown(value)} (type={type(value).__name__})")
    if len(value) > max_len:
        raise InvalidArgument(f"{name} must have at most {max_len} characters, got {len(value)}")
    return value


def check_mapping(name: str, value, *, values=None, what: str | None = None):
    """Return ``value`` if it is a mapping (``dict``...), each value an instance of ``values`` if given."""
    from collections.abc import Mapping

    if not isinstance(value, Mapping):
        raise InvalidType(f"{name} must be a mapping, got {name}={_shown(value)} (type={type(value).__name__})")
    if values is not None:
        for key, v in value.items():
            if not isinstance(v, values):
                kind = what or (values.__name__ if isinstance(values, type) else
                                " or ".join(c.__name__ for c in values))
                raise InvalidType(f"{name}[{key!r}] must be a {kind}, got {_shown(v)} (type={type(v).__name__})")
    return value


def check_rng(name: str, rng, *, allow_none: bool = True) -> np.random.Generator:
    """A :class:`numpy.random.Generator` from a Generator, a SeedSequence, an int seed >= 0 (or ``None``)."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None and allow_none:
        return np.random.default_rng()
    if isinstance(rng, np.random.SeedSequence):
        return np.random.default_rng(rng)
    if isinstance(rng, numbers.Integral) and not isinstance(rng, bool):
        return np.random.default_rng(check_int(name, rng, min_value=0))
    raise InvalidType(f"{name} must be a numpy Generator, SeedSequence or int seed, got {name}={_shown(rng)} "
                      f"(type={type(rng).__name__})")
