"""rss-log-sample-size states the power of its n* rule (issue 10 §4); a planted sampler bug is caught."""

from __future__ import annotations

import numpy as np

import pybridge.rss.montecarlo as mc
from pybridge.claims.section import Streams
from pybridge.report.evidence import evidence_text
from pybridge.rss.budget import FULL, Curve, RssBudget
from pybridge.rss.checks import threshold_curves, threshold_rows
from pybridge.rss.logfit import log_sample_size_record
from pybridge.rss.streams import Stream
from pybridge.stats.power import threshold_resolution

STREAMS = Streams(np.random.SeedSequence(20261203), Stream)
BUDGET = RssBudget(replay_trials=0, counting_trials=0, monotone_trials=0,
                   curves=(Curve(dist="uniform", interval=FULL, eps=(1e-1, 1e-2, 1e-3), trials=600,
                                 stream=Stream.CURVE_UNIFORM_FULL),))


def test_log_sample_size_states_its_power():
    rows = threshold_rows(threshold_curves(BUDGET, STREAMS, 1))
    rec, _ = log_sample_size_record(rows)
    text = evidence_text(rec)
    assert rec.verdict == "consistent", text
    p = rec.power
    assert "Power (exact binomial tails" in text and p.statement in text
    assert p.level == 0.9 and not p.no_power and p.trials == 600
    res = threshold_resolution(0.01, 600)
    assert p.detectable["declare_failure_rate_p90"] == res["declare_failure_rate_p90"]
    assert p.detectable["missed_threshold_beyond_n_max_detected"] >= 0.975
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
    rows = threshold_rows(threshold_curves(BUDGET, STREAMS, 1))
    rec, _ = log_sample_size_record(rows)
    assert rec.verdict != "consistent", evidence_text(rec)
    assert all(r["n_star_delta_0.01"] is None for r in rows)
