"""``prunegap rss``: Monte Carlo of the random-subset-sum success probability P(n, eps)."""

from __future__ import annotations

import json

from pybridge.cliargs import EXIT_OK, default_workers, seed_arg

__all__ = ["add_command"]


def add_command(sub) -> None:
    """Add ``prunegap rss`` to the subparsers ``sub``."""
    r = sub.add_parser("rss", help="Monte Carlo of the random-subset-sum success probability P(n, eps)")
    r.add_argument("--n", type=int, required=True, help="number of samples")
    r.add_argument("--eps", type=float, required=True, help="radius eps > 0")
    r.add_argument("--interval", type=float, nargs=2, default=(-1.0, 1.0), metavar=("A", "B"))
    r.add_argument("--dist", default="uniform", help="uniform | normal | product | pensia")
    r.add_argument("--density", type=float, default=None, metavar="P",
                   help="random mask: keep each sample independently with probability P (sparsity 1 - P)")
    g = r.add_mutually_exclusive_group()
    g.add_argument("--trials", type=int, default=None, help="number of trials (default 1000)")
    g.add_argument("--half-width", type=float, default=None, help="plan trials for this CI half-width")
    r.add_argument("--confidence", type=float, default=0.95)
    r.add_argument("--seed", type=seed_arg, default=None)
    r.add_argument("--workers", type=int, default=None)
    r.add_argument("--json", action="store_true", help="print one JSON object")
    r.set_defaults(run=_cmd_rss)


def _cmd_rss(args) -> int:
    from pybridge.validation import check_int, check_interval, check_probability, check_real
    from pybridge.rss.montecarlo import estimate_cover_probability

    # validate with the flags' own names before any work
    check_interval(*args.interval, names=("--interval A", "--interval B"))
    check_probability("--confidence", args.confidence)
    if args.density is not None:
        check_real("--density", args.density, min_value=0.0, max_value=1.0, min_open=True)
    if args.half_width is not None:
        check_real("--half-width", args.half_width, min_value=0.0, max_value=0.5, min_open=True)
    workers = args.workers if args.workers is not None else default_workers()
    check_int("--workers", workers, min_value=1, max_value=256)
    res = estimate_cover_probability(args.n, args.eps, interval=tuple(args.interval), dist=args.dist,
                                     trials=args.trials, half_width=args.half_width,
                                     confidence=args.confidence, seed=args.seed, workers=workers,
                                     density=args.density)
    d = res.to_dict()
    if args.json:
        print(json.dumps(d))
    else:
        print(f"P(n={d['n']}, eps={d['eps']:g}) on [{d['interval'][0]:g}, {d['interval'][1]:g}], law {d['dist']}: "
              + (f"mask density {d['density']:g}: " if d.get("density") is not None else "") + f"{d['successes']}/{d['trials']} = {d['p_hat']:.4f}, {d['confidence']:.0%} Clopper-Pearson "
              f"[{d['ci_low']:.4f}, {d['ci_high']:.4f}]; seed entropy {d['seed_entropy']}")
    return EXIT_OK
