"""``prunegap claims [--json] [--report DIR] [ID]``: the blueprint on the command line.

Without ``ID``: every registered claim with its status, whether it is fully backed (else its
weakest link) and the claims it uses.  With ``ID``: that claim, its backing and its whole chain
of dependencies as a tree.  Statuses are those of the report in ``--report`` (default
``./prunegap-report``, written by ``prunegap check``); without a report every status is
"not run" and nothing is fully backed.  The dependency graph is always the current registry's.
"""

from __future__ import annotations

import json
from pathlib import Path

from pybridge.claims.blueprint import NOT_RUN, derive_backing, describe_status, status_counts, used_by
from pybridge.errors import InvalidArgument, InvalidType

__all__ = ["add_command", "read_statuses", "run"]


def add_command(sub) -> None:
    """Add the ``claims`` subparser to ``sub`` (the ``prunegap`` subparsers)."""
    p = sub.add_parser("claims", help="list claims with status and dependencies, or one claim with its chain")
    p.add_argument("id", nargs="?", default=None, metavar="ID", help="one claim id: show its whole chain")
    p.add_argument("--report", default=None, help="report directory to read statuses from (default "
                                                  "./prunegap-report)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run)


def read_statuses(report_dir) -> tuple[dict, dict]:
    """``({claim id: status}, meta)`` from ``report_dir/results.json``.

    Raises
    ------
    InvalidArgument
        The file is missing or is not a prunegap results file.
    """
    if not isinstance(report_dir, (str, Path)):
        raise InvalidType(f"--report must be a path, got --report={report_dir!r} (type={type(report_dir).__name__})")
    if isinstance(report_dir, str) and ("\x00" in report_dir or len(report_dir) > 4096):
        raise InvalidArgument(f"--report must be a path, got --report={report_dir[:60]!r}")
    path = Path(report_dir).expanduser() / "results.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {row["id"]: row["status"] for row in data["claims"]}, dict(data.get("meta", {}))
    except FileNotFoundError:
        raise InvalidArgument(f"--report must be a prunegap check report, got --report={str(report_dir)!r} "
                              f"(no results.json)") from None
    except (OSError, ValueError, KeyError, TypeError):
        raise InvalidArgument(f"--report must be a prunegap check report, got --report={str(report_dir)!r} "
                              f"(results.json is unreadable)") from None


def _tree(cid, claims, statuses, prefix="", seen=None) -> list[str]:
    seen = set() if seen is None else seen
    lines = []
    deps = claims[cid].uses
    for i, dep in enumerate(deps):
        last = i == len(deps) - 1
        again = dep in seen
        lines.append(f"{prefix}{'└── ' if last else '├── '}{dep} [{statuses.get(dep, NOT_RUN)}]"
                     + (" (its chain is shown above)" if again and claims[dep].uses else ""))
        if not again:
            seen.add(dep)
            lines += _tree(dep, claims, statuses, prefix + ("    " if last else "│   "), seen)
    return lines


def run(args) -> int:
    """Print the list or one claim's chain; exit 0 (bad ID or report: :class:`InvalidArgument`, exit 2)."""
    claims = args.claims
    if args.id is not None and args.id not in claims:
        raise InvalidArgument(f"ID must be a registered claim id, got ID={args.id!r}")
    if args.report is None and not (Path("prunegap-report") / "results.json").is_file():
        statuses, meta, source = {}, {}, None
    else:
        report = args.report or "prunegap-report"
        statuses, meta = read_statuses(report)
        source = str(Path(report).expanduser() / "results.json")
    statuses = {cid: statuses.get(cid, NOT_RUN) for cid in claims}
    backing = derive_backing(statuses, claims)
    users = used_by(claims)
    origin = (f"statuses from {source} (mode {meta.get('mode')}, seed entropy {meta.get('seed_entropy')})"
              if source else "no report found (./prunegap-report): every status is 'not run'; "
                             "run prunegap check")

    def record(cid):
        return {"id": cid, "status": statuses[cid], "uses": list(claims[cid].uses),
                "used_by": list(users[cid]), **backing[cid].to_dict()}

    if args.id is None:
        if args.json:
            print(json.dumps({"report": source, "meta": meta, "counts": status_counts(statuses),
                              "claims": [record(c) for c in claims]}, indent=1))
            return 0
        width = max(len(c) for c in claims)
        swidth = max(len(s) for s in statuses.values())
        print(origin)
        for cid in claims:
            b = backing[cid]
            mark = "fully backed" if b.fully_backed else (
                f"weakest: {b.weakest} ({b.weakest_status})" if not b.chain_backed
                else f"not fully backed: itself {describe_status(b.status)}")
            uses = ", ".join(claims[cid].uses) or "-"
            print(f"{cid:<{width}}  {statuses[cid]:<{swidth}}  {mark}; uses: {uses}")
        counts = ", ".join(f"{s} {n}" for s, n in status_counts(statuses).items())
        full = sum(b.fully_backed for b in backing.values())
        print(f"{len(claims)} claims: {counts}; fully backed {full}")
        return 0
    claim = claims[args.id]
    if args.json:
        print(json.dumps({"report": source, "meta": meta, **record(args.id), "claim": claim.to_dict(),
                          "chain_statuses": {d: statuses[d] for d in backing[args.id].chain}}, indent=1))
        return 0
    print(origin)
    print(f"{claim.id} [{statuses[claim.id]}] — {claim.kind}, tag {claim.tag}; source {claim.source}")
    print(f"  {claim.statement}")
    print(f"  model: {claim.model}")
    print(f"  {backing[claim.id].sentence()}")
    print(f"  used by: {', '.join(users[claim.id]) or '-'}")
    print(f"{claim.id} [{statuses[claim.id]}]")
    print("\n".join(_tree(claim.id, claims, statuses, seen={claim.id})) or "    (uses no other claim)")
    return 0
