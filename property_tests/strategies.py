"""Hypothesis strategies shared by the property tests (plural nouns, built valid by construction)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st


def samples(*, min_size: int = 0, max_size: int = 12, bound: float = 1.0):
    """Lists of finite floats in [-bound, bound] (subnormals excluded)."""
    return st.lists(
        st.floats(-bound, bound, allow_nan=False, allow_infinity=False, allow_subnormal=False),
        min_size=min_size, max_size=max_size,
    )


def dyadic_samples(*, min_size: int = 0, max_size: int = 10, denom_log2: int = 5):
    """Lists of dyadic rationals k / 2**denom_log2 in [-1, 1] as floats (exact in binary: ties occur)."""
    d = 2**denom_log2
    return st.lists(st.integers(-d, d).map(lambda k: k / d), min_size=min_size, max_size=max_size)


def radii(*, min_value: float = 1e-3, max_value: float = 0.5):
    return st.floats(min_value, max_value, allow_nan=False, allow_infinity=False)


def dyadic_radii(*, denom_log2: int = 6):
    """eps = k / 2**denom_log2 > 0 (so 2*eps gaps between dyadic sums happen exactly)."""
    d = 2**denom_log2
    return st.integers(1, d // 2).map(lambda k: k / d)


def intervals(*, bound: float = 2.0):
    return st.tuples(st.floats(-bound, bound, allow_nan=False), st.floats(0.01, 2 * bound, allow_nan=False)).map(
        lambda t: (t[0], t[0] + t[1])
    )


def rationals(*, max_denominator: int = 64, bound: int = 4):
    return st.builds(Fraction, st.integers(-bound * max_denominator, bound * max_denominator),
                     st.integers(1, max_denominator))


def seeds():
    return st.integers(0, 2**32 - 1)
