"""The masks Monte Carlo claims state their power (issue 10 §4); a mixture off by more than the detectable
difference is rejected by the Hoeffding test (false alarm <= 1e-6, fixed seeds)."""

from __future__ import annotations

import numpy as np

import pybridge.masks.mixture as mixture
from pybridge.masks.section import _mixture_checks, masks_budget
from pybridge.stats.power import hoeffding_detectable_difference

ROOT = np.random.SeedSequence(20261206)


def test_mixture_identity_states_its_power_and_catches_a_shifted_mixture(monkeypatch):
    budget = masks_budget(True)
    _, mc_check = _mixture_checks(budget, ROOT, 1)
    assert mc_check.verdict == "holds"
    p = mc_check.data["power"]
    x = hoeffding_detectable_difference(budget["mc_trials"], budget["mc_trials"], alpha=1e-6)
    assert p["detectable_difference_p90"] == x and p["text"] in mc_check.evidence
    true = mixture.binomial_mixture
    monkeypatch.setattr(mixture, "binomial_mixture", lambda times, n, q: true(times, n, q) - (x + 0.02))
    assert _mixture_checks(budget, ROOT, 1)[1].verdict == "violated"
