"""The prunelimit Monte Carlo claims state their power (issue 10 §4); a shifted estimator is caught."""

from __future__ import annotations

import dataclasses

import numpy as np

import pybridge.prunelimit.checks as checks
from pybridge.prunelimit.section import _kinematic_power, _statdim_power

ROOT = np.random.SeedSequence(20261207)


def test_statdim_mc_states_its_power_and_catches_a_shift(monkeypatch):
    rows = checks.statdim_mc_agrees(30, 1000, ROOT)
    assert all(r["agrees"] for r in rows)
    p = _statdim_power(rows)
    assert p["text"].startswith("Power:") and p["worst_relative_shift_p90"] < 0.2
    shift = max(x["detectable_shift_p90"] for x in p["rows"])
    true = checks.estimate_statdim

    def shifted(*a, **k):
        e = true(*a, **k)
        return dataclasses.replace(e, mean=e.mean + 1.5 * shift, ci_low=e.ci_low + 1.5 * shift,
                                   ci_high=e.ci_high + 1.5 * shift)

    monkeypatch.setattr(checks, "estimate_statdim", shifted)
    assert not all(r["agrees"] for r in checks.statdim_mc_agrees(30, 1000, ROOT))


def test_kinematic_power_rows():
    curves = [{"points": [{"trials": 200}, {"trials": 15}]}]
    p = _kinematic_power(curves)
    by = {(r["trials"], r["eta"]): r["detectable_excess_p90"] for r in p["rows"]}
    assert by[(15, 0.5)] is None and by[(200, 0.01)] < 0.1
    assert "no power" in p["text"]
