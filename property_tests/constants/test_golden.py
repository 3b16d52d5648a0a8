"""Golden file drift, export bounds, and the layering rule (``symbolic`` never imports ``pybridge``)."""

import ast
import json
from fractions import Fraction
from pathlib import Path

import pytest

import symbolic
from symbolic import CONSTANT_NAMES, evaluate, export_records, rational_bounds_for_export
from symbolic.golden import GOLDEN_PATH, dumps, generate, load, main

SYMBOLIC_DIR = Path(symbolic.__file__).parent


@pytest.fixture(scope="module")
def regenerated():
    return generate()


def test_golden_file_has_not_drifted(regenerated):
    """Regenerate in memory and compare with the committed file (python -m symbolic.golden --write)."""
    assert dumps(regenerated) == GOLDEN_PATH.read_text(encoding="utf-8")


def test_golden_values_agree_with_independent_evaluations():
    data = load()
    assert data["dps"] == 50
    assert {c["name"] for c in data["constants"]} == set(CONSTANT_NAMES)
    for c in data["constants"]:
        value, independent = Fraction(c["value"]), Fraction(c["independent"])
        lo, hi = (Fraction(x) for x in c["certified"])
        assert lo <= value <= hi, c["name"]
        assert abs(value - independent) <= max(abs(value), 1) * Fraction(1, 10**49), c["name"]
        assert len(c["value"].replace("-", "").replace(".", "").lstrip("0").split("e")[0]) >= 50
        assert c["agrees"] and c["contained"], c["name"]


def test_golden_check_command(regenerated, monkeypatch, capsys):
    monkeypatch.setattr("symbolic.golden.generate", lambda: regenerated)
    assert main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out
    drifted = dict(regenerated, dps=49)
    monkeypatch.setattr("symbolic.golden.generate", lambda: drifted)
    assert main(["--check"]) == 1


def test_export_bounds_are_certified_outward_and_modest():
    bounds = rational_bounds_for_export(digits=30)
    assert set(bounds) == set(CONSTANT_NAMES)
    for name, (lo, hi) in bounds.items():
        r = evaluate(name, dps=60)
        assert lo <= Fraction(r.value_str) <= hi
        assert r.certified.is_subset(symbolic.RationalInterval(lo, hi))
        assert lo.denominator <= 10**40 and hi.denominator <= 10**40
    records = export_records(digits=20, names=["irwin-hall-cl", "allasia-c18"])
    assert [r["claim_id"] for r in records] == ["const-irwin-hall-cl", "const-allasia-c18"]
    json.dumps(records)


def test_symbolic_never_imports_pybridge():
    for path in SYMBOLIC_DIR.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert all(not a.name.startswith("pybridge") for a in node.names), path
            elif isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("pybridge"), path
