"""Weight-pruning constructions B0 (M0, axis target) and B1 (M1, any target), theory §3.8 (RECON).

B0's error is exact (|Sigma_S - 1|); B1's is a certified upper bound: both are checked
against the pruned network evaluated directly on sampled points of the sphere (and, for
d <= 2, B1's bound against the exact sup).  Checks the claim ids weight-pruning-b0,
weight-pruning-b1 and b0-positive-homogeneity numerically.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import seeds

from pybridge.errors import InvalidArgument
from pybridge.gap.networks import make_target, sample_network
from pybridge.rss.subset_sum import best_subset
from pybridge.gap.weight_pruning import b0_covers_all_scalings, certified_sqrt, prune_b0, prune_b1


def _sphere(rng, d, m=4000):
    x = rng.standard_normal((m, d))
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@settings(deadline=None, max_examples=40)
@given(seed=seeds(), n=st.integers(1, 40), d=st.integers(1, 4), law=st.sampled_from("GU"),
       sign=st.sampled_from([1.0, -1.0]))
def test_b0_error_is_exact(seed, n, d, law, sign):
    rng = np.random.default_rng(seed)
    net = sample_network("M0", law, d, n, rng=rng)
    w = np.zeros(d)
    w[d - 1] = sign
    target = make_target(w, d)
    res = prune_b0(net, target)
    pruned = res.pruned(net)
    x = np.vstack([_sphere(rng, d), w])
    err = np.abs(pruned.evaluate(x) - np.maximum(x @ target.w, 0.0))
    assert err.max() <= res.error * (1 + 1e-12) + 1e-15
    assert err[-1] == pytest.approx(res.error, rel=1e-9, abs=1e-15)  # attained at x = w*
    assert res.weights_kept == 2 * res.units_kept
    assert not res.hidden_mask[:, : d - 1].any()  # masked to the target's coordinate only
    assert res.error_exact == abs(Fraction(res.error_exact))  # exact rational


@settings(deadline=None, max_examples=30)
@given(seed=seeds(), m=st.integers(1, 24), d=st.integers(1, 4), law=st.sampled_from("GU"),
       kind=st.sampled_from(["axis", "diagonal", "random"]))
def test_b1_certified_bound_dominates_the_error(seed, m, d, law, kind):
    rng = np.random.default_rng(seed)
    net = sample_network("M1", law, d, m * d, rng=rng)
    target = make_target(kind, d, rng=rng)
    res = prune_b1(net, target, rng=rng, samples=512)
    pruned = res.pruned(net)
    x = _sphere(rng, d)
    err = np.abs(pruned.evaluate(x) - np.maximum(x @ target.w, 0.0)).max()
    assert err <= res.error * (1 + 1e-12) + 1e-15
    assert res.lower.value <= res.error * (1 + 1e-12) + 1e-15
    if d <= 2:
        assert err <= res.lower.value * (1 + 1e-12) + 1e-15  # exact sup for d <= 2
    # each kept unit has exactly one kept hidden weight, on its block's coordinate
    kept = np.flatnonzero(res.output_mask)
    assert np.all(res.hidden_mask[kept].sum(axis=1) == 1)
    assert np.all(np.argmax(res.hidden_mask[kept], axis=1) == kept % d)


@settings(deadline=None, max_examples=60)
@given(num=st.integers(0, 10**12), den=st.integers(1, 10**12))
def test_certified_sqrt_is_an_upper_bound(num, den):
    x = Fraction(num, den)
    r = certified_sqrt(x)
    assert Fraction(r) ** 2 >= x
    assert r <= float(x) ** 0.5 * (1 + 1e-15) + 1e-300


@settings(deadline=None, max_examples=15)
@given(seed=seeds(), n=st.integers(4, 30), eps=st.sampled_from([0.05, 0.02]))
def test_b0_all_scalings_implies_every_scaling_is_reached(seed, n, eps):
    rng = np.random.default_rng(seed)
    net = sample_network("M0", "G", 2, n, rng=rng)
    target = make_target("axis", 2)
    if b0_covers_all_scalings(net, target, eps):
        col = net.u[:, 0]
        pos = net.v[col > 0] * col[col > 0]
        for w in rng.uniform(0, 1, 10):
            assert float(best_subset(pos, w).error) <= eps + 1e-12


def test_constructions_reject_the_wrong_model_or_target():
    rng = np.random.default_rng(0)
    m0 = sample_network("M0", "G", 2, 8, rng=rng)
    m1 = sample_network("M1", "G", 2, 8, rng=rng)
    with pytest.raises(InvalidArgument):
        prune_b0(m1, make_target("axis", 2))
    with pytest.raises(InvalidArgument):
        prune_b0(m0, make_target("diagonal", 2))
    with pytest.raises(InvalidArgument):
        prune_b1(m0, make_target("axis", 2))
    with pytest.raises(InvalidArgument):
        prune_b1(m1, make_target("axis", 3))
