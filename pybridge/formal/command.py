"""``prunegap formal``: build and audit the Coq development; per-claim formal status."""

from __future__ import annotations

import json
import sys

from pybridge.cliargs import EXIT_OK, EXIT_UNAVAILABLE, EXIT_VIOLATED, budget, int_arg, seed_arg
from pybridge.errors import InvalidArgument
from pybridge.formal.section import MAX_REPLAY

__all__ = ["add_command"]


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


def _cmd_formal(args) -> int:
    from pybridge.runtime import seeding
    from pybridge.runtime.budget import WorkEstimate
    from pybridge.formal.pin import STATEMENT_MISMATCH
    from pybridge.formal.section import COQ_BUILD_SECONDS, REPLAY_SECONDS, formal_outcomes, required_tool_reason
    from pybridge.runtime.runner import find_tool

    if args.replay < 0:
        raise InvalidArgument(f"--replay must be >= 0, got --replay={args.replay}")
    if args.write_pins or args.check_pins:
        from pybridge.formal.pin import pin_statements

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
