"""``prunegap rss``: Monte Carlo of the random-subset-sum success probability P(n, eps)."""

from __future__ import annotations

import json

from pybridge.cliargs import EXIT_OK, budget, default_workers, int_arg, real_arg, seed_arg
from pybridge.errors import InvalidArgument

__all__ = ["add_command"]


def add_command(sub) -> None:
    """Add ``prunegap rss`` to the subparsers ``sub``."""
    r = sub.add_parser("rss", help="Monte Carlo of the random-subset-sum success probability P(n, eps)")
    r.add_argument("--n", type=int_arg(0, 10**6), required=True, help="number of samples (0..10^6)")
    r.add_argument("--eps", type=real_arg(0.0, min_open=True), required=True, help="radius eps > 0")
    r.add_argument("--interval", type=float, nargs=2, default=(-1.0, 1.0), metavar=("A", "B"))
    r.add_argument("--dist", default="uniform", help="uniform | normal | product | pensia")
    r.add_argument("--density", type=float, default=None, metavar="P",
                   help="random mask: keep each sample independently with probability P (sparsity 1 - P)")
    g = r.add_mutually_exclusive_group()
    g.add_argument("--trials", type=int_arg(1, 10**7), default=None, help="number of trials (default 1000)")
    g.add_argument("--half-width", type=float, default=None, help="plan trials for this CI half-width")
    r.add_argument("--confidence", type=float, default=0.95)
    r.add_argument("--seed", type=seed_arg, default=None)
    r.add_argument("--workers", type=int_arg(1, 256), default=None)
    r.add_argument("--json", action="store_true", help="print one JSON object")
    r.set_defaults(run=_cmd_rss)


def _checked_args(args) -> tuple:
    """``(n, eps, a, b, workers)``, every flag validated under its own name before any work."""
    from pybridge.validation import check_int, check_interval, check_probability, check_real
    from pybridge.rss.montecarlo import MAX_N
    from pybridge.rss.laws import get_law

    n = check_int("--n", args.n, min_value=0, max_value=MAX_N)
    eps = check_real("--eps", args.eps, min_value=0.0, min_open=True)
    a, b = check_interval(*args.interval, names=("--interval A", "--interval B"))
    try:
        get_law(args.dist)
    except InvalidArgument as exc:
        raise InvalidArgument(str(exc).replace("dist=", "--dist=").replace("dist must", "--dist must")) from None
    check_probability("--confidence", args.confidence)
    if args.density is not None:
        check_real("--density", args.density, min_value=0.0, max_value=1.0, min_open=True)
    if args.trials is not None:
        check_int("--trials", args.trials, min_value=1, max_value=10**7)
    if args.half_width is not None:
        check_real("--half-width", args.half_width, min_value=0.0, max_value=0.5, min_open=True)
    workers = args.workers if args.workers is not None else default_workers()
    check_int("--workers", workers, min_value=1, max_value=256)
    return n, eps, a, b, workers


def _announce_budget(args, n, eps, a, b, workers) -> None:
    """The work estimate before any trial (for ``--half-width``: the worst case p = 1/2, re-checked later)."""
    from pybridge.rss.cost import monte_carlo_estimate
    from pybridge.rss.montecarlo import PILOT_TRIALS
    from pybridge.runtime.budget import format_count
    from pybridge.stats.estimate import trials_for_half_width

    if args.half_width is None:
        budget("rss", monte_carlo_estimate(n, eps, args.trials or 1000, a=a, b=b, workers=workers), args)
        return
    try:
        worst = trials_for_half_width(args.half_width, confidence=args.confidence)
    except InvalidArgument:  # more than 10^7 at p = 1/2: the pilot decides (the engine refuses beyond 10^7)
        worst = 10**7
    budget("rss", monte_carlo_estimate(n, eps, PILOT_TRIALS + worst, a=a, b=b, workers=workers,
                                       what=f"{PILOT_TRIALS} pilot trials + at most {format_count(worst)} "
                                            f"trials of n={n}, eps={eps:g}"), args)


def _summary(d: dict) -> str:
    """The one-line text result of ``prunegap rss``."""
    from pybridge.rss.montecarlo import PILOT_TRIALS
    from pybridge.stats.estimate import format_confidence

    lo, hi = d["target_interval"]
    return (f"P(n={d['n']}, eps={d['eps']:g}) on [{lo:g}, {hi:g}], law {d['dist']}: "
            + (f"mask density {d['density']:g}: " if d.get("density") is not None else "")
            + f"{d['successes']}/{d['trials']} = {d['p_hat']:.4f}, {format_confidence(d['confidence'])} "
            f"Clopper-Pearson [{d['ci_low']:.4f}, {d['ci_high']:.4f}]"
            + (f" (trials planned from a {PILOT_TRIALS}-trial pilot)" if d.get("pilot") else "")
            + f"; seed entropy {d['seed_entropy']}")


def _cmd_rss(args) -> int:
    import sys

    from pybridge.rss.cost import monte_carlo_estimate
    from pybridge.rss.montecarlo import PILOT_TRIALS, estimate_cover_probability
    from pybridge.runtime.budget import format_count

    n, eps, a, b, workers = _checked_args(args)
    _announce_budget(args, n, eps, a, b, workers)

    def on_plan(planned: int, pilot_successes: int) -> None:
        print(f"prunegap rss: planned {format_count(planned)} trials for half-width {args.half_width:g} (pilot: "
              f"{pilot_successes}/{PILOT_TRIALS} successes)", file=sys.stderr, flush=True)
        budget("rss", monte_carlo_estimate(n, eps, planned, a=a, b=b, workers=workers), args)

    try:
        res = estimate_cover_probability(n, eps, interval=(a, b), dist=args.dist,
                                         trials=args.trials, half_width=args.half_width,
                                         confidence=args.confidence, seed=args.seed, workers=workers,
                                         density=args.density, on_plan=on_plan)
    except InvalidArgument as exc:
        if str(exc).startswith("half_width="):  # the planned count is beyond the engine's cap: name the flag
            raise InvalidArgument("--" + str(exc).replace("half_width=", "half-width=", 1)) from None
        raise
    d = res.to_dict()
    print(json.dumps(d) if args.json else _summary(d))
    return EXIT_OK
