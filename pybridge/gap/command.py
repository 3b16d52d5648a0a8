"""``prunegap gap``: Monte Carlo of neuron vs weight pruning of a random two-layer ReLU network."""

from __future__ import annotations

import json

from pybridge.cliargs import EXIT_OK, EXIT_VIOLATED, default_workers, seed_arg

__all__ = ["add_command"]


def add_command(sub) -> None:
    """Add ``prunegap gap`` to the subparsers ``sub``."""
    gp = sub.add_parser("gap", help="Monte Carlo of neuron vs weight pruning of a random two-layer ReLU network")
    gp.add_argument("--model", required=True, help="M0 (no output ReLU) | M1 (output ReLU)")
    gp.add_argument("--law", required=True, help="G (Gaussian) | U (i.i.d. Uniform[-1,1]) weights")
    gp.add_argument("--d", type=int, required=True, help="input dimension")
    gp.add_argument("--n", type=int, required=True, help="hidden units")
    gp.add_argument("--eps", type=float, required=True, help="target sup error, in (0, 1/2)")
    gp.add_argument("--target", default="axis", help="axis | diagonal | random (w*, unit norm)")
    gp.add_argument("--pruning", default="neuron", help="neuron | weight | rf")
    gp.add_argument("--trials", type=int, default=200)
    gp.add_argument("--seed", type=seed_arg, default=None)
    gp.add_argument("--workers", type=int, default=None)
    gp.add_argument("--json", action="store_true", help="print one JSON object")
    gp.set_defaults(run=_cmd_gap)


def _cmd_gap(args) -> int:
    from pybridge.validation import check_int
    from pybridge.gap.montecarlo import run_gap_experiment

    workers = args.workers if args.workers is not None else default_workers()
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
