"""The claims registry has no orphans (issue 5 §1).

A claim missing a piece (statement, model, source, tag, twin, tests), a Coq/Lean
declaration whose ``Claim `id``` names no registered claim, a registered name that
is not declared, or a test module that names an unregistered claim: each fails here.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from pybridge.claims import STATUSES, derive_status, resolve_twin
from pybridge.domains import registry

CLAIMS = registry()
from strategies import synthetic_record

ROOT = Path(__file__).resolve().parents[2]
CLAIM_TAG = re.compile(r"Claim `([a-z0-9-]+)`")


@pytest.mark.parametrize("cid", sorted(CLAIMS))
def test_claim_has_every_piece(cid):
    c = CLAIMS[cid]
    assert c.statement and c.latex and c.model and str(c.source) and c.tag
    assert callable(resolve_twin(c))
    assert c.tests, f"{cid} has no tests"
    for t in c.tests:
        path, _, func = t.partition("::")
        text = (ROOT / path).read_text()
        assert re.search(rf"^def {re.escape(func)}\b", text, re.M), f"{cid}: test {t} does not exist"


def _coq_declarations():
    found = {}
    for folder, root in (("theories", "Prunegap"), ("prob", "PrunegapProb")):
        for path in sorted((ROOT / "coq" / folder).glob("*.v")):
            text = path.read_text()
            for m in CLAIM_TAG.finditer(text):
                after = text[m.end():]
                decl = re.search(r"\b(?:Lemma|Theorem|Corollary|Definition|Fixpoint)\s+([A-Za-z0-9_']+)", after)
                found.setdefault(m.group(1), []).append(f"{root}.{path.stem}.{decl.group(1)}")
    return found


def test_coq_tags_name_registered_claims_and_match_the_registry():
    decls = _coq_declarations()
    unknown = sorted(set(decls) - set(CLAIMS))
    assert not unknown, f"Coq declarations tagged with unregistered claims: {unknown}"
    for cid, c in CLAIMS.items():
        if c.coq:
            assert cid in decls, f"{cid}: no Coq declaration carries Claim `{cid}`"
            assert c.coq in decls[cid], f"{cid}: registry says {c.coq}, Coq tags {decls[cid]}"


def test_coq_claims_tsv_agrees_with_registry():
    rows = list(csv.DictReader((ROOT / "coq" / "claims.tsv").open(), delimiter="\t"))
    tsv = {r["claim_id"]: r["qualified_name"] for r in rows}
    assert tsv == {cid: c.coq for cid, c in CLAIMS.items() if c.coq}


def test_lean_tags_name_registered_claims():
    lean = ROOT / "lean"
    tags = set()
    for path in lean.rglob("*.lean"):
        if ".lake" in path.parts:
            continue
        tags |= set(CLAIM_TAG.findall(path.read_text()))
    assert not (tags - set(CLAIMS)), f"Lean declarations tagged with unregistered claims: {sorted(tags - set(CLAIMS))}"


def test_test_modules_name_only_registered_claims():
    pat = re.compile(r"^Claims?:\s*(.+?)(?:\.\s*$|$)", re.M)
    for path in sorted((ROOT / "property_tests").glob("test_*.py")):
        doc = path.read_text().split('"""')[1] if '"""' in path.read_text() else ""
        for m in pat.finditer(doc):
            for cid in re.split(r"[,\s]+", m.group(1).strip()):
                if cid:
                    assert cid in CLAIMS, f"{path.name} names unregistered claim {cid!r}"


def test_status_is_derived_from_evidence():
    cid = "rss-counting-bound"
    assert derive_status(cid) == "stated only"
    assert derive_status(cid, checks=[synthetic_record(cid, "holds", "monte-carlo")]) == "checked by Monte Carlo"
    assert derive_status(cid, checks=[synthetic_record(cid, "holds", "exact")]) == "checked exactly on instances"
    assert derive_status(cid, formal={cid: "proved"}) == "proved in Coq"
    assert derive_status(cid, checks=[synthetic_record(cid, "violated", "exact")], formal={cid: "proved"}) == "violated"
    assert set(STATUSES) >= {"proved in Coq", "claim certified", "value certified", "checked by Monte Carlo", "stated only"}


def test_value_certified_and_claim_certified_are_distinct_labels():
    """Issue 10 §5: a certified value is not a certified claim; "certified numerically" is gone."""
    from pybridge.claims.registry import derive_status

    assert "certified numerically" not in STATUSES
    value = synthetic_record("x", "holds", "certified")
    claim = synthetic_record("x", "holds", "claim-certified")
    assert derive_status("x", checks=[value]) == "value certified"
    assert derive_status("x", checks=[value, claim]) == "claim certified"
    assert derive_status("x", checks=[synthetic_record("x", "violated", "claim-certified"), value]) == "violated"
