"""The table of named constants: stable names, claim ids, builders and default parameters.

``CONSTANT_NAMES`` is the public, stable list (kebab-case); :func:`evaluate` and
:func:`evaluate_all` are what the CLI calls.  ``CLAIM_IDS`` maps each name to its
claim id, and ``CONSTANT_CLAIM_IDS`` lists the claim ids the claims registry must know.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

import sympy

from symbolic.constants import (
    lueker,
    neuron_pruning,
    products,
    rfss,
    statdim,
    sum_bounded_constants,
    theorem_a_prime,
)
from symbolic.core._validation import check_dps
from symbolic.core.errors import InvalidArgument, InvalidType
from symbolic.core.result import ConstantResult

__all__ = [
    "CLAIM_IDS",
    "CONSTANT_CLAIM_IDS",
    "CONSTANT_NAMES",
    "SPECS",
    "ConstantSpec",
    "default_params",
    "evaluate",
    "evaluate_all",
]


@dataclass(frozen=True)
class ConstantSpec:
    """How to build one named constant.

    Attributes
    ----------
    name : str
        Stable kebab-case name.
    claim_id : str
        Claim id shared with the claims registry and the formal layer.
    builder : callable
        ``builder(**params, dps=...) -> ConstantResult``.
    title : str
        One-line human description for tables.
    """

    name: str
    claim_id: str
    builder: Callable[..., ConstantResult]
    title: str

    def params(self) -> dict:
        """Parameter names and default values of the builder (``dps`` excluded)."""
        sig = inspect.signature(self.builder)
        return {
            k: p.default
            for k, p in sig.parameters.items()
            if k != "dps" and p.default is not inspect.Parameter.empty
        }


_S = ConstantSpec
SPECS: tuple[ConstantSpec, ...] = (
    _S("lueker-kappa", "const-lueker-kappa", lueker.lueker_kappa, "Lueker: n >= kappa*(C) ln(1/eps) suffices"),
    _S("lueker-c-from-kappa", "const-lueker-kappa", lueker.lueker_c_from_kappa, "Lueker C for a measured slope"),
    _S("xy-uniform-weight", "const-xy-uniform-weight", products.xy_uniform_weight,
       "Unif[-1/2,1/2] weight in Law(XY), uniform factors"),
    _S("pensia-uniform-weight", "const-pensia-uniform-weight", products.pensia_uniform_weight,
       "Unif[-1/2,1/2] weight in Pensia's D"),
    _S("gauss-product-weight", "const-gauss-product-weight", products.gauss_product_weight,
       "Unif[-1/2,1/2] weight in the Gaussian product law"),
    _S("gauss-mixture-weight", "const-gauss-product-weight", products.gauss_mixture_weight,
       "Unif[-1/2,1/2] weight in the Gaussian analogue of D"),
    _S("irwin-hall-cl", "const-irwin-hall-cl", sum_bounded_constants.irwin_hall_cl,
       "sharp lower sum-boundedness constant of Unif[-1,1]"),
    _S("irwin-hall-cl-term", "const-irwin-hall-cl", sum_bounded_constants.irwin_hall_cl_term,
       "sqrt(k) f_k(sqrt k), exact in Q(sqrt k)"),
    _S("irwin-hall-edgeworth", "const-irwin-hall-cl", sum_bounded_constants.irwin_hall_edgeworth,
       "Edgeworth coefficient of sqrt(k) f_k(sqrt k)"),
    _S("irwin-hall-cu", "const-irwin-hall-cu", sum_bounded_constants.irwin_hall_cu,
       "sharp upper sum-boundedness constant of Unif[-1,1]"),
    _S("irwin-hall-cu-limit", "const-irwin-hall-cu", sum_bounded_constants.irwin_hall_cu_limit,
       "CLT limit of sqrt(k) f_k(0)"),
    _S("allasia-c18", "const-allasia-c18", sum_bounded_constants.allasia_c18,
       "RFSS Lemma 1 lower constant via Allasia's Berry-Esseen bound"),
    _S("allasia-ratio", "const-allasia-c18", sum_bounded_constants.allasia_ratio, "c_l* / C_18"),
    _S("irwin-hall-pl-min", "const-allasia-c18", sum_bounded_constants.p_l_min, "min_{2<=n<=18} P_L(n)"),
    _S("irwin-hall-pl-limit", "const-allasia-c18", sum_bounded_constants.p_l_limit, "lim P_L(n)"),
    _S("eta-eps", "const-eta-eps", neuron_pruning.eta_eps, "critical kink angle 2 atan(2 eps)"),
    _S("q-eps", "const-eta-eps", neuron_pruning.q_eps, "per-neuron probability (4/pi) atan(2 eps)"),
    _S("n-half", "const-n-half", neuron_pruning.n_half, "necessary width for success probability p"),
    _S("n-half-asymptote", "const-n-half", neuron_pruning.n_half_asymptote, "eps * n_1/2(eps) -> pi ln2 / 8"),
    _S("expected-eta-min", "const-expected-eta-min", neuron_pruning.expected_eta_min, "E eta_min = pi/(2(n+1))"),
    _S("line-q-gauss", "const-line-q-gauss", neuron_pruning.line_q_gauss, "line-variant q, Gaussian weights"),
    _S("line-q-uniform", "const-line-q-uniform", neuron_pruning.line_q_uniform, "line-variant q, uniform weights"),
    _S("rfss-binomial-entropy-lower", "const-rfss-binomial-entropy-lower", rfss.rfss_binomial_entropy_lower,
       "sqrt(8) in 1/C(n,k) <= sqrt(8k(n-k)/n) 2^(-nH)"),
    _S("rfss-binomial-entropy-upper", "const-rfss-binomial-entropy-upper", rfss.rfss_binomial_entropy_upper,
       "1/sqrt(2 pi) in C(n,k) <= sqrt(n/(2 pi k(n-k))) 2^(nH)"),
    _S("rfss-thm5-min-n", "const-rfss-thm5-min-n", rfss.rfss_thm5_min_n, "smallest n allowed by RFSS Theorem 5"),
    _S("theorem-a-prime", "const-theorem-a-prime", theorem_a_prime.theorem_a_prime_constant,
       "optimised constant 2 sqrt(5 sqrt(pi/2)) of Theorem A'"),
    _S("theorem-a-prime-rho", "const-theorem-a-prime", theorem_a_prime.theorem_a_prime_rho,
       "exact optimal window rho* of Theorem A'"),
    _S("theorem-a-prime-bound", "const-theorem-a-prime", theorem_a_prime.theorem_a_prime_bound,
       "optimised Theorem A' probability bound"),
    _S("almt-a-eta", "const-almt-window", statdim.almt_window, "ALMT Theorem I window a_eta = sqrt(8 log(4/eta))"),
    _S("statdim-circular", "const-statdim-circular", statdim.statdim_circular_constant,
       "exact statistical dimension of a circular cone"),
)

_BY_NAME = {s.name: s for s in SPECS}

#: Stable kebab-case names, in table order.
CONSTANT_NAMES: tuple[str, ...] = tuple(s.name for s in SPECS)
#: name -> claim id.
CLAIM_IDS: dict[str, str] = {s.name: s.claim_id for s in SPECS}
#: The claim ids of issue 4, each used by at least one constant.
CONSTANT_CLAIM_IDS: tuple[str, ...] = (
    "const-lueker-kappa",
    "const-xy-uniform-weight",
    "const-pensia-uniform-weight",
    "const-gauss-product-weight",
    "const-irwin-hall-cl",
    "const-irwin-hall-cu",
    "const-allasia-c18",
    "const-eta-eps",
    "const-n-half",
    "const-expected-eta-min",
    "const-line-q-gauss",
    "const-line-q-uniform",
    "const-rfss-binomial-entropy-upper",
    "const-rfss-binomial-entropy-lower",
    "const-rfss-thm5-min-n",
    "const-theorem-a-prime",
    "const-almt-window",
    "const-statdim-circular",
)


def _spec(name) -> ConstantSpec:
    if not isinstance(name, str):
        raise InvalidType(f"name must be a str, got name={name!r} (type={type(name).__name__})")
    if name not in _BY_NAME:
        raise InvalidArgument(f"unknown constant name={name!r}; valid names: {', '.join(CONSTANT_NAMES)}")
    return _BY_NAME[name]


def default_params(name: str) -> dict:
    """Default exact parameters of constant ``name`` (empty for pure constants).

    Parameters
    ----------
    name : str
        One of :data:`CONSTANT_NAMES`.

    Returns
    -------
    dict
        Parameter name -> exact sympy number (``n_max`` is the range of a check, not a parameter
        of the value).

    Raises
    ------
    InvalidType, InvalidArgument
        For a non-str or unknown name.

    Notes
    -----
    These are the points at which ``evaluate_all`` and the golden file evaluate.

    Examples
    --------
    >>> default_params("n-half")
    {'eps': 1/100, 'p': 1/2}
    """
    return {k: sympy.sympify(v) for k, v in _spec(name).params().items()}


def evaluate(name: str, *, dps: int = 50, **params) -> ConstantResult:
    """Evaluate one named constant: exact form, value at ``dps`` digits, certified interval, provenance.

    Parameters
    ----------
    name : str
        One of :data:`CONSTANT_NAMES`.
    dps : int, default 50
        Digits, in ``[15, 10000]``.
    **params
        Exact parameters overriding :func:`default_params` (e.g. ``eps=Rational(1, 10)``).
        Strings are accepted (``eps="1/10"``, ``k="120"``) for command-line use.
        Floats are rejected with a hint to use ``sympy.Rational``.

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType
        Non-str name, float parameters, non-int ``dps``.
    InvalidArgument
        Unknown name or parameter, values out of range, ``dps`` out of range.
    NotCertifiedError, PrecisionExhaustedError
        If certification cannot reach ``dps`` digits.

    Notes
    -----
    Claim ids: :data:`CLAIM_IDS`.

    Examples
    --------
    >>> evaluate("pensia-uniform-weight", dps=15).value_str
    '0.173286795139986'
    """
    spec = _spec(name)
    dps = check_dps(dps)
    allowed = spec.params()
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise InvalidArgument(f"unknown parameter(s) {unknown} for {name!r}; allowed: {sorted(allowed)}")
    params = {k: _from_text(k, v, allowed[k]) for k, v in params.items()}
    return spec.builder(**params, dps=dps)


def _from_text(key: str, value, default):
    """Integer-valued parameters given as text (from a command line) are parsed; others pass through."""
    if isinstance(value, str) and isinstance(default, int) and not isinstance(default, bool):
        try:
            return int(value.strip())
        except ValueError as exc:
            raise InvalidArgument(f"{key} must be an integer, got {key}={value!r}") from exc
    return value


def evaluate_all(*, dps: int = 50, names=None) -> list[ConstantResult]:
    """Evaluate several constants at their default parameters (all of them by default).

    Parameters
    ----------
    dps : int, default 50
    names : iterable of str, optional
        Subset of :data:`CONSTANT_NAMES`, in the order given.

    Returns
    -------
    list of ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        As for :func:`evaluate`.

    Notes
    -----
    Takes about 2 s for all constants at 50 digits (cached derivations after the first call).

    Examples
    --------
    >>> [r.name for r in evaluate_all(dps=15, names=["eta-eps", "q-eps"])]
    ['eta-eps', 'q-eps']
    """
    dps = check_dps(dps)
    if names is None:
        names = CONSTANT_NAMES
    elif isinstance(names, (str, bytes, dict)):
        raise InvalidType(f"names must be an iterable of names, not a {type(names).__name__}, got names={names!r:.80}")
    try:
        names = list(names)
    except TypeError:
        raise InvalidType(f"names must be an iterable of names, got names={names!r:.80} "
                          f"(type={type(names).__name__})") from None
    for name in names:
        _spec(name)
    return [evaluate(name, dps=dps) for name in names]
