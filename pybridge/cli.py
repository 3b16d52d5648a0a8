"""The ``prunegap`` command line.

Exit status: 0 success, 1 a claim is violated, 2 bad input or usage, 3 a
required external tool is unavailable.  Bad input is reported in one line
naming the argument and its value; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from pybridge.errors import InvalidArgument, InvalidType, PrunegapError, SolverError

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_VIOLATED, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """One-line errors (exit 2); negative numbers such as -1e-3 or -inf are values, not options."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = re.compile(r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^-(inf|infinity|nan)$",
                                                   re.I)

    def error(self, message):  # one line, exit 2
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _seed(text):
    from pybridge.seeding import parse_seed

    try:
        return parse_seed(text)
    except InvalidArgument as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _workers_default() -> int:
    from pybridge.parallel import default_workers

    return default_workers()


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="prunegap", description="Verified math companion for pruning random neural networks.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    c = sub.add_parser("check", help="run every claim on a fixed budget and write a report")
    c.add_argument("--quick", action="store_true", help="small budget (about a minute)")
    c.add_argument("--out", default="prunegap-report", help="report directory (default ./prunegap-report)")
    c.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    c.add_argument("--seed", type=_seed, default=None, help="root seed (default: fresh entropy, recorded)")
    c.add_argument("--only", nargs="+", default=None, help="run only these sections")
    c.add_argument("--no-progress", action="store_true", help="hide the progress bar")

    r = sub.add_parser("rss", help="Monte Carlo of the random-subset-sum success probability P(n, eps)")
    r.add_argument("--n", type=int, required=True, help="number of samples")
    r.add_argument("--eps", type=float, required=True, help="radius eps > 0")
    r.add_argument("--interval", type=float, nargs=2, default=(-1.0, 1.0), metavar=("A", "B"))
    r.add_argument("--dist", default="uniform", help="uniform | normal | product | pensia")
    g = r.add_mutually_exclusive_group()
    g.add_argument("--trials", type=int, default=None, help="number of trials (default 1000)")
    g.add_argument("--half-width", type=float, default=None, help="plan trials for this CI half-width")
    r.add_argument("--confidence", type=float, default=0.95)
    r.add_argument("--seed", type=_seed, default=None)
    r.add_argument("--workers", type=int, default=None)
    r.add_argument("--json", action="store_true", help="print one JSON object")
    gp = sub.add_parser("gap", help="Monte Carlo of neuron vs weight pruning of a random two-layer ReLU network")
    gp.add_argument("--model", required=True, help="M0 (no output ReLU) | M1 (output ReLU)")
    gp.add_argument("--law", required=True, help="G (Gaussian) | U (i.i.d. Uniform[-1,1]) weights")
    gp.add_argument("--d", type=int, required=True, help="input dimension")
    gp.add_argument("--n", type=int, required=True, help="hidden units")
    gp.add_argument("--eps", type=float, required=True, help="target sup error, in (0, 1/2)")
    gp.add_argument("--target", default="axis", help="axis | diagonal | random (w*, unit norm)")
    gp.add_argument("--pruning", default="neuron", help="neuron | weight | rf")
    gp.add_argument("--trials", type=int, default=200)
    gp.add_argument("--seed", type=_seed, default=None)
    gp.add_argument("--workers", type=int, default=None)
    gp.add_argument("--json", action="store_true", help="print one JSON object")

    k = sub.add_parser("constants", help="exact, numeric and certified constants of every bound")
    k.add_argument("names", nargs="*", help="constant names (default: all)")
    k.add_argument("--dps", type=int, default=50, help="decimal digits (default 50)")
    k.add_argument("--json", action="store_true", help="print one JSON object")

    f = sub.add_parser("formal", help="build and audit the Coq development; per-claim formal status")
    f.add_argument("--replay", type=int, default=20, help="Monte Carlo certificates to replay in Coq (default 20)")
    f.add_argument("--seed", type=_seed, default=0)
    f.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def _cmd_gap(args) -> int:
    from pybridge._validation import check_int
    from pybridge.gap_mc import run_gap_experiment

    workers = args.workers if args.workers is not None else _workers_default()
    check_int("--workers", workers, min_value=1, max_value=256)
    res = run_gap_experiment(args.model, args.law, args.d, args.n, args.eps, target=args.target,
                             pruning=args.pruning, trials=args.trials, seed=args.seed, workers=workers)
    d = res.to_dict()
    d["interval"] = [d["ci_low"], d["ci_high"]]  # the two-sided Clopper-Pearson interval
    if args.json:
        print(json.dumps(d, default=str))
        return EXIT_VIOLATED if d.get("verdict") == "violated" else EXIT_OK
    m = d["model"]
    print(f"model {m.get('model')} law {m.get('law')} d={m.get('d')} target {m.get('target')} ({m.get('domain')}, "
          f"{m.get('norm')} norm), {args.pruning} pruning, n={args.n}, eps={args.eps:g}")
    print(f"success Pr[error < eps]: {d['successes']}/{d['trials']} = {d['p_hat']:.4f}, "
          f"{d['confidence']:.0%} Clopper-Pearson [{d['ci_low']:.4f}, {d['ci_high']:.4f}]; seed entropy "
          f"{d['seed_entropy']}")
    b = d.get("bound")
    if b:
        print(f"bound: {b.get('relation', '')} {b.get('value')} ({b.get('formula')}; {b.get('source')}); "
              f"verdict: {d.get('verdict')}")
    elif d.get("reference"):
        r = d["reference"]
        print(f"no bound applies to this model; reference {r.get('formula')} = {r.get('value')}")
    return EXIT_VIOLATED if d.get("verdict") == "violated" else EXIT_OK


def _cmd_constants(args) -> int:
    import symbolic
    from pybridge.constants_section import constants_table

    for n in args.names:
        if n not in symbolic.CONSTANT_NAMES:
            raise InvalidArgument(f"NAME must be one of the constants listed by 'prunegap constants', got NAME={n!r}")
    rows = constants_table(dps=args.dps, names=args.names or None)
    if args.json:
        print(json.dumps({"dps": args.dps, "constants": rows}))
        return EXIT_OK
    for r in rows:
        lo, hi = r["certified"]
        print(f"{r['name']:28s} {r['formula']:34.34s} = {r['value'][:args.dps + 2]}")
        print(f"{'':28s} certified in [{lo}, {hi}]  ({r['claim_id']}, {r['tag']})")
    return EXIT_OK


def _cmd_formal(args) -> int:
    from pybridge import seeding
    from pybridge.formal_section import formal_outcomes

    if args.replay < 0:
        raise InvalidArgument(f"--replay must be >= 0, got --replay={args.replay}")
    data = formal_outcomes(replay=args.replay, seed_root=seeding.root_seed_sequence(args.seed))
    if args.json:
        print(json.dumps(data))
    else:
        print(f"coqc: {data['coqc'] or 'unavailable'}   build: {data['build_seconds']} s")
        lean = data["lean"]["claims"]
        print(f"{'claim':32s} {'Coq':12s} {'Lean':12s} Coq theorem / Lean theorem")
        for cid, d in data["claims"].items():
            lv = lean.get(cid, {"outcome": "-", "lean": "-"})
            print(f"{cid:32s} {d['outcome']:12s} {lv['outcome']:12s} {d['coq']} / {lv['lean']}")
        print("Lean static checks: " + ("; ".join(data["lean"]["static_problems"]) or "pass"))
        if data["replay"]:
            print(f"certificates replayed in Coq: {data['replay']['replayed']} ({data['replay']['seconds']:.1f} s)")
        if data["error"]:
            print(f"error: argv={data['error']['argv']} exit={data['error']['exit']}")
    outcomes = {d["outcome"] for d in data["claims"].values()}
    lean_outcomes = {d["outcome"] for d in data["lean"]["claims"].values()}
    if "failed" in outcomes or "rejected" in lean_outcomes or data["lean"]["static_problems"]:
        return EXIT_VIOLATED
    if data["lean"]["required_tool_missing"]:
        print("prunegap formal: lake is unavailable and PRUNEGAP_REQUIRE_LEAN=1", file=sys.stderr)
        return EXIT_UNAVAILABLE
    if "unavailable" in outcomes and data["required"]:
        print("prunegap formal: coqc is unavailable and PRUNEGAP_REQUIRE_COQ=1", file=sys.stderr)
        return EXIT_UNAVAILABLE
    return EXIT_OK


def _cmd_check(args) -> int:
    from pybridge.check import SECTIONS, run_check

    workers = args.workers if args.workers is not None else _workers_default()
    if workers < 1:
        raise InvalidArgument(f"--workers must be >= 1, got --workers={workers}")
    if args.only:
        names = [s[0] for s in SECTIONS]
        for n in args.only:
            if n not in names:
                raise InvalidArgument(f"--only must name sections from {names}, got --only={n!r}")
    out = run_check(quick=args.quick, out_dir=args.out, workers=workers, seed=args.seed,
                    show_progress=not args.no_progress, only=args.only)
    print(f"report: {out.out_dir}/report.md ({out.seconds:.1f} s)")
    if out.violated:
        print(f"VIOLATED: {', '.join(sorted(set(out.violated)))}")
    if out.unavailable:
        print(f"unavailable: {', '.join(sorted(set(out.unavailable)))}")
    return out.exit_code


def _cmd_rss(args) -> int:
    from pybridge._validation import check_int, check_interval, check_probability, check_real
    from pybridge.rss import estimate_cover_probability

    # validate with the flags' own names before any work
    check_interval(*args.interval, names=("--interval A", "--interval B"))
    check_probability("--confidence", args.confidence)
    if args.half_width is not None:
        check_real("--half-width", args.half_width, min_value=0.0, max_value=0.5, min_open=True)
    workers = args.workers if args.workers is not None else _workers_default()
    check_int("--workers", workers, min_value=1, max_value=256)
    res = estimate_cover_probability(args.n, args.eps, interval=tuple(args.interval), dist=args.dist,
                                     trials=args.trials, half_width=args.half_width,
                                     confidence=args.confidence, seed=args.seed, workers=workers)
    d = res.to_dict()
    if args.json:
        print(json.dumps(d))
    else:
        print(f"P(n={d['n']}, eps={d['eps']:g}) on [{d['interval'][0]:g}, {d['interval'][1]:g}], law {d['dist']}: "
              f"{d['successes']}/{d['trials']} = {d['p_hat']:.4f}, {d['confidence']:.0%} Clopper-Pearson "
              f"[{d['ci_low']:.4f}, {d['ci_high']:.4f}]; seed entropy {d['seed_entropy']}")
    return EXIT_OK


COMMANDS = {"check": _cmd_check, "rss": _cmd_rss, "gap": _cmd_gap, "formal": _cmd_formal, "constants": _cmd_constants}


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
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
