"""``prunegap gap``: Monte Carlo of neuron vs weight pruning of a random two-layer ReLU network."""

from __future__ import annotations

import json
import re

from pybridge.cliargs import EXIT_OK, EXIT_VIOLATED, budget, default_workers, int_arg, real_arg, seed_arg
from pybridge.errors import InvalidArgument

__all__ = ["add_command"]


def add_command(sub) -> None:
    """Add ``prunegap gap`` to the subparsers ``sub``."""
    from pybridge.gap.trial import MAX_D, MAX_N

    gp = sub.add_parser("gap", help="Monte Carlo of neuron vs weight pruning of a random two-layer ReLU network")
    gp.add_argument("--model", required=True, help="M0 (no output ReLU) | M1 (output ReLU)")
    gp.add_argument("--law", required=True, help="G (Gaussian) | U (i.i.d. Uniform[-1,1]) weights")
    gp.add_argument("--d", type=int_arg(1, MAX_D), required=True, help=f"input dimension (1..{MAX_D:.0e})")
    gp.add_argument("--n", type=int_arg(1, MAX_N), required=True, help="hidden units")
    gp.add_argument("--eps", type=real_arg(0.0, 0.5, min_open=True, max_open=True), required=True,
                    help="target sup error, in (0, 1/2)")
    gp.add_argument("--target", default="axis", help="axis | diagonal | random (w*, unit norm)")
    gp.add_argument("--pruning", default="neuron", help="neuron | weight | rf")
    gp.add_argument("--trials", type=int_arg(1, 10**7), default=200)
    gp.add_argument("--seed", type=seed_arg, default=None)
    gp.add_argument("--workers", type=int_arg(1, 256), default=None)
    gp.add_argument("--json", action="store_true", help="print one JSON object")
    gp.set_defaults(run=_cmd_gap)


_NAMES = re.compile(r"(?<![-\w])(model|law|d|n|eps|target|pruning|trials)(?==| must| <=| >=| \*)")


def _flag_names(exc: InvalidArgument) -> InvalidArgument:
    """The engine's message with its argument names as the command's flags (``d=`` -> ``--d=``)."""
    return type(exc)(_NAMES.sub(lambda m: "--" + m.group(1), str(exc)))


def _cmd_gap(args) -> int:
    import sys

    from pybridge.validation import check_int
    from pybridge.gap.cost import monte_carlo_estimate
    from pybridge.gap.montecarlo import run_gap_experiment
    from pybridge.gap.trial import gap_spec
    from pybridge.stats.estimate import format_confidence

    workers = args.workers if args.workers is not None else default_workers()
    check_int("--workers", workers, min_value=1, max_value=256)
    try:
        spec = gap_spec(args.model, args.law, args.d, args.n, args.eps, target=args.target, pruning=args.pruning)
    except InvalidArgument as exc:
        raise _flag_names(exc) from None
    if args.d == 1 and args.target != "axis":
        print(f"prunegap gap: note: in d = 1 every unit target is +-e_1: --target {args.target} runs the axis "
              "target e_1", file=sys.stderr)
    budget("gap", monte_carlo_estimate(spec, args.trials, workers=workers), args)
    res = run_gap_experiment(args.model, args.law, args.d, args.n, args.eps, target=args.target,
                             pruning=args.pruning, trials=args.trials, seed=args.seed, workers=workers)
    d = res.to_dict()
    d["ci"] = [d["ci_low"], d["ci_high"]]  # the two-sided Clopper-Pearson interval
    d["interval"] = d["ci"]  # deprecated alias of "ci" (kept for one release)
    if args.json:
        print(json.dumps(d, default=str))
        return EXIT_VIOLATED if d.get("verdict") == "violated" else EXIT_OK
    m = d["model"]
    print(f"model {m.get('model')} law {m.get('law')} d={m.get('d')} target {m.get('target')} ({m.get('domain')}, "
          f"{m.get('norm')} norm), {args.pruning} pruning, n={args.n}, eps={args.eps:g}")
    print(f"success Pr[error < eps]: {d['successes']}/{d['trials']} = {d['p_hat']:.4f}, "
          f"{format_confidence(d['confidence'])} Clopper-Pearson [{d['ci_low']:.4f}, {d['ci_high']:.4f}]; seed "
          f"entropy {d['seed_entropy']}")
    b = d.get("bound")
    if b:
        print(f"bound: {b.get('relation', '')} {b.get('value')} ({b.get('formula')}; {b.get('source')}); "
              f"verdict: {d.get('verdict')}")
    elif d.get("reference"):
        r = d["reference"]
        print(f"no bound applies to this model; reference {r.get('formula')} = {r.get('value')}")
    return EXIT_VIOLATED if d.get("verdict") == "violated" else EXIT_OK
