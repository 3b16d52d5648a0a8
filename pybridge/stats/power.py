r"""Power of the one-sided Clopper–Pearson bound tests (issue 10 §4).

A Monte Carlo claim "Pr[event] <= bound" is rejected when the one-sided Clopper–Pearson
lower bound at level ``alpha`` of ``k`` successes in ``N`` trials exceeds ``bound``.  Since
the lower bound :math:`L(k)` solves :math:`\Pr_{L}[X \ge k] = \alpha`, the rejection region is
exactly :math:`k \ge k^*` with :math:`k^* = \min\{k : \Pr_{p_0}[X \ge k] < \alpha\}`
(:math:`X \sim \mathrm{Bin}(N, p_0)`, :math:`p_0` the bound).  Its power at a true frequency
:math:`p` is :math:`\Pr_p[X \ge k^*]`, increasing in :math:`p`; :func:`detectable_excess` returns
the smallest :math:`p - p_0` whose power is at least ``power`` (exact binomial tails from
``scipy.stats``, the root by ``scipy.optimize.brentq`` on the exact tail).
"""

from __future__ import annotations

from pybridge.validation import check_int, check_real

__all__ = ["rejection_threshold", "detectable_excess", "two_sided_rejects", "detectable_deviation"]


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
