"""``prunegap rare``: the failure probability q(n, eps) = Pr[rho > eps] by generalized splitting (issue 14)."""

from __future__ import annotations

import json

from pybridge.cliargs import EXIT_OK, budget, default_workers, seed_arg

__all__ = ["add_command"]


def add_command(sub) -> None:
    """Add ``prunegap rare`` to the subparsers ``sub``."""
    r = sub.add_parser("rare", help="rare failure probabilities Pr[rho > eps] by generalized splitting")
    r.add_argument("--n", type=int, required=True, help="number of samples")
    r.add_argument("--eps", type=float, required=True, help="radius eps > 0 (failure: covering radius > eps)")
    r.add_argument("--dist", default="uniform", help="uniform | normal | product | pensia")
    r.add_argument("--interval", type=float, nargs=2, default=(-1.0, 1.0), metavar=("A", "B"))
    g = r.add_mutually_exclusive_group()
    g.add_argument("--rel-error", type=float, default=None,
                   help="plan replications for this relative CI half-width (from 30 independent ones)")
    g.add_argument("--replications", type=int, default=None, help="independent replications (default 20)")
    r.add_argument("--seed", type=seed_arg, default=None)
    r.add_argument("--workers", type=int, default=None)
    r.add_argument("--json", action="store_true", help="print one JSON object")
    r.set_defaults(run=_cmd_rare)


def _cmd_rare(args) -> int:
    from pybridge.rare.cost import a_priori_estimate, planned_estimate
    from pybridge.rare.splitting import estimate_failure_probability
    from pybridge.rss import LAWS
    from pybridge.validation import check_choice, check_int, check_interval, check_real

    # validate with the flags' own names before any work
    check_int("--n", args.n, min_value=1, max_value=400)
    check_real("--eps", args.eps, min_value=0.0, min_open=True)
    check_interval(*args.interval, names=("--interval A", "--interval B"))
    check_choice("--dist", args.dist, LAWS)
    if args.rel_error is not None:
        check_real("--rel-error", args.rel_error, min_value=0.0, max_value=10.0, min_open=True)
    if args.replications is not None:
        check_int("--replications", args.replications, min_value=2, max_value=2000)
    workers = args.workers if args.workers is not None else default_workers()
    check_int("--workers", workers, min_value=1, max_value=256)
    a, b = args.interval
    # before any work: the least work of the run (pilot and one decision per GS run) ...
    budget("rare", a_priori_estimate(args.n, args.eps, a=a, b=b, replications=args.replications or 20,
                                     rel_error=args.rel_error is not None, workers=workers), args)

    def on_plan(plan, replications, planning):  # ... and after the pilot, the expected work of its plan
        budget("rare", planned_estimate(plan, args.n, args.eps, a=a, b=b, replications=replications,
                                        planning=planning, workers=workers), args)

    res = estimate_failure_probability(args.n, args.eps, dist=args.dist, interval=tuple(args.interval),
                                       replications=args.replications, rel_error=args.rel_error,
                                       seed=args.seed, workers=workers, on_plan=on_plan)
    d = res.to_dict()
    if args.json:
        print(json.dumps(d))
    else:
        print(f"q(n={d['n']}, eps={d['eps']:g}) = Pr[rho > eps] on [{d['target_interval'][0]:g}, "
              f"{d['target_interval'][1]:g}], law {d['dist']}: {d['q_hat']:.4g}, {d['confidence']:.0%} t interval "
              f"[{d['ci_low']:.4g}, {d['ci_high']:.4g}] (relative half-width {d['relative_half_width']:.1%}); "
              f"{d['replications']} replications x {d['runs_per_replication']} GS runs, levels {d['levels']}, "
              f"acceptance {d['acceptance_rate'] or 0:.2f}; seed entropy {d['seed_entropy']}")
    return EXIT_OK
