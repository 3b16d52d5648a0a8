"""Every gap Monte Carlo claim states its power (issue 10 §4), and the planted bugs it says it detects are caught.

Fixed seeds; false alarm <= 1e-6 per statistical test.
"""

from __future__ import annotations

import numpy as np

import pybridge.gap.checks as checks
import pybridge.gap.theorem_a_checks as ta_checks
from pybridge.gap.checks import (check_d1_no_gap, check_expected_error, check_kink_angle_law, check_theorem_a)
from pybridge.stats.power import ks_detectable_distance

ROOT = np.random.SeedSequence(20261202)


def _stated(records, *keys):
    """Every record states its power: the test, alpha, budget, level 0.9, method, a sentence and ``keys``."""
    assert records
    for chk in records:
        p = chk.power
        assert p is not None and p.statement.startswith("Power:"), chk
        assert p.test and p.method and p.trials is not None and p.alpha == 1e-6
        assert p.level == 0.9
        for k in keys:
            assert k in p.detectable
    return records[0].power


def test_kink_angle_law_states_its_power_and_catches_a_wrong_law(monkeypatch):
    records = check_kink_angle_law(5000, ROOT)
    assert [r.verdict for r in records] == ["holds", "holds"]
    p = _stated(records, "detectable_sup_distance_p90")
    assert p.detectable["detectable_sup_distance_p90"] == ks_detectable_distance(5000, alpha=1e-6)
    assert f"{p.detectable['detectable_sup_distance_p90']:.4f}" in p.statement
    # planted bug: angles shrunk by 10% (sup-distance 0.1 from Uniform[0, pi/2], above the detectable 0.055)
    true = ta_checks.kink_angles
    monkeypatch.setattr(ta_checks, "kink_angles", lambda *a: 0.9 * true(*a))
    assert 0.1 > p.detectable["detectable_sup_distance_p90"]
    assert "violated" in {r.verdict for r in check_kink_angle_law(5000, ROOT)}


def test_expected_error_states_no_power_honestly():
    records, results = check_theorem_a(((2, 12, 0.05, 16),), (6, 0.35, 8), ROOT)
    _stated(records, "detectable_excess_p90")
    [ee] = check_expected_error(results[0])
    p = _stated([ee], "bound_floor", "trials_needed_for_any_power")
    assert p.detectable["max_mean_that_can_reject"] is None and p.statement.startswith("Power: none at this budget")
    assert p.detectable["bound_floor"] > ee.details["bound_pi_over_8_n_plus_1"] == ee.bound
    # the floor is exact: a sample of zeros gives exactly that bound
    assert ta_checks.empirical_bernstein_upper(np.zeros(16), 1e-6) == p.detectable["bound_floor"]


def test_d1_no_gap_states_its_power_and_a_planted_gap_is_reported(monkeypatch):
    records = check_d1_no_gap((40, 1e-3, 64), ROOT)
    assert [r.verdict for r in records] == ["holds", "holds"]
    p = _stated(records, "detectable_excess_p90")
    assert p.detectable["detectable_excess_p90"] is not None
    # planted bug: the comparison value computed as if Theorem A allowed 0.99 (a formula error): with 64 networks
    # the lower bound cannot exceed it, so the check must not say "holds"
    monkeypatch.setattr(checks, "theorem_a_bound", lambda n, eps: type("B", (), {"value": 0.99})())
    assert "violated" in {r.verdict for r in check_d1_no_gap((40, 1e-3, 64), ROOT)}
