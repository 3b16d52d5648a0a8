"""The RFSS Monte Carlo claims state their power (issue 10 §4); a planted threshold bug is caught."""

from __future__ import annotations

import numpy as np

import pybridge.rfss.checks as checks
from pybridge.claims.section import Streams
from pybridge.report.evidence import evidence_text
from pybridge.rfss.budget import RfssBudget
from pybridge.rfss.streams import Stream

STREAMS = Streams(np.random.SeedSequence(20261205), Stream)


def _theorem2(budget):
    return checks.theorem2_record(budget, checks.theorem2_cells(budget, STREAMS))


def test_theorem2_states_its_power_and_a_zero_probability_cell_is_caught(monkeypatch):
    budget = RfssBudget.quick()
    rec = _theorem2(budget)
    assert rec.verdict == "consistent"
    assert rec.low > 0 and rec.low == rec.details["c_thm_lower"] and rec.value == rec.details["c_thm_empirical"]
    p = rec.power
    t = budget.thm2_trials
    assert p.trials == t and p.alpha == 0.05
    assert p.detectable["cell_probability_shown_positive_p90"] == 1 - 0.1 ** (1 / t)
    assert p.statement.startswith("Power:") and p.statement in evidence_text(rec)
    # planted bug: the threshold n = k (only one k-subset: most cells have probability ~0)
    monkeypatch.setattr(checks, "theorem2_threshold_n", lambda k, eps: k)
    assert _theorem2(budget).verdict != "consistent"
