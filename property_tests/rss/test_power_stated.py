"""rss-log-sample-size states the power of its n* rule (issue 10 §4); a planted sampler bug is caught."""

from __future__ import annotations

import numpy as np

import pybridge.rss.montecarlo as mc
from pybridge.rss.section import FULL, _curves, _log_check, _threshold_rows
from pybridge.stats.power import threshold_resolution

ROOT = np.random.SeedSequence(20261203)
BUDGET = {"curves": [("uniform", FULL, [1e-1, 1e-2, 1e-3], 600)], "delta_eps_trials": {}}


def test_log_sample_size_states_its_power():
    rows = _threshold_rows(_curves(BUDGET, ROOT, 1, None))
    chk, _ = _log_check(rows)
    assert chk.verdict == "consistent", chk.evidence
    p = chk.data["power"]
    assert "Power (exact binomial tails" in chk.evidence and p["text"] in chk.evidence
    assert p["power"] == 0.9 and not p["no_power"]
    res = threshold_resolution(0.01, 600)
    assert p["declare_failure_rate_p90"] == res["declare_failure_rate_p90"]
    assert p["missed_threshold_beyond_n_max_detected"] >= 0.975
    for r in rows:
        assert r["power_delta_0.01"] == res


def test_planted_sampler_scale_bug_is_caught(monkeypatch):
    # planted bug: samples 100 times too small (a units bug); coverage of [-1, 1] then needs > 100 samples, beyond
    # every n_max: the power statement says such a threshold is reported (not 'consistent')
    true_get = mc.get_law

    class Shrunk:
        def __init__(self, law):
            self._law = law

        def sample(self, rng, n):
            return self._law.sample(rng, n) / 100

        def __getattr__(self, name):
            return getattr(self._law, name)

    monkeypatch.setattr(mc, "get_law", lambda name: Shrunk(true_get(name)))
    rows = _threshold_rows(_curves(BUDGET, ROOT, 1, None))
    chk, _ = _log_check(rows)
    assert chk.verdict != "consistent", chk.evidence
    assert all(r["n_star_delta_0.01"] is None for r in rows)
