"""Fuzz every public API function: it returns, or raises the package's error — never anything else.

For each function of :func:`fuzz.api_targets.public_functions` Hypothesis draws, per parameter, a
plausible value (cheap, valid: see :data:`fuzz.api_targets.PLAUSIBLE`) or any value at all
(:data:`fuzz.values.any_value`: None, bools, 10^400, nan, "1/0", bytes, dicts, ndarrays...), and
optional parameters are sometimes left at their defaults.  The property: the call returns, or raises
a subclass of :class:`pybridge.errors.PrunegapError` (``InvalidArgument`` is a ``ValueError``,
``InvalidType`` a ``TypeError``); a bare ``TypeError``, ``ValueError``, ``ZeroDivisionError``,
``OverflowError``, ``IndexError``... fails the test with the call that raised it.

CI profile: 20 inputs per function (about 4,900 in total, derandomized); ``PRUNEGAP_FUZZ=large``:
450 per function (about 1.1 * 10^5 over the ~244 functions).  Outcome counts are printed at the end of the run.
"""

from __future__ import annotations

import inspect
import os
import warnings

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from fuzz.api_targets import ALWAYS, PLAUSIBLE_ONLY, plausible_for, public_functions
from fuzz.outcomes import record
from fuzz.values import any_value, scaled
from pybridge.errors import PrunegapError

FUNCTIONS = public_functions()
#: ``PRUNEGAP_FUZZ_LOG=PATH`` appends each failing call to PATH at once (a long run can be watched)
_LOG = os.environ.get("PRUNEGAP_FUZZ_LOG")
#: ``PRUNEGAP_FUZZ_NOSHRINK=1``: report the first failing input without shrinking it (faster triage)
_PHASES = {"phases": [Phase.explicit, Phase.generate]} if os.environ.get("PRUNEGAP_FUZZ_NOSHRINK") else {}


def _arguments(qualname: str, fn):
    """A strategy of ``(args, kwargs)`` for ``fn``: plausible or wild values, defaults sometimes omitted."""
    sig = inspect.signature(fn)
    always = ALWAYS.get(qualname, set())

    @st.composite
    def build(draw):
        args, kwargs = [], {}
        for name, par in sig.parameters.items():
            if par.kind in (par.VAR_POSITIONAL, par.VAR_KEYWORD):
                continue
            plausible = plausible_for(qualname, name)
            has_default = par.default is not par.empty
            if name in PLAUSIBLE_ONLY:
                if plausible is None or (has_default and draw(st.booleans())):
                    continue
                value = draw(plausible)
            else:
                mode = draw(st.integers(0, 9))
                if has_default and name not in always and mode >= 8:
                    continue  # leave the default
                if plausible is not None and mode < 6:
                    value = draw(plausible)
                else:
                    value = draw(any_value)
            if par.kind == par.POSITIONAL_ONLY or (par.kind == par.POSITIONAL_OR_KEYWORD and not kwargs
                                                     and not has_default):
                args.append(value)
            else:
                kwargs[name] = value
        return args, kwargs

    return build()


def _short(x) -> str:
    text = repr(x)
    return text if len(text) < 120 else text[:117] + "..."


@pytest.mark.parametrize("qualname,fn", FUNCTIONS, ids=[q for q, _ in FUNCTIONS])
def test_returns_or_raises_the_package_error(qualname, fn):
    @settings(max_examples=scaled(20, 450), deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck), **_PHASES)
    @given(_arguments(qualname, fn))
    def run(call):
        args, kwargs = call
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fn(*args, **kwargs)
        except PrunegapError as exc:
            record("api", qualname, type(exc).__name__)
            assert str(exc).strip(), f"{qualname} raised {type(exc).__name__} with an empty message"
            return
        except Exception as exc:
            record("api", qualname, "FOREIGN " + type(exc).__name__)
            message = f"{qualname}(*{_short(args)}, **{_short(kwargs)}) raised {type(exc).__name__}: {exc}"
            if _LOG:
                with open(_LOG, "a") as fh:
                    fh.write(message.replace("\n", " ")[:400] + "\n")
            raise AssertionError(message) from exc
        record("api", qualname, "returned")

    run()


def test_the_fuzzed_api_is_the_public_api():
    """Every domain's public functions are fuzzed (a new public function joins automatically)."""
    names = {q.rsplit(".", 1)[1] for q, _ in FUNCTIONS}
    for expected in ("decide_cover", "covers_exact", "estimate_cover_probability", "run_gap_experiment",
                     "gap_spec", "constants_table", "certificate_to_coq", "clopper_pearson", "evaluate",
                     "decide_fixed_cover", "estimate_fixed_probability", "estimate_failure_probability", "load_spec",
                     "predict_ratio", "estimate_statdim", "factor_table", "derive_backing", "render_html"):
        assert expected in names
    for dom in ("rss", "gap", "constants", "formal", "stats", "runtime", "rfss", "rare", "sweep",
                "prunelimit", "masks", "claims", "report"):
        assert any(q.startswith(f"pybridge.{dom}.") for q, _ in FUNCTIONS), dom
    assert len(FUNCTIONS) >= 200
