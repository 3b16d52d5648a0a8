"""The rare-event checks state their power (issue 10 §4); a splitting estimate biased beyond the stated
detectable ratio is caught by the agreement test (false alarm <= 1e-6, fixed seeds)."""

from __future__ import annotations

import numpy as np

import pybridge.rare.evidence as evidence
from pybridge.claims.section import Streams
from pybridge.rare.budget import RareBudget
from pybridge.rare.checks import agreement
from pybridge.rare.evidence import agreement_records, coverage_record
from pybridge.rare.streams import Stream
from pybridge.report.evidence import evidence_text

ROOT = Streams(np.random.SeedSequence(20261204), Stream)


def test_agreement_states_its_detectable_ratio_and_catches_a_biased_estimator(monkeypatch):
    budget = RareBudget.quick()
    (chk,), _ = agreement_records(budget, ROOT, 1)
    assert chk.verdict == "holds", evidence_text(chk)
    p = chk.power
    assert p.statement in evidence_text(chk) and p.alpha == 1e-6
    ratio = p.detectable["rows"][0]["below"]  # quick budget: no power above (stated), power against a too-small one
    assert ratio is not None and ratio < 1
    assert p.detectable["rows"][0]["above"] is None and "no power above" in evidence_text(chk)
    # planted bug: every replication estimate multiplied by half the detectable ratio (a splitting factor bug)
    monkeypatch.setattr(evidence, "agreement", lambda split, fails, trials: agreement(
        {"replication_estimates": [0.5 * ratio * v for v in split["replication_estimates"]]}, fails, trials))
    assert agreement_records(budget, ROOT, 1)[0][0].verdict == "violated"


def test_ci_coverage_says_no_power_at_quick_and_states_it_in_the_full_budget():
    chk = coverage_record(RareBudget.quick(), ROOT, 1)
    assert chk.power.no_power and "Power: none" in evidence_text(chk)


def test_coverage_power_figure_at_the_full_budget():
    from pybridge.stats.power import detectable_deviation, two_sided_rejects

    n = RareBudget.full().coverage.estimates
    dev = detectable_deviation(0.95, n, alpha=1e-6)
    assert dev["below"] is not None and dev["below"] < 0.35
    # a coverage of 0.95 - below is rejected with probability 0.9 by the same rule (CP at 1 - 1e-6 excludes 0.95)
    from scipy.stats import binom

    ks = np.arange(n + 1)
    rej = np.array([two_sided_rejects(int(k), n, 0.95, alpha=1e-6) for k in ks])
    assert binom.pmf(ks, n, 0.95 - dev["below"])[rej].sum() >= 0.9 - 1e-9
