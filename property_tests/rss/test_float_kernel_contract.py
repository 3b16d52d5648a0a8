"""The float coverage kernel's contract, pinned (issue 10 §3, mutation target coverage).

``covers_float_kernel`` (docstring): the kernel runs at the inner radius ``eps - 2 rho`` with
``rho = 2 (n + 2) u max(mag, 1e-300)``, ``u = 2**-52``, ``mag = sum|x| + eps + |a| + |b|``; "covered" is sound for
``eps`` and "not covered" is returned only when a gap survives an expansion by ``3 rho``; magnitudes whose
endpoints could overflow (``4 (mag + 4 rho)`` not finite) are undetermined.  On the one-sample instance
``xs = [0]``, ``[a, b] = [-t, t]`` the exact answer is "covered iff t <= eps", so the float answer must be
1 for ``t < eps - 2 rho``, -1 (undetermined) in ``(eps - 2 rho, eps + rho)`` and 0 beyond ``eps + rho``;
the test points sit a quarter of rho inside each band.  Also pinned: argument errors name the argument,
and the processing order is the stable order by |x|.
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
import pytest

from pybridge.errors import InvalidArgument, InvalidType, ResourceLimitError
from pybridge.rss import coverage
from pybridge.rss.coverage import MAX_INTERVALS, covers_float_kernel, kernel_unchecked, processing_order

U = 2.0 ** -52


def _rho(n, mag):
    return 2.0 * (n + 2) * U * max(mag, 1e-300)


@pytest.mark.parametrize("eps", [0.1, 0.75, 3.0])
def test_undetermined_band_is_minus_two_rho_to_plus_rho(eps):
    xs = np.zeros(1)
    rho = _rho(1, eps + 2 * eps)  # mag = 0 + eps + |-t| + |t| with t ~ eps
    for offset, expected in [(-2.25, 1), (-1.75, -1), (0.0, -1), (0.75, -1), (1.25, 0), (3.0, 0)]:
        t = eps + offset * rho
        status, _ = covers_float_kernel(xs, eps, -t, t)
        assert status == expected, (eps, offset, status)


def test_overflow_guard_is_four_times_mag_plus_four_rho():
    # 4 * 4.45e307 is finite (decided), 4 * 4.6e307 is not (undetermined); 5 * 3.7e307 would already overflow
    for x, expected in [(3.7e307, 1), (4.45e307, 1), (4.6e307, -1)]:
        assert kernel_unchecked(np.array([x]), 1e300, 0.0, 0.0) == ((1, 2) if expected == 1 else (-1, 0)), x


def test_tiny_magnitudes_are_decided():
    """mag = 1e-300: rho is floored at 2 (n+2) u 1e-300, and 4 rho stays finite (no division by rho)."""
    assert kernel_unchecked(np.zeros(1), 1e-300, 0.0, 0.0) == (1, 2)


def test_undetermined_cases_return_minus_one_and_no_work():
    assert kernel_unchecked(np.array([1e308, 1e308]), 0.1, 0.0, 1.0) == (-1, 0)  # sum overflows
    assert kernel_unchecked(np.array([1.0]), 1e-17, 0.0, 0.0) == (-1, 0)  # eps below 2 rho


def test_overflow_is_silent():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert kernel_unchecked(np.array([1e308, 1e308]), 0.1, 0.0, 1.0) == (-1, 0)


def test_inputs_other_than_float_arrays_are_converted():
    ref = covers_float_kernel(np.array([0.5, 0.25]), 0.2, 0.0, 1.0)
    assert covers_float_kernel([0.5, 0.25], 0.2, 0.0, 1.0) == ref
    assert covers_float_kernel(np.array([Fraction(1, 2), Fraction(1, 4)], dtype=object), 0.2, 0.0, 1.0) == ref
    assert covers_float_kernel(np.array([2, 1]) / 4, 0.2, 0.0, 1.0) == ref


@pytest.mark.parametrize("bad, error, message", [
    (np.array([[0.1, 0.2]]), InvalidArgument, r"^xs must be one-dimensional"),
    ([[0.1, 0.2]], InvalidArgument, r"^xs must be one-dimensional"),
    (np.array([0.1, np.inf]), InvalidArgument, r"^xs must be finite, got xs\[1\]="),
    ("abc", InvalidType, r"^xs must be a sequence of real numbers, got xs='abc'"),
    (np.array(["a"], dtype=object), InvalidType, r"^xs must contain real numbers, got xs\[0\]='a'"),
])
def test_bad_samples_are_refused_naming_xs(bad, error, message):
    with pytest.raises(error, match=message):
        covers_float_kernel(bad, 0.1, 0.0, 1.0)


@pytest.mark.parametrize("eps", [0, 0.0, -0.1])
def test_eps_must_be_positive(eps):
    with pytest.raises(InvalidArgument, match=rf"^eps must be > 0.0, got eps={eps}$"):
        covers_float_kernel([0.5], eps, 0.0, 1.0)


def test_cap_intervals_range():
    with pytest.raises(InvalidArgument, match=r"^cap_intervals must be >= 1, got cap_intervals=0$"):
        covers_float_kernel([0.5], 0.1, 0.0, 1.0, cap_intervals=0)
    with pytest.raises(InvalidArgument, match=rf"^cap_intervals must be <= {MAX_INTERVALS}, got cap_intervals="):
        covers_float_kernel([0.5], 0.1, 0.0, 1.0, cap_intervals=MAX_INTERVALS + 1)
    assert covers_float_kernel([0.5], 0.3, 0.0, 0.5, cap_intervals=MAX_INTERVALS) == (1, 2)


def test_processing_order_is_stable_by_absolute_value():
    rng = np.random.default_rng(20261202)
    xs = rng.choice([-0.5, -0.25, 0.25, 0.5, 1.0], size=200)  # many ties
    expected = sorted(range(len(xs)), key=lambda i: (abs(xs[i]), i))
    assert processing_order(xs).tolist() == expected
    assert processing_order(list(xs)).tolist() == expected


@pytest.mark.parametrize("bad, error, message", [
    ("abc", InvalidType, r"^xs must be a sequence"),
    (np.array(["a", "b"], dtype=object), InvalidType, r"^xs must contain real numbers"),
    (np.zeros((2, 2)), InvalidArgument, r"^xs must be one-dimensional"),
])
def test_processing_order_refuses_bad_samples_naming_xs(bad, error, message):
    with pytest.raises(error, match=message):
        processing_order(bad)


def test_exact_cap_message_counts_the_samples_processed(monkeypatch):
    """With the cap lowered to 3 intervals: 6 dyadic samples whose sums stay 2 eps apart (nothing merges, nothing
    leaves the window), so after j samples there are 2**j intervals and the 4th appears with the 2nd sample."""
    monkeypatch.setattr(coverage, "MAX_EXACT_INTERVALS", 3)
    xs = [Fraction(1, 2 ** k) for k in range(1, 7)]
    with pytest.raises(ResourceLimitError, match=r"^exact coverage decision needs more than 3 intervals after 2 of "
                                                 r"n=6 samples \(eps too small for this n\)"):
        coverage.covers_exact(xs, Fraction(1, 130), 0, Fraction(63, 64))
