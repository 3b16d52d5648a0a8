"""Theorem A's full-power test (issue 10 §4): the certificate event attains the bound, tested two-sided.

The planted factor-2 bug eta_eps = 2 arctan(eps) (instead of 2 arctan(2 eps)) must make the project's check
report "violated"; fixed seeds, false alarm <= 1e-6 per test.
"""

from __future__ import annotations

import math

import numpy as np

import pybridge.gap.bounds as bounds
from pybridge.gap.checks import check_theorem_a_certificate_event

ROOT = np.random.SeedSequence(20261201)


def test_certificate_event_frequency_matches_the_exact_value():
    [chk] = check_theorem_a_certificate_event(10, 0.05, 2000, ROOT)
    assert chk.verdict == "holds", chk
    d = chk.details
    assert 0 < d["hits"] < d["trials"]  # not pinned at 0 or 1
    assert d["detectable_deviation_p90"]["above"] < 0.07 and d["detectable_deviation_p90"]["below"] < 0.07
    assert chk.power.detectable["detectable_deviation_p90"] == d["detectable_deviation_p90"]
    assert chk.power.statement.startswith("Power: detects with probability >= 0.9")


def test_planted_factor_two_bug_in_eta_eps_is_caught(monkeypatch):
    monkeypatch.setattr(bounds, "eta_eps", lambda eps: 2.0 * math.atan(eps))  # the bug: arctan(eps), not 2 eps
    [chk] = check_theorem_a_certificate_event(10, 0.05, 2000, ROOT)
    assert chk.verdict == "violated", chk
    assert chk.details["rejected"] is True and chk.note.endswith("REJECTED.")


def test_halved_angle_is_caught(monkeypatch):
    true_eta = bounds.eta_eps
    monkeypatch.setattr(bounds, "eta_eps", lambda eps: true_eta(eps) / 2)
    assert check_theorem_a_certificate_event(10, 0.05, 2000, ROOT)[0].verdict == "violated"
