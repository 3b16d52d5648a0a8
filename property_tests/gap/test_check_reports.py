"""What the gap checks report: the record fields and details, the numbers of the power statements, the verdict
rules at their boundaries, and that no record retypes its claim's statement, model or source (the registry's).

Synthetic inputs (``SimpleNamespace`` stand-ins for a Monte Carlo result) with expected values computed by hand
from the closed forms: empirical Bernstein (Maurer-Pontil 2009, Thm 4), its floor 7 ln(2/alpha)/(3(N-1)), Theorem
A's value 1 - (1 - 4 arctan(2 eps)/pi)^n.  The certificate-event check runs at a few hundred networks (a few
milliseconds each).  Targeted tests of ``benchmarks/mutation.py --only gap-checks`` (issue 10 §3).
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

import pybridge.gap.theorem_a_checks as checks
from pybridge.claims.registry import derive_status
from pybridge.domains import registry
from pybridge.gap.checks import check_expected_error, check_theorem_a_certificate_event, empirical_bernstein_upper
from pybridge.gap.evidence import row_power
from pybridge.gap.networks import make_target
from pybridge.gap.streams import Stream
from pybridge.runtime import seeding
from pybridge.stats.power import detectable_deviation

CLAIMS = registry()
ALPHA = 1e-6
LG = math.log(2 / ALPHA)  # ln(2/alpha) of the empirical-Bernstein bound
N_UNITS = 4
B = math.pi / (8 * (N_UNITS + 1))  # pi/(8(n+1)) = 0.0785...
ROOT = np.random.SeedSequence(20261203)
REGISTRY_FACTS = {"statement", "model", "source", "tag"}


def _result(errors, n=N_UNITS, d=2, certificate=None):
    errors = np.asarray(errors, dtype=float)
    cert = errors if certificate is None else np.asarray(certificate, dtype=float)
    return SimpleNamespace(spec=SimpleNamespace(n=n, d=d), error_lower=errors, certificate=cert,
                           estimate=SimpleNamespace(seed_entropy="12345"))


def _floor(trials):
    return 7 * LG / (3 * (trials - 1))


def _no_registry_facts(chk):
    """A record names its claim by id only: the statement, model, source and tag are read from the registry."""
    assert chk.claim_id in CLAIMS
    assert not REGISTRY_FACTS & set(chk.details) and not REGISTRY_FACTS & set(chk.to_dict())


# --------------------------------------------------------------------------- expected-optimal-error


def test_expected_error_data_and_power_by_hand():
    x = np.tile([0.05, 0.1], 1000)  # N = 2000, mean 0.075 < pi/(8(n+1)) = 0.0785
    big_n = x.size
    var = 0.025 ** 2 * big_n / (big_n - 1)  # sample variance (ddof = 1) of an alternating pair
    ucb = 0.075 + math.sqrt(2 * var * LG / big_n) + _floor(big_n)
    cert = np.full(big_n, 0.2)
    cert[0] = np.nan  # a trial without a certificate is left out of its mean
    [chk] = check_expected_error(_result(x, certificate=cert))
    assert chk.claim_id == "expected-optimal-error" and chk.method == "monte-carlo" and chk.verdict == "holds"
    d = chk.details
    assert set(d) == {"n", "d", "trials", "mean_rf_optimum", "upper_confidence_bound", "bound_pi_over_8_n_plus_1",
                      "mean_over_bound", "mean_certificate", "exact_E_certificate", "seed_entropy"}
    assert (d["n"], d["d"], d["trials"], d["seed_entropy"]) == (N_UNITS, 2, big_n, "12345")
    assert d["mean_rf_optimum"] == pytest.approx(0.075, rel=1e-12) and chk.estimate == d["mean_rf_optimum"]
    assert d["upper_confidence_bound"] == pytest.approx(ucb, rel=1e-12)
    assert d["bound_pi_over_8_n_plus_1"] == pytest.approx(B, rel=1e-15) and chk.bound == d["bound_pi_over_8_n_plus_1"]
    assert (chk.direction, chk.trials, chk.alpha) == ("at least", big_n, ALPHA)
    assert d["mean_over_bound"] == pytest.approx(0.075 / B, rel=1e-12)
    assert d["mean_certificate"] == pytest.approx(0.2, rel=1e-12)
    floor = _floor(big_n)
    p = chk.power
    assert set(p.detectable) == {"bound_floor", "max_mean_that_can_reject", "trials_needed_for_any_power"}
    assert (p.alpha, p.trials, p.level) == (ALPHA, big_n, 0.9) and not p.no_power
    assert p.detectable["bound_floor"] == pytest.approx(floor, rel=1e-12)
    assert p.detectable["max_mean_that_can_reject"] == pytest.approx(B - floor, rel=1e-12)
    # the smallest N whose floor 7 ln(2/alpha)/(3(N-1)) is below pi/(8(n+1)): N - 1 > 431.04
    assert p.detectable["trials_needed_for_any_power"] == 433
    assert _floor(433) < B <= _floor(432)
    # the setting names the instance; the note the ratio and the certificate's mean and exact expectation
    assert chk.setting.startswith("M0, law G, d = 2, n = 4, 2000 networks")
    assert chk.note.startswith("Mean RF optimum = 0.95 x pi/(8(n+1)); mean certificate 0.2000 (exact "
                               "E[1/2 tan(eta_min/2)] = ")
    assert p.statement == (f"Power: the bound can fall below pi/(8(n+1)) only if the sample mean is below "
                           f"{B - floor:.4f} (floor {floor:.4f} of the bound).")
    assert f"{B - floor:.4f}" == "0.0616" and f"{floor:.4f}" == "0.0169"
    assert f"upper confidence bound {ucb:.4f} on [0, 1]" in chk.test
    # the power record's test is the rule the record's test states, its method the theorem the test cites
    cite = "(Maurer-Pontil 2009, Thm 4)"
    assert f"empirical Bernstein {cite}" in chk.test and p.method.endswith(" " + cite)
    assert "falls below pi/(8(n+1))" in chk.test and p.test.endswith("bound below pi/(8(n+1))")
    assert p.test.startswith("empirical-Bernstein ")
    _no_registry_facts(chk)


def test_expected_error_without_power_states_the_trials_needed():
    [chk] = check_expected_error(_result(np.full(16, 0.5)))
    p = chk.power
    floor = _floor(16)  # 2.25 > pi/(8(n+1)): no sample can reject
    assert p.detectable["max_mean_that_can_reject"] is None
    assert p.detectable["bound_floor"] == pytest.approx(floor, rel=1e-12)
    assert p.detectable["trials_needed_for_any_power"] == 433
    assert p.statement == (f"Power: none at this budget: the bound can never fall below {floor:.4f} (its term "
                           "7 ln(2/alpha)/(3(N-1)) with N = 16) > pi/(8(n+1)), so no sample rejects; at least 433 "
                           "networks would be needed for any power (the range [0, 1] is loose for errors near 0.02).")


def test_expected_error_floor_for_one_and_two_networks():
    one = check_expected_error(_result([0.5]))[0].power
    assert one.detectable["bound_floor"] == math.inf and one.detectable["max_mean_that_can_reject"] is None
    assert "with N = 1)" in one.statement  # N = 1: the bound is never below 1
    two = check_expected_error(_result([0.5, 0.5]))[0].power
    assert two.detectable["bound_floor"] == pytest.approx(7 * LG / 3, rel=1e-12)
    assert two.detectable["max_mean_that_can_reject"] is None


def test_expected_error_power_boundary_floor_equal_to_the_bound(monkeypatch):
    # b equal to the floor exactly: the bound (>= its floor) can never fall below b, so there is no power
    big_n = 1000
    floor = _floor(big_n)
    monkeypatch.setattr(checks, "expected_error_lower", lambda n: floor)
    [chk] = check_expected_error(_result(np.zeros(big_n)))
    p = chk.power
    assert p.detectable["max_mean_that_can_reject"] is None
    assert p.statement.startswith("Power: none at this budget")
    # the sample of zeros attains the floor: upper bound == b is not a rejection
    assert chk.details["upper_confidence_bound"] == floor and chk.verdict == "holds"


def test_expected_error_verdict_boundary(monkeypatch):
    x = np.tile([0.05, 0.1], 1000)
    ucb = empirical_bernstein_upper(x, ALPHA)
    monkeypatch.setattr(checks, "expected_error_lower", lambda n: ucb)
    assert check_expected_error(_result(x))[0].verdict == "holds"  # upper bound == b: not below b
    monkeypatch.setattr(checks, "expected_error_lower", lambda n: math.nextafter(ucb, 1.0))
    assert check_expected_error(_result(x))[0].verdict == "violated"


def test_expected_error_clips_lp_values_into_the_unit_interval():
    # an LP value slightly negative (solver tolerance) or above 1 is clipped into [0, 1] before the bound
    d = check_expected_error(_result([-0.5, 0.5, 1.5, 0.0]))[0].details
    assert d["mean_rf_optimum"] == pytest.approx(0.375, rel=1e-12)
    x = np.array([0.0, 0.5, 1.0, 0.0])
    assert d["upper_confidence_bound"] == pytest.approx(empirical_bernstein_upper(x, ALPHA), rel=1e-12)


def test_expected_error_names_its_instance_and_leaves_the_claim_to_the_registry():
    [chk] = check_expected_error(_result(np.full(50, 0.1), n=7, d=3))
    claim = CLAIMS[chk.claim_id]
    _no_registry_facts(chk)
    assert claim.model.startswith("M0, law G, ") and chk.setting.startswith("M0, law G, d = 3, n = 7, 50 networks")
    # the bound the test compares with is the right-hand end of the registered chain
    assert "".join(claim.statement.split()).rstrip(".").endswith("=pi/(8(n+1))") and "pi/(8(n+1))" in chk.test
    assert derive_status(chk.claim_id, checks=[chk]) == "checked by Monte Carlo"


def test_empirical_bernstein_takes_a_matrix_of_observations():
    x = np.array([[0.2, 0.4], [0.6, 0.4]])
    assert empirical_bernstein_upper(x, 0.02) == pytest.approx(empirical_bernstein_upper(x.ravel(), 0.02),
                                                               rel=1e-15)
    assert empirical_bernstein_upper(x, 0.02) == pytest.approx(
        0.4 + math.sqrt(2 * (0.08 / 3) * math.log(100) / 4) + 7 * math.log(100) / 9, rel=1e-12)


# --------------------------------------------------------------------------- theorem-a: certificate event


def _hits_by_hand(root, spawn_key, n, eps, trials):
    """The certificate event counted from the recorded seed: the target, then the hidden weights, are drawn from
    ``child_rng(root, *spawn_key)``; eta_i is the angle between the lines R u_i and R w*, via arccos."""
    rng = seeding.child_rng(root, *spawn_key)
    w = make_target("random", 2, rng=rng).w
    u = rng.standard_normal((trials, n, 2))
    cos = np.abs(u @ w) / np.linalg.norm(u, axis=2)
    eta_min = np.arccos(np.minimum(cos, 1.0)).min(axis=1)
    return int(np.sum(0.5 * np.tan(eta_min / 2) < eps))


@pytest.mark.parametrize("n, eps, trials", [(10, 0.05, 400), (6, 0.02, 300), (3, 0.1, 200)])
def test_certificate_event_data_reproduce_from_the_recorded_seed(n, eps, trials):
    [chk] = check_theorem_a_certificate_event(n, eps, trials, ROOT)
    d = chk.details
    assert set(d) == {"n", "eps", "trials", "hits", "expected", "rejected", "detectable_deviation_p90", "alpha",
                      "seed_entropy", "spawn_key"}
    assert (d["n"], d["eps"], d["trials"], d["alpha"]) == (n, eps, trials, ALPHA)
    # the certificate-event test keeps its stream 20 (the B0 all-scalings frequency moved off it, issue 20)
    assert d["seed_entropy"] == str(ROOT.entropy) and list(d["spawn_key"]) == [20, 0] == [Stream.CERTIFICATE_EVENT, 0]
    hits = _hits_by_hand(ROOT, d["spawn_key"], n, eps, trials)
    assert d["hits"] == hits
    expected = 1 - (1 - 4 * math.atan(2 * eps) / math.pi) ** n  # eta_eps = 2 arctan(2 eps)
    assert d["expected"] == pytest.approx(expected, rel=1e-12)
    assert d["rejected"] is False and chk.verdict == "holds" and chk.note.endswith("not rejected.")
    assert (chk.first_value, chk.first_trials, chk.second_value, chk.alpha) == (hits / trials, trials, d["expected"],
                                                                                 ALPHA)
    assert chk.difference == hits / trials - d["expected"]
    dev = detectable_deviation(expected, trials, alpha=ALPHA, power=0.9)
    assert d["detectable_deviation_p90"] == dev
    p = chk.power
    assert (p.alpha, p.trials, p.level, p.detectable["detectable_deviation_p90"], p.no_power) == \
        (ALPHA, trials, 0.9, dev, False)
    assert p.statement == (f"Power: detects with probability >= 0.9 a true frequency above the value by >= "
                           f"{dev['above']:.3f} or below it by >= {dev['below']:.3f}.")
    # the power record names the test the record states, and the method of the other binomial-tail checks
    assert p.test == chk.test == "two-sided exact binomial test, equal tails"
    row = {"n": n, "eps": eps, "pruning": "rf", "trials": trials, "detectable_excess_p90": 0.1}
    assert p.method == row_power(row).method
    assert derive_status("theorem-a", checks=[chk]) == "checked by Monte Carlo"


def test_certificate_event_rejection_is_reported(monkeypatch):
    # every network a hit (certificate 0 < eps): far above the value, the test rejects
    monkeypatch.setattr(checks, "theorem_a_certificate", lambda p, q: (0.0, 0.0))
    [chk] = check_theorem_a_certificate_event(10, 0.05, 200, ROOT)
    assert chk.verdict == "violated" and chk.details["rejected"] is True and chk.details["hits"] == 200
    assert chk.first_value == 1.0 and chk.note.endswith(": REJECTED.")
    assert derive_status("theorem-a", checks=[chk]) == "violated"


def test_certificate_event_is_strict(monkeypatch):
    # a certificate equal to eps is not the event 1/2 tan(eta_min/2) < eps
    monkeypatch.setattr(checks, "theorem_a_certificate", lambda p, q: (0.1, 0.05))
    d = check_theorem_a_certificate_event(10, 0.05, 50, ROOT)[0].details
    assert d["hits"] == 0 and d["rejected"] is True


def test_certificate_event_names_the_event_and_leaves_the_claim_to_the_registry():
    [chk] = check_theorem_a_certificate_event(5, 0.05, 100, ROOT)
    claim = CLAIMS[chk.claim_id]
    assert chk.claim_id == "theorem-a" and chk.method == "monte-carlo"
    _no_registry_facts(chk)
    formula = "1 - (1 - 2 eta_eps/pi)^n"
    assert formula in claim.statement and chk.second == f"exact value {formula}"
    event = "1/2 tan(eta_min/2) < eps"
    assert chk.setting.startswith(f"certificate event {event}: law G, d = 2, ") and chk.quantity == f"Pr[{event}]"
    law = "Uniform[0, pi/2]"
    assert law in CLAIMS["kink-angle-law"].statement and f"i.i.d. {law} (claim kink-angle-law)" in chk.note
    assert claim.model.startswith("M0, law G ")
