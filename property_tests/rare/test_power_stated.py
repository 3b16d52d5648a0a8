"""The rare-event checks state their power (issue 10 §4); a splitting estimate biased beyond the stated
detectable ratio is caught by the agreement test (false alarm <= 1e-6, fixed seeds)."""

from __future__ import annotations

import numpy as np

import pybridge.rare.section as section
from pybridge.rare.checks import agreement
from pybridge.rare.section import _agreement_check, _coverage_check, rare_budget

ROOT = np.random.SeedSequence(20261204)


def test_agreement_states_its_detectable_ratio_and_catches_a_biased_estimator(monkeypatch):
    budget = rare_budget(True)
    chk, _ = _agreement_check(budget, ROOT, 1, None)
    assert chk.verdict == "holds", chk.evidence
    p = chk.data["power"]
    assert p["text"] in chk.evidence and p["alpha"] == 1e-6
    ratio = p["rows"][0]["below"]  # quick budget: no power above (stated), power against a too-small estimate
    assert ratio is not None and ratio < 1
    assert p["rows"][0]["above"] is None and "no power above" in chk.evidence
    # planted bug: every replication estimate multiplied by half the detectable ratio (a splitting factor bug)
    monkeypatch.setattr(section, "agreement", lambda split, fails, trials: agreement(
        {"replication_estimates": [0.5 * ratio * v for v in split["replication_estimates"]]}, fails, trials))
    assert _agreement_check(budget, ROOT, 1, None)[0].verdict == "violated"


def test_ci_coverage_says_no_power_at_quick_and_states_it_in_the_full_budget():
    chk = _coverage_check(rare_budget(True), ROOT, 1)
    assert chk.data["power"]["no_power"] and "Power: none" in chk.evidence


def test_coverage_power_figure_at_the_full_budget():
    from pybridge.stats.power import detectable_deviation, two_sided_rejects

    n = rare_budget(False)["coverage"]["estimates"]
    dev = detectable_deviation(0.95, n, alpha=1e-6)
    assert dev["below"] is not None and dev["below"] < 0.35
    # a coverage of 0.95 - below is rejected with probability 0.9 by the same rule (CP at 1 - 1e-6 excludes 0.95)
    from scipy.stats import binom

    ks = np.arange(n + 1)
    rej = np.array([two_sided_rejects(int(k), n, 0.95, alpha=1e-6) for k in ks])
    assert binom.pmf(ks, n, 0.95 - dev["below"])[rej].sum() >= 0.9 - 1e-9
