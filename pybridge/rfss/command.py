"""``prunegap rfss``: Monte Carlo of the fixed-size subset-sum probabilities (RFSS, theory §2)."""

from __future__ import annotations

import json

from pybridge.cliargs import EXIT_OK, budget, default_workers, seed_arg
from pybridge.errors import InvalidArgument

__all__ = ["add_command"]


def add_command(sub) -> None:
    """Add ``prunegap rfss`` to the subparsers ``sub``."""
    r = sub.add_parser("rfss", help="Monte Carlo of fixed-size (k-subset) subset sum: P_k(n, eps) or one target")
    r.add_argument("--n", type=int, required=True, help="number of samples (before masking)")
    r.add_argument("--k", type=int, required=True, help="subset size k >= 1")
    r.add_argument("--eps", type=float, required=True, help="radius eps > 0")
    t = r.add_mutually_exclusive_group()
    t.add_argument("--interval", type=float, nargs=2, default=None, metavar=("A", "B"),
                   help="target interval (default [-sqrt k, sqrt k], exact ends)")
    t.add_argument("--target", type=float, default=None, metavar="Z",
                   help="one fixed target z: Pr[exists |S|=k, |sum_S - z| < eps] (strict, RFSS Theorem 2)")
    r.add_argument("--dist", default="uniform", help="uniform | mixture (1/2 Uniform[-1,1] + 1/2 N(0,1))")
    r.add_argument("--density", type=float, default=None, metavar="P",
                   help="random mask: keep each sample independently with probability P (sparsity 1 - P)")
    g = r.add_mutually_exclusive_group()
    g.add_argument("--trials", type=int, default=None, help="number of trials (default 1000)")
    g.add_argument("--half-width", type=float, default=None, help="plan trials for this CI half-width")
    r.add_argument("--confidence", type=float, default=0.95)
    r.add_argument("--seed", type=seed_arg, default=None)
    r.add_argument("--workers", type=int, default=None)
    r.add_argument("--json", action="store_true", help="print one JSON object")
    r.set_defaults(run=_cmd_rfss)


def _estimate(args, workers: int):
    """The run's plan from the measured cost model (:mod:`pybridge.rfss.cost`), before any trial."""
    from pybridge.rfss.cost import monte_carlo_estimate
    from pybridge.rfss.montecarlo import MAX_N, PILOT_TRIALS
    from pybridge.runtime.budget import format_count
    from pybridge.stats.estimate import trials_for_half_width
    from pybridge.validation import check_int

    check_int("--n", args.n, min_value=0, max_value=MAX_N)
    width = (args.interval[1] - args.interval[0] if args.interval is not None
             else 0.0 if args.target is not None else None)
    if args.half_width is None:
        return monte_carlo_estimate(args.n, min(args.k, args.n + 1), args.eps, args.trials or 1000, width=width, workers=workers)
    try:  # worst case (p = 1/2): the pilot can only lower the count
        worst = trials_for_half_width(args.half_width, confidence=args.confidence)
    except InvalidArgument:  # beyond 10^7 at p = 1/2: the engine refuses past 10^7 after its pilot
        worst = 10**7
    return monte_carlo_estimate(args.n, min(args.k, args.n + 1), args.eps, PILOT_TRIALS + worst, width=width, workers=workers,
                                what=f"{PILOT_TRIALS} pilot trials + at most {format_count(worst)} trials of "
                                     f"n={args.n}, k={args.k}, eps={args.eps:g}")


def _cmd_rfss(args) -> int:
    from pybridge.rfss.montecarlo import estimate_fixed_probability
    from pybridge.validation import check_int, check_interval, check_probability, check_real

    check_int("--n", args.n, min_value=0)
    check_int("--k", args.k, min_value=1)
    check_real("--eps", args.eps, min_value=0.0, min_open=True)
    if args.interval is not None:
        check_interval(*args.interval, names=("--interval A", "--interval B"))
    if args.target is not None:
        check_real("--target", args.target)
    if args.density is not None:
        check_real("--density", args.density, min_value=0.0, max_value=1.0, min_open=True)
    check_probability("--confidence", args.confidence)
    if args.trials is not None:
        check_int("--trials", args.trials, min_value=1, max_value=10**7)
    if args.half_width is not None:
        check_real("--half-width", args.half_width, min_value=0.0, max_value=0.5, min_open=True)
    if args.dist not in ("uniform", "mixture"):
        raise InvalidArgument(f"--dist must be one of ['mixture', 'uniform'], got --dist={args.dist!r}")
    workers = args.workers if args.workers is not None else default_workers()
    check_int("--workers", workers, min_value=1, max_value=256)
    budget("rfss", _estimate(args, workers), args)
    res = estimate_fixed_probability(args.n, args.k, args.eps,
                                     interval=tuple(args.interval) if args.interval is not None else None,
                                     target=args.target, dist=args.dist, density=args.density, trials=args.trials,
                                     half_width=args.half_width, confidence=args.confidence, seed=args.seed,
                                     workers=workers)
    d = res.to_dict()
    if args.json:
        print(json.dumps(d))
        return EXIT_OK
    where = f"target z={d['target']:g}" if d["target"] is not None else f"every z in {d['target_exact']}"
    mask = f", mask density {d['density']:g}" if d["density"] is not None else ""
    print(f"n={d['n']}, k={d['k']}, eps={d['eps']:g}, {where}, law {d['dist']}{mask}: "
          f"{d['successes']}/{d['trials']} = {d['p_hat']:.4f}, {d['confidence']:.0%} Clopper-Pearson "
          f"[{d['ci_low']:.4f}, {d['ci_high']:.4f}]; seed entropy {d['seed_entropy']}")
    return EXIT_OK
