"""Generate (and check) ``symbolic/data/constants_golden.json``: exact forms and 50-digit values.

Deterministic: no clock, no randomness, no library versions in the output.  Run::

    python -m symbolic.golden --write     # regenerate the committed file
    python -m symbolic.golden --check     # exit 1 if the committed file has drifted

The drift test (``property_tests/constants/test_golden.py``) calls :func:`generate`
in memory and compares it with the committed file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import sympy

from symbolic.registry import CONSTANT_NAMES
from symbolic.tight import tight_constants
from symbolic.verification import verify_constant

__all__ = ["GOLDEN_DPS", "GOLDEN_PATH", "generate", "load", "main"]

GOLDEN_PATH = Path(__file__).with_name("data") / "constants_golden.json"
GOLDEN_DPS = 50
#: Extra parameter points recorded in the golden file (theory §1.7 and §3.6 tables).
EXTRA_POINTS = (
    ("irwin-hall-cl-term", {"k": 1}),
    ("irwin-hall-cl-term", {"k": 2}),
    ("irwin-hall-cl-term", {"k": 3}),
    ("irwin-hall-cl-term", {"k": 4}),
    ("irwin-hall-cl-term", {"k": 5}),
    ("n-half", {"eps": sympy.Rational(1, 10)}),
    ("n-half", {"eps": sympy.Rational(1, 20)}),
    ("n-half", {"eps": sympy.Rational(1, 1000)}),
    ("lueker-kappa", {"C": sympy.Rational(1, 2)}),
    ("lueker-kappa", {"C": 2}),
)


def _entry(name: str, params: dict, dps: int) -> dict:
    check = verify_constant(name, dps=dps, **params)
    d = check.to_dict()
    keys = ("name", "claim_id", "tag", "params", "exact", "srepr", "value", "certified", "independent",
            "independent_method", "agrees", "contained")
    return {k: d[k] for k in keys}


def generate(*, dps: int = GOLDEN_DPS) -> dict:
    """The golden data as a JSON-safe dict (about 10 s).

    Parameters
    ----------
    dps : int, default 50

    Returns
    -------
    dict
        ``{"schema", "dps", "constants": [...], "tight_constants": [...]}``.
    """
    constants = [_entry(name, {}, dps) for name in CONSTANT_NAMES]
    constants += [_entry(name, params, dps) for name, params in EXTRA_POINTS]
    tight = []
    for row in tight_constants(dps=30):
        tight.append({
            "name": row.name,
            "claim_id": row.claim_id,
            "direction": row.direction,
            "proof_constant": None if row.proof_constant is None else row.proof_constant.value_str,
            "tight_constant": row.tight_constant.value_str,
            "tight_exact": str(row.tight_constant.expr),
            "ratio": None if row.ratio is None else list(row.ratio.to_strings()),
        })
    return {
        "schema": 1,
        "generator": "python -m symbolic.golden --write",
        "dps": dps,
        "constants": constants,
        "tight_constants": tight,
    }


def dumps(data: dict) -> str:
    """Canonical JSON text (sorted keys, two-space indent, trailing newline)."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def load(path: Path = GOLDEN_PATH) -> dict:
    """The committed golden data."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def main(argv=None) -> int:
    """Command line: ``--write`` regenerates the file, ``--check`` compares (exit status 1 on drift)."""
    parser = argparse.ArgumentParser(prog="python -m symbolic.golden", description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", action="store_true", help="regenerate the golden file")
    group.add_argument("--check", action="store_true", help="exit 1 if the golden file differs")
    args = parser.parse_args(argv)
    text = dumps(generate())
    if args.write:
        GOLDEN_PATH.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN_PATH}")
        return 0
    current = GOLDEN_PATH.read_text(encoding="utf-8") if GOLDEN_PATH.exists() else ""
    if current != text:
        print(f"{GOLDEN_PATH} has drifted; run python -m symbolic.golden --write", file=sys.stderr)
        return 1
    print("golden file up to date")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
