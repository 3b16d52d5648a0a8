"""The prunelimit Monte Carlo claims state their power (issue 10 §4); a shifted estimator is caught."""

from __future__ import annotations

import dataclasses

import numpy as np

import pybridge.prunelimit.checks as checks
from pybridge.prunelimit.evidence import kinematic_power, statdim_power

ROOT = np.random.SeedSequence(20261207)


def test_statdim_mc_states_its_power_and_catches_a_shift(monkeypatch):
    rows = checks.statdim_mc_agrees(30, 1000, ROOT)
    assert all(r["agrees"] for r in rows)
    powers = [statdim_power(r) for r in rows]
    assert all(p.statement.startswith("Power:") and p.alpha == 1e-6 for p in powers)
    assert max(p.detectable["relative_to_delta"] for p in powers) < 0.2
    shift = max(p.detectable["detectable_shift_p90"] for p in powers)
    true = checks.estimate_statdim

    def shifted(*a, **k):
        e = true(*a, **k)
        return dataclasses.replace(e, mean=e.mean + 1.5 * shift, ci_low=e.ci_low + 1.5 * shift,
                                   ci_high=e.ci_high + 1.5 * shift)

    monkeypatch.setattr(checks, "estimate_statdim", shifted)
    assert not all(r["agrees"] for r in checks.statdim_mc_agrees(30, 1000, ROOT))


def test_kinematic_power_rows():
    by = {eta: kinematic_power([200, 15, 200], eta) for eta in (0.5, 0.01)}
    assert by[0.5].detectable["excess at 15 trials per point"] is None
    assert by[0.01].detectable["excess at 200 trials per point"] < 0.1
    assert by[0.5].trials == 15 and "no power" in by[0.5].statement
