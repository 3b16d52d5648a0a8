"""``prunegap sweep SPEC.toml``: a grid over the Monte Carlo engines, resumable from a results store.

``prunegap sweep SPEC.toml [--store PATH] [--workers W | --scheduler ADDRESS | --dask-workers N]
[--export out.csv|out.parquet] [--status]``
"""

from __future__ import annotations

import sys

from pybridge.cliargs import EXIT_OK, budget, default_workers

__all__ = ["add_command"]


def add_command(sub) -> None:
    """Add ``prunegap sweep`` to the subparsers ``sub``."""
    s = sub.add_parser("sweep", help="run a grid spec (TOML) over the engines; resumable, local pool or Dask")
    s.add_argument("spec", metavar="SPEC.toml", help="grid spec: one [[sweep]] table per block")
    s.add_argument("--store", default=None, metavar="PATH",
                   help="results store (SQLite; default ./prunegap-store.sqlite)")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--workers", type=int, default=None, help="local worker processes (default: all cores)")
    g.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="send chunks to a running Dask scheduler, e.g. tcp://host:8786 (needs prunegap[dask])")
    g.add_argument("--dask-workers", type=int, default=None, metavar="N",
                   help="start a Dask LocalCluster of N worker processes (needs prunegap[dask])")
    s.add_argument("--export", default=None, metavar="out.csv|out.parquet",
                   help="write the table (one row per grid point) and a figure per engine beside it")
    s.add_argument("--status", action="store_true", help="print what is done and what is left; compute nothing")
    s.set_defaults(run=_cmd_sweep)


def _fmt_seconds(s: float) -> str:
    return f"{s:.0f} s" if s < 120 else f"{s / 60:.1f} min"


def _cmd_sweep(args) -> int:
    from tqdm import tqdm

    from pybridge.runtime.parallel import make_backend
    from pybridge.runtime.store import DEFAULT_STORE, ChunkStore
    from pybridge.sweep.cost import sweep_estimate
    from pybridge.sweep.export import check_export_path, write_table
    from pybridge.sweep.figure import plot_engine
    from pybridge.sweep.run import run_sweep, sweep_status
    from pybridge.sweep.spec import load_spec
    from pybridge.validation import check_int

    blocks = load_spec(args.spec)
    points = [p for b in blocks for p in b.points()]
    if args.export is not None:
        check_export_path(args.export)
    if args.workers is not None:
        check_int("--workers", args.workers, min_value=1, max_value=256)
    if args.dask_workers is not None:
        check_int("--dask-workers", args.dask_workers, min_value=1, max_value=256)
    store = ChunkStore(args.store if args.store is not None else DEFAULT_STORE)
    try:
        status = sweep_status(points, store)  # validates every point before any work
        done_pts = sum(s.complete for s in status)
        known = sum(s.known for s in status)
        stored = sum(s.done for s in status)
        unknown = sum(s.phases_unknown for s in status)
        trials = sum(p.params.get("trials") or 0 for p in points)
        if args.status:
            for s in status:
                state = ("done" if s.complete else
                         f"{s.done}/{s.known} chunks" + (" (pilot; main phase sized after it)" if s.phases_unknown
                                                        else ""))
                print(f"{s.point.engine:5s} {s.point.label():60s} {state}")
            print(f"status: {done_pts}/{len(points)} points done, {stored}/{known} known chunks stored"
                  + (f", {unknown} half-width points not yet sized" if unknown else "") + f"; store {store.path}")
            return EXIT_OK
        # the engines' cost models summed over the cells left, before the backend starts (a Dask scheduler's
        # worker count is unknown here: planned as one worker; raise --max-seconds for a large cluster)
        planned = (args.workers if args.workers is not None else args.dask_workers if args.dask_workers is not None
                   else 1 if args.scheduler is not None else default_workers())
        model = budget("sweep", sweep_estimate(status, planned), args)
        backend = make_backend(workers=args.workers, scheduler=args.scheduler, dask_workers=args.dask_workers)
        try:
            left = known - stored
            per_chunk = _mean_chunk_seconds(status)
            eta = (f"estimated {_fmt_seconds(per_chunk * left / max(1, backend.workers))} "
                   f"(from {stored} stored chunks)" if per_chunk
                   else f"est. {_fmt_seconds(model.seconds)} (engines' cost models)")
            print(f"plan: {len(points)} points ({done_pts} done), {trials:,} trials"
                  + (f" + {unknown} half-width points" if unknown else "")
                  + f", {known} chunks ({stored} stored, {left} to compute); {backend.describe()}; {eta}",
                  file=sys.stderr)
            with tqdm(total=known, initial=0, desc="prunegap sweep", unit="chunk", disable=None,
                      leave=False) as bar:
                def step(k):
                    bar.update(k)
                    if bar.n > bar.total:  # half-width points add their main phase once their pilot is done
                        bar.total = bar.n
                rows = run_sweep(points, store=store, backend=backend, progress=step)
        except KeyboardInterrupt:
            print(f"prunegap sweep: interrupted; finished chunks are in {store.path} (run again to resume)",
                  file=sys.stderr)
            return 130
        finally:
            backend.close()
    finally:
        store.close()
    for r in rows:
        print(f"{r.point.engine:5s} {r.point.label():60s} {r.successes}/{r.trials} "
              f"[{r.ci_low:.4f}, {r.ci_high:.4f}] ({r.confidence:.0%} Clopper-Pearson)")
    if args.export is not None:
        out = write_table(rows, args.export)
        figs = []
        for engine in dict.fromkeys(r.point.engine for r in rows):
            fig = out.with_name(f"{out.stem}-{engine}.png")
            plot_engine(engine, [r for r in rows if r.point.engine == engine], fig)
            figs.append(str(fig))
        print(f"table: {out}; figures: {', '.join(figs)}")
    return EXIT_OK


def _mean_chunk_seconds(status) -> float | None:
    """Mean compute seconds of the stored chunks of these points (None if none is stored)."""
    done = sum(s.done for s in status)
    return sum(s.seconds for s in status) / done if done else None
