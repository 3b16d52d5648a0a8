"""Exact projections and the Monte Carlo estimate of the statistical dimension."""

import math

import numpy as np

from pybridge.prunelimit.checks import statdim_mc_agrees
from pybridge.prunelimit.projections import estimate_statdim, squared_projection_norms


def test_mc_agrees_with_closed_forms():
    # false-alarm rate <= 4 * 1e-6 per run (four 1 - 1e-6 intervals); fixed seed
    rows = statdim_mc_agrees(60, 3000, np.random.SeedSequence(12345))
    assert all(r["agrees"] for r in rows), rows


def test_projections_are_projections():
    rng = np.random.default_rng(0)
    g = rng.standard_normal((200, 30))
    # the squared projection never exceeds ||g||^2 and is idempotent on the cone's own points
    for cone, kw in (("orthant", {}), ("subspace", {"k": 7}), ("circular", {"angle": 0.6}), ("l1-descent", {"s": 4})):
        sq = squared_projection_norms(cone, g, **kw)
        assert np.all(sq <= (g * g).sum(axis=1) + 1e-9) and np.all(sq >= 0)
    # l1: brute-force the 1-D minimisation on a fine grid
    s = 4
    for row in g[:20]:
        ts = np.linspace(0, 6, 60001)
        F = ((row[:s, None] - ts) ** 2).sum(axis=0) + (np.maximum(np.abs(row[s:, None]) - ts, 0) ** 2).sum(axis=0)
        got = squared_projection_norms("l1-descent", row[None, :], s=s)[0]
        assert got <= F.min() + 1e-9 and got >= F.min() - 1e-3
    # circular: compare with a projection found by scipy on the 2-D reduction
    from scipy.optimize import minimize_scalar

    alpha = 0.6
    for row in g[:20]:
        t, r = row[0], np.linalg.norm(row[1:])
        best = min(minimize_scalar(lambda phi: (t - rho * np.cos(phi)) ** 2 + (r - rho * np.sin(phi)) ** 2,
                                   bounds=(0, alpha), method="bounded").fun for rho in np.linspace(0, 8, 401))
        best = min(best, t * t + r * r)
        dist2 = t * t + r * r - squared_projection_norms("circular", row[None, :], angle=alpha)[0]
        assert dist2 <= best + 1e-3


def test_worker_independent_chunks():
    a = estimate_statdim("orthant", 20, trials=1200, root=np.random.SeedSequence(5))
    b = estimate_statdim("orthant", 20, trials=1200, root=np.random.SeedSequence(5))
    assert a == b and math.isfinite(a.mean)
