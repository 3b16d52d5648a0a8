r"""The mixture identity of random masks: masking = subsampling (claim ``masks-mixture-identity``).

With :math:`X_1..X_n` i.i.d. and an independent mask :math:`B_i \sim \mathrm{Bernoulli}(p)`, the kept
samples are, given their number :math:`M \sim \mathrm{Binom}(n, p)`, i.i.d. from the same law, so

.. math:: P_{mask}(n, \varepsilon; p) = \sum_{m=0}^n \binom nm p^m (1-p)^{n-m}\, P(m, \varepsilon)

for every event that depends only on the multiset of kept samples (RSS coverage, fixed-size coverage).
[RECON: elementary conditioning; the masked model is the one of Gadhikar et al., arXiv 2210.02412, READ-ABS.]

* :func:`mixture_identity_exact` checks the identity *exactly* (Fractions) for a law with finitely many
  atoms, by enumerating every sample and every mask;
* :func:`binomial_mixture` evaluates the right side from coupled first-cover times;
* :func:`hoeffding_two_sample` is the test of two independent [0, 1]-bounded means used by the section
  (false-alarm rate stated, no normal approximation).
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
from scipy import stats

from pybridge.rss import covers
from pybridge.errors import InvalidArgument
from pybridge.validation import (check_callable, check_exact, check_exact_instance, check_int, check_probability,
                                 check_real, check_samples, check_sequence)

#: largest number of terms len(atoms)^n * 2^n of :func:`mixture_identity_exact`
MAX_TERMS = 200_000

__all__ = ["mixture_identity_exact", "binomial_mixture", "hoeffding_two_sample"]


def _mixture_identity_iv(atoms, n, p, eps, interval, decide):
    """Validate the arguments of :func:`mixture_identity_exact`: ``(n, p, atoms, decide)`` in canonical form."""
    n = check_int("n", n, min_value=0, max_value=6)
    q = check_exact("p", p)
    if not 0 < q <= 1:
        raise InvalidArgument(f"p must be in (0, 1], got p={p!r}")
    vals = [check_exact(f"atoms[{i}]", a) for i, a in enumerate(check_sequence("atoms", atoms, max_len=64))]
    if not vals:
        raise InvalidArgument("atoms must hold at least one value, got atoms=[]")
    if len(vals) ** n * 2**n > MAX_TERMS:
        raise InvalidArgument(f"len(atoms)^n * 2^n must be <= {MAX_TERMS:,} (the identity is checked term by term), "
                              f"got {len(vals)}^{n} * 2^{n}")
    e = check_exact("eps", eps, positive=True)
    iv = check_sequence("interval", interval)
    if len(iv) != 2:
        raise InvalidArgument(f"interval must be a pair (a, b), got interval={interval!r}")
    check_exact_instance([], e, iv[0], iv[1])  # a < b, exactly
    a, b = iv
    if decide is not None:
        check_callable("decide", decide)
    if decide is None:
        def decide(kept):
            return covers(kept, e, interval=(a, b), exact=True)
    return n, q, vals, decide


def mixture_identity_exact(atoms, n: int, p, eps, interval=(-1, 1), *, decide=None) -> bool:
    r"""Both sides of the mixture identity, exactly, for the uniform law on ``atoms``.

    Parameters
    ----------
    atoms : sequence of exact numbers
        The law: uniform on these values (repeats allowed, they add weight).
    n : int, 0 <= n <= 6
        Samples before masking (enumeration is :math:`|atoms|^n 2^n`).
    p : exact number in (0, 1]
        Keep probability.
    eps, interval
        Radius and target interval of the event.
    decide : callable or None
        ``decide(kept_list) -> bool`` (default: exact RSS coverage of ``interval`` at ``eps``).

    Returns
    -------
    bool
        True iff :math:`\Pr[\text{event of kept samples}] = \sum_m \mathrm{Binom}(n,p)(m)\,P(m)` exactly.
    """
    n, q, vals, decide = _mixture_identity_iv(atoms, n, p, eps, interval, decide)
    w = Fraction(1, len(vals))
    cache: dict = {}

    def event(kept: tuple) -> bool:
        key = tuple(sorted(kept))
        if key not in cache:
            cache[key] = bool(decide(list(key)))
        return cache[key]

    lhs = Fraction(0)
    for xs in itertools.product(vals, repeat=n):
        for mask in itertools.product((0, 1), repeat=n):
            m = sum(mask)
            lhs += w**n * q**m * (1 - q) ** (n - m) * event(tuple(x for x, k in zip(xs, mask) if k))
    rhs = Fraction(0)
    for m in range(n + 1):
        pm = sum(w**m * event(xs) for xs in itertools.product(vals, repeat=m))
        rhs += math.comb(n, m) * q**m * (1 - q) ** (n - m) * pm
    return lhs == rhs


def binomial_mixture(times: np.ndarray, n: int, p: float) -> float:
    r""":math:`\frac1T\sum_t \Pr[\mathrm{Binom}(n, p) \ge T_t]` = :math:`\sum_m \mathrm{Binom}(n,p)(m)\hat P(m)`.

    ``times`` are coupled first-cover sizes (a trial covers at size m iff ``T_t <= m``).
    """
    t = times if isinstance(times, np.ndarray) and times.dtype.kind in "iu" else check_samples("times", times)
    n = check_int("n", n, min_value=0)
    p = check_probability("p", p, open_low=False, open_high=False)
    return float(np.mean(stats.binom.sf(t - 1, n, p)))


def hoeffding_two_sample(mean1: float, n1: int, mean2: float, n2: int, *, alpha: float = 1e-6) -> dict:
    r"""Two independent means of [0, 1]-valued trials: Hoeffding's bound on their difference.

    Under equal expectations, :math:`\Pr[|\bar A - \bar B| \ge t] \le 2\exp(-2t^2/(1/n_1 + 1/n_2))`, so
    ``t = sqrt(ln(2/alpha) (1/n1 + 1/n2) / 2)`` has false-alarm rate at most ``alpha``.
    """
    n1 = check_int("n1", n1, min_value=1)
    n2 = check_int("n2", n2, min_value=1)
    alpha = check_probability("alpha", alpha)
    mean1, mean2 = check_real("mean1", mean1), check_real("mean2", mean2)
    t = math.sqrt(math.log(2 / alpha) * (1 / n1 + 1 / n2) / 2)
    diff = mean1 - mean2
    return {"difference": diff, "threshold": t, "alpha": alpha, "rejects": abs(diff) >= t}
