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

The package has three tiers; imports flow downwards only:

* :mod:`symbolic.core` - the kernel: errors, precision limits, contexts, numeric evaluation, certified
  enclosures, result types and provenance (:class:`Source`, the one tag list of prunegap);
* :mod:`symbolic.constants` - one module per source paper's constants (its docstring maps paper to module);
* the aggregators here: ``registry`` (the named constants), ``tight``, ``crosschecks``, ``verification``,
  ``formal_bounds`` and ``golden``.

The names are loaded on first use (PEP 562 module ``__getattr__``): ``import symbolic`` and the
light modules (``symbolic.core.errors``, ``symbolic.core.limits``, ``symbolic.core.sources``) cost no
sympy, mpmath or flint import, so a ``prunegap`` command that needs no constant does not pay for them
(about 2.5 s of CPU).  No public name is also the name of a module (the independent evaluations live in
``symbolic.crosschecks``, the function is ``symbolic.crosscheck``), so importing a module never rebinds
a public name.
"""

from __future__ import annotations

import importlib

#: module (relative to ``symbolic``) -> the public names it provides
_MODULES = {
    "constants.binomial_entropy": ("BinomialEntropyCheck", "check_binomial_entropy_bounds"),
    "core.certify": ("RationalInterval", "certified_ceil", "certified_floor", "certify_expr", "certify_less",
                     "certify_sign"),
    "crosschecks": ("CROSSCHECK_METHODS", "crosscheck"),
    "core.errors": ("InvalidArgument", "InvalidType", "NotCertifiedError", "PrecisionExhaustedError",
                    "PrunegapError"),
    "formal_bounds": ("export_records", "rational_bounds_for_export"),
    "core.limits": ("MAX_DPS", "MIN_DPS"),
    "constants.lueker": ("LuekerFitResult", "lueker_c_from_kappa", "lueker_kappa", "lueker_kappa_from_fit"),
    "constants.neuron_pruning": ("necessary_width",),
    "core.numeric": ("evaluate_expr",),
    "registry": ("CLAIM_IDS", "CONSTANT_CLAIM_IDS", "CONSTANT_NAMES", "default_params", "evaluate",
                 "evaluate_all"),
    "core.result": ("ConstantResult", "TightConstantResult"),
    "constants.rfss": ("thm5_holds", "thm5_min_n"),
    "core.sources": ("Source",),
    "constants.sum_bounded": ("SumBoundedEvidence", "sum_bounded_evidence"),
    "tight": ("TIGHT_NAMES", "tight_constants"),
    "verification": ("ConstantCheck", "verify_constant", "verify_constants"),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}

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


def __getattr__(name: str):
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'symbolic' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"symbolic.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))

