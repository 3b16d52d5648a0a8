"""The masks Monte Carlo claims state their power (issue 10 §4); a mixture off by more than the detectable
difference is rejected by the Hoeffding test (false alarm <= 1e-6, fixed seeds)."""

from __future__ import annotations

import numpy as np

import pybridge.masks.checks as checks
from pybridge.claims.section import Streams
from pybridge.masks.budget import MasksBudget
from pybridge.masks.streams import Stream
from pybridge.report.evidence import evidence_text
from pybridge.stats.power import hoeffding_detectable_difference

STREAMS = Streams(np.random.SeedSequence(20261206), Stream)


def test_mixture_identity_states_its_power_and_catches_a_shifted_mixture(monkeypatch):
    budget = MasksBudget.quick()
    rec = checks.rss_agreement_record(budget, STREAMS, 1)
    assert rec.verdict == "holds" and rec.claim_id == "masks-mixture-identity"
    assert abs(rec.difference) <= rec.threshold and rec.alpha == 1e-6
    assert rec.first_trials == rec.second_trials == budget.mc_trials
    p = rec.power
    x = hoeffding_detectable_difference(budget.mc_trials, budget.mc_trials, alpha=1e-6)
    assert p.detectable["detectable_difference_p90"] == x and p.statement in evidence_text(rec)
    true = checks.binomial_mixture
    monkeypatch.setattr(checks, "binomial_mixture", lambda times, n, q: true(times, n, q) - (x + 0.02))
    assert checks.rss_agreement_record(budget, STREAMS, 1).verdict == "violated"
