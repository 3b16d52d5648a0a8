r"""The analytic rows of the "how loose is the paper's constant" table.

For each bound whose constant is loose or unspecified: (i) the constant the proof
gives, (ii) the best constant for which the statement still holds (certified
interval; its evidence and range in ``status``), (iii) their ratio, oriented so
that it is ``>= 1`` ("how many times better the statement could be").

Probabilistic rows (the fitted ``C`` of Lueker's threshold, Pensia's universal
``C``, the expected neuron-pruning error) need Monte Carlo and are assembled by
``pybridge``; :func:`symbolic.constants.lueker.lueker_kappa_from_fit` turns a fitted ``C``
into :math:`\kappa^*`.
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from symbolic.constants.neuron_pruning import EPS, n_half, neuron_pruning_formulas
from symbolic.constants.products import HALF, pensia_uniform_weight, xy_density, z
from symbolic.constants.rfss import DEFAULT_CHECK_N_MAX, rfss_binomial_entropy_lower, rfss_binomial_entropy_upper
from symbolic.constants.sum_bounded import sum_bounded_evidence
from symbolic.constants.sum_bounded_constants import (
    EVIDENCE_K_MAX,
    allasia_c18,
    irwin_hall_cl,
    irwin_hall_cu,
    p_l_limit,
)
from symbolic.constants.theorem_a_prime import SOURCE as A_PRIME_SOURCE
from symbolic.constants.theorem_a_prime import theorem_a_prime_constant
from symbolic.core._validation import check_dps
from symbolic.core.certify import certify_expr
from symbolic.core.errors import PrunegapError
from symbolic.core.numeric import evaluate_expr
from symbolic.core.result import ConstantResult, TightConstantResult, build_result
from symbolic.core.sources import Source

__all__ = ["TIGHT_NAMES", "tight_constants"]

LARGER = "larger-is-stronger"
SMALLER = "smaller-is-stronger"


def _row(name, claim_id, statement, direction, proof, tight, status, evidence) -> TightConstantResult:
    ratio_iv = ratio_value = None
    if proof is not None:
        ratio = tight.expr / proof.expr if direction == LARGER else proof.expr / tight.expr
        ratio = sympy.simplify(ratio)
        ratio_iv = certify_expr(ratio, dps=tight.dps)
        ratio_value = evaluate_expr(ratio, dps=tight.dps)
        if ratio_iv.lo < 1 - Fraction(1, 10**6):
            raise PrunegapError(f"tight row {name}: looseness ratio {ratio_iv} below 1")
    return TightConstantResult(name=name, claim_id=claim_id, statement=statement, direction=direction,
                               proof_constant=proof, tight_constant=tight, ratio=ratio_iv, ratio_value=ratio_value,
                               status=status, evidence=evidence)


def _as_read(name, claim_id, symbol, expr, location, dps) -> ConstantResult:
    """A proof constant exactly as the paper writes it (RFSS, READ)."""
    return build_result(name=name, claim_id=claim_id, symbol=symbol, expr=expr,
                        derivation="as written in the paper's proof", dps=dps,
                        source=Source(paper="RFSS", arxiv="2410.14754", location=f"{location}; theory.md §2",
                                      tag="READ", note="full-text conversion; version not recorded"))


def _pensia_row(dps):
    density, derivation = xy_density()
    tight = build_result(
        name="pensia-uniform-weight-largest", claim_id="const-pensia-uniform-weight",
        symbol=r"\tfrac12\min_{|z|\le1/2} f_{XY}(z)", expr=density.subs(z, HALF) / 2,
        derivation=derivation + "; the largest w with D - w Unif[-1/2,1/2] >= 0 is half the minimum density",
        source=Source(paper="PEN", arxiv="2006.07990v2", location="Cor. 1 (as RFSS Lemma 2); theory.md §1.3",
                      tag="RECON", note="tightness of the paper's weight is our observation"),
        dps=dps)
    return _row("pensia-uniform-weight", "const-pensia-uniform-weight",
                "D = w Unif[-1/2,1/2] + (1-w) Q for some law Q", LARGER, pensia_uniform_weight(dps=dps), tight,
                "exact (the density is explicit and decreasing in |z|)", derivation)


def _theorem_a_union_row(dps):
    formulas = neuron_pruning_formulas()
    q, _ = formulas["q"]
    sup = sympy.limit(q / EPS, EPS, 0, "+")
    source = Source(paper="GAP", arxiv="2603.02234", location="no statement read; theory.md §3.6 Theorem A",
                    tag="RECON", note="our reconstruction, not a statement of arXiv 2603.02234")
    derivation = (f"1 - (1-q)^n <= n q (Bernoulli) and q(eps)/eps = {sympy.simplify(q / EPS)} decreases in eps "
                  f"(atan(y)/y decreasing) with limit {sup} as eps -> 0+; so the sup over n >= 1, eps in (0, 1/2) "
                  f"of (1-(1-q)^n)/(n eps) is {sup} (n = 1, eps -> 0), not attained")
    proof = build_result(name="theorem-a-union-constant", claim_id="const-eta-eps", symbol=r"8/\pi",
                         expr=8 / sympy.pi, derivation="arctan y <= y and Bernoulli's inequality (theory §3.6 step 7)",
                         source=source, dps=dps)
    tight = build_result(name="theorem-a-union-sup", claim_id="const-eta-eps",
                         symbol=r"\sup_{n,\varepsilon}(1-(1-q)^n)/(n\varepsilon)", expr=sup, derivation=derivation,
                         source=source, dps=dps)
    return _row("theorem-a-union-bound", "const-eta-eps", "Pr[success] <= c n eps (Theorem A, all n, eps)", SMALLER,
                proof, tight, "exact (sympy limit; supremum not attained)", derivation)


def _theorem_a_width_row(dps):
    eps_value = sympy.Rational(1, 100)
    exact = n_half(eps_value, dps=dps)
    weak = (sympy.pi / (8 * eps_value) - 1) * sympy.log(2)
    proof = build_result(
        name="n-half-weak-form", claim_id="const-n-half", symbol=r"(\pi/(8\varepsilon)-1)\ln 2", expr=weak,
        params=(("eps", eps_value), ("p", HALF)),
        derivation="-ln(1-q) <= q/(1-q) and q <= 8 eps / pi give the weaker necessary width (theory §3.6)",
        source=exact.source, dps=dps)
    return _row("theorem-a-necessary-width", "const-n-half",
                "success probability >= 1/2 needs n >= c (eps = 1/100)", LARGER, proof, exact,
                "exact closed forms", exact.derivation)


def _a_prime_row(dps):
    proof = theorem_a_prime_constant(dps=dps)
    n = sympy.Symbol("n", positive=True)
    slack = sympy.sqrt(n * (n + 2)) / (n + 1)
    sup = sympy.limit(slack, n, sympy.oo)
    tight = build_result(
        name="theorem-a-prime-best", claim_id="const-theorem-a-prime",
        symbol=r"\sup_n \min_\rho B(\rho)/((n^{3/2}+n^{1/2})\sqrt\varepsilon)", expr=proof.expr * sup,
        derivation=f"min_rho B = c n sqrt(n+2) sqrt(eps); divided by (n^(3/2)+n^(1/2)) sqrt(eps) it is c * {slack}, "
        f"increasing in n with limit c * {sup}; at n = 1 the exact minimiser is {sympy.sqrt(3) / 2} times the "
        "theory's bound",
        source=A_PRIME_SOURCE, dps=dps)
    return _row("theorem-a-prime-constant", "const-theorem-a-prime",
                "Pr[success] <= c (n^(3/2) + n^(1/2)) sqrt(eps) via the three good events", SMALLER, proof, tight,
                "exact (optimising rho cannot lower the constant; supremum over n not attained)", tight.derivation)


def _irwin_hall_rows(dps, c18, evidence):
    """The rows of RFSS Lemma 1: c_l (proof constant C_18), Berry-Esseen's P_L limit, c_u (unspecified)."""
    return [
        _row("rfss-lemma1-cl", "const-irwin-hall-cl",
             "c / sqrt(k) <= f_k(x) for all k >= 1, |x| <= sqrt(k) (sum of k Unif[-1,1])", LARGER, c18,
             irwin_hall_cl(dps=dps),
             f"best constant: certified evidence for k <= {EVIDENCE_K_MAX} (strictly decreasing, above the limit) "
             "plus the CLT limit; not a proof for all k. Proof constant C_18 covers k >= 18 (P_L(n) > C_18 for "
             "2 <= n <= 17 exactly)", evidence.summary()),
        _row("rfss-lemma1-berry-esseen", "const-allasia-c18",
             "P_L(n) = Pr(sqrt(n) <= S_n <= 2 sqrt(n)) >= c for all n >= 18", LARGER, c18, p_l_limit(dps=dps),
             f"P_L certified strictly decreasing for n <= {EVIDENCE_K_MAX}; infimum = CLT limit, not attained",
             evidence.summary()),
        _row("rfss-lemma1-cu", "const-irwin-hall-cu", "f_k(x) <= c / sqrt(k) for all k >= 1 and x", SMALLER, None,
             irwin_hall_cu(dps=dps),
             "proof constant unspecified (Sahaidarova's A in RFSS Lemma 1); best constant attained at k = 2, "
             f"exact evidence for k <= {EVIDENCE_K_MAX}", evidence.summary()),
    ]


def _binomial_entropy_rows(dps):
    """The two binomial-entropy rows of RFSS (proofs of Theorems 2 and 5), with their constants as read."""
    return [
        _row("rfss-binomial-entropy-lower", "const-rfss-binomial-entropy-lower",
             "1/C(n,k) <= c sqrt(k(n-k)/n) 2^(-n H2(k/n)) for all 1 <= k < n", SMALLER,
             _as_read("rfss-binomial-entropy-lower-as-read", "const-rfss-binomial-entropy-lower", r"\sqrt{8}",
                      sympy.sqrt(8), "proof of Theorem 2, overlap range (i)", dps),
             rfss_binomial_entropy_lower(dps=dps),
             f"tight: equality at (n, k) = (2, 1); bound checked for all n <= {DEFAULT_CHECK_N_MAX} here "
             "(check_binomial_entropy_bounds(10000) for the full range)", ""),
        _row("rfss-binomial-entropy-upper", "const-rfss-binomial-entropy-upper",
             "C(n,k) <= c sqrt(n/(k(n-k))) 2^(n H2(k/n)) for all 1 <= k < n", SMALLER,
             _as_read("rfss-binomial-entropy-upper-as-read", "const-rfss-binomial-entropy-upper",
                      r"1/\sqrt{2\pi}", 1 / sympy.sqrt(2 * sympy.pi), "proof of Theorem 5 (MacWilliams-Sloane)", dps),
             rfss_binomial_entropy_upper(dps=dps),
             "tight as a supremum (Stirling: the log margin tends to 0 as k, n-k -> oo)", ""),
    ]


def tight_constants(*, dps: int = 30) -> list[TightConstantResult]:
    """Analytic rows of the tight-constants table, certified.

    Parameters
    ----------
    dps : int, default 30
        Digits of every value and certified interval.

    Returns
    -------
    list of TightConstantResult
        Rows in a stable order (see :data:`TIGHT_NAMES`).

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claims: see each row's ``claim_id``.  Tags: proof constants carry their paper's
    tag (READ, READ-2ND) or RECON; every "best constant" is RECON.

    Examples
    --------
    >>> rows = tight_constants(dps=15)
    >>> [r.name for r in rows][:2]
    ['rfss-lemma1-cl', 'rfss-lemma1-berry-esseen']
    """
    dps = check_dps(dps)
    evidence = sum_bounded_evidence(EVIDENCE_K_MAX)
    c18 = allasia_c18(dps=dps)
    rows = [
        *_irwin_hall_rows(dps, c18, evidence),
        _pensia_row(dps),
        *_binomial_entropy_rows(dps),
        _theorem_a_union_row(dps),
        _theorem_a_width_row(dps),
        _a_prime_row(dps),
    ]
    return rows


#: Row names of :func:`tight_constants`, in order.
TIGHT_NAMES = (
    "rfss-lemma1-cl",
    "rfss-lemma1-berry-esseen",
    "rfss-lemma1-cu",
    "pensia-uniform-weight",
    "rfss-binomial-entropy-lower",
    "rfss-binomial-entropy-upper",
    "theorem-a-union-bound",
    "theorem-a-necessary-width",
    "theorem-a-prime-constant",
)
