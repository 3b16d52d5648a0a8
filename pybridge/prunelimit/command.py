"""``prunegap statdim`` (statistical dimension of a cone) and ``prunegap prunelimit`` (the code's prediction)."""

from __future__ import annotations

import json
import math
from pathlib import Path

from pybridge.cliargs import EXIT_OK, budget, seed_arg
from pybridge.errors import InvalidArgument

__all__ = ["add_command"]


def add_command(sub) -> None:
    """Add ``prunegap statdim`` and ``prunegap prunelimit`` to the subparsers ``sub``."""
    sp = sub.add_parser("statdim", help="statistical dimension of a cone: exact/certified, optional Monte Carlo")
    sp.add_argument("cone", help="orthant | subspace | circular | l1-descent")
    sp.add_argument("--d", type=int, default=100, help="ambient dimension D (default 100)")
    sp.add_argument("--s", type=int, default=None, help="sparsity (l1-descent)")
    sp.add_argument("--k", type=int, default=None, help="subspace dimension (subspace)")
    sp.add_argument("--angle", default=None, help="half-aperture in radians, exact: e.g. pi/6 or 1/2 (circular)")
    sp.add_argument("--dps", type=int, default=50, help="digits (15-10000)")
    sp.add_argument("--mc", type=int, default=None, metavar="TRIALS", help="also a Monte Carlo estimate")
    sp.add_argument("--seed", type=seed_arg, default=None)
    sp.add_argument("--json", action="store_true", help="print one JSON object")
    sp.set_defaults(run=_cmd_statdim)

    pp = sub.add_parser("prunelimit", help="Zhang et al.'s predicted pruning ratio for your network")
    pp.add_argument("--spectrum", required=True, help="FILE.npy: Hessian eigenvalues (1-D)")
    pp.add_argument("--weights", required=True, help="FILE.npy: the dense weights (any shape, flattened)")
    pp.add_argument("--eps", type=float, required=True, help="loss tolerance (the code: std of per-batch losses)")
    pp.add_argument("--json", action="store_true", help="print one JSON object")
    pp.set_defaults(run=_cmd_prunelimit)


def _cmd_statdim(args) -> int:
    import symbolic
    from symbolic.constants.statdim import parse_angle, statdim

    from pybridge.prunelimit.cost import statdim_estimate
    from pybridge.validation import check_int

    if args.mc is not None:  # the Monte Carlo's own bounds, named by flag, before the exact value runs
        check_int("--mc", args.mc, min_value=2, max_value=10**7)
        check_int("--d", args.d, min_value=1, max_value=10**5)
    needed = {"orthant": (), "subspace": ("k",), "circular": ("angle",), "l1-descent": ("s",)}.get(args.cone)
    given = {"s": args.s, "k": args.k, "angle": args.angle}
    try:
        if needed is None or any((v is None) == (n in needed) for n, v in given.items()):
            raise InvalidArgument("statdim refuses the cone's parameters itself")
        est = statdim_estimate(args.cone, args.d, args.dps, args.mc)
        # the parameters statdim checks before its work, so that a bad one is one line with no plan line
        if args.cone == "circular":
            parse_angle(args.angle)
        elif args.cone == "l1-descent":
            check_int("s", args.s, min_value=1, max_value=args.d - 1)
    except InvalidArgument:  # a bad cone, d, dps or parameter: statdim refuses it below with its own message
        est = None
    if est is not None:
        budget("statdim", est, args)
    res = statdim(args.cone, d=args.d, s=args.s, k=args.k, angle=args.angle, dps=args.dps)
    out = res.to_dict()
    if args.mc is not None:
        from pybridge.prunelimit.projections import estimate_statdim
        from pybridge.runtime.seeding import root_seed_sequence

        kw = {"s": args.s} if args.cone == "l1-descent" else {"k": args.k} if args.cone == "subspace" else {}
        if args.cone == "circular":
            kw = {"angle": float(symbolic.evaluate_expr(parse_angle(args.angle), dps=20))}
        est = estimate_statdim(args.cone, args.d, trials=args.mc, root=root_seed_sequence(args.seed), **kw)
        out.update(est.to_dict())
    if args.json:
        print(json.dumps(out))
        return EXIT_OK
    lo, hi = out["certified_interval"]
    print(f"delta({args.cone}; {', '.join(f'{k}={v}' for k, v in out['parameters'].items())}) = {out['value']}")
    if out["exact"] is not None:
        print(f"exact: {out['exact']}")
    print(f"certified interval: [{lo}, {hi}]")
    if args.cone == "l1-descent":
        print(f"delta itself (ALMT error bound, MEM): [{float(__import__('fractions').Fraction(out['delta_bounds'][0])):.6g}, "
              f"{float(__import__('fractions').Fraction(out['delta_bounds'][1])):.6g}]")
    if args.mc is not None:
        print(f"Monte Carlo ({out['trials']} trials): {out['mc_estimate']:.6g}, 1-1e-6 interval "
              f"[{out['ci_low']:.6g}, {out['ci_high']:.6g}]; seed entropy {out['seed_entropy']}")
    return EXIT_OK


def _size(flag: str, path: str) -> int:
    """Number of entries of the ``.npy`` array at ``path``, from its header (nothing is read into memory)."""
    import numpy as np

    p = Path(path)
    if not p.is_file():
        raise InvalidArgument(f"{flag} must be an existing .npy file, got {flag}={path!r}")
    try:
        with open(p, "rb") as fh:
            version = np.lib.format.read_magic(fh)
            read = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, _, _ = read(fh)
    except (ValueError, OSError, EOFError, TypeError, SyntaxError) as exc:
        raise InvalidArgument(f"{flag} is not a readable .npy array, got {flag}={path!r}") from exc
    return math.prod(shape)


def _load(flag: str, path: str):
    import numpy as np

    p = Path(path)
    if not p.is_file():
        raise InvalidArgument(f"{flag} must be an existing .npy file, got {flag}={path!r}")
    try:
        arr = np.load(p, allow_pickle=False)
    except (ValueError, OSError, EOFError) as exc:
        raise InvalidArgument(f"{flag} is not a readable .npy array, got {flag}={path!r}") from exc
    arr = np.asarray(arr, dtype=float).ravel()
    if arr.size == 0 or not np.all(np.isfinite(arr)):
        raise InvalidArgument(f"{flag} must hold a non-empty finite array, got {flag}={path!r}")
    return arr


def _cmd_prunelimit(args) -> int:
    from pybridge.prunelimit.prediction import predict_ratio

    if not (math.isfinite(args.eps) and args.eps > 0):
        raise InvalidArgument(f"--eps must be a positive number, got --eps={args.eps!r}")
    from pybridge.prunelimit.cost import prunelimit_estimate

    n_spectrum = _size("--spectrum", args.spectrum)  # the order of the loads below: the same first error
    budget("prunelimit", prunelimit_estimate(_size("--weights", args.weights), n_spectrum), args)
    lam = _load("--spectrum", args.spectrum)
    w = _load("--weights", args.weights)
    pred = predict_ratio(lam, w, args.eps).to_dict()
    pred["spectrum_size"] = int(lam.size)
    pred["source"] = "Zhang et al. arXiv 2306.05857, authors' code a8ef834 cal_rate.cal_gw (READ (code))"
    if args.json:
        print(json.dumps(pred))
        return EXIT_OK
    print(f"predicted pruning ratio (fraction removed): {pred['predicted_removed_fraction']:.4f} "
          f"({pred['predicted_removed_count']} of {pred['dimension']} weights; kept {pred['predicted_kept_fraction']:.4f})")
    print(f"at R = {pred['radius_at_prediction']:.6g}, eps = {pred['eps']:.6g}; {pred['source']}")
    return EXIT_OK
