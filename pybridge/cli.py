"""The ``prunegap`` command line: ``check`` here, every other command from its domain's ``command.py``.

Exit status: 0 success, 1 a claim is violated, 2 bad input or usage, 3 a
required external tool is unavailable.  Bad input is reported in one line
naming the argument and its value; never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from pybridge import domains
from pybridge.claims import command as claims_command
from pybridge.cliargs import EXIT_UNAVAILABLE, EXIT_USAGE, EXIT_VIOLATED, Parser, default_workers, seed_arg
from pybridge.errors import InvalidArgument, InvalidType, PrunegapError, SolverError

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="prunegap", description="Verified math companion for pruning random neural networks.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)

    c = sub.add_parser("check", help="run every claim on a fixed budget and write a report")
    c.add_argument("--quick", action="store_true", help="small budget (about a minute)")
    c.add_argument("--out", default="prunegap-report", help="report directory (default ./prunegap-report)")
    c.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    c.add_argument("--seed", type=seed_arg, default=None, help="root seed (default: fresh entropy, recorded)")
    c.add_argument("--only", nargs="+", default=None, help="run only these sections")
    c.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    c.add_argument("--resume", action="store_true",
                   help="continue the last interrupted check from the results store (same mode and seed)")
    c.add_argument("--store", default=None, metavar="PATH",
                   help="results store for --resume (SQLite; default ./prunegap-store.sqlite)")
    c.set_defaults(run=_cmd_check)
    claims_command.add_command(sub)
    for mod in domains.command_modules():
        mod.add_command(sub)
    return p


def _cmd_check(args) -> int:
    from pybridge.check import run_check, section_names

    workers = args.workers if args.workers is not None else default_workers()
    if workers < 1:
        raise InvalidArgument(f"--workers must be >= 1, got --workers={workers}")
    if args.only:
        names = section_names()
        for n in args.only:
            if n not in names:
                raise InvalidArgument(f"--only must name sections from {names}, got --only={n!r}")
    if args.resume or args.store is not None:
        out = _resumable_check(args, workers)
    else:
        out = run_check(quick=args.quick, out_dir=args.out, workers=workers, seed=args.seed,
                        show_progress=not args.no_progress, only=args.only)
    print(f"report: {out.out_dir}/report.md and report.html ({out.seconds:.1f} s)")
    if out.violated:
        print(f"VIOLATED: {', '.join(sorted(set(out.violated)))}")
    if out.unavailable:
        print(f"unavailable: {', '.join(sorted(set(out.unavailable)))}")
    return out.exit_code


def _resumable_check(args, workers):
    """``check --resume``: every chunked Monte Carlo of the check goes through the results store."""
    from pybridge.check import run_check, section_names
    from pybridge.stats.parallel import chunk_policy
    from pybridge.stats.store import DEFAULT_STORE, ChunkStore

    mode = {"quick": args.quick, "only": args.only or section_names()}
    with ChunkStore(args.store if args.store is not None else DEFAULT_STORE) as store:
        run_id, entropy = store.open_run("check", mode, None if args.seed is None else str(args.seed))
        before = store.total_chunks()
        print(f"prunegap check: run {run_id} with seed entropy {entropy} ({before} chunks in {store.path})",
              file=sys.stderr)
        with chunk_policy(store=store) as policy:
            out = run_check(quick=args.quick, out_dir=args.out, workers=workers, seed=int(entropy),
                            show_progress=not args.no_progress, only=args.only)
        store.close_run(run_id)
        reused = sum(c.reused for c in policy.calls)
        computed = sum(c.computed for c in policy.calls)
        print(f"prunegap check: {reused} chunks reused from the store, {computed} computed", file=sys.stderr)
    return out


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.claims = domains.registry()  # every command sees the whole registry, collected once here
        return args.run(args)
    except (InvalidArgument, InvalidType) as exc:
        print(f"prunegap {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SolverError as exc:
        print(f"prunegap {args.command}: solver failure: {exc}", file=sys.stderr)
        return EXIT_VIOLATED
    except KeyboardInterrupt:
        print(f"prunegap {args.command}: interrupted; no partial report was written", file=sys.stderr)
        return 130
    except MemoryError:
        print(f"prunegap {args.command}: error: out of memory for this instance (try a larger --eps or a smaller "
              "--n)", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"prunegap {args.command}: error: {exc.strerror or exc} ({exc.filename})", file=sys.stderr)
        return EXIT_USAGE
    except PrunegapError as exc:
        print(f"prunegap {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE if "unavailable" in str(exc) else EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
