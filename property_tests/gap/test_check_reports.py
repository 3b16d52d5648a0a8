"""What the gap checks report: the data keys, the numbers of the evidence and power sentences, the verdict rules at
their boundaries, and the agreement of each check's statement, model, source and tag with the registered claim.

Synthetic inputs (``SimpleNamespace`` stand-ins for a Monte Carlo result) with expected values computed by hand
from the closed forms: empirical Bernstein (Maurer-Pontil 2009, Thm 4), its floor 7 ln(2/alpha)/(3(N-1)), Theorem
A's value 1 - (1 - 4 arctan(2 eps)/pi)^n.  The certificate-event check runs at a few hundred networks (a few
milliseconds each).  Targeted tests of ``benchmarks/mutation.py --only gap-checks`` (issue 10 §3).
"""

from __future__ import annotations

import math
import re
from types import SimpleNamespace

import numpy as np
import pytest

import pybridge.gap.checks as checks
from pybridge.claims import TAGS
from pybridge.claims.registry import derive_status
from pybridge.domains import registry
from pybridge.gap.checks import (_rows_power, check_expected_error, check_theorem_a_certificate_event,
                                 empirical_bernstein_upper)
from pybridge.gap.networks import make_target
from pybridge.runtime import seeding
from pybridge.stats.power import detectable_deviation

CLAIMS = registry()
ALPHA = 1e-6
LG = math.log(2 / ALPHA)  # ln(2/alpha) of the empirical-Bernstein bound
N_UNITS = 4
B = math.pi / (8 * (N_UNITS + 1))  # pi/(8(n+1)) = 0.0785...
ROOT = np.random.SeedSequence(20261203)


def _result(errors, n=N_UNITS, d=2, certificate=None):
    errors = np.asarray(errors, dtype=float)
    cert = errors if certificate is None else np.asarray(certificate, dtype=float)
    return SimpleNamespace(spec=SimpleNamespace(n=n, d=d), error_lower=errors, certificate=cert,
                           estimate=SimpleNamespace(seed_entropy="12345"))


def _floor(trials):
    return 7 * LG / (3 * (trials - 1))


def _source_agrees_with_registry(chk):
    """``data['source']`` is 'theory §<section> <where> (<TAG>[, note])', the registry's section and tag."""
    claim = CLAIMS[chk.claim_id]
    m = re.fullmatch(r"theory (§\d+(?:\.\d+)*) (.+?) \((" + "|".join(TAGS) + r")(?:, [^)]*)?\)", chk.data["source"])
    assert m, chk.data["source"]
    assert claim.source.paper == "THEORY" and claim.source.location.startswith(f"{m.group(1)} {m.group(2)}")
    assert m.group(3) == chk.data["tag"] == claim.tag


# --------------------------------------------------------------------------- expected-optimal-error


def test_expected_error_data_and_power_by_hand():
    x = np.tile([0.05, 0.1], 1000)  # N = 2000, mean 0.075 < pi/(8(n+1)) = 0.0785
    big_n = x.size
    var = 0.025 ** 2 * big_n / (big_n - 1)  # sample variance (ddof = 1) of an alternating pair
    ucb = 0.075 + math.sqrt(2 * var * LG / big_n) + _floor(big_n)
    cert = np.full(big_n, 0.2)
    cert[0] = np.nan  # a trial without a certificate is left out of its mean
    chk = check_expected_error(_result(x, certificate=cert))
    assert chk.claim_id == "expected-optimal-error" and chk.method == "monte-carlo" and chk.verdict == "holds"
    d = chk.data
    assert set(d) == {"statement", "model", "source", "tag", "n", "d", "trials", "mean_rf_optimum",
                      "upper_confidence_bound", "bound_pi_over_8_n_plus_1", "mean_over_bound", "mean_certificate",
                      "exact_E_certificate", "seed_entropy", "power"}
    assert (d["n"], d["d"], d["trials"], d["seed_entropy"]) == (N_UNITS, 2, big_n, "12345")
    assert d["mean_rf_optimum"] == pytest.approx(0.075, rel=1e-12)
    assert d["upper_confidence_bound"] == pytest.approx(ucb, rel=1e-12)
    assert d["bound_pi_over_8_n_plus_1"] == pytest.approx(B, rel=1e-15)
    assert d["mean_over_bound"] == pytest.approx(0.075 / B, rel=1e-12)
    assert d["mean_certificate"] == pytest.approx(0.2, rel=1e-12)
    floor = _floor(big_n)
    p = d["power"]
    assert set(p) == {"test", "alpha", "trials", "power", "bound_floor", "max_mean_that_can_reject",
                      "trials_needed_for_any_power", "method", "no_power", "text"}
    assert (p["alpha"], p["trials"], p["power"], p["no_power"]) == (ALPHA, big_n, 0.9, False)
    assert p["bound_floor"] == pytest.approx(floor, rel=1e-12)
    assert p["max_mean_that_can_reject"] == pytest.approx(B - floor, rel=1e-12)
    # the smallest N whose floor 7 ln(2/alpha)/(3(N-1)) is below pi/(8(n+1)): N - 1 > 431.04
    assert p["trials_needed_for_any_power"] == 433
    assert _floor(433) < B <= _floor(432)
    # the evidence: the numbers, then the power sentence (also stored as the power record's text)
    assert chk.evidence.startswith(f"M0, law G, d = 2, n = 4, 2000 networks: mean RF optimum 0.0750 = 0.95 x "
                                   f"pi/(8(n+1)) = 0.0785; mean certificate 0.2000 (exact E[1/2 tan(eta_min/2)] = ")
    assert p["text"] == (f"Power: the bound can fall below pi/(8(n+1)) only if the sample mean is below "
                         f"{B - floor:.4f} (floor {floor:.4f} of the bound).")
    assert f"{B - floor:.4f}" == "0.0616" and f"{floor:.4f}" == "0.0169"
    assert chk.evidence.endswith(f"at alpha = 1e-06 gives {ucb:.4f}. " + p["text"])
    # the power record's test is the rule of the evidence sentence, its method the theorem the evidence cites
    cite = "(Maurer-Pontil 2009, Thm 4)"
    assert f"empirical Bernstein {cite}" in chk.evidence and p["method"].endswith(" " + cite)
    assert "falls below pi/(8(n+1))" in chk.evidence and p["test"].endswith("bound below pi/(8(n+1))")
    assert p["test"].startswith("empirical-Bernstein ")


def test_expected_error_without_power_states_the_trials_needed():
    chk = check_expected_error(_result(np.full(16, 0.5)))
    p = chk.data["power"]
    floor = _floor(16)  # 2.25 > pi/(8(n+1)): no sample can reject
    assert p["no_power"] is True and p["max_mean_that_can_reject"] is None
    assert p["bound_floor"] == pytest.approx(floor, rel=1e-12) and p["trials_needed_for_any_power"] == 433
    assert p["text"] == (f"Power: none at this budget: the bound can never fall below {floor:.4f} (its term "
                         "7 ln(2/alpha)/(3(N-1)) with N = 16) > pi/(8(n+1)), so no sample rejects; at least 433 "
                         "networks would be needed for any power (the range [0, 1] is loose for errors near 0.02).")
    assert chk.evidence.endswith(" " + p["text"])


def test_expected_error_floor_for_one_and_two_networks():
    one = check_expected_error(_result([0.5])).data["power"]
    assert one["bound_floor"] == math.inf and one["no_power"] is True  # N = 1: the bound is never below 1
    assert "with N = 1)" in one["text"]
    two = check_expected_error(_result([0.5, 0.5])).data["power"]
    assert two["bound_floor"] == pytest.approx(7 * LG / 3, rel=1e-12) and two["no_power"] is True


def test_expected_error_power_boundary_floor_equal_to_the_bound(monkeypatch):
    # b equal to the floor exactly: the bound (>= its floor) can never fall below b, so there is no power
    big_n = 1000
    floor = _floor(big_n)
    monkeypatch.setattr(checks, "expected_error_lower", lambda n: floor)
    chk = check_expected_error(_result(np.zeros(big_n)))
    p = chk.data["power"]
    assert p["no_power"] is True and p["max_mean_that_can_reject"] is None
    assert p["text"].startswith("Power: none at this budget")
    # the sample of zeros attains the floor: upper bound == b is not a rejection
    assert chk.data["upper_confidence_bound"] == floor and chk.verdict == "holds"


def test_expected_error_verdict_boundary(monkeypatch):
    x = np.tile([0.05, 0.1], 1000)
    ucb = empirical_bernstein_upper(x, ALPHA)
    monkeypatch.setattr(checks, "expected_error_lower", lambda n: ucb)
    assert check_expected_error(_result(x)).verdict == "holds"  # upper bound == b: not below b
    monkeypatch.setattr(checks, "expected_error_lower", lambda n: math.nextafter(ucb, 1.0))
    assert check_expected_error(_result(x)).verdict == "violated"


def test_expected_error_clips_lp_values_into_the_unit_interval():
    # an LP value slightly negative (solver tolerance) or above 1 is clipped into [0, 1] before the bound
    d = check_expected_error(_result([-0.5, 0.5, 1.5, 0.0])).data
    assert d["mean_rf_optimum"] == pytest.approx(0.375, rel=1e-12)
    x = np.array([0.0, 0.5, 1.0, 0.0])
    assert d["upper_confidence_bound"] == pytest.approx(empirical_bernstein_upper(x, ALPHA), rel=1e-12)


def test_expected_error_statement_model_source_agree_with_the_registry():
    chk = check_expected_error(_result(np.full(50, 0.1), n=7, d=3))
    claim = CLAIMS[chk.claim_id]
    _source_agrees_with_registry(chk)
    d = chk.data
    assert d["model"].startswith("M0, law G, ") and claim.model.startswith("M0, law G, ")
    assert "d = 3, n = 7" in d["model"] and "M0, law G, d = 3, n = 7, 50 networks" in chk.evidence

    def chain(s):  # the inequality chain, white space and the parentheses around 1/2 removed
        return [t.replace("(1/2)", "1/2").rstrip(".") for t in "".join(s.split()).split(">=")]

    mine, registered = chain(d["statement"]), chain(claim.statement)
    assert len(mine) == len(registered) == 3
    assert mine[1:] == registered[1:]  # E[1/2 tan(eta_min/2)] >= E[eta_min]/4 = pi/(8(n+1))
    assert mine[0].startswith("E[") and registered[0].startswith("E[")  # the expected best error
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
    chk = check_theorem_a_certificate_event(n, eps, trials, ROOT)
    d = chk.data
    assert set(d) == {"statement", "model", "source", "tag", "n", "eps", "trials", "hits", "expected", "rejected",
                      "detectable_deviation_p90", "alpha", "power", "seed_entropy", "spawn_key"}
    assert (d["n"], d["eps"], d["trials"], d["alpha"]) == (n, eps, trials, ALPHA)
    assert d["seed_entropy"] == str(ROOT.entropy) and d["spawn_key"] == [20, 0]
    hits = _hits_by_hand(ROOT, d["spawn_key"], n, eps, trials)
    assert d["hits"] == hits
    expected = 1 - (1 - 4 * math.atan(2 * eps) / math.pi) ** n  # eta_eps = 2 arctan(2 eps)
    assert d["expected"] == pytest.approx(expected, rel=1e-12)
    assert d["rejected"] is False and chk.verdict == "holds"
    dev = detectable_deviation(expected, trials, alpha=ALPHA, power=0.9)
    assert d["detectable_deviation_p90"] == dev
    p = d["power"]
    assert (p["alpha"], p["trials"], p["power"], p["detectable_deviation_p90"], p["no_power"]) == \
        (ALPHA, trials, 0.9, dev, False)
    assert f": {hits}/{trials} = {hits / trials:.4f} against the exact value 1 - (1 - 2 eta_eps/pi)^n = " \
           f"{expected:.4f} (" in chk.evidence
    assert chk.evidence.endswith(f": not rejected). Power: detects with probability >= 0.9 a true frequency above "
                                 f"the value by >= {dev['above']:.3f} or below it by >= {dev['below']:.3f}.")
    assert p["text"] == chk.evidence[chk.evidence.index("Power:"):]
    # the power record names the test the evidence states, and the method of the other binomial-tail checks
    assert f"({p['test']}, false alarm <= {ALPHA:g}: " in chk.evidence
    row = {"n": n, "eps": eps, "pruning": "rf", "trials": trials, "detectable_excess_p90": 0.1}
    assert p["method"] == _rows_power([row])["method"]
    assert derive_status("theorem-a", checks=[chk]) == "checked by Monte Carlo"


def test_certificate_event_rejection_is_reported(monkeypatch):
    # every network a hit (certificate 0 < eps): far above the value, the test rejects
    monkeypatch.setattr(checks, "theorem_a_certificate", lambda p, q: (0.0, 0.0))
    chk = check_theorem_a_certificate_event(10, 0.05, 200, ROOT)
    assert chk.verdict == "violated" and chk.data["rejected"] is True and chk.data["hits"] == 200
    assert ": 200/200 = 1.0000 against" in chk.evidence and "false alarm <= 1e-06: REJECTED). Power:" in chk.evidence
    assert derive_status("theorem-a", checks=[chk]) == "violated"


def test_certificate_event_is_strict(monkeypatch):
    # a certificate equal to eps is not the event 1/2 tan(eta_min/2) < eps
    monkeypatch.setattr(checks, "theorem_a_certificate", lambda p, q: (0.1, 0.05))
    d = check_theorem_a_certificate_event(10, 0.05, 50, ROOT).data
    assert d["hits"] == 0 and d["rejected"] is True


def test_certificate_event_statement_model_source_agree_with_the_registry():
    chk = check_theorem_a_certificate_event(5, 0.05, 100, ROOT)
    claim = CLAIMS[chk.claim_id]
    assert chk.claim_id == "theorem-a" and chk.method == "monte-carlo"
    _source_agrees_with_registry(chk)
    d = chk.data
    formula = "1 - (1 - 2 eta_eps/pi)^n"
    assert formula in claim.statement and f"exact value {formula} = " in chk.evidence
    event = re.match(r"Certificate event (.+?) \(law G", chk.evidence).group(1)  # as the evidence states it
    assert event == "1/2 tan(eta_min/2) < eps"
    assert f"Pr[{event}] = {formula} " in d["statement"]  # the event's probability equals the bound
    law = "Uniform[0, pi/2]"
    assert law in CLAIMS["kink-angle-law"].statement and f"i.i.d. {law} kink angles" in d["statement"]
    assert d["statement"].endswith("(law G)") and "(law G, d=2, " in chk.evidence
    assert d["model"].startswith("M0, law G, ") and claim.model.startswith("M0, law G ")
    assert d["model"].endswith(", d = 2, random unit target")
