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

The names are loaded on first use (PEP 562 module ``__getattr__``): ``import symbolic`` and the
light modules (``symbolic.errors``, ``symbolic.limits``) cost no sympy, mpmath or flint import, so
a ``prunegap`` command that needs no constant does not pay for them (about 2.5 s of CPU).
"""

from __future__ import annotations

import importlib
import sys
import types

#: submodule -> the public names it provides
_MODULES = {
    "binomial_entropy": ("BinomialEntropyCheck", "check_binomial_entropy_bounds"),
    "certify": ("RationalInterval", "certified_ceil", "certified_floor", "certify_expr", "certify_less",
                "certify_sign"),
    "crosscheck": ("CROSSCHECK_METHODS", "crosscheck"),
    "errors": ("InvalidArgument", "InvalidType", "NotCertifiedError", "PrecisionExhaustedError", "PrunegapError"),
    "formal_bounds": ("export_records", "rational_bounds_for_export"),
    "limits": ("MAX_DPS", "MIN_DPS"),
    "lueker": ("LuekerFitResult", "lueker_c_from_kappa", "lueker_kappa", "lueker_kappa_from_fit"),
    "neuron_pruning": ("necessary_width",),
    "numeric": ("evaluate_expr",),
    "registry": ("CLAIM_IDS", "CONSTANT_CLAIM_IDS", "CONSTANT_NAMES", "default_params", "evaluate",
                 "evaluate_all"),
    "result": ("ConstantResult", "TightConstantResult"),
    "rfss": ("thm5_holds", "thm5_min_n"),
    "sources": ("Source",),
    "sum_bounded": ("SumBoundedEvidence", "sum_bounded_evidence"),
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


class _Package(types.ModuleType):
    """``symbolic`` itself: importing a submodule binds it on the package, as every import does; where a
    public name is also a submodule's name (``crosscheck``), the public function keeps the name."""

    def __setattr__(self, name, value):
        if isinstance(value, types.ModuleType) and _HOME.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
