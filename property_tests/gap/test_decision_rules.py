"""The gap domain's Monte Carlo decision rules on synthetic inputs with hand-computed expected values.

Empirical Bernstein (Maurer–Pontil 2009, Thm 4) is evaluated by hand at tiny samples; the expected-error rule is
fed means on both sides of pi/(8(n+1)); the power text is read for both cases.  Targeted tests of
``benchmarks/mutation.py --only gap-checks`` (with ``test_known_holes.py`` and ``test_theorem_a_power.py``).
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.gap.checks import check_expected_error, empirical_bernstein_upper
from pybridge.gap.evidence import power_text, verdict_of


def test_empirical_bernstein_by_hand():
    lg = math.log(2 / 0.02)  # ln 100
    # x = (0, 1): mean 1/2, sample variance 1/2, N = 2
    assert empirical_bernstein_upper([0.0, 1.0], 0.02) == pytest.approx(0.5 + math.sqrt(2 * 0.5 * lg / 2) + 7 * lg / 3,
                                                                       rel=1e-12)
    # x = (0.2, 0.4, 0.6): mean 0.4, variance 0.04, N = 3
    assert empirical_bernstein_upper([0.2, 0.4, 0.6], 0.02) == pytest.approx(
        0.4 + math.sqrt(2 * 0.04 * lg / 3) + 7 * lg / 6, rel=1e-12)
    # one observation: variance taken as 1 and N - 1 as 1
    assert empirical_bernstein_upper([0.3], 0.02) == pytest.approx(0.3 + math.sqrt(2 * lg) + 7 * lg / 3, rel=1e-12)
    # the bound is on the mean of the sample (order does not matter)
    assert empirical_bernstein_upper([0.0, 1.0], 0.5) == pytest.approx(empirical_bernstein_upper([1.0, 0.0], 0.5))


@pytest.mark.parametrize("x", [[-0.1, 0.5], [0.5, 1.2], []])
def test_empirical_bernstein_needs_values_in_the_unit_interval(x):
    with pytest.raises(InvalidArgument):
        empirical_bernstein_upper(x, 0.1)
    with pytest.raises(InvalidArgument, match="alpha"):
        empirical_bernstein_upper([0.5, 0.5], 1.5)


def _result(errors, n):
    errors = np.asarray(errors, dtype=float)
    return SimpleNamespace(spec=SimpleNamespace(n=n, d=2), error_lower=errors, certificate=errors,
                           estimate=SimpleNamespace(seed_entropy="synthetic"))


def test_expected_error_rule_on_both_sides_of_the_bound():
    n = 4
    b = math.pi / (8 * (n + 1))  # 0.0785...
    x = np.full(100, b)
    [chk] = check_expected_error(_result(x, n))
    assert chk.verdict == "holds" and chk.claim_id == "expected-optimal-error" and chk.method == "monte-carlo"
    d = chk.details
    assert (chk.bound, chk.estimate, chk.trials, chk.direction) == (d["bound_pi_over_8_n_plus_1"],
                                                                    d["mean_rf_optimum"], 100, "at least")
    assert d["bound_pi_over_8_n_plus_1"] == pytest.approx(b, rel=1e-12)
    assert d["trials"] == 100 and d["mean_rf_optimum"] == pytest.approx(b) and d["mean_over_bound"] == pytest.approx(1)
    # E[1/2 tan(eta_min/2)] for eta_min = min of n i.i.d. Uniform[0, pi/2]: quadrature of the density by hand
    grid = np.linspace(0, math.pi / 2, 200001)
    dens = 0.5 * np.tan(grid / 2) * n * (2 / math.pi) * (1 - 2 * grid / math.pi) ** (n - 1)
    assert d["exact_E_certificate"] == pytest.approx(np.trapezoid(dens, grid), rel=1e-8)
    assert d["exact_E_certificate"] >= b  # the corollary's chain: E[cert] >= pi/(8(n+1))
    # a mean far below the bound with no spread: the upper confidence bound falls below it
    low = np.full(20000, b / 20)
    assert check_expected_error(_result(low, n))[0].verdict == "violated"
    # values above 1 are clipped to 1 (the LP value of an error in [0, 1])
    assert check_expected_error(_result(np.full(50, 3.0), n))[0].details["mean_rf_optimum"] == 1.0


def test_verdict_rule_and_no_registry_facts_in_the_records():
    assert verdict_of(True) == "holds" and verdict_of(np.bool_(True), consistent=True) == "consistent"
    assert verdict_of(np.bool_(False)) == "violated" and verdict_of(False, consistent=True) == "violated"
    with pytest.raises(InvalidType, match="ok"):
        verdict_of(np.zeros(2))  # an array has no truth value: refused, not guessed
    # statement, model, source and tag are the registry's: a record never carries them
    [chk] = check_expected_error(_result(np.full(50, 0.1), 4))
    assert not {"statement", "model", "source", "tag"} & set(chk.details)
    assert not {"statement", "model", "source", "tag"} & set(chk.to_dict())


def test_power_text_states_the_excess_or_no_power():
    assert power_text(None).startswith("no power: no true frequency <= 1 is rejected with probability 0.9")
    assert power_text(0.0584) == ("power: rejects with probability >= 0.9 if the true frequency exceeds the bound "
                                   "by >= 0.058")
