"""The code's prediction (fraction removed)."""

import numpy as np
import pytest

from pybridge.errors import InvalidArgument
from pybridge.prunelimit.prediction import code_ratio, magnitude_radii, predict_ratio, slq_density, smoothed_ratio


def test_code_ratio_matches_cal_gw_form():
    lam = np.array([0.5, -2.0, 3.0])
    eps, R = 0.3, 1.7
    # cal_gw: sum density * r2/(R^2 + r2) / sum density with r2 = 2 eps / |lambda|
    r2 = 2 * eps / np.abs(lam)
    assert code_ratio(lam, eps, R) == pytest.approx(np.mean(r2 / (R**2 + r2)))
    assert code_ratio(lam, eps, 0.0) == pytest.approx(1.0)
    with pytest.raises(InvalidArgument):
        code_ratio(lam, -1.0, R)


def test_prediction_is_the_crossing():
    rng = np.random.default_rng(0)
    lam, w = rng.uniform(0.1, 3, 80), rng.standard_normal(80)
    p = predict_ratio(lam, w, 0.4)
    radii = magnitude_radii(w)
    k = p.removed_count
    assert k / 80 <= code_ratio(lam, 0.4, radii[k]) + 1e-15
    if k < 80:
        assert (k + 1) / 80 > code_ratio(lam, 0.4, radii[k + 1])


def test_slq_recovers_spectrum_moments():
    rng = np.random.default_rng(1)
    q, _ = np.linalg.qr(rng.standard_normal((60, 60)))
    lam = np.linspace(0.1, 5, 60)
    H = (q * lam) @ q.T
    nodes, wts = slq_density(lambda v: H @ v, 60, steps=30, probes=4, rng=rng)
    assert abs(np.mean((nodes * wts).sum(axis=1)) - lam.mean()) < 0.3
    grid, dens = smoothed_ratio(nodes, wts, num_bins=20001, sigma_squared=1e-4)
    assert abs(dens.sum() * (grid[1] - grid[0]) - 1) < 1e-9
