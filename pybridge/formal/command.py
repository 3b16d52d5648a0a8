"""``prunegap formal``: build and audit the Coq development; per-claim formal status.

``prunegap formal --write-pins`` / ``--check-pins`` regenerate or compare the pinned statements
(:func:`pin_statements`): the top of the statement pins, above the prover calls
(:func:`pybridge.formal.coq.coq_statements`, :func:`pybridge.formal.lean.lean_statements`) and the golden
files (:mod:`pybridge.formal.pin`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pybridge.cliargs import EXIT_OK, EXIT_UNAVAILABLE, EXIT_VIOLATED, budget, int_arg, seed_arg
from pybridge.errors import InvalidArgument
from pybridge.formal.coq import build_coq, coq_statements
from pybridge.formal.lean import lean_statements
from pybridge.formal.pin import COQ_GOLDEN, LEAN_GOLDEN, STATEMENT_MISMATCH, read_golden, write_golden
from pybridge.formal.section import (COQ_BUILD_SECONDS, MAX_REPLAY, REPLAY_SECONDS, formal_outcomes,
                                     required_tool_reason)
from pybridge.formal.sources import COQ_DIR
from pybridge.runtime import seeding
from pybridge.runtime.budget import WorkEstimate
from pybridge.runtime.runner import find_tool

__all__ = ["add_command", "pin_statements"]


def add_command(sub) -> None:
    """Add ``prunegap formal`` to the subparsers ``sub``."""
    f = sub.add_parser("formal", help="build and audit the Coq development; per-claim formal status")
    f.add_argument("--replay", type=int_arg(0, MAX_REPLAY), default=20,
                   help=f"Monte Carlo certificates to replay in Coq (default 20, at most {MAX_REPLAY})")
    f.add_argument("--seed", type=seed_arg, default=0)
    f.add_argument("--json", action="store_true", help="print one JSON object")
    pins = f.add_mutually_exclusive_group()
    pins.add_argument("--write-pins", action="store_true",
                      help="regenerate coq/statements.golden and lean/statements.golden (after an intended "
                           "change of a theorem statement) and exit")
    pins.add_argument("--check-pins", action="store_true",
                      help="only compare the built statements with the pinned ones (exit 1 on a difference)")
    f.set_defaults(run=_cmd_formal)


def _diff(old: dict, new: dict) -> list[str]:
    keys = list(dict.fromkeys([*old, *new]))
    return [k for k in keys if old.get(k) != new.get(k)]


def pin_statements(claims, *, write: bool, coq_golden: Path = COQ_GOLDEN, lean_golden: Path = LEAN_GOLDEN,
                   coq_src: Path | None = None, lean_root: Path | None = None, out=print) -> int:
    """Regenerate (``write=True``) or compare both golden files; exit code 0 (written / matching) or 1.

    Builds ``coq_src`` (default ``coq/``) in a scratch directory and prints every statement with ``Check``;
    reads the Lean signatures from ``lean_root`` (default ``lean/``).

    Raises
    ------
    ToolNotFoundError, ToolFailedError, ToolTimeoutError
        coqc is unavailable, or the build or the ``Check`` run fails.
    """
    claims = list(claims)
    build = build_coq(coq_src or COQ_DIR)
    try:
        coq = coq_statements(build, claims)
    finally:
        build.cleanup()
    missing = [c.id for c in claims if c.coq and c.id not in coq]
    if missing:
        out(f"pin: Coq printed no statement for {missing}")
        return 1
    lean = lean_statements(claims, lean_root)
    changed = {"coq": _diff(read_golden(coq_golden), coq), "lean": _diff(read_golden(lean_golden), lean)}
    if write:
        write_golden(coq_golden, coq, "Coq (coqc `Check` output)")
        write_golden(lean_golden, lean, "Lean 4 (declaration signature from the source)")
        out(f"wrote {coq_golden} ({len(coq)} theorems; changed: {', '.join(changed['coq']) or 'none'}) and "
            f"{lean_golden} ({len(lean)} theorems; changed: {', '.join(changed['lean']) or 'none'})")
        return 0
    for prover, ids in changed.items():
        out(f"{prover}: " + (f"differs from the pinned statements for {', '.join(ids)}" if ids
                             else "matches the pinned statements"))
    return 1 if any(changed.values()) else 0


def _cmd_formal(args) -> int:
    if args.replay < 0:
        raise InvalidArgument(f"--replay must be >= 0, got --replay={args.replay}")
    if args.write_pins or args.check_pins:
        if find_tool("coqc") is None:
            print("prunegap formal: coqc is unavailable: cannot print the Coq statements to pin", file=sys.stderr)
            return EXIT_UNAVAILABLE
        budget("formal", WorkEstimate("Coq build and statement pins", COQ_BUILD_SECONDS, 1, 0, ()), args)
        return EXIT_OK if pin_statements(args.claims.values(), write=args.write_pins) == 0 else EXIT_VIOLATED
    if find_tool("coqc") is not None:
        budget("formal", WorkEstimate(f"Coq build and audit + {args.replay} certificate replays",
                                      COQ_BUILD_SECONDS + REPLAY_SECONDS * args.replay, 1, 0, ("--replay",)), args)
    data = formal_outcomes(args.claims, replay=args.replay, seed_root=seeding.root_seed_sequence(args.seed))
    if args.json:
        print(json.dumps(data))
    else:
        print(f"coqc: {data['coqc'] or 'unavailable'}   build: {data['build_seconds']} s")
        lean = data["lean"]["claims"]
        print(f"{'claim':32s} {'Coq':19s} {'Lean':19s} Coq theorem / Lean theorem")
        for cid, d in data["claims"].items():
            lv = lean.get(cid, {"outcome": "-", "lean": "-"})
            print(f"{cid:32s} {d['outcome']:19s} {lv['outcome']:19s} {d['coq']} / {lv['lean']}")
        print("Lean static checks: " + ("; ".join(data["lean"]["static_problems"]) or "pass"))
        if data["replay"]:
            print(f"certificates replayed in Coq: {data['replay']['replayed']} ({data['replay']['seconds']:.1f} s)")
        if data["error"]:
            print(f"error: argv={data['error']['argv']} exit={data['error']['exit']}")
    outcomes = {d["outcome"] for d in data["claims"].values()}
    lean_outcomes = {d["outcome"] for d in data["lean"]["claims"].values()}
    if outcomes & {"failed", STATEMENT_MISMATCH} or lean_outcomes & {"rejected", STATEMENT_MISMATCH} \
            or data["lean"]["static_problems"]:
        return EXIT_VIOLATED
    reason = required_tool_reason(data)
    if reason:
        print(f"prunegap formal: {reason}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    return EXIT_OK
