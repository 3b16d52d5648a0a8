r"""Power of the one-sided Clopper–Pearson bound tests (issue 10 §4).

A Monte Carlo claim "Pr[event] <= bound" is rejected when the one-sided Clopper–Pearson
lower bound at level ``alpha`` of ``k`` successes in ``N`` trials exceeds ``bound``.  Since
the lower bound :math:`L(k)` solves :math:`\Pr_{L}[X \ge k] = \alpha`, the rejection region is
exactly :math:`k \ge k^*` with :math:`k^* = \min\{k : \Pr_{p_0}[X \ge k] < \alpha\}`
(:math:`X \sim \mathrm{Bin}(N, p_0)`, :math:`p_0` the bound).  Its power at a true frequency
:math:`p` is :math:`\Pr_p[X \ge k^*]`, increasing in :math:`p`; :func:`detectable_excess` returns
the smallest :math:`p - p_0` whose power is at least ``power`` (exact binomial tails from
``scipy.stats``, the root by ``scipy.optimize.brentq`` on the exact tail).

Further test types (each returns the smallest violation detected with probability >= ``power``):

* :func:`threshold_resolution` — the empirical threshold rule n* (first n whose two-sided
  Clopper–Pearson lower bound reaches 1 − δ), exact binomial tails;
* :func:`ks_detectable_distance` — the Kolmogorov–Smirnov test of a continuous law: a sup-distance
  of at least ``c_alpha + c_(1-power)`` (quantiles of the exact one-sample KS law, ``scipy.stats.kstwo``,
  Simard & L'Ecuyer 2011) is rejected with probability >= ``power`` for *every* alternative, by the
  triangle inequality :math:`D_n(F_0) \ge \|F - F_0\|_\infty - \|F_n - F\|_\infty` and the fact
  that :math:`\|F_n - F\|_\infty` has the same law for every continuous F (a sufficient bound);
* :func:`hoeffding_detectable_difference` — Hoeffding's two-sample test of [0, 1] means
  (Hoeffding 1963, Thm 2), the same inequality on both sides (sufficient bound);
* :func:`t_detectable_shift` — a Student t interval at 1 − α (normal approximation of the mean);
* :func:`agreement_detectable_ratio` — two intervals must intersect (an exact Clopper–Pearson
  interval of a binomial count and a t interval of a replicated estimator): the relative deviation
  of the estimator's mean detected with probability >= ``power`` (exact binomial sum, the estimator
  normal with its observed spread);
* :func:`empirical_bernstein_floor` — the smallest value an empirical-Bernstein upper bound can take
  (if the tested bound lies below it, the test has no power at all).
"""

from __future__ import annotations

import math

from pybridge.validation import check_int, check_real, check_text

__all__ = ["rejection_threshold", "detectable_excess", "two_sided_rejects", "detectable_deviation",
           "threshold_resolution", "ks_detectable_distance", "hoeffding_detectable_difference",
           "t_detectable_shift", "agreement_detectable_ratio", "empirical_bernstein_floor", "power_record",
           "POWER"]

#: the power level of every "detectable" figure (issue 10 §4)
POWER = 0.9


def rejection_threshold(bound: float, trials: int, *, alpha: float) -> int | None:
    """Smallest success count rejected by the one-sided test of ``Pr <= bound``; ``None`` if none is.

    Raises
    ------
    InvalidArgument
        ``trials < 1``, ``bound`` outside [0, 1] or ``alpha`` outside (0, 1).
    """
    from scipy.stats import binom

    trials = check_int("trials", trials, min_value=1, max_value=10**7)
    bound = check_real("bound", bound, min_value=0.0, max_value=1.0)
    alpha = check_real("alpha", alpha, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    lo, hi = 0, trials + 1  # invariant: sf(hi - 1) < alpha (hi = trials + 1 means "nothing rejected")
    if not binom.sf(trials - 1, trials, bound) < alpha:
        return None
    hi = trials
    while lo < hi:
        mid = (lo + hi) // 2
        if binom.sf(mid - 1, trials, bound) < alpha:
            hi = mid
        else:
            lo = mid + 1
    return lo


def detectable_excess(bound: float, trials: int, *, alpha: float, power: float = 0.9) -> float | None:
    """Smallest violation ``p - bound`` the test rejects with probability >= ``power``.

    Returns
    -------
    float or None
        The excess (a probability difference, float); ``None`` when no true frequency in
        ``(bound, 1]`` reaches that power at this budget.
    """
    from scipy.optimize import brentq
    from scipy.stats import binom

    power = check_real("power", power, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    bound = check_real("bound", bound, min_value=0.0, max_value=1.0)
    k = rejection_threshold(bound, trials, alpha=alpha)
    if k is None:
        return None
    f = lambda p: binom.sf(k - 1, trials, p) - power  # noqa: E731
    if f(1.0) < 0:
        return None
    if f(bound) >= 0:
        return 0.0
    return brentq(f, bound, 1.0, xtol=1e-12) - bound


def two_sided_rejects(successes: int, trials: int, p0: float, *, alpha: float) -> bool:
    """Equal-tailed exact binomial test of ``Pr = p0``: reject when either tail probability is < ``alpha/2``.

    The false-alarm rate is at most ``alpha`` (each tail at most ``alpha/2``).
    """
    from scipy.stats import binom

    trials = check_int("trials", trials, min_value=1, max_value=10**7)
    successes = check_int("successes", successes, min_value=0, max_value=trials)
    p0 = check_real("p0", p0, min_value=0.0, max_value=1.0)
    alpha = check_real("alpha", alpha, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    return bool(binom.cdf(successes, trials, p0) < alpha / 2 or binom.sf(successes - 1, trials, p0) < alpha / 2)


def detectable_deviation(p0: float, trials: int, *, alpha: float, power: float = 0.9) -> dict:
    """Smallest ``|p - p0|`` on each side that :func:`two_sided_rejects` detects with probability >= ``power``.

    Returns ``{"above": excess or None, "below": deficit or None}`` (probability differences).
    """
    from scipy.optimize import brentq
    from scipy.stats import binom

    import numpy as np

    trials = check_int("trials", trials, min_value=1, max_value=10**7)
    p0 = check_real("p0", p0, min_value=0.0, max_value=1.0)
    alpha = check_real("alpha", alpha, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    power = check_real("power", power, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    ks = np.arange(trials + 1)
    rejected = ks[(binom.cdf(ks, trials, p0) < alpha / 2) | (binom.sf(ks - 1, trials, p0) < alpha / 2)]
    hi = int(rejected[rejected > p0 * trials].min()) if (rejected > p0 * trials).any() else None
    lo = int(rejected[rejected < p0 * trials].max()) if (rejected < p0 * trials).any() else None
    out = {"above": None, "below": None}
    if hi is not None:
        f = lambda p: binom.sf(hi - 1, trials, p) - power  # noqa: E731
        if f(1.0) >= 0:
            out["above"] = brentq(f, p0, 1.0, xtol=1e-12) - p0 if f(p0) < 0 else 0.0
    if lo is not None:
        g = lambda p: binom.cdf(lo, trials, p) - power  # noqa: E731
        if g(0.0) >= 0:
            out["below"] = p0 - brentq(g, 0.0, p0, xtol=1e-12) if g(p0) < 0 else 0.0
    return out


def power_record(test: str, *, alpha: float, trials: int | None, text: str, method: str, no_power=None,
                 **figures) -> dict:
    """The ``power`` dict of a check's data (issue 10 §4): the test, its false-alarm rate, its budget,
    the power level (:data:`POWER`), the detectable figures (``None`` = no power), the method and the
    sentence shown in the evidence.  ``no_power`` (default: every figure is ``None``) says that no
    violation is detected with probability ``POWER`` at this budget."""
    test = check_text("test", test, max_len=1000)
    text = check_text("text", text, max_len=10**5)
    method = check_text("method", method, max_len=1000)
    if alpha is not None:
        alpha = check_real("alpha", alpha, min_value=0.0, max_value=1.0)
    if trials is not None:
        trials = check_int("trials", trials, min_value=0)
    vals = [v for v in figures.values() if not isinstance(v, dict)] + \
        [x for v in figures.values() if isinstance(v, dict) for x in v.values()]
    return {"test": test, "alpha": alpha, "trials": trials, "power": POWER, **figures, "method": method,
            "no_power": all(v is None for v in vals) if no_power is None else bool(no_power), "text": text}


def threshold_resolution(delta: float, trials: int, *, confidence: float = 0.95, power: float = POWER) -> dict:
    r"""Resolution of the empirical threshold rule: n* = first n whose two-sided Clopper–Pearson lower bound
    (level ``confidence``) on the success probability reaches 1 − ``delta``.

    With coupled trials the failure count is nonincreasing in n, so n is declared iff its failures are at
    most ``max_failures`` = the largest k whose lower bound reaches 1 − δ.  At a true failure rate f the
    declaration probability is :math:`\Pr[\mathrm{Bin}(N, f) \le k]` (exact).

    Returns
    -------
    dict
        ``max_failures`` (None: no count reaches 1 − δ at this budget), ``declare_failure_rate_p90``
        (the failure rate at which n is declared with probability ``power``: the estimate n* is at most
        the first n with that rate, with probability >= ``power``), ``early_probability`` (probability
        of declaring an n whose failure rate is exactly δ: at most (1 − confidence)/2).
    """
    from scipy.optimize import brentq
    from scipy.stats import binom

    from pybridge.stats.estimate import clopper_pearson

    trials = check_int("trials", trials, min_value=1, max_value=10**7)
    delta = check_real("delta", delta, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    confidence = check_real("confidence", confidence, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    power = check_real("power", power, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    k = -1
    while k + 1 < trials and clopper_pearson(trials - (k + 1), trials, confidence=confidence)[0] >= 1 - delta:
        k += 1
    if k < 0:
        return {"max_failures": None, "declare_failure_rate_p90": None, "early_probability": 0.0}
    f = lambda r: binom.cdf(k, trials, r) - power  # noqa: E731  (decreasing in r)
    rate = brentq(f, 0.0, 1.0, xtol=1e-14) if f(0.0) > 0 else 0.0
    return {"max_failures": k, "declare_failure_rate_p90": float(rate),
            "early_probability": float(binom.cdf(k, trials, delta))}


def ks_detectable_distance(samples: int, *, alpha: float, power: float = POWER) -> float:
    """Sup-distance between the true and the tested continuous CDF that the KS test (reject at p < ``alpha``)
    detects with probability >= ``power`` for every alternative (see the module docstring; sufficient)."""
    from scipy.stats import kstwo

    samples = check_int("samples", samples, min_value=1, max_value=10**8)
    alpha = check_real("alpha", alpha, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    power = check_real("power", power, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    return float(kstwo.isf(alpha, samples) + kstwo.isf(1.0 - power, samples))


def hoeffding_detectable_difference(n1: int, n2: int, *, alpha: float, power: float = POWER) -> float:
    r"""True difference of two [0, 1] means that Hoeffding's two-sample test (reject at
    :math:`|\bar A - \bar B| \ge t_\alpha`, :math:`t_\alpha = \sqrt{\ln(2/\alpha)(1/n_1 + 1/n_2)/2}`) detects
    with probability >= ``power``: :math:`t_\alpha + \sqrt{\ln(1/(1 - \mathrm{power}))(1/n_1 + 1/n_2)/2}`
    (one-sided Hoeffding for the miss; sufficient)."""
    n1 = check_int("n1", n1, min_value=1, max_value=10**12)
    n2 = check_int("n2", n2, min_value=1, max_value=10**12)
    alpha = check_real("alpha", alpha, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    power = check_real("power", power, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    h = (1.0 / n1 + 1.0 / n2) / 2.0
    return math.sqrt(math.log(2.0 / alpha) * h) + math.sqrt(math.log(1.0 / (1.0 - power)) * h)


def t_detectable_shift(sd: float, size: int, *, alpha: float, power: float = POWER) -> float:
    r"""Shift of the mean that a two-sided Student t interval at 1 − ``alpha`` (``size`` values, standard
    deviation ``sd``) excludes with probability >= ``power``: :math:`(t_{1-\alpha/2, N-1} + z_{\mathrm{power}})
    \, \mathrm{sd}/\sqrt N` (normal approximation of the mean, the interval's own assumption)."""
    from scipy.stats import norm, t

    sd = check_real("sd", sd, min_value=0.0)
    size = check_int("size", size, min_value=2, max_value=10**9)
    alpha = check_real("alpha", alpha, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    power = check_real("power", power, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    return float((t.ppf(1 - alpha / 2, size - 1) + norm.ppf(power)) * sd / math.sqrt(size))


def _agreement_power(ratio, q, trials, se, half, alpha_each, relative=False):
    import numpy as np
    from scipy.stats import beta, binom, norm

    lo_x = int(binom.ppf(1e-12, trials, q))
    hi_x = int(binom.isf(1e-12, trials, q)) + 1
    x = np.arange(max(lo_x, 0), min(hi_x, trials) + 1)
    w = binom.pmf(x, trials, q)
    low = np.where(x > 0, beta.ppf(alpha_each / 2, np.maximum(x, 1), trials - x + 1), 0.0)
    up = np.where(x < trials, beta.isf(alpha_each / 2, x + 1, np.maximum(trials - x, 1)), 1.0)
    if relative:  # the estimator times ratio: its mean, spread and interval all scale; compare on q's scale
        if ratio == 0:
            return float(np.sum(w * (low > 0)))
        up, low, mu = up / ratio, low / ratio, q
    else:
        mu = ratio * q
    if se == 0:
        rej = ((mu - half > up) | (mu + half < low)).astype(float)
    else:
        rej = norm.sf((up + half - mu) / se) + norm.cdf((low - half - mu) / se)
    return float(np.sum(w * np.minimum(rej, 1.0)))


def agreement_detectable_ratio(q: float, trials: int, *, se: float, half_width: float, alpha_each: float,
                               power: float = POWER, max_ratio: float = 1e3, relative: bool = False) -> dict:
    r"""Relative deviation of a replicated estimator that the interval-agreement test detects.

    The test rejects when the estimator's t interval ``mean ± half_width`` and the exact Clopper–Pearson
    interval (confidence 1 − ``alpha_each``) of a ``Bin(trials, q)`` count are disjoint.  If the
    estimator's mean is ``ratio * q`` (normal with standard error ``se``, its spread held at the
    observed value), the rejection probability is an exact sum over the binomial count.  With
    ``relative=True`` the whole estimator is multiplied by ``ratio`` (a multiplicative bias: its
    standard error and half-width scale with it, the relative spread is held).

    Returns
    -------
    dict
        ``{"above": r, "below": r}``: the smallest ratio > 1 and the largest ratio < 1 detected with
        probability >= ``power`` (``None``: no power on that side within ``[0, max_ratio]``).
    """
    from scipy.optimize import brentq

    q = check_real("q", q, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    trials = check_int("trials", trials, min_value=1, max_value=10**9)
    se = check_real("se", se, min_value=0.0)
    half_width = check_real("half_width", half_width, min_value=0.0)
    alpha_each = check_real("alpha_each", alpha_each, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    power = check_real("power", power, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    f = lambda r: _agreement_power(r, q, trials, se, half_width, alpha_each, relative) - power  # noqa: E731
    out = {"above": None, "below": None}
    top = min(max_ratio, 1.0 / q)
    if f(top) >= 0:
        out["above"] = 1.0 if f(1.0) >= 0 else float(brentq(f, 1.0, top, xtol=1e-6))
    if f(0.0) >= 0:
        out["below"] = 1.0 if f(1.0) >= 0 else float(brentq(f, 0.0, 1.0, xtol=1e-6))
    return out


def empirical_bernstein_floor(trials: int, *, alpha: float) -> float:
    r"""Smallest value of the empirical-Bernstein upper bound :math:`\bar x + \sqrt{2V\ln(2/\alpha)/N} +
    7\ln(2/\alpha)/(3(N-1))` (Maurer–Pontil 2009, Thm 4) over all samples in [0, 1]: its last term.
    A test "reject if the upper bound is below b" has no power when b is at most this."""
    trials = check_int("trials", trials, min_value=2, max_value=10**12)
    alpha = check_real("alpha", alpha, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    return 7.0 * math.log(2.0 / alpha) / (3.0 * (trials - 1))
