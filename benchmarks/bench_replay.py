"""Benchmark of the verified replay (issue 10 §2). Prints seconds per replayed trial; asserts nothing.

Run: ``python benchmarks/bench_replay.py [--trials 20]``.
For (n=20, eps=1e-2) and (n=30, eps=1e-3) on Uniform[-1, 1] samples and targets [-1, 1]: draws ``--trials``
instances, decides each with the fast decision, and re-decides all of them in ONE coqc call through the
Coq-verified ``Prunegap.Decide.decide_cover`` (vm_compute).  The build of Base.v, SubsetSum.v and Decide.v
is timed separately (in ``prunegap check`` it is shared with the formal section's build).
Goal (issue 10): <= 1 s per trial at n = 20.
"""

from __future__ import annotations

import argparse
from fractions import Fraction

import numpy as np

from pybridge.formal.replay import ReplayInstance, replay_decisions
from pybridge.rss import decide_cover


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=20)
    args = ap.parse_args(argv)
    rng = np.random.default_rng(np.random.SeedSequence(2026))
    for n, eps in ((20, 1e-2), (30, 1e-3)):
        insts = []
        for t in range(args.trials):
            xs = rng.uniform(-1, 1, n)
            insts.append(ReplayInstance(tuple(Fraction(float(x)) for x in xs), Fraction(eps), Fraction(-1),
                                        Fraction(1), decide_cover(xs.tolist(), eps).covered, f"trial {t}"))
        rep = replay_decisions(insts)
        ev = rep["seconds"] - rep.get("build_seconds", 0.0)
        print(f"n={n} eps={eps:g}: {rep['trials']} trials ({rep['covered']} covered), agree {rep['agree']}; "
              f"build {rep.get('build_seconds', 0):.1f} s, evaluation {ev:.1f} s = {ev / rep['trials']:.3f} s/trial "
              f"({rep['seconds'] / rep['trials']:.3f} s/trial including the build)")


if __name__ == "__main__":
    main()
