"""Render ``lean/Prunegap/Generated/Constants.lean`` from symbolic's certified rational bounds.

The file is generated (never edited by hand): a header names its source and the
SHA-256 of its body; each constant becomes two ℚ definitions ``<name>_lo`` and
``<name>_hi`` with the certified enclosure ``lo <= value <= hi``.  A drift test
regenerates the text and compares it byte for byte (:func:`expected_generated_constants`).
"""

from __future__ import annotations

import hashlib
from fractions import Fraction
from pathlib import Path

from pybridge.validation import check_text

__all__ = ["GENERATED_PATH", "expected_generated_constants", "write_generated_constants", "lean_ident"]

GENERATED_PATH = Path(__file__).resolve().parents[2] / "lean" / "Prunegap" / "Generated" / "Constants.lean"


def lean_ident(name: str) -> str:
    """``const-lueker-kappa`` -> ``lueker_kappa`` (snake_case Lean identifier)."""
    check_text("name", name, max_len=1000)
    base = name[len("const-"):] if name.startswith("const-") else name
    return base.replace("-", "_").replace(".", "_")


def _q(x: Fraction) -> str:
    x = Fraction(x)
    if x.denominator == 1:
        return f"({x.numerator} : ℚ)"
    return f"(({x.numerator} : ℚ) / {x.denominator})"


def expected_generated_constants() -> str | None:
    """The exact text the generated file must have, or None if ``symbolic`` has no export yet."""
    try:
        from symbolic import rational_bounds_for_export
    except ImportError:
        return None
    bounds = rational_bounds_for_export()
    body = []
    for name in sorted(bounds):
        lo, hi = bounds[name]
        ident = lean_ident(name)
        body += [
            f"/-- Certified lower end of `{name}` (outward-rounded rational; symbolic, arb balls). -/",
            f"def {ident}_lo : ℚ := {_q(lo)}",
            f"/-- Certified upper end of `{name}` (outward-rounded rational; symbolic, arb balls). -/",
            f"def {ident}_hi : ℚ := {_q(hi)}",
            "",
        ]
    text_body = "\n".join(body)
    digest = hashlib.sha256(text_body.encode()).hexdigest()
    header = [
        "/-",
        "GENERATED FILE: do not edit. Written by `python -m pybridge.formal.lean_constants --write` from",
        "`symbolic.rational_bounds_for_export()` (certified rational enclosures, rounded outward).",
        f"Body SHA-256: {digest}",
        "-/",
        "import Mathlib",
        "",
        "/-!",
        "# Certified constants (generated)",
        "",
        "For every constant `c` of prunegap's `symbolic` package, `c_lo ≤ c ≤ c_hi` holds for the exact",
        "real value (certified by interval arithmetic in Python, not by Lean). Hand-written lemmas about",
        "these bounds live in `Prunegap/Constants.lean`.",
        "-/",
        "",
        "namespace Prunegap.Generated",
        "",
        "",
    ]
    return "\n".join(header) + text_body + "\nend Prunegap.Generated\n"


def write_generated_constants(path: Path = GENERATED_PATH) -> Path:
    text = expected_generated_constants()
    if text is None:
        raise RuntimeError("symbolic.rational_bounds_for_export is not available")
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":  # pragma: no cover
    import sys

    if "--write" in sys.argv:
        print(write_generated_constants())
    else:
        print(expected_generated_constants())
