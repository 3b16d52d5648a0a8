"""``prunegap rfss``: Monte Carlo of the fixed-size subset-sum probabilities (RFSS, theory §2)."""

from __future__ import annotations

import json

from pybridge.cliargs import EXIT_OK, default_workers, seed_arg

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
        check_int("--trials", args.trials, min_value=1)
    if args.half_width is not None:
        check_real("--half-width", args.half_width, min_value=0.0, max_value=0.5, min_open=True)
    if args.dist not in ("uniform", "mixture"):
        from pybridge.errors import InvalidArgument

        raise InvalidArgument(f"--dist must be one of ['mixture', 'uniform'], got --dist={args.dist!r}")
    workers = args.workers if args.workers is not None else default_workers()
    check_int("--workers", workers, min_value=1, max_value=256)
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
