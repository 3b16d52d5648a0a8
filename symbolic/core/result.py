"""Result objects: one constant (:class:`ConstantResult`) and one tight-constant row (:class:`TightConstantResult`)."""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from symbolic.core._validation import check_dps
from symbolic.core.certify import RationalInterval, certify_expr
from symbolic.core.numeric import evaluate_expr, mpf_to_str
from symbolic.core.sources import Source

__all__ = ["ConstantResult", "TightConstantResult", "build_result"]


@dataclass(frozen=True)
class ConstantResult:
    """One constant: exact form, derivation, value at ``dps`` digits, certified enclosure, provenance.

    Attributes
    ----------
    name : str
        Stable kebab-case name (a key of ``symbolic.CONSTANT_NAMES``).
    claim_id : str
        Claim id (``const-...``) shared with the claims registry and the formal layer.
    symbol : str
        LaTeX symbol, e.g. ``r"\\kappa^*(C)"``.
    formula : sympy.Expr
        General exact form, possibly in parameter symbols (``C``, ``epsilon``, ``n``...).
    expr : sympy.Expr
        Exact closed value at ``params`` (``formula`` with the parameters substituted).
    params : tuple of (str, sympy.Rational) pairs
        The exact parameter values used (empty for pure constants).
    derivation : str
        How ``formula`` was derived (the sympy steps run in code) and what was checked.
    value : mpmath.mpf
        ``expr`` to ``dps`` significant digits (private context; not certified).
    certified : RationalInterval
        Rigorous enclosure of ``expr`` (arb balls), rounded outward to ``dps`` digits.
    dps : int
        Decimal digits of ``value`` and ``certified``.
    source : Source
        Paper, arXiv id/version, statement location, provenance tag.
    """

    name: str
    claim_id: str
    symbol: str
    formula: sympy.Expr
    expr: sympy.Expr
    params: tuple
    derivation: str
    value: object
    certified: RationalInterval
    dps: int
    source: Source

    @property
    def tag(self) -> str:
        """Provenance tag of the source (READ, READ-2ND, RECON, ...)."""
        return self.source.tag

    @property
    def value_str(self) -> str:
        """``value`` as a decimal string with ``dps`` significant digits (correctly rounded)."""
        return mpf_to_str(self.value, self.dps)

    def to_dict(self) -> dict:
        """JSON-safe dictionary: exact form as ``str`` and ``srepr``, value as decimal string,
        interval endpoints as ``"p/q"`` strings."""
        lo, hi = self.certified.to_strings()
        return {
            "name": self.name,
            "claim_id": self.claim_id,
            "symbol": self.symbol,
            "formula": str(self.formula),
            "exact": str(self.expr),
            "srepr": sympy.srepr(self.expr),
            "params": {k: str(v) for k, v in self.params},
            "derivation": self.derivation,
            "dps": self.dps,
            "value": self.value_str,
            "certified": [lo, hi],
            "tag": self.tag,
            "source": self.source.to_dict(),
        }


@dataclass(frozen=True)
class TightConstantResult:
    """One row of the "how loose is the paper's constant" table.

    Attributes
    ----------
    name : str
        Row name (kebab-case).
    claim_id : str
        Claim id of the constant concerned.
    statement : str
        The bound, with the constant written ``c``.
    direction : str
        ``"larger-is-stronger"`` (a lower-bound constant such as ``c_l``) or
        ``"smaller-is-stronger"`` (an upper-bound constant).
    proof_constant : ConstantResult or None
        The constant the proof gives; ``None`` when the proof leaves it unspecified.
    tight_constant : ConstantResult
        The best constant for which the statement still holds (see ``status``).
    ratio : RationalInterval or None
        Certified looseness factor (>= 1): tight/proof for larger-is-stronger,
        proof/tight otherwise.  ``None`` when the proof constant is unspecified.
    ratio_value : mpmath.mpf or None
        The ratio at ``dps`` digits.
    status : str
        What is certified and over which range (e.g. "certified for k <= 200").
    evidence : str
        The checks behind ``tight_constant``.
    kind : str
        ``"analytic"`` here; probabilistic rows are assembled by ``pybridge``.
    """

    name: str
    claim_id: str
    statement: str
    direction: str
    proof_constant: ConstantResult | None
    tight_constant: ConstantResult
    ratio: RationalInterval | None
    ratio_value: object
    status: str
    evidence: str
    kind: str = "analytic"

    def to_dict(self) -> dict:
        """JSON-safe dictionary (nested constants via :meth:`ConstantResult.to_dict`)."""
        return {
            "name": self.name,
            "claim_id": self.claim_id,
            "statement": self.statement,
            "direction": self.direction,
            "kind": self.kind,
            "proof_constant": None if self.proof_constant is None else self.proof_constant.to_dict(),
            "tight_constant": self.tight_constant.to_dict(),
            "ratio": None if self.ratio is None else list(self.ratio.to_strings()),
            "ratio_value": None if self.ratio_value is None else mpf_to_str(self.ratio_value, self.tight_constant.dps),
            "status": self.status,
            "evidence": self.evidence,
        }


def build_result(
    *,
    name: str,
    claim_id: str,
    symbol: str,
    expr: sympy.Expr,
    derivation: str,
    source: Source,
    dps: int,
    formula: sympy.Expr | None = None,
    params: tuple = (),
) -> ConstantResult:
    """Evaluate (mpmath) and certify (arb) an exact expression and wrap it with provenance.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range or ``expr`` is not closed and exact.
    PrecisionExhaustedError
        If evaluation or certification cannot reach ``dps`` digits.
    """
    dps = check_dps(dps)
    expr = sympy.sympify(expr)
    return ConstantResult(
        name=name,
        claim_id=claim_id,
        symbol=symbol,
        formula=expr if formula is None else formula,
        expr=expr,
        params=tuple(params),
        derivation=derivation,
        value=evaluate_expr(expr, dps=dps),
        certified=certify_expr(expr, dps=dps),
        dps=dps,
        source=source,
    )
