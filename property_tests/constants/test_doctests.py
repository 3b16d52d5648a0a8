"""The docstring examples of every ``symbolic`` module, subpackages included, run and pass (they are examples that
happen to be tested)."""

import doctest
import importlib
import pkgutil

import pytest

import symbolic

MODULES = sorted(m.name for m in pkgutil.walk_packages(symbolic.__path__, "symbolic."))


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples(module_name):
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} doctest failure(s) in {module_name}"


def test_every_public_function_has_numpydoc_sections_and_an_example():
    missing = []
    for name in symbolic.__all__:
        obj = getattr(symbolic, name)
        if callable(obj) and not isinstance(obj, type):
            doc = obj.__doc__ or ""
            missing += [f"{name}: {s}" for s in ("Returns", "Raises", "Notes", "Examples") if s not in doc]
    assert not missing, missing
