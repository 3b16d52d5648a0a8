"""The ``prunegap`` command line: ``check`` here, every other command from its domain's ``command.py``.

Exit status: 0 success, 1 a claim is violated, 2 bad input or usage (or work beyond
the limits), 3 a required external tool is unavailable, 130 SIGINT, 143 SIGTERM,
141 a broken pipe, 70 an internal error.  Bad input is reported in one line naming
the argument and its value; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from pybridge import domains
from pybridge.claims import command as claims_command
from pybridge.cliargs import (EXIT_BROKEN_PIPE, EXIT_INTERNAL, EXIT_UNAVAILABLE, EXIT_USAGE, EXIT_VIOLATED,
                              Parser, default_workers, seed_arg)
from pybridge.cliargs import int_arg, real_arg
from pybridge.runtime.budget import MAX_SECONDS_LIMIT
from pybridge.runtime.scratch import sweep_stale
from pybridge.runtime.signals import EXIT_SIGINT, EXIT_SIGTERM, Terminated, sigterm_raises
from pybridge.errors import InvalidArgument, InvalidType, PrunegapError, SolverError, ToolUnavailableError

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="prunegap", description="Verified math companion for pruning random neural networks.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)

    c = sub.add_parser("check", help="run every claim on a fixed budget and write a report")
    c.add_argument("--quick", action="store_true", help="small budget (about a minute)")
    c.add_argument("--out", default="prunegap-report", help="report directory (default ./prunegap-report)")
    c.add_argument("--workers", type=int_arg(1, 256), default=None,
                   help="worker processes (default: all cores)")
    c.add_argument("--seed", type=seed_arg, default=None, help="root seed (default: fresh entropy, recorded)")
    c.add_argument("--only", nargs="+", default=None, help="run only these sections")
    c.add_argument("--no-progress", action="store_true",
                   help="hide the progress bar (drawn on standard error)")
    c.add_argument("--resume", action="store_true",
                   help="continue the last interrupted check from the results store (same mode and seed)")
    c.add_argument("--store", default=None, metavar="PATH",
                   help="results store for --resume (SQLite; default ./prunegap-store.sqlite)")
    c.set_defaults(run=_cmd_check)
    claims_command.add_command(sub)
    for mod in domains.command_modules():
        mod.add_command(sub)
    _add_common_args(sub)
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
    store = (args.store if args.store is not None else True) if (args.resume or args.store is not None) else None
    out = run_check(quick=args.quick, out_dir=args.out, workers=workers, seed=args.seed,
                    show_progress=not args.no_progress, only=args.only, max_seconds=args.max_seconds, store=store)
    total = f", {out.total_seconds:.1f} s with the report written" if out.total_seconds is not None else ""
    print(f"report: {out.out_dir}/report.md and report.html (sections {out.seconds:.1f} s{total})")
    if out.violated:
        print(f"VIOLATED: {', '.join(sorted(set(out.violated)))}")
    if out.unavailable:
        print(f"unavailable: {', '.join(sorted(set(out.unavailable)))}")
    for reason in out.missing or ():
        print(f"prunegap check: {reason}", file=sys.stderr)
    return out.exit_code


def _add_common_args(sub) -> None:
    """Flags every command takes (added after the domains' own, so a new domain inherits them)."""
    for p in dict.fromkeys(sub.choices.values()):
        if "--max-seconds" not in p._option_string_actions:
            p.add_argument("--max-seconds", type=real_arg(0.0, MAX_SECONDS_LIMIT, min_open=True),
                           default=None, metavar="S",
                           help="refuse work estimated to take longer than S seconds (default 7200: two "
                                "hours); raise it to allow a longer run")


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's final flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _encodable_streams() -> None:
    """Under a locale that cannot encode the output (e.g. ``LC_ALL=C`` without UTF-8 mode), print the
    characters it cannot encode (ε, ≥, —) as backslash escapes instead of stopping with an error."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding in ("utf8", "utf8sig", "utf16", "utf32") or not hasattr(stream, "reconfigure"):
            continue
        try:
            stream.reconfigure(errors="backslashreplace")
        except (ValueError, OSError, AttributeError):  # a stream that cannot be reconfigured keeps its settings
            pass


def main(argv=None) -> int:
    """Run ``prunegap`` with ``argv`` (default ``sys.argv[1:]``); return the exit status (never raises).

    Exit status: 0 success; 1 a claim is violated; 2 bad input or usage (one line naming the flag and
    its value), or work beyond the ``--max-seconds``/memory limit; 3 a required external tool is
    unavailable; 130 interrupted by SIGINT; 143 terminated by SIGTERM (no partial report, temporary
    files removed); 141 standard output closed early (a broken pipe, e.g. ``| head``: quiet); 70 an
    internal error (a bug: one line, and the traceback with ``PRUNEGAP_DEBUG=1``).
    """
    command = "?"
    _encodable_streams()
    with sigterm_raises():
        try:
            parser = build_parser()
            try:
                args = parser.parse_args(argv)
            except SystemExit as exc:  # --help, --version, or a usage error (already printed, one line)
                return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
            command = args.command
            sweep_stale()  # scratch directories of earlier runs that were killed (owner pid dead)
            args.claims = domains.registry()  # every command sees the whole registry, collected once here
            return args.run(args)
        except BrokenPipeError:
            _quiet_stdout()
            return EXIT_BROKEN_PIPE
        except (InvalidArgument, InvalidType) as exc:
            print(f"prunegap {command}: error: {_one_line(exc)}", file=sys.stderr)
            return EXIT_USAGE
        except SolverError as exc:
            print(f"prunegap {command}: solver failure: {_one_line(exc)}", file=sys.stderr)
            return EXIT_VIOLATED
        except KeyboardInterrupt:
            print(f"prunegap {command}: interrupted; no partial report was written", file=sys.stderr)
            return EXIT_SIGINT
        except Terminated:
            print(f"prunegap {command}: terminated (SIGTERM); no partial report was written, temporary files "
                  "were removed", file=sys.stderr)
            return EXIT_SIGTERM
        except MemoryError:
            print(f"prunegap {command}: error: out of memory for this instance (reduce --n, --trials or --d, "
                  "or increase --eps)", file=sys.stderr)
            return EXIT_USAGE
        except ToolUnavailableError as exc:
            print(f"prunegap {command}: error: {_one_line(exc)}", file=sys.stderr)
            return EXIT_UNAVAILABLE
        except PrunegapError as exc:
            print(f"prunegap {command}: error: {_one_line(exc)}", file=sys.stderr)
            return EXIT_USAGE
        except OSError as exc:
            print(f"prunegap {command}: error: {exc.strerror or exc} ({exc.filename})", file=sys.stderr)
            return EXIT_USAGE
        except Exception as exc:  # a bug: one line, never a traceback (unless asked for)
            if os.environ.get("PRUNEGAP_DEBUG"):
                traceback.print_exc()
            print(f"prunegap {command}: internal error: {type(exc).__name__}: {_one_line(exc)} (this is a "
                  "bug; PRUNEGAP_DEBUG=1 shows the traceback)", file=sys.stderr)
            return EXIT_INTERNAL


def _one_line(exc) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
