r"""The checks behind this domain's claims (each claim's Python twin) and the instance families.

Quadratic families (fraction removed throughout): spectra ``flat`` (all 1), ``power`` (:math:`\lambda_i
\propto i^{-1.5}`), ``spiked`` (three eigenvalues 100, the rest 1), each rescaled to mean 1;
eigenvectors Haar (``rotated``) or the identity (``diagonal``); :math:`w_0` ``gauss`` (N(0, 1)) or
``heavy`` (Student t, 2 degrees of freedom); :math:`\varepsilon=\tfrac1{10}L(0)`.
"""

from __future__ import annotations

import math

import numpy as np

from pybridge.prunelimit.kinematic import a_eta, kinematic_curve
from pybridge.prunelimit.prediction import predict_ratio
from pybridge.prunelimit.projections import estimate_statdim
from pybridge.prunelimit.quadratic import (
    exhaustive_limit,
    greedy_limit,
    magnitude_limit,
    relaxation_upper,
    true_limit,
)
from pybridge.prunelimit.streams import Stream
from pybridge.runtime.seeding import child_rng
from pybridge.validation import (
    check_bool,
    check_choice,
    check_instance,
    check_int,
    check_real,
    check_rng,
    check_sequence,
)

#: the public twins and helpers (``statdim_certified_parts`` and ``quadratic_truth_failures``, the section's
#: detailed forms of two twins, are the domain's own)
__all__ = ["ETAS", "SPECTRA", "WEIGHTS", "FAMILY_STRIDE", "kinematic_bounds_hold", "kinematic_violations",
           "make_instance", "prediction_table", "quadratic_truth_consistent", "statdim_certified_holds",
           "statdim_mc_agrees"]

#: the eta of Theorem I's bounds checked (1/2, 1/10, 1/100)
ETAS = (0.5, 0.1, 0.01)
SPECTRA = ("flat", "power", "spiked")
WEIGHTS = ("gauss", "heavy")
#: instance ``i`` of family ``f`` of :func:`prediction_table` draws from stream index ``base + FAMILY_STRIDE * f + i``
FAMILY_STRIDE = 100
#: eps of the quadratic instances as a fraction of the unpruned loss L(0)
EPS_FRACTION = 0.1


def statdim_certified_parts(d: int = 60, s: int = 6, angle: str = "pi/5", dps: int = 30) -> dict:
    """The three certified facts behind ``prunelimit-statdim-certified``, each with its verdict.

    Returns
    -------
    dict
        ``polar``: the enclosure ``(lo, hi)`` (exact Fractions) of delta(Circ_d(angle)) + delta(Circ_d(pi/2 -
        angle)) and whether it contains ``d``; ``orthant``: the exact delta(orthant) and whether it is ``d/2``;
        ``l1``: the enclosure of the minimiser tau* of J and of delta, and whether the minimiser's enclosure is
        proper and the lower error bound lies below the certified value.
    """
    import sympy

    from symbolic.constants.statdim import statdim_circular, statdim_l1_descent, statdim_orthant

    a = statdim_circular(d, angle, dps=dps)
    b = statdim_circular(d, sympy.pi / 2 - sympy.sympify(angle, locals={"pi": sympy.pi}), dps=dps)
    total_lo, total_hi = a.certified.lo + b.certified.lo, a.certified.hi + b.certified.hi
    orthant = statdim_orthant(d, dps=dps).exact
    l1 = statdim_l1_descent(d, s, dps=dps)
    return {"polar": {"low": total_lo, "high": total_hi, "holds": bool(total_lo <= d <= total_hi)},
            "orthant": {"value": orthant, "holds": bool(orthant == sympy.Rational(d, 2))},
            "l1": {"minimiser_low": l1.minimiser.lo, "minimiser_high": l1.minimiser.hi,
                   "delta_low": l1.certified.lo, "delta_high": l1.certified.hi,
                   "holds": bool(l1.minimiser.lo < l1.minimiser.hi and l1.delta_bounds.lo <= l1.certified.lo)}}


def statdim_certified_holds(d: int = 60, s: int = 6, angle: str = "pi/5", dps: int = 30) -> bool:
    """Twin of ``prunelimit-statdim-certified``: polar identity certified, l1 enclosure consistent."""
    return all(part["holds"] for part in statdim_certified_parts(d, s, angle, dps).values())


def _cone_cases(d):
    return [("orthant", {}, {}), ("subspace", {"k": d // 3}, {"k": d // 3}),
            ("circular", {"angle": "pi/6"}, {"angle": math.pi / 6}), ("l1-descent", {"s": d // 10}, {"s": d // 10})]


def statdim_mc_agrees(d: int, trials: int, root: np.random.SeedSequence, *, dps: int = 20) -> list[dict]:
    """Twin of ``prunelimit-statdim-mc``: one row per cone with the MC interval and the certified interval."""
    from symbolic.constants.statdim import statdim

    rows = []
    for cone, exact_kw, mc_kw in _cone_cases(d):
        r = statdim(cone, d=d, dps=dps, **exact_kw)
        e = estimate_statdim(cone, d, trials=trials, root=root, **mc_kw)
        lo, hi = float(r.delta_bounds.lo), float(r.delta_bounds.hi)
        rows.append({"cone": cone, "d": d, "params": {k: str(v) for k, v in exact_kw.items()},
                     "value": r.value_str, "delta_low": lo, "delta_high": hi, **e.to_dict(),
                     "agrees": e.ci_low <= hi and e.ci_high >= lo})
    return rows


def kinematic_violations(points, delta_low: float, delta_high: float) -> tuple[list, list]:
    """The (eta, point) pairs where Theorem I's bound fails: by the exact probability, or by the 1e-6 CP interval."""
    from pybridge.prunelimit.kinematic import KinematicPoint

    points = [check_instance(f"points[{i}]", p, KinematicPoint) for i, p in enumerate(check_sequence("points", points))]
    delta_low, delta_high = check_real("delta_low", delta_low), check_real("delta_high", delta_high)
    exact_bad, mc_bad = [], []
    for eta in ETAS:
        for p in points:
            w = a_eta(eta) * math.sqrt(p.d)
            lower_region = p.m <= p.d - delta_high - w
            upper_region = p.m >= p.d - delta_low + w
            if not (lower_region or upper_region):
                continue
            if lower_region:
                if p.exact is not None and float(p.exact) > eta:
                    exact_bad.append((eta, p.to_dict()))
                if p.ci_low > eta:
                    mc_bad.append((eta, p.to_dict()))
            if upper_region:
                if p.exact is not None and float(p.exact) < 1 - eta:
                    exact_bad.append((eta, p.to_dict()))
                if p.ci_high < 1 - eta:
                    mc_bad.append((eta, p.to_dict()))
    return exact_bad, mc_bad


def kinematic_bounds_hold(cone: str = "circular", d: int = 100, trials: int = 200, seed: int = 0) -> bool:
    """Twin of ``prunelimit-kinematic`` on one cone (circular: angle pi/6)."""
    from symbolic.constants.statdim import statdim

    kw = {"angle": math.pi / 6} if cone == "circular" else {}
    r = statdim(cone, d=d, angle="pi/6" if cone == "circular" else None, dps=20)
    pts = kinematic_curve(cone, d, list(range(0, d + 1, max(1, d // 20))), trials, np.random.SeedSequence(seed), 0,
                          **kw)
    exact_bad, mc_bad = kinematic_violations(pts, float(r.delta_bounds.lo), float(r.delta_bounds.hi))
    return not exact_bad and not mc_bad


def make_instance(rng: np.random.Generator, d: int, spectrum: str, weights: str, rotated: bool):
    """One quadratic instance ``(H, w0, eps, lam)`` of the families in the module docstring."""
    rng = check_rng("rng", rng, allow_none=False)
    d = check_int("d", d, min_value=1, max_value=2000)
    check_choice("spectrum", spectrum, SPECTRA)
    check_choice("weights", weights, WEIGHTS)
    rotated = check_bool("rotated", rotated)
    if spectrum == "flat":
        lam = np.ones(d)
    elif spectrum == "power":
        lam = np.arange(1, d + 1, dtype=float) ** -1.5
    elif spectrum == "spiked":
        lam = np.ones(d)
        lam[:3] = 100.0
    else:
        raise ValueError(f"spectrum must be one of {SPECTRA}, got spectrum={spectrum!r}")
    lam = lam / lam.mean()
    if rotated:
        q, r = np.linalg.qr(rng.standard_normal((d, d)))
        q = q * np.sign(np.diag(r))
        H = (q * lam) @ q.T
        H = 0.5 * (H + H.T)
    else:
        lam = rng.permutation(lam)
        H = np.diag(lam)
    w0 = rng.standard_normal(d) if weights == "gauss" else rng.standard_t(2, size=d)
    eps = EPS_FRACTION * 0.5 * float(w0 @ H @ w0)
    return H, w0, eps, lam


def quadratic_truth_failures(d: int = 10, instances: int = 5, seed: int = 0) -> int:
    """The instances (rotated, of dimension ``d``) where greedy <= exhaustive <= relaxation fails, or where the
    exhaustive search on the diagonal Hessian of the same spectrum differs from the sorted costs."""
    root = np.random.SeedSequence(seed)
    failures = 0
    for i in range(instances):
        rng = child_rng(root, Stream.QUADRATIC_INSTANCE, i)
        H, w0, eps, lam = make_instance(rng, d, SPECTRA[i % 3], WEIGHTS[i % 2], rotated=True)
        ex = exhaustive_limit(H, w0, eps).low
        bracketed = greedy_limit(H, w0, eps) <= ex <= relaxation_upper(H, w0, eps)
        Hd = np.diag(lam)
        failures += not (bracketed and exhaustive_limit(Hd, w0, eps).low == true_limit(Hd, w0, eps).low)
    return failures


def quadratic_truth_consistent(d: int = 10, instances: int = 5, seed: int = 0) -> bool:
    """Twin of ``prunelimit-quadratic-truth``: greedy <= exhaustive <= relaxation, and exhaustive = diagonal."""
    return quadratic_truth_failures(d, instances, seed) == 0


def prediction_table(d: int, rotated: bool, instances: int, root: np.random.SeedSequence, base: int) -> list[dict]:
    """Twin of ``prunelimit-code-prediction``: per family, true / magnitude / predicted fractions removed."""
    rows = []
    for fi, (spectrum, weights) in enumerate((s, w) for s in SPECTRA for w in WEIGHTS):
        trues, mags, refits, preds, widths, methods = [], [], [], [], [], set()
        for i in range(instances):
            rng = child_rng(root, Stream.QUADRATIC_INSTANCE, base + FAMILY_STRIDE * fi + i)
            H, w0, eps, lam = make_instance(rng, d, spectrum, weights, rotated)
            t = true_limit(H, w0, eps)
            methods.add(t.method)
            mid = (t.low + t.high) / 2
            trues.append(mid / d)
            widths.append((t.high - t.low) / d)
            mags.append(magnitude_limit(H, w0, eps) / d)
            refits.append(magnitude_limit(H, w0, eps, refit=True) / d)
            preds.append(predict_ratio(lam, w0, eps).removed_fraction)
        err = np.array(preds) - np.array(trues)
        rows.append({"spectrum": spectrum, "weights": weights, "d": d, "rotated": rotated, "instances": instances,
                     "true": float(np.mean(trues)), "true_bracket_width": float(np.mean(widths)),
                     "magnitude": float(np.mean(mags)), "magnitude_refit": float(np.mean(refits)),
                     "predicted": float(np.mean(preds)), "mean_error": float(err.mean()),
                     "mean_abs_error": float(np.abs(err).mean()), "optimistic": int(np.sum(err > 0)),
                     "pessimistic": int(np.sum(err < 0)), "method": "; ".join(sorted(methods)),
                     "exact": all(w == 0 for w in widths)})
    return rows


