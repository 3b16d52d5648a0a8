"""The digits MLP: finite-difference Hessian against the analytic gradient, and the predictions."""

import numpy as np
import pytest

pytest.importorskip("sklearn")

from pybridge.prunelimit.mlp import run_mlp  # noqa: E402


def test_mlp_hessian_and_prediction():
    r = run_mlp(2, np.random.default_rng(0), lanczos_steps=40, maxiter=60)
    assert r.dimension == 160
    assert 0 <= r.true_removed_fraction <= 1 and 0 <= r.predicted_exact <= 1
    assert r.eps > 0
    np.testing.assert_allclose(r.top_arpack[:3], r.top_exact[:3], rtol=1e-6)
