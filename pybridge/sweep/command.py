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
    from pybridge.runtime.parallel import make_backend
    from pybridge.runtime.store import DEFAULT_STORE, ChunkStore
    from pybridge.sweep.cost import sweep_estimate
    from pybridge.sweep.run import sweep_status
    from pybridge.sweep.spec import load_spec

    blocks = load_spec(args.spec)
    points = [p for b in blocks for p in b.points()]
    _check_sweep_flags(args)
    store = ChunkStore(args.store if args.store is not None else DEFAULT_STORE)
    try:
        status = sweep_status(points, store)  # validates every point before any work
        if args.status:
            _print_status(status, len(points), store.path)
            return EXIT_OK
        # the engines' cost models summed over the cells left, before the backend starts (a Dask scheduler's
        # worker count is unknown here: planned as one worker; raise --max-seconds for a large cluster)
        planned = (args.workers if args.workers is not None else args.dask_workers if args.dask_workers is not None
                   else 1 if args.scheduler is not None else default_workers())
        model = budget("sweep", sweep_estimate(status, planned), args)
        backend = make_backend(workers=args.workers, scheduler=args.scheduler, dask_workers=args.dask_workers)
        try:
            _print_plan(points, status, backend, model.seconds)
            rows = _run_with_progress(points, status, store, backend)
        except KeyboardInterrupt:
            print(f"prunegap sweep: interrupted; finished chunks are in {store.path} (run again to resume)",
                  file=sys.stderr)
            return 130
        finally:
            backend.close()
    finally:
        store.close()
    _print_rows(rows)
    if args.export is not None:
        _export(rows, args.export)
    return EXIT_OK


def _check_sweep_flags(args) -> None:
    """Refuse a bad ``--export`` path, ``--workers`` or ``--dask-workers`` before the store is opened."""
    from pybridge.sweep.export import check_export_path
    from pybridge.validation import check_int

    if args.export is not None:
        check_export_path(args.export)
    if args.workers is not None:
        check_int("--workers", args.workers, min_value=1, max_value=256)
    if args.dask_workers is not None:
        check_int("--dask-workers", args.dask_workers, min_value=1, max_value=256)


def _print_status(status, n_points: int, store_path) -> None:
    """``--status``: one line per point (done, or chunks stored of those known), then the totals."""
    for s in status:
        state = ("done" if s.complete else
                 f"{s.done}/{s.known} chunks" + (" (pilot; main phase sized after it)" if s.phases_unknown
                                                else ""))
        print(f"{s.point.engine:5s} {s.point.label():60s} {state}")
    unknown = sum(s.phases_unknown for s in status)
    print(f"status: {sum(s.complete for s in status)}/{n_points} points done, "
          f"{sum(s.done for s in status)}/{sum(s.known for s in status)} known chunks stored"
          + (f", {unknown} half-width points not yet sized" if unknown else "") + f"; store {store_path}")


def _print_plan(points, status, backend, model_seconds: float) -> None:
    """The plan line on stderr: points, trials, chunks stored and left, the backend, the estimated time.

    The time comes from the stored chunks' mean compute time when there are any, else from the engines' cost
    models (``model_seconds``).
    """
    known = sum(s.known for s in status)
    stored = sum(s.done for s in status)
    unknown = sum(s.phases_unknown for s in status)
    trials = sum(p.params.get("trials") or 0 for p in points)
    left = known - stored
    per_chunk = _mean_chunk_seconds(status)
    eta = (f"estimated {_fmt_seconds(per_chunk * left / max(1, backend.workers))} "
           f"(from {stored} stored chunks)" if per_chunk
           else f"est. {_fmt_seconds(model_seconds)} (engines' cost models)")
    print(f"plan: {len(points)} points ({sum(s.complete for s in status)} done), {trials:,} trials"
          + (f" + {unknown} half-width points" if unknown else "")
          + f", {known} chunks ({stored} stored, {left} to compute); {backend.describe()}; {eta}",
          file=sys.stderr)


def _run_with_progress(points, status, store, backend) -> list:
    """Run the sweep under a progress bar over the known chunks (grown as pilots size their main phase)."""
    from tqdm import tqdm

    from pybridge.sweep.run import run_sweep

    known = sum(s.known for s in status)
    with tqdm(total=known, initial=0, desc="prunegap sweep", unit="chunk", disable=None, leave=False) as bar:
        def step(k):
            bar.update(k)
            if bar.n > bar.total:  # half-width points add their main phase once their pilot is done
                bar.total = bar.n
        return run_sweep(points, store=store, backend=backend, progress=step)


def _print_rows(rows) -> None:
    """One line per grid point: successes/trials and the Clopper-Pearson interval."""
    for r in rows:
        print(f"{r.point.engine:5s} {r.point.label():60s} {r.successes}/{r.trials} "
              f"[{r.ci_low:.4f}, {r.ci_high:.4f}] ({r.confidence:.0%} Clopper-Pearson)")


def _export(rows, path) -> None:
    """``--export``: the table at ``path`` and one figure per engine beside it."""
    from pybridge.sweep.export import write_table
    from pybridge.sweep.figure import plot_engine

    out = write_table(rows, path)
    figs = []
    for engine in dict.fromkeys(r.point.engine for r in rows):
        fig = out.with_name(f"{out.stem}-{engine}.png")
        plot_engine(engine, [r for r in rows if r.point.engine == engine], fig)
        figs.append(str(fig))
    print(f"table: {out}; figures: {', '.join(figs)}")


def _mean_chunk_seconds(status) -> float | None:
    """Mean compute seconds of the stored chunks of these points (None if none is stored)."""
    done = sum(s.done for s in status)
    return sum(s.seconds for s in status) / done if done else None
