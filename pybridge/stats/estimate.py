"""Binomial estimates with exact (Clopper–Pearson) confidence intervals.

Intervals come from :func:`scipy.stats.binomtest` (``method='exact'``,
i.e. Clopper–Pearson); this module only chooses trial counts and packages
results.  Stopping when a plain interval "looks narrow" is not valid, so the
trial count for a requested half-width is fixed up front from an independent
pilot (:func:`trials_for_half_width`).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from scipy import stats

from pybridge.validation import check_int, check_probability, check_real
from pybridge.errors import InvalidArgument

__all__ = [
    "BinomialEstimate",
    "clopper_pearson",
    "clopper_pearson_upper",
    "clopper_pearson_lower",
    "trials_for_half_width",
    "format_confidence",
]


@dataclass(frozen=True)
class BinomialEstimate:
    """Successes out of trials, with a two-sided Clopper–Pearson interval.

    Attributes
    ----------
    successes, trials : int
        Counts (exact).
    confidence : float
        Two-sided confidence level of ``[ci_low, ci_high]``.
    ci_low, ci_high : float
        Clopper–Pearson bounds on the success probability.
    seed_entropy : str
        Root seed entropy of the run (decimal), for replay.
    method : str
        Always ``"clopper-pearson"``.
    """

    successes: int
    trials: int
    confidence: float
    ci_low: float
    ci_high: float
    seed_entropy: str
    method: str = "clopper-pearson"

    @property
    def p_hat(self) -> float:
        return self.successes / self.trials

    @property
    def half_width(self) -> float:
        return (self.ci_high - self.ci_low) / 2

    def to_dict(self) -> dict:
        d = asdict(self)
        d["p_hat"] = self.p_hat
        return d

    @classmethod
    def from_counts(cls, successes: int, trials: int, *, confidence: float, seed_entropy: str):
        low, high = clopper_pearson(successes, trials, confidence=confidence)
        return cls(int(successes), int(trials), float(confidence), low, high, str(seed_entropy))


def _counts(successes, trials):
    trials = check_int("trials", trials, min_value=1, max_value=MAX_TRIALS)
    successes = check_int("successes", successes, min_value=0, max_value=trials)
    return successes, trials


#: largest trial count of a binomial estimate (scipy's exact intervals need it to fit a C integer)
MAX_TRIALS = 10**15


def clopper_pearson(successes: int, trials: int, *, confidence: float = 0.95) -> tuple[float, float]:
    """Two-sided Clopper–Pearson interval (each tail ``(1-confidence)/2``)."""
    successes, trials = _counts(successes, trials)
    confidence = check_probability("confidence", confidence)
    ci = stats.binomtest(successes, trials).proportion_ci(confidence_level=confidence, method="exact")
    return float(ci.low), float(ci.high)


def clopper_pearson_upper(successes: int, trials: int, *, alpha: float) -> float:
    """One-sided upper bound ``u`` with ``Pr[p > u] <= alpha`` (exact)."""
    successes, trials = _counts(successes, trials)
    alpha = check_probability("alpha", alpha)
    ci = stats.binomtest(successes, trials, alternative="less").proportion_ci(
        confidence_level=1 - alpha, method="exact"
    )
    return float(ci.high)


def clopper_pearson_lower(successes: int, trials: int, *, alpha: float) -> float:
    """One-sided lower bound ``l`` with ``Pr[p < l] <= alpha`` (exact)."""
    successes, trials = _counts(successes, trials)
    alpha = check_probability("alpha", alpha)
    ci = stats.binomtest(successes, trials, alternative="greater").proportion_ci(
        confidence_level=1 - alpha, method="exact"
    )
    return float(ci.low)


def trials_for_half_width(
    half_width: float, *, confidence: float = 0.95, p_low: float = 0.0, p_high: float = 1.0, max_trials: int = 10**7
) -> int:
    """Trials so that a Clopper–Pearson interval has half-width <= ``half_width``.

    Plans for the worst ``p`` in ``[p_low, p_high]`` (the value closest to ½),
    typically the Clopper–Pearson interval of an independent pilot, and then
    checks with the exact interval (which is wider than the Wald one) at the
    expected count, growing the count by 5 % steps until it fits.

    Returns
    -------
    int
        Planned trial count, capped at ``max_trials``.
    """
    half_width = check_real("half_width", half_width, min_value=0.0, max_value=0.5, min_open=True)
    confidence = check_probability("confidence", confidence)
    p_low = check_real("p_low", p_low, min_value=0.0, max_value=1.0)
    p_high = check_real("p_high", p_high, min_value=p_low, max_value=1.0)
    max_trials = check_int("max_trials", max_trials, min_value=1)
    p = min(max(0.5, p_low), p_high) if p_low <= 0.5 <= p_high else (p_low if p_low > 0.5 else p_high)
    z = stats.norm.ppf(0.5 + confidence / 2)
    n = max(10, math.ceil(z * z * p * (1 - p) / half_width**2))
    while n < max_trials:
        k = round(p * n)
        lo, hi = clopper_pearson(k, n, confidence=confidence)
        if (hi - lo) / 2 <= half_width:
            break
        n = math.ceil(n * 1.05)
    if n >= max_trials:
        k = round(p * max_trials)
        lo, hi = clopper_pearson(k, max_trials, confidence=confidence)
        if (hi - lo) / 2 > half_width:
            raise InvalidArgument(f"half_width={half_width!r} needs more than max_trials={max_trials:,} trials "
                                  f"(at p={p:.3g}); ask for a wider half-width")
        return max_trials
    return n


def format_confidence(confidence: float) -> str:
    """A confidence level as a percentage with every digit it has: ``95%``, ``99.9999999999%`` (never "100%")."""
    from decimal import Decimal

    confidence = check_probability("confidence", confidence)
    text = f"{confidence * 100:.12g}"
    if text in ("100", "0"):  # closer to 1 (or 0) than 12 digits show: every digit of the float
        text = format(Decimal(repr(confidence)).scaleb(2).normalize(), "f")
    return text + "%"
