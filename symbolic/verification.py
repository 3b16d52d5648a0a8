"""Per-constant verification verdicts: independent agreement and certified containment.

This is what ``prunegap check`` reports in its constants section, and what the golden
file records: for each constant, whether (a) an independent evaluation
(:mod:`symbolic.crosschecks`) agrees with the exact form to ``dps`` digits, and
(b) the decimal value and a higher-precision value lie in the certified interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from symbolic.core._validation import check_dps
from symbolic.core.certify import _as_fraction
from symbolic.core.numeric import evaluate_expr, mpf_to_str
from symbolic.core.result import ConstantResult
from symbolic.crosschecks import CROSSCHECK_METHODS, crosscheck
from symbolic.registry import CONSTANT_NAMES, evaluate

__all__ = ["ConstantCheck", "verify_constant", "verify_constants"]

#: Extra digits of the reference value tested for containment.
REFERENCE_EXTRA_DPS = 20


@dataclass(frozen=True)
class ConstantCheck:
    """Verdicts for one constant.

    Attributes
    ----------
    result : ConstantResult
        The evaluated constant.
    independent : str
        The independent evaluation, ``dps`` significant digits.
    independent_method : str
        How it was computed.
    agrees : bool
        ``|independent - value| <= 10**(1 - dps) * max(|value|, 1)``.
    contained : bool
        The decimal value and a value at ``dps + 20`` digits (exact for rationals) lie in
        the certified interval.
    """

    result: ConstantResult
    independent: str
    independent_method: str
    agrees: bool
    contained: bool

    @property
    def ok(self) -> bool:
        """Both verdicts hold."""
        return self.agrees and self.contained

    def to_dict(self) -> dict:
        """JSON-safe dictionary (the constant's fields plus the verdicts)."""
        d = self.result.to_dict()
        d.update(independent=self.independent, independent_method=self.independent_method,
                 agrees=self.agrees, contained=self.contained)
        return d


def verify_constant(name: str, *, dps: int = 50, **params) -> ConstantCheck:
    """Evaluate constant ``name`` and check it against its independent evaluation and its enclosure.

    Parameters
    ----------
    name : str
        One of ``symbolic.CONSTANT_NAMES``.
    dps : int, default 50
    **params
        Exact parameters (as for :func:`symbolic.evaluate`).

    Returns
    -------
    ConstantCheck

    Raises
    ------
    InvalidType, InvalidArgument
        As for :func:`symbolic.evaluate`.

    Notes
    -----
    Claim: ``symbolic.CLAIM_IDS[name]``.  Issue 4 "Done when": exact form, 50-digit value
    agreeing with an independent evaluation, certified interval containing it.

    Examples
    --------
    >>> check = verify_constant("irwin-hall-cu", dps=20)
    >>> check.ok, check.independent
    (True, '0.70710678118654752440')
    """
    dps = check_dps(dps)
    r = evaluate(name, dps=dps, **params)
    independent = crosscheck(name, dps=dps, **dict(r.params))
    value = Fraction(r.value_str)
    agrees = abs(_as_fraction(independent) - value) <= max(abs(value), Fraction(1)) * Fraction(1, 10 ** (dps - 1))
    if r.expr.is_Rational:
        reference = Fraction(int(r.expr.p), int(r.expr.q))
    else:
        reference = _as_fraction(evaluate_expr(r.expr, dps=dps + REFERENCE_EXTRA_DPS))
    contained = value in r.certified and reference in r.certified
    return ConstantCheck(result=r, independent=mpf_to_str(independent, dps),
                         independent_method=CROSSCHECK_METHODS[name], agrees=agrees, contained=contained)


def verify_constants(*, dps: int = 50, names=None) -> list[ConstantCheck]:
    """:func:`verify_constant` for several constants at their default parameters (all by default).

    Parameters
    ----------
    dps : int, default 50
    names : iterable of str, optional
        Subset of ``symbolic.CONSTANT_NAMES``.

    Returns
    -------
    list of ConstantCheck

    Raises
    ------
    InvalidType, InvalidArgument
        For bad ``dps`` or unknown names.

    Notes
    -----
    About 4 s for all constants at 50 digits.

    Examples
    --------
    >>> all(c.ok for c in verify_constants(dps=15, names=["eta-eps", "q-eps"]))
    True
    """
    dps = check_dps(dps)
    return [verify_constant(name, dps=dps) for name in (CONSTANT_NAMES if names is None else list(names))]
