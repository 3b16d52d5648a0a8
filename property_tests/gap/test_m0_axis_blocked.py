"""§3.9's axis contrast, both directions (found by timing the full check: one n = 10 run had every u_i1 < 0 and
the check, which demanded exactness for every run, reported the claim violated).

ReLU(x1) = ReLU(u_i1 x1) / u_i1 when some u_i1 > 0; when every u_i1 <= 0 every masked feature vanishes at
x = e1, where the target is 1, so the RF optimum is at least 1.  Under law G that happens with probability 2^-n.
"""

from __future__ import annotations

import numpy as np

from pybridge.gap import checks
from pybridge.gap.networks import make_target, sample_network
from pybridge.gap.rf_lp import rf_optimum
from pybridge.gap.trial import masked_features


def _blocked_network():
    net = sample_network("M0", "G", 2, 10, rng=np.random.default_rng(347))
    assert float(np.max(net.u[:, 0])) < 0  # the network of the full run's failure: every u_i1 < 0
    return net


def test_axis_target_with_every_u1_negative_has_rf_optimum_one():
    r = rf_optimum(*masked_features(_blocked_network().u, make_target("axis", 2)))
    assert r.lp_value >= 1 - 1e-6 and r.upper <= 1 + 1e-9


def test_the_check_counts_blocked_runs_instead_of_calling_them_violations(monkeypatch):
    real = checks.sample_network
    calls = {"n": 0}

    def sample(model, law, d, n, rng=None):
        calls["n"] += 1
        net = real(model, law, d, n, rng=rng)
        return _blocked_network() if calls["n"] == 3 else net  # calls 1-2: diagonal runs; call 3: the first axis run

    monkeypatch.setattr(checks, "sample_network", sample)
    [c] = checks.check_m0_diagonal_caveat([10], 2, (20, 0.05, 20), np.random.SeedSequence(11))
    row = c.details["lp_table"][0]
    assert row["axis_reps_with_every_u1_nonpositive"] == 1 and row["axis_reps_with_some_u1_positive"] == 1
    assert row["axis_min_lp_when_every_u1_nonpositive"] >= 1 - 1e-6
    assert row["axis_max_masked_rf_upper"] <= checks.AXIS_EXACT_TOL
    assert c.details["axis_blocked_runs_have_rf_at_least_1"] is True
    assert "1 run(s) had every u_i1 <= 0" in c.note
    assert c.verdict != "violated", c
