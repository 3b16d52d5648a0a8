"""Benchmark of ``prunegap sweep`` (issue 12 §4). Prints figures; asserts nothing.

Run: ``python benchmarks/bench_sweep.py [--trials 384] [--no-dask]``.

* Throughput of a fixed RSS grid (dist x n = {uniform, normal} x {24, 28}, eps = 1e-5) with the local pool
  at 1 and 2 workers (goal >= 1.8x on 2 cores) and with a 2-worker Dask ``LocalCluster`` (goal: within 10% of
  the local pool); every run uses a fresh store, so every chunk is computed; the tables are compared.
* Store overhead per chunk: ``ChunkStore.put`` (one transaction) and ``load``, for an RSS payload (an int)
  and a gap-sized payload (16 trial outcomes).
* Chunk sizing: the measured per-trial cost, the seconds of one 64-trial seeding chunk, and how many
  consecutive chunks the sweep groups into one distributed task (target ``TASK_SECONDS``).

Figures depend on the machine's load: say whether it was shared when quoting them.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from pybridge.runtime.parallel import LocalBackend, make_backend
from pybridge.runtime.store import ChunkStore
from pybridge.sweep import parse_spec, run_sweep
from pybridge.sweep.checks import numbers
from pybridge.sweep.run import TASK_SECONDS


def _grid(trials: int):
    spec = {"sweep": [{"engine": "rss", "dist": ["uniform", "normal"], "n": [24, 28], "eps": 1e-5,
                       "trials": trials, "seed": 12}]}
    return [p for b in parse_spec(spec) for p in b.points()]


def _timed(points, backend, tmp: Path, name: str):
    with ChunkStore(tmp / f"{name}.sqlite") as store:
        t0 = time.perf_counter()
        rows = run_sweep(points, store=store, backend=backend)
        wall = time.perf_counter() - t0
        chunks = store.total_chunks()
    return wall, chunks, rows


def _store_overhead(tmp: Path, count: int = 300) -> dict:
    from pybridge.gap.trial import TrialOutcome

    out = {}
    payloads = {"rss (int)": 37,
                "gap (16 outcomes)": [TrialOutcome(True, False, 0.01 * i, 0.02 * i, float("nan"), 0.5)
                                      for i in range(16)]}
    for label, value in payloads.items():
        with ChunkStore(tmp / f"overhead-{len(out)}.sqlite") as store:
            key = store.experiment_key({"bench": label})
            store.register(key, {"bench": label})
            t0 = time.perf_counter()
            for i in range(count):
                store.put(key, i, value, 0.0)
            put = (time.perf_counter() - t0) / count
            t0 = time.perf_counter()
            got = store.load(key, count)
            load = (time.perf_counter() - t0) / count
            assert len(got) == count
        out[label] = (put, load)
    return out


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--trials", type=int, default=384, help="trials per grid point (64 per chunk)")
    p.add_argument("--no-dask", action="store_true")
    args = p.parse_args(argv)
    points = _grid(args.trials)
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
          "(1/5/15 min) at start; figures on a shared machine are pessimistic")
    with tempfile.TemporaryDirectory(prefix="prunegap-bench-sweep-") as d:
        tmp = Path(d)
        _timed(_grid(64)[:1], LocalBackend(1), tmp, "warmup")  # numba cache load, imports
        w1, chunks, rows1 = _timed(points, LocalBackend(1), tmp, "local1")
        per_chunk = w1 / chunks
        print(f"grid: {len(points)} points x {args.trials} trials = {chunks} chunks of 64 trials")
        per_point = chunks // len(points)
        rest = max(0, per_point - 2)
        group = max(1, min(round(TASK_SECONDS / per_chunk), -(-rest // 4))) if rest else 1
        print(f"per-trial cost {per_chunk / 64 * 1e3:.2f} ms -> one 64-trial seeding chunk {per_chunk:.2f} s "
              f"(fixed: it is the unit of seeding); tasks are grouped to ~{TASK_SECONDS:g} s = "
              f"{max(1, round(TASK_SECONDS / per_chunk))} chunks, capped so each of 2 workers gets >= 2 tasks "
              f"per point: here {group} chunk(s) per task ({per_point} chunks per point)")
        print(f"local pool, 1 worker : {w1:7.2f} s  ({chunks / w1:.2f} chunks/s)")
        b2 = LocalBackend(2)
        w2, _, rows2 = _timed(points, b2, tmp, "local2")
        b2.close()
        print(f"local pool, 2 workers: {w2:7.2f} s  speed-up {w1 / w2:.2f}x (goal >= 1.8x); "
              f"table identical: {numbers(rows2) == numbers(rows1)}")
        if not args.no_dask:
            t0 = time.perf_counter()
            bd = make_backend(dask_workers=2)
            start = time.perf_counter() - t0
            _timed(_grid(64)[:1], bd, tmp, "dask-warmup")
            wd, _, rowsd = _timed(points, bd, tmp, "dask2")
            bd.close()
            print(f"Dask LocalCluster, 2 workers: {wd:7.2f} s  ({(wd / w2 - 1) * 100:+.1f}% vs local 2 workers; "
                  f"goal within 10%); cluster start {start:.1f} s (not included); "
                  f"table identical: {numbers(rowsd) == numbers(rows1)}")
        for label, (put, ld) in _store_overhead(tmp).items():
            print(f"store overhead, {label}: put {put * 1e3:.2f} ms/chunk (one transaction), "
                  f"load {ld * 1e3:.3f} ms/chunk; {put / per_chunk * 100:.2f}% of one RSS chunk here")
    load = os.getloadavg()
    print(f"load average at end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    print("one run each (no repetitions, to keep the shared machine free)")


if __name__ == "__main__":
    main()
