r"""The Theorem A checks of the pruning gap: Monte Carlo against the bound, its full-power test, the kink-angle
law and the expected best error.

Each ``check_*`` function returns evidence records (see :mod:`pybridge.gap.checks` for the verdicts and what a
record holds); randomness comes from the named streams of :mod:`pybridge.gap.streams` under the root given.
All claims are our reconstructions (theory §3.5-3.6, RECON).
"""

from __future__ import annotations

import math

import numpy as np
from scipy import integrate, stats

from pybridge.claims.records import AgreementTest, BoundTest, Power
from pybridge.errors import InvalidArgument
from pybridge.gap.bounds import expected_error_lower, kink_angles, theorem_a_bound, theorem_a_certificate
from pybridge.gap.evidence import BINOMIAL_TAILS, bound_records, verdict_of
from pybridge.gap.montecarlo import ALPHA, run_gap_experiment
from pybridge.gap.networks import make_target, plane_coordinates
from pybridge.gap.streams import Stream
from pybridge.runtime import seeding
from pybridge.stats.power import (detectable_deviation, empirical_bernstein_floor, ks_detectable_distance,
                                  power_record, two_sided_rejects)
from pybridge.validation import check_int, check_probability, check_vector

#: the most networks the certificate-event test draws (the full budget uses 5000)
MAX_CERTIFICATE_TRIALS = 10**6

__all__ = ["check_theorem_a", "check_theorem_a_certificate_event", "check_line_uniform", "check_kink_angle_law",
           "check_expected_error", "empirical_bernstein_upper"]


# --------------------------------------------------------------------------- Theorem A (MC)


def check_theorem_a(rf_specs, neuron_spec, root, *, workers=1):
    r"""Monte Carlo of Pr[RF error < eps] and Pr[neuron-pruned error < eps] against Theorem A (law G).

    Returns the records (one :class:`~pybridge.claims.records.BoundTest` per row) and the list of
    :class:`~pybridge.gap.montecarlo.GapResult` (the first RF result also feeds ``expected-optimal-error``).
    """
    results = []
    for k, (d, n, eps, trials) in enumerate(rf_specs):
        results.append(run_gap_experiment("M0", "G", d, n, eps, pruning="rf", trials=trials,
                                          seed=seeding.child_seed(root, Stream.THEOREM_A_RF, k), workers=workers))
    n, eps, trials = neuron_spec
    results.append(run_gap_experiment("M0", "G", 2, n, eps, pruning="neuron", trials=trials,
                                      seed=seeding.child_seed(root, Stream.THEOREM_A_NEURON, 0), workers=workers))
    records = bound_records("theorem-a", results, setting="M0, success frequency against Theorem A's bound",
                            note="For d > 2 the plane event over-estimates the frequency (conservative).")
    return records, results


def check_line_uniform(spec, root, *, workers=1) -> list:
    """Monte Carlo of Pr[RF error < eps] for law U, w* = e1, against the line variant q = 2 eps / s0."""
    n, eps, trials = spec
    r = run_gap_experiment("M0", "U", 2, n, eps, target="axis", pruning="rf", trials=trials,
                           seed=seeding.child_seed(root, Stream.LINE_UNIFORM, 0), workers=workers)
    return bound_records("theorem-a-line-uniform", [r],
                         setting="M0, target w* = e1, success frequency against the line variant's bound",
                         note="The circle form of Theorem A is not claimed for law U.")


def check_kink_angle_law(samples: int, root) -> list:
    """Kolmogorov–Smirnov test of eta_i ~ Uniform[0, pi/2] for law G (d = 2 and the plane of d = 3).

    One :class:`~pybridge.claims.records.AgreementTest` per dimension (empirical CDF against the uniform CDF;
    rejected at p < :data:`ALPHA`); the law-U contrast is in the first record's ``details``.
    """
    rows = []
    for k, d in enumerate((2, 3)):
        rng = seeding.child_rng(root, Stream.KINK_ANGLES, k)
        target = make_target("random", d, rng=rng)
        eta = kink_angles(*plane_coordinates(rng.standard_normal((samples, d)), target))
        ks = stats.kstest(eta, "uniform", args=(0.0, math.pi / 2))
        rows.append({"law": "G", "d": d, "samples": samples, "ks_statistic": float(ks.statistic),
                     "p_value": float(ks.pvalue)})
    rng = seeding.child_rng(root, Stream.KINK_ANGLES, 9)
    eta_u = kink_angles(*plane_coordinates(rng.uniform(-1, 1, (samples, 2)), make_target("axis", 2)))
    ks_u = stats.kstest(eta_u, "uniform", args=(0.0, math.pi / 2))
    contrast = {"samples": samples, "ks_statistic": float(ks_u.statistic), "p_value": float(ks_u.pvalue)}
    dist = ks_detectable_distance(samples, alpha=ALPHA, power=0.9)
    power = Power.from_record(power_record(
        "one-sample Kolmogorov-Smirnov against Uniform[0, pi/2], reject at p < alpha", alpha=ALPHA, trials=samples,
        text=(f"Power: any law of eta_i whose CDF is at sup-distance >= {dist:.4f} from Uniform[0, pi/2] is "
              f"rejected with probability >= 0.9 ({samples} samples, alpha = {ALPHA:g}; exact KS quantiles, scipy "
              "kstwo, and the triangle inequality: a sufficient bound)."),
        method="exact KS law (scipy.stats.kstwo) + triangle inequality", detectable_sup_distance_p90=dist))
    note = (f"Contrast, law U with w* = e1: D = {contrast['ks_statistic']:.4f}, p = {contrast['p_value']:.3g} (not "
            "rotation-invariant: the circle form of Theorem A does not apply).")
    return [AgreementTest(
        claim_id="kink-angle-law", verdict=verdict_of(x["p_value"] >= ALPHA),
        setting=f"law G, d = {x['d']}: angles eta_i in the plane of a random unit w*, {samples} samples",
        quantity="sup distance between the empirical CDF of eta_i and the Uniform[0, pi/2] CDF",
        first="empirical CDF", first_value=x["ks_statistic"], first_trials=samples, second="Uniform[0, pi/2]",
        second_value=0.0, difference=x["ks_statistic"], p_value=x["p_value"], alpha=ALPHA,
        test="one-sample Kolmogorov-Smirnov", power=power, note=note if i == 0 else "",
        details={**x, **({"law_U_axis_contrast": contrast} if i == 0 else {})}) for i, x in enumerate(rows)]


# --------------------------------------------------------------------------- Theorem A: full-power test


def check_theorem_a_certificate_event(n: int, eps: float, trials: int, root) -> list:
    r"""Two-sided exact test of the certificate-event frequency against Theorem A's bound (issue 10 §4).

    For law G the kink angles are i.i.d. Uniform[0, pi/2] (claim ``kink-angle-law``), so the
    certificate event :math:`\tfrac12\tan(\eta_{\min}/2) < \varepsilon` (i.e. :math:`\eta_{\min} <
    \eta_\varepsilon`) has probability exactly :math:`1 - (1 - 2\eta_\varepsilon/\pi)^n`: the bound
    of Theorem A is attained by it.  ``trials`` networks (d = 2, random unit target, hidden weights
    N(0, I_2)) are drawn from stream :attr:`Stream.CERTIFICATE_EVENT` (index 0); the frequency of the event
    (computed with :func:`theorem_a_certificate`) is tested against :func:`theorem_a_bound` two-sided, equal
    tails, false alarm <= ``ALPHA``.  A wrong eta_eps (e.g. 2 arctan(eps)) moves the bound far outside the
    detectable deviation, which is stated (power 0.9).  Returns one
    :class:`~pybridge.claims.records.AgreementTest`.
    """
    expected = theorem_a_bound(n, eps).value  # checks n and eps
    trials = check_int("trials", trials, min_value=1, max_value=MAX_CERTIFICATE_TRIALS)
    rng = seeding.child_rng(root, Stream.CERTIFICATE_EVENT, 0)
    target = make_target("random", 2, rng=rng)
    u = rng.standard_normal((trials, n, 2))
    hits = 0
    for t in range(trials):
        _, cert = theorem_a_certificate(*plane_coordinates(u[t], target))
        hits += cert < eps
    reject = two_sided_rejects(int(hits), trials, expected, alpha=ALPHA)
    dev = detectable_deviation(expected, trials, alpha=ALPHA, power=0.9)
    test = "two-sided exact binomial test, equal tails"
    sides = [f"{side} by >= {dev[key]:.3f}" for key, side in (("above", "above the value"), ("below", "below it"))
             if dev[key] is not None]
    ptext = ("Power: detects with probability >= 0.9 a true frequency " + " or ".join(sides) + "." if sides else
             "Power: none at this budget: no deviation from the value is detected with probability 0.9.")
    return [AgreementTest(
        claim_id="theorem-a", verdict=verdict_of(not reject),
        setting=f"certificate event 1/2 tan(eta_min/2) < eps: law G, d = 2, random unit target, n = {n}, eps = {eps:g}",
        quantity="Pr[1/2 tan(eta_min/2) < eps]", first="Monte Carlo frequency", first_value=hits / trials,
        first_trials=trials, second="exact value 1 - (1 - 2 eta_eps/pi)^n", second_value=expected,
        difference=hits / trials - expected, alpha=ALPHA, test=test,
        power=Power.from_record(power_record(test, alpha=ALPHA, trials=trials, text=ptext, method=BINOMIAL_TAILS,
                                             detectable_deviation_p90=dev)),
        note=("The event attains Theorem A's bound exactly when the kink angles are i.i.d. Uniform[0, pi/2] (claim "
              "kink-angle-law): " + ("REJECTED." if reject else "not rejected.")),
        details={"n": n, "eps": eps, "trials": trials, "hits": int(hits), "expected": expected, "rejected": reject,
                 "detectable_deviation_p90": dev, "alpha": ALPHA, "seed_entropy": seeding.seed_entropy(root),
                 "spawn_key": [int(Stream.CERTIFICATE_EVENT), 0]})]


def empirical_bernstein_upper(x, alpha: float) -> float:
    r"""One-sided upper confidence bound on :math:`\mathbb E X` for :math:`X \in [0, 1]` (Maurer–Pontil 2009, Thm 4).

    :math:`\bar x + \sqrt{2V\ln(2/\alpha)/N} + 7\ln(2/\alpha)/(3(N-1))`, :math:`V` the sample
    variance; holds with probability at least :math:`1 - \alpha`.
    """
    x = check_vector("x", x, min_len=1, flatten=True)
    if ((x < 0) | (x > 1)).any():
        raise InvalidArgument("x must lie in [0, 1] (empirical Bernstein bound for bounded variables)")
    alpha = check_probability("alpha", alpha)
    size = x.size
    lg = math.log(2.0 / alpha)
    var = float(np.var(x, ddof=1)) if size > 1 else 1.0
    return float(x.mean() + math.sqrt(2.0 * var * lg / size) + 7.0 * lg / (3.0 * max(size - 1, 1)))


def _expected_error_power(size: int, b: float) -> Power:
    """The power of the expected-error rule: the floor 7 ln(2/alpha)/(3(N-1)) of the bound against b."""
    floor = empirical_bernstein_floor(size, alpha=ALPHA) if size > 1 else math.inf
    need = math.floor(1 + 7 * math.log(2 / ALPHA) / (3 * b)) + 1
    if floor >= b:
        ptext = (f"Power: none at this budget: the bound can never fall below {floor:.4f} (its term "
                 f"7 ln(2/alpha)/(3(N-1)) with N = {size}) > pi/(8(n+1)), so no sample rejects; at least "
                 f"{need} networks would be needed for any power (the range [0, 1] is loose for errors near 0.02).")
    else:
        ptext = (f"Power: the bound can fall below pi/(8(n+1)) only if the sample mean is below "
                 f"{b - floor:.4f} (floor {floor:.4f} of the bound).")
    return Power.from_record(power_record(
        "empirical-Bernstein upper confidence bound below pi/(8(n+1))", alpha=ALPHA, trials=size, text=ptext,
        method="closed form (Maurer-Pontil 2009, Thm 4)", no_power=floor >= b, bound_floor=floor,
        max_mean_that_can_reject=(b - floor) if floor < b else None, trials_needed_for_any_power=need))


def check_expected_error(result) -> list:
    r"""E[RF optimum] >= pi/(8(n+1)) (law G), from the RF Monte Carlo of ``theorem-a``.

    One :class:`~pybridge.claims.records.BoundTest`: rejected only if the one-sided empirical-Bernstein upper
    confidence bound on the mean (:func:`empirical_bernstein_upper` at :data:`ALPHA`) falls below the bound.
    """
    n = result.spec.n
    b = expected_error_lower(n)
    x = np.clip(result.error_lower, 0.0, 1.0)  # the LP value: the strict (lower) end of each bracket
    ucb = empirical_bernstein_upper(x, ALPHA)

    def dens(t):
        return 0.5 * math.tan(t / 2) * n * (2 / math.pi) * (1 - 2 * t / math.pi) ** (n - 1)

    e_cert = integrate.quad(dens, 0.0, math.pi / 2)[0]
    data = {"n": n, "d": result.spec.d, "trials": int(x.size), "mean_rf_optimum": float(x.mean()),
            "upper_confidence_bound": ucb, "bound_pi_over_8_n_plus_1": b, "mean_over_bound": float(x.mean() / b),
            "mean_certificate": float(np.nanmean(result.certificate)), "exact_E_certificate": e_cert,
            "seed_entropy": result.estimate.seed_entropy}
    return [BoundTest(
        claim_id="expected-optimal-error", verdict=verdict_of(ucb >= b),
        setting=(f"M0, law G, d = {result.spec.d}, n = {n}, {x.size} networks of the theorem-a RF Monte Carlo: "
                 "the RF optimum (LP value, clipped to [0, 1])"),
        quantity="mean RF optimum", bound=b, direction="at least", trials=int(x.size), alpha=ALPHA,
        estimate=data["mean_rf_optimum"],
        test=(f"empirical Bernstein (Maurer-Pontil 2009, Thm 4) one-sided upper confidence bound {ucb:.4f} on "
              "[0, 1], rejected if it falls below pi/(8(n+1))"),
        power=_expected_error_power(int(x.size), b),
        note=(f"Mean RF optimum = {x.mean() / b:.2f} x pi/(8(n+1)); mean certificate "
              f"{data['mean_certificate']:.4f} (exact E[1/2 tan(eta_min/2)] = {e_cert:.4f})."), details=data)]
