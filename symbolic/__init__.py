"""prunegap's constants layer: exact (sympy), numeric (mpmath contexts), certified (arb balls).

``symbolic`` never imports ``pybridge``.  Public API (facade; the modules hold the code):

* ``CONSTANT_NAMES``, ``CLAIM_IDS``, ``CONSTANT_CLAIM_IDS``, ``evaluate``, ``evaluate_all``,
  ``default_params`` - the named constants (``symbolic.registry``);
* ``ConstantResult``, ``TightConstantResult``, ``RationalInterval``, ``Source`` - result types;
* ``tight_constants`` - analytic rows of the tight-constants table;
* ``lueker_kappa``, ``lueker_kappa_from_fit``, ``lueker_c_from_kappa`` - Lueker's threshold;
* ``rational_bounds_for_export``, ``export_records`` - certified rational bounds for Coq/Lean;
* ``verify_constant``, ``verify_constants`` - independent agreement and containment verdicts
  (the constants section of ``prunegap check``);
* ``crosscheck`` - independent evaluations; ``evaluate_expr``, ``certify_expr``,
  ``certify_less`` - the numeric and certified layers for any closed sympy expression;
* ``check_binomial_entropy_bounds``, ``sum_bounded_evidence``, ``thm5_min_n``,
  ``necessary_width`` - the exhaustive checks and solvers behind the constants.
"""

from symbolic._validation import MAX_DPS, MIN_DPS
from symbolic.binomial_entropy import BinomialEntropyCheck, check_binomial_entropy_bounds
from symbolic.certify import (
    RationalInterval,
    certified_ceil,
    certified_floor,
    certify_expr,
    certify_less,
    certify_sign,
)
from symbolic.crosscheck import CROSSCHECK_METHODS, crosscheck
from symbolic.errors import (
    InvalidArgument,
    InvalidType,
    NotCertifiedError,
    PrecisionExhaustedError,
    PrunegapError,
)
from symbolic.formal_bounds import export_records, rational_bounds_for_export
from symbolic.lueker import LuekerFitResult, lueker_c_from_kappa, lueker_kappa, lueker_kappa_from_fit
from symbolic.neuron_pruning import necessary_width
from symbolic.numeric import evaluate_expr
from symbolic.registry import (
    CLAIM_IDS,
    CONSTANT_CLAIM_IDS,
    CONSTANT_NAMES,
    default_params,
    evaluate,
    evaluate_all,
)
from symbolic.result import ConstantResult, TightConstantResult
from symbolic.rfss import thm5_holds, thm5_min_n
from symbolic.sources import Source
from symbolic.sum_bounded import SumBoundedEvidence, sum_bounded_evidence
from symbolic.tight import TIGHT_NAMES, tight_constants
from symbolic.verification import ConstantCheck, verify_constant, verify_constants

__all__ = [
    "CLAIM_IDS",
    "CONSTANT_CLAIM_IDS",
    "CONSTANT_NAMES",
    "CROSSCHECK_METHODS",
    "MAX_DPS",
    "MIN_DPS",
    "TIGHT_NAMES",
    "BinomialEntropyCheck",
    "ConstantCheck",
    "ConstantResult",
    "InvalidArgument",
    "InvalidType",
    "LuekerFitResult",
    "NotCertifiedError",
    "PrecisionExhaustedError",
    "PrunegapError",
    "RationalInterval",
    "Source",
    "SumBoundedEvidence",
    "TightConstantResult",
    "certified_ceil",
    "certified_floor",
    "certify_expr",
    "certify_less",
    "certify_sign",
    "check_binomial_entropy_bounds",
    "crosscheck",
    "default_params",
    "evaluate",
    "evaluate_all",
    "evaluate_expr",
    "export_records",
    "lueker_c_from_kappa",
    "lueker_kappa",
    "lueker_kappa_from_fit",
    "necessary_width",
    "rational_bounds_for_export",
    "sum_bounded_evidence",
    "thm5_holds",
    "thm5_min_n",
    "tight_constants",
    "verify_constant",
    "verify_constants",
]
