"""Hypothesis strategies for fuzzing: values of every type, and plausible values by parameter name.

A fuzzed argument is usually plausible (so the call gets past the first check and exercises the
engine) and otherwise anything at all: None, bools, integers from -10^400 to 10^400, floats with
nan/inf/subnormals/1e308, Fractions, Decimals, unparsable exact strings ("1/0", "", "abc"),
bytes, dicts, sets, lists of numbers or strings, ndarrays of every dtype and shape, objects.

Plausible values stay cheap on purpose (small n, large eps, at most 5 trials), and wild integers
skip the middle range (no 10^5 trials that would legitimately run for minutes): the bounded-work
checks are exercised by the CLI fuzz with ``--max-seconds``.
"""

from __future__ import annotations

import decimal
import os
from fractions import Fraction

import numpy as np
from hypothesis import strategies as st

#: ``PRUNEGAP_FUZZ=large`` multiplies the number of generated inputs (documented in the README)
LARGE = os.environ.get("PRUNEGAP_FUZZ", "").strip().lower() == "large"


def scaled(ci: int, large: int) -> int:
    return large if LARGE else ci


huge_ints = st.sampled_from([10**400, -10**400, 2**63, 2**64, -2**63, 10**20, 2**1100, -1, -7])
small_ints = st.integers(-3, 12)
wild_floats = st.one_of(
    st.sampled_from([float("nan"), float("inf"), float("-inf"), 1e308, -1e308, 5e-324, -0.0, 0.0, 1e-300, 2.5]),
    st.floats(allow_nan=True, allow_infinity=True),
)
strings = st.one_of(
    st.sampled_from(["", "1/0", "abc", "1/3", "0", "-1", "nan", "inf", "1e400", "0x10", " 1 ", "1/2/3", "\x00",
                     "uniform", "normal", "M0", "G", "axis", "neuron", "rf", "weight", "q-eps", "123"]),
    st.text(max_size=8),
)
fractions = st.builds(Fraction, st.integers(-10**6, 10**6), st.integers(1, 10**6))
decimals = st.sampled_from([decimal.Decimal("0.1"), decimal.Decimal("NaN"), decimal.Decimal("Infinity"),
                            decimal.Decimal("-1e999999"), decimal.Decimal("1")])
arrays = st.one_of(
    st.just(np.zeros((2, 2))), st.just(np.array([], dtype=np.float64)), st.just(np.array(["a", "b"])),
    st.just(np.array([True, False])), st.just(np.array([1 + 2j])), st.just(np.array([np.nan, 1.0])),
    st.just(np.array([1, 2, 3], dtype=np.int64)), st.just(np.array(0.5)), st.just(np.array([None, 1], dtype=object)),
    st.just(np.array([1e308, 1e308])),
)


class Opaque:
    """An object of a type nobody expects."""

    def __repr__(self):
        return "Opaque()"


scalars = st.one_of(st.none(), st.booleans(), small_ints, huge_ints, wild_floats, fractions, decimals, strings,
                    st.binary(max_size=4), st.just(Opaque()), st.just(1 + 1j), st.just(np.float64(0.25)),
                    st.just(np.int64(3)), st.just(np.bool_(True)))
containers = st.one_of(
    st.lists(st.one_of(small_ints, st.floats(-2, 2), strings, st.none()), max_size=6),
    st.tuples(st.floats(-2, 2), st.floats(-2, 2)),
    st.dictionaries(st.text(max_size=3), small_ints, max_size=3),
    st.sets(small_ints, max_size=3),
    st.lists(st.lists(st.floats(-1, 1), max_size=3), max_size=3),
    st.frozensets(small_ints, max_size=2),
    arrays,
)
any_value = st.one_of(scalars, containers)


def floats_in(lo: float, hi: float):
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


sample_lists = st.lists(floats_in(-1, 1), max_size=9)

