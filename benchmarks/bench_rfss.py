"""Benchmark of the fixed-size (k-subset) decision against the RSS decision (issue 13 §1). Prints medians.

Run: ``python benchmarks/bench_rfss.py [--trials 40]``.  Goal (issue 13): float mode within 20x of the
RSS decision at the same n and eps.  Instances: Uniform[-1,1] samples; RFSS target [-sqrt k, sqrt k]
(exact ends); RSS on its default [-1, 1] and on [-sqrt k, sqrt k] (float ends) for comparison.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time

import numpy as np

from pybridge.rfss import decide_fixed_cover
from pybridge.rss import decide_cover


def _median_ms(fn, inputs) -> tuple[float, int]:
    times, yes = [], 0
    for x in inputs:
        t0 = time.perf_counter()
        yes += bool(fn(x))
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3, yes


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--trials", type=int, default=40)
    p.add_argument("--exact-trials", type=int, default=5)
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    decide_fixed_cover(rng.uniform(-1, 1, 8), 2, 0.1)  # JIT warm-up (cached afterwards)
    decide_cover(rng.uniform(-1, 1, 8), 0.1)
    for n, k, eps in [(40, 10, 1e-3), (24, 6, 1e-4)]:
        xs = [rng.uniform(-1, 1, n) for _ in range(args.trials)]
        s = math.sqrt(k)
        f_ms, f_yes = _median_ms(lambda x: decide_fixed_cover(x, k, eps).covered, xs)
        e_ms, e_yes = _median_ms(lambda x: decide_fixed_cover(x, k, eps, exact=True).covered, xs[:args.exact_trials])
        r_ms, r_yes = _median_ms(lambda x: decide_cover(x, eps).covered, xs)
        r2_ms, r2_yes = _median_ms(lambda x: decide_cover(x, eps, interval=(-s, s)).covered, xs)
        re_ms, _ = _median_ms(lambda x: decide_cover(x, eps, exact=True).covered, xs[:args.exact_trials])
        print(f"n={n} k={k} eps={eps:g}: RFSS float {f_ms:8.3f} ms (covered {f_yes}/{len(xs)}), "
              f"exact {e_ms:9.3f} ms (n={args.exact_trials}); RSS [-1,1] float {r_ms:7.3f} ms, exact {re_ms:8.3f} ms; "
              f"RSS [-sqrt k, sqrt k] float {r2_ms:7.3f} ms; ratio RFSS/RSS float {f_ms / r_ms:5.1f}x "
              f"({f_ms / r2_ms:5.1f}x on the same interval)")


if __name__ == "__main__":
    main()
