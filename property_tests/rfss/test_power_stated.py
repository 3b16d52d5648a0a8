"""The RFSS Monte Carlo claims state their power (issue 10 §4); a planted threshold bug is caught."""

from __future__ import annotations

import numpy as np

import pybridge.rfss.montecarlo as mc
from pybridge.rfss.section import _thm2_check, rfss_budget

ROOT = np.random.SeedSequence(20261205)


def test_theorem2_states_its_power_and_a_zero_probability_cell_is_caught(monkeypatch):
    budget = rfss_budget(True)
    chk = _thm2_check(budget, ROOT, 1)
    assert chk.verdict == "consistent"
    p = chk.data["power"]
    t = budget["thm2_trials"]
    assert p["cell_probability_shown_positive_p90"] == 1 - 0.1 ** (1 / t)
    assert p["text"] in chk.evidence
    # planted bug: the threshold n = k (only one k-subset: most cells have probability ~0)
    monkeypatch.setattr(mc, "theorem2_threshold_n", lambda k, eps: k)
    assert _thm2_check(budget, ROOT, 1).verdict != "consistent"
