"""The committed deep n*(eps, eps) benchmark results (pybridge/rare/data/deep_thresholds.json) are
self-consistent: every row says what checked it, its bracket is ordered, and the fits recompute from the rows."""

from __future__ import annotations

import pytest

from pybridge.rare.checks import fit_slope_ln
from pybridge.rare.committed import benchmark_summary, load_deep
from pybridge.rare.measures import lueker_rows_rare


def test_committed_deep_results_consistent():
    data = load_deep()
    assert data is not None
    cells = {(tuple(r["interval"]), r["eps"]) for r in data["rows"]}
    for iv in ((-1.0, 1.0), (-0.5, 0.5)):
        assert {(iv, e) for e in (1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6)} <= cells
    for r in data["rows"]:
        assert "seed entropy" in r["checked_by"] and str(r["seed_entropy"]) in r["checked_by"]
        assert r["seconds"] > 0 and r["decisions"] > 0 and r["move"] in ("gibbs", "loo", "loo-fixed")
        got = [v for v in (r["n_star_low"], r["n_star"], r["n_star_high"]) if v is not None]
        assert got == sorted(got) and all(v <= r["n_max"] for v in got)
    for name, fit in data["fits"].items():
        iv = (-1.0, 1.0) if name == "[-1, 1]" else (-0.5, 0.5)
        again = fit_slope_ln([r for r in data["rows"] if tuple(r["interval"]) == iv])
        assert again["K"] == pytest.approx(fit["K"]) and again["points"] == fit["points"]


def test_benchmark_rows_reach_the_tight_constants_table():
    bench = benchmark_summary(load_deep(), None)
    rows = lueker_rows_rare({"thresholds": [], "benchmark": bench})
    names = [r["name"] for r in rows]
    assert "lueker-sample-size [-1, 1] (splitting benchmark, committed)" in names
    full = next(r for r in rows if r["name"].startswith("lueker-sample-size [-1, 1]"))
    assert "1e-06" in full["tight_constant"] and "seed entropy" in full["tight_constant"]
