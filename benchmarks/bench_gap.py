"""Benchmark of the RF cutting-plane solve (issue 3 "Speed"). Prints medians; asserts nothing.

Run: ``python benchmarks/bench_gap.py [--trials 15] [--n 200]``.
``python benchmarks/bench_gap.py --widths [--write]`` measures n_1/2(eps) for neuron pruning (exact
decision) and the RF relaxation (:mod:`_gap_widths`, about 20 min on one core) and with ``--write``
stores them in ``pybridge/gap/data/widths.json``.
Target (issue 3): an RF cutting-plane solve with n = 200 hidden units in d = 2 takes < 1 s
(model M0, law G, axis target; LP + exact-sup cutting planes to upper - lp_value <= 1e-9).
Also prints the exact sup on the circle, the exhaustive best subset at n = 16 and the MILP at n = 24.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import sys
import time

import numpy as np

from pybridge.gap.networks import make_target, plane_coordinates, sample_network
from pybridge.gap.neuron_pruning import best_neuron_subset
from pybridge.gap.rf_lp import rf_optimum
from pybridge.gap.sup_error import sup_error_circle


def _timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t0, out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=15)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--widths", action="store_true", help="measure n_1/2(eps) (neuron decision, RF)")
    ap.add_argument("--write", action="store_true", help="with --widths: write pybridge/gap/data/widths.json")
    args = ap.parse_args(argv)
    if args.widths:
        return _widths(args.write)
    rng = np.random.default_rng(args.seed)
    target = make_target("axis", 2)
    rf_optimum(*plane_coordinates(sample_network("M0", "G", 2, 10, rng=rng).u, target))  # warm-up
    times, iters, gaps = [], [], []
    for _ in range(args.trials):
        p, q = plane_coordinates(sample_network("M0", "G", 2, args.n, rng=rng).u, target)
        dt, r = _timed(rf_optimum, p, q)
        times.append(dt)
        iters.append(r.iterations)
        gaps.append(r.upper - r.lp_value)
    print(f"RF cutting-plane solve  n={args.n} d=2 (M0, law G): median {statistics.median(times):.3f} s, "
          f"max {max(times):.3f} s, median LP solves {statistics.median(iters):g}, "
          f"max bracket {max(gaps):.1e} (target < 1 s)")
    sup_times = []
    for _ in range(args.trials):
        p, q = plane_coordinates(sample_network("M0", "G", 2, args.n, rng=rng).u, target)
        dt, _ = _timed(sup_error_circle, p, q, rng.standard_normal(args.n))
        sup_times.append(dt)
    print(f"exact sup on the circle n={args.n}: median {statistics.median(sup_times) * 1e3:.2f} ms")
    for n, method in ((16, "exhaustive"), (24, "milp")):
        ts = []
        for _ in range(max(3, args.trials // 3)):
            net = sample_network("M0", "G", 2, n, rng=rng)
            p, q = plane_coordinates(net.u, target)
            dt, _ = _timed(best_neuron_subset, p, q, net.v, method=method)
            ts.append(dt)
        print(f"best neuron-pruned subset n={n} ({method}): median {statistics.median(ts):.3f} s")


def _widths(write):
    sys.path.insert(0, str(pathlib.Path(__file__).parent))
    import _gap_widths

    t0 = time.perf_counter()
    out = _gap_widths.measure(progress=lambda row: print(json.dumps(row), flush=True))
    out["total_seconds"] = round(time.perf_counter() - t0, 1)
    out["machine_note"] = "one process on 2 shared cores (other jobs running), 2026-12-08"
    print(json.dumps(out["slopes"]))
    if write:
        path = pathlib.Path(__file__).resolve().parents[1] / "pybridge" / "gap" / "data" / "widths.json"
        path.write_text(json.dumps(out, indent=1) + "\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
