"""The rare-event decision rules at their boundaries, their argument errors and their closed forms.

Each rule is fed synthetic inputs (typed stand-ins, as in ``test_decision_rules.py``) sitting exactly on an
acceptance boundary (ties accepted), just past it (rejected), and engines that are wrong by one ulp-scale
factor; expected values are computed independently (Cauchy quantile for the t with 1 df, scipy's beta
quantiles for Clopper-Pearson, exact dyadic radii by hand).  Targeted tests of
``benchmarks/mutation.py --only rare-checks``.  Deterministic, no splitting runs.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction
from types import SimpleNamespace

import numpy as np
import pytest
from scipy import stats

import pybridge.rare.checks as checks
from pybridge.errors import InvalidArgument, InvalidType
from pybridge.rare.checks import (MIN_NONZERO, agreement, fit_slope_ln, lueker_kappa, n1_failure_probability,
                                  radius_criterion, tail_rate, threshold_delta_eps)
from pybridge.rare.splitting import RareEstimate
from pybridge.rss import covering_radius


class _FakeEstimate(RareEstimate):
    """A RareEstimate with chosen fields only (the rules check the type, then read these)."""

    def __init__(self, **fields):  # noqa: D107 - bypasses the frozen dataclass's generated __init__
        for k, v in fields.items():
            object.__setattr__(self, k, v)


# ---------------------------------------------------------------- lueker_kappa

def test_lueker_kappa_is_the_larger_root_of_its_defining_quadratic():
    r"""Theory §1.2 (RECON): with n = kappa L, (n/2 - C L)^2 / (2n) >= L and n/2 >= C L become
    kappa^2 - 4(C + 2) kappa + 4 C^2 >= 0, kappa >= 2C; kappa* is the quadratic's larger root.  Exact at
    C + 1 a perfect square (C = 3: 18; C = 8: 32; C = 0: 8), and the requirement holds with equality at
    kappa* and fails just below it (for C > -1)."""
    assert (lueker_kappa(0), lueker_kappa(3), lueker_kappa(8), lueker_kappa(-1.0)) == (8.0, 18.0, 32.0, 2.0)
    for C in (-1.0, -0.75, 0.0, 0.5, 3.0, 8.0, 24.0, 1e6):
        k = lueker_kappa(C)
        assert k >= 2 * (C + 2) and k >= 2 * C
        assert k * k - 4 * (C + 2) * k + 4 * C * C == pytest.approx(0, abs=1e-9 * k * k)
        L = 5.0
        req = lambda kap: (kap * L / 2 - C * L) ** 2 / (2 * kap * L) - L  # noqa: E731
        assert req(k) == pytest.approx(0, abs=1e-9 * max(1.0, abs(C)) * L)
        if C > -1:  # at C = -1 the two roots coincide (a double root): no sign change
            assert req(k * (1 - 1e-6)) < 0 < req(k * (1 + 1e-6))
    assert lueker_kappa(1e300) == pytest.approx(2e300)  # the closed upper end is accepted


def test_lueker_kappa_refuses_c_outside_its_range_by_name():
    with pytest.raises(InvalidArgument, match=r"^C must be >= -1\.0, got C=-2$"):
        lueker_kappa(-2)
    with pytest.raises(InvalidArgument, match=r"^C must be >= -1\.0, got C=-1\.5$"):
        lueker_kappa(-1.5)
    with pytest.raises(InvalidArgument, match=r"^C must be <= 1e\+300, got C=1e\+301$"):
        lueker_kappa(1e301)
    with pytest.raises(InvalidType, match=r"^C must be a real number"):
        lueker_kappa("x")


# ---------------------------------------------------------------- n1_failure_probability

def test_n1_failure_probability_by_exact_measure_of_the_covering_set():
    """q(1, eps) = 1 - |{x in [-1, 1]: 1 - eps <= x <= 2 eps}| / 2 (for eps < 1), computed with Fractions."""
    for eps in [Fraction(k, 60) for k in range(1, 60)]:
        lo, hi = max(Fraction(-1), 1 - eps), min(Fraction(1), 2 * eps)
        q = 1 - max(Fraction(0), hi - lo) / 2
        assert n1_failure_probability(eps) == q, eps
    for eps in (Fraction(1), Fraction(7, 5), 2):
        assert n1_failure_probability(eps) == 0


def test_n1_failure_probability_names_its_argument():
    with pytest.raises(InvalidArgument, match=r"^eps is not a finite rational, got eps='x'$"):
        n1_failure_probability("x")


# ---------------------------------------------------------------- agreement

def test_agreement_accepts_touching_intervals():
    """Ties count as agreement: a degenerate t interval {1} touching CP's upper end 1 (k = n), and {0} touching
    CP's lower end 0 (k = 0)."""
    top = agreement({"replication_estimates": [1.0, 1.0, 1.0]}, 40, 40)
    assert top["split_ci"] == [1.0, 1.0] and top["plain_ci"][1] == 1.0 and top["agree"] is True
    bottom = agreement({"replication_estimates": [0.0, 0.0, 0.0]}, 0, 40)
    assert bottom["split_ci"] == [0.0, 0.0] and bottom["plain_ci"][0] == 0.0 and bottom["agree"] is True


def test_agreement_plain_interval_is_clopper_pearson_at_one_minus_5e_7():
    alpha = 5e-7
    for k, n in ((0, 10), (3, 10), (100, 1000), (10, 10)):
        out = agreement({"replication_estimates": [0.1, 0.2]}, k, n)
        lo = 0.0 if k == 0 else stats.beta.ppf(alpha / 2, k, n - k + 1)
        hi = 1.0 if k == n else stats.beta.ppf(1 - alpha / 2, k + 1, n - k)
        assert out["plain_ci"] == [pytest.approx(lo, rel=1e-9, abs=1e-15), pytest.approx(hi, rel=1e-9)]
    one = agreement({"replication_estimates": [0.5]}, 1, 1)  # trials = 1 is allowed
    assert one["plain_q"] == 1.0 and one["plain_trials"] == 1
    assert agreement({"replication_estimates": [0.5, 0.5]}, 0, 1)["plain_failures"] == 0  # 0 failures allowed


def test_agreement_argument_errors_name_the_argument():
    est = {"replication_estimates": [0.1, 0.2]}
    with pytest.raises(InvalidType, match=r"^split_est must be a mapping, got split_est="):
        agreement([0.1], 1, 10)
    with pytest.raises(InvalidArgument, match=r"^split_est must be a RareEstimate\.to_dict\(\) "
                                              r"\(no 'replication_estimates'\)$"):
        agreement({"q_hat": 0.1}, 1, 10)
    with pytest.raises(InvalidArgument, match=r"^trials must be >= 1, got trials=0$"):
        agreement(est, 0, 0)
    with pytest.raises(InvalidArgument, match=r"^trials must be >= 1, got trials=-1$"):
        agreement(est, 0, -1)  # refused as trials, before the failures' range [0, trials] is checked
    with pytest.raises(InvalidArgument, match=r"^successes_fail must be >= 0, got successes_fail=-1$"):
        agreement(est, -1, 10)
    with pytest.raises(InvalidArgument, match=r"^successes_fail must be <= 10, got successes_fail=11$"):
        agreement(est, 11, 10)


# ---------------------------------------------------------------- threshold_delta_eps

def test_threshold_reports_its_seed_and_refuses_other_types():
    rows = [{"m": 10, "q_hat": 0.001, "ci_low": 0.0, "ci_high": 0.002, "nonzero_replications": 8}]
    est = _FakeEstimate(eps=0.01, tail=lambda: rows, target_interval=(-1.0, 1.0), n=10, replications=8,
                        runs_per_replication=50, seed_entropy="12345")
    out = threshold_delta_eps(est)
    assert out["seed_entropy"] == "12345" and out["n_star"] == 10
    with pytest.raises(InvalidType, match=r"^est must be a "):
        threshold_delta_eps({"eps": 0.01})


# ---------------------------------------------------------------- fit_slope_ln

def test_fit_slope_interval_uses_n_minus_2_degrees_of_freedom():
    """Three points (1, 5), (2, 8), (3, 13): slope 4, residuals (1, -2, 1)/3, s^2 = 2/3, stderr = sqrt(1/3);
    with 1 df the t quantile is Cauchy's: tan(pi (0.975 - 1/2))."""
    out = fit_slope_ln([{"ln_inv_eps": x, "n_star": y} for x, y in ((1, 5), (2, 8), (3, 13))])
    se = math.sqrt(1 / 3)
    t = math.tan(math.pi * 0.475)
    assert out["K_stderr"] == pytest.approx(se, rel=1e-12)
    assert out["K_ci95"] == [pytest.approx(4 - t * se, rel=1e-9), pytest.approx(4 + t * se, rel=1e-9)]
    pts = [(0.5, 3), (1.5, 4), (2.0, 9), (3.5, 8), (4.0, 12)]
    ref = stats.linregress(*zip(*pts))
    out = fit_slope_ln([{"ln_inv_eps": x, "n_star": y} for x, y in pts])
    tq = stats.t.ppf(0.975, 3)
    assert out["K_ci95"] == [pytest.approx(ref.slope - tq * ref.stderr), pytest.approx(ref.slope + tq * ref.stderr)]


# ---------------------------------------------------------------- tail_rate

def _rate_est(levels, reps, nonzero):
    tail = [{"nonzero_replications": z} for z in nonzero]
    return _FakeEstimate(plan=SimpleNamespace(levels=levels), tail=lambda: tail, rep_level_estimates=reps)


def test_tail_rate_levels_with_exactly_min_nonzero_are_resolved():
    levels = [3, 5, 7]
    reps = [[c * 2.0 ** -m for m in levels] for c in (1.0, 0.5, 2.0)]
    out = tail_rate(_rate_est(levels, reps, [MIN_NONZERO] * 3))
    assert out["m_range"] == [3, 7] and out["rate_per_sample"] == pytest.approx(math.log(2), rel=1e-9)


def test_tail_rate_has_a_jackknife_interval_from_three_replications():
    levels = [2, 4, 6]
    reps = [[1.0, 0.5, 0.1], [1.0, 0.3, 0.2], [1.0, 0.4, 0.05]]
    out = tail_rate(_rate_est(levels, reps, [3, 3, 3]))

    def rate(rows):  # least squares slope of ln(mean) on m, by the normal equations
        y = [math.log(sum(r[j] for r in rows) / len(rows)) for j in range(3)]
        mx, my = sum(levels) / 3, sum(y) / 3
        return -sum((m - mx) * (v - my) for m, v in zip(levels, y)) / sum((m - mx) ** 2 for m in levels)

    jack = [rate(reps[:r] + reps[r + 1:]) for r in range(3)]
    mj = sum(jack) / 3
    se = math.sqrt(2 / 3 * sum((j - mj) ** 2 for j in jack))
    t = stats.t.ppf(0.975, 2)
    assert out["rate_per_sample"] == pytest.approx(rate(reps), rel=1e-9)
    assert out["rate_stderr"] == pytest.approx(se, rel=1e-9)
    assert out["rate_ci95"] == [pytest.approx(rate(reps) - t * se, rel=1e-9),
                                pytest.approx(rate(reps) + t * se, rel=1e-9)]


def test_tail_rate_without_levels_still_reports_ln2():
    one = tail_rate(_rate_est([4, 6], [[0.1, 0.01]] * 3, [8, 0]))
    assert one["ln2"] == math.log(2) and set(one) == {"rate_per_sample", "factor_per_sample", "m_range",
                                                      "replications", "ln2"}


def test_tail_rate_zero_mean_in_a_jackknife_subset_is_nan_without_warnings():
    """One replication alone reaches the last level: the full mean is > 0, leaving it out gives mean 0, whose
    rate is NaN (no log of 0 is taken), so there is no jackknife interval."""
    levels = [2, 4, 6]
    reps = [[1.0, 0.5, 0.2], [1.0, 0.4, 0.0], [1.0, 0.3, 0.0]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = tail_rate(_rate_est(levels, reps, [3, 3, 3]))
    assert math.isfinite(out["rate_per_sample"]) and "rate_ci95" not in out and "rate_stderr" not in out


def test_tail_rate_argument_errors_name_the_argument():
    with pytest.raises(InvalidType, match=r"^est must be a "):
        tail_rate(SimpleNamespace())
    with pytest.raises(InvalidType, match=r"^m_from must be an integer, got m_from="):
        tail_rate(_rate_est([4, 6], [[0.1, 0.01]] * 3, [8, 8]), m_from="x")


# ---------------------------------------------------------------- radius_criterion

_XS = [0.5, 0.25, -0.75]  # subset sums {-3/4, ..., 3/4} in steps 1/4: radius on [-1, 1] is exactly 1/4
_RHO = Fraction(1, 4)


def _engine(radius, bracket=None, calls=None):
    """A stand-in covering_radius: ``radius`` in exact mode (floor None); with a floor, ``bracket`` =
    (low, high, censored) or the real engine's floored answer when None."""

    def fake(xs, *, interval=(-1.0, 1.0), floor=None, **kw):
        if calls is not None:
            calls.append(floor)
        if floor is None:
            return SimpleNamespace(value=radius, low=radius, high=radius, censored=False)
        if bracket is None:
            return covering_radius(xs, interval=interval, floor=floor, **kw)
        low, high, censored = bracket
        return SimpleNamespace(low=low, high=high, censored=censored)
    return fake


def test_radius_criterion_exact_radius_by_hand(monkeypatch):
    assert covering_radius(_XS).value == _RHO
    monkeypatch.setattr(checks, "covering_radius", _engine(_RHO, (0.0, 1.0, False)))
    assert radius_criterion(_XS) is True


@pytest.mark.parametrize("wrong", [_RHO / (1 - Fraction(1, 2**40)), _RHO / (1 - Fraction(1, 2**41)),
                                   _RHO / (1 - Fraction(1, 3**40)), 2 * _RHO])
def test_radius_criterion_rejects_a_radius_too_large_by_a_tiny_factor(monkeypatch, wrong):
    """The rule tests coverage at rho (1 - 2^-40): a claimed radius r with r (1 - 2^-40) >= rho (true radius
    1/4) still covers there and is rejected (r = rho / (1 - 2^-40), 2 rho); r = rho / (1 - 2^-41) and
    rho / (1 - 3^-40) lie within the tested resolution and are accepted."""
    monkeypatch.setattr(checks, "covering_radius", _engine(wrong, (0.0, 1.0, False)))
    within_resolution = wrong * (1 - Fraction(1, 2**40)) < _RHO
    assert radius_criterion(_XS) is within_resolution


def test_radius_criterion_rejects_a_radius_too_small(monkeypatch):
    monkeypatch.setattr(checks, "covering_radius", _engine(_RHO * (1 - Fraction(1, 2**50)), (0.0, 1.0, False)))
    assert radius_criterion(_XS) is False


def test_radius_criterion_decides_on_the_given_interval():
    """On [0, 2] with xs (1/2, 3/4): sums {0, 1/2, 3/4, 5/4}, the radius 3/4 is set by z = 2 (beyond 1); on
    [-1/2, 1/2] with xs (-1/2, 1/8): sums {-1/2, -3/8, 0, 1/8}, radius 3/8 set by z = 1/2."""
    assert covering_radius([0.5, 0.75], interval=(0.0, 2.0)).value == Fraction(3, 4)
    assert radius_criterion([0.5, 0.75], interval=(0.0, 2.0)) is True
    assert covering_radius([-0.5, 0.125], interval=(-0.5, 0.5)).value == Fraction(3, 8)
    assert radius_criterion([-0.5, 0.125], interval=(-0.5, 0.5)) is True


def test_radius_criterion_float_bracket_at_floor_a_quarter_of_rho(monkeypatch):
    calls = []
    monkeypatch.setattr(checks, "covering_radius", _engine(_RHO, calls=calls))
    assert radius_criterion(_XS) is True
    assert calls == [None, 0.0625]  # the exact radius, then the float bracket at floor rho / 4


@pytest.mark.parametrize("bracket, ok", [((0.25, 0.5, False), True), ((0.1, 0.25, False), True),
                                         ((0.26, 0.5, False), False), ((0.1, 0.24, False), False),
                                         ((0.0, 1.0, True), False)])
def test_radius_criterion_float_bracket_must_contain_rho(monkeypatch, bracket, ok):
    """Closed bracket ends: rho = low or rho = high is accepted; a bracket missing rho, or a censored one,
    is rejected even though the exact decisions are right."""
    monkeypatch.setattr(checks, "covering_radius", _engine(_RHO, bracket))
    assert radius_criterion(_XS) is ok


def test_radius_criterion_wrong_exact_radius_fails_even_with_a_good_bracket(monkeypatch):
    monkeypatch.setattr(checks, "covering_radius", _engine(2 * _RHO, (0.0, 1.0, False)))
    assert radius_criterion(_XS) is False


def test_radius_criterion_names_its_argument():
    with pytest.raises(InvalidType, match=r"^xs must be a sequence of real numbers, got xs='x'"):
        radius_criterion("x")
    with pytest.raises(InvalidArgument, match=r"^xs must be finite"):
        radius_criterion([float("nan")])
