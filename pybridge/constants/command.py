"""``prunegap constants``: exact, numeric and certified constants of every bound."""

from __future__ import annotations

import json

from pybridge.cliargs import EXIT_OK, budget, int_arg
from symbolic.core.limits import MAX_DPS, MIN_DPS
from pybridge.errors import InvalidArgument

__all__ = ["add_command"]


def add_command(sub) -> None:
    """Add ``prunegap constants`` to the subparsers ``sub``."""
    k = sub.add_parser("constants", help="exact, numeric and certified constants of every bound")
    k.add_argument("names", nargs="*", help="constant names (default: all)")
    k.add_argument("--dps", type=int_arg(MIN_DPS, MAX_DPS), default=50,
                   help=f"decimal digits, {MIN_DPS}..{MAX_DPS} (default 50)")
    k.add_argument("--json", action="store_true", help="print one JSON object")
    k.set_defaults(run=_cmd_constants)


def _cmd_constants(args) -> int:
    import symbolic
    from pybridge.constants.cost import constants_estimate
    from pybridge.constants.section import constants_table

    for n in args.names:
        if n not in symbolic.CONSTANT_NAMES:
            raise InvalidArgument(f"NAME must be one of the constants listed by 'prunegap constants', got NAME={n!r}")
    budget("constants", constants_estimate(args.names or symbolic.CONSTANT_NAMES, args.dps), args)
    rows = constants_table(dps=args.dps, names=args.names or None)
    if args.json:
        print(json.dumps({"dps": args.dps, "constants": rows}))
        return EXIT_OK
    for r in rows:
        lo, hi = r["certified"]
        at = ", ".join(f"{k}={v}" for k, v in r["params"].items())
        print(f"{r['name']}: {r['formula']} = {r['value'][:args.dps + 2]}" + (f"  (at {at})" if at else ""))
        print(f"    certified in [{lo}, {hi}]  ({r['claim_id']}, {r['tag']})")
    return EXIT_OK
