"""The rare section of ``prunegap check`` on its quick budget (issue 14), on the one section protocol (issue 20)."""

from __future__ import annotations

import numpy as np

from pybridge.claims.records import record_from_dict
from pybridge.claims.section import CheckPlan, SectionContext, Streams
from pybridge.rare.budget import RareBudget
from pybridge.rare.measures import lueker_rows_rare
from pybridge.rare.section import SECTION, rare_section
from pybridge.rare.streams import Stream


def _ctx(seed: int, quick: bool = True) -> SectionContext:
    return SectionContext(plan=CheckPlan(quick=quick), streams=Streams(np.random.SeedSequence(seed), Stream))


def test_quick_section_validation_holds_and_reports_thresholds():
    sec = rare_section(_ctx(3))
    verdicts = {}
    for r in sec.evidence:
        verdicts.setdefault(r.claim_id, set()).add(r.verdict)
        assert record_from_dict(r.to_dict()).to_dict() == r.to_dict()
    assert verdicts["rss-radius-criterion"] == {"holds"}
    assert verdicts["rare-agrees-plain-mc"] == {"holds"}
    assert verdicts["rare-exact-cases"] == {"holds"}
    assert verdicts["rare-ci-coverage"] == {"undetermined"}  # full check only
    assert not any("violated" in v for v in verdicts.values())
    rows = sec.data["thresholds"]
    assert {(tuple(r["interval"]), r["eps"]) for r in rows} == {(c.interval, c.eps) for c in RareBudget.quick().grid}
    again = lueker_rows_rare({"thresholds": rows, "benchmark": sec.data["benchmark"]})
    assert [r["name"] for r in sec.data["lueker_rows"]] == [r["name"] for r in again]
    assert [r["tight_constant"] for r in sec.data["lueker_rows"]] == [r["tight_constant"] for r in again]
    assert any(t.title == "n*(eps, delta = eps) by generalized splitting" for t in sec.tables)
    assert SECTION.name == "rare" and SECTION.seed_key == 7 and SECTION.streams is Stream


def test_records_carry_the_numbers_of_the_verdict():
    sec = rare_section(_ctx(3))
    by = {}
    for r in sec.evidence:
        by.setdefault(r.claim_id, []).append(r)
    radius, = by["rss-radius-criterion"]
    assert radius.instances == RareBudget.quick().radius_samples and radius.failures == 0
    agree, = by["rare-agrees-plain-mc"]
    assert agree.second_trials == RareBudget.quick().plain_trials and agree.alpha == 1e-6
    assert agree.details["row"]["agree"] and agree.power is not None
    kinds = sorted(r.kind for r in by["rare-threshold-delta-eps"])
    assert kinds == ["benchmark-result", "interval-estimate", "interval-estimate"]
    bench = next(r for r in by["rare-threshold-delta-eps"] if r.kind == "benchmark-result")
    assert bench.source == "pybridge/rare/data/deep_thresholds.json" and "bench_rare.py --deep" in bench.command
    assert bench.seed_entropy and len(bench.rows) >= 12
    cor, = by["rfss-corollary1-rare"]
    assert cor.kind == "benchmark-result" and cor.verdict == "consistent" and cor.seed_entropy
    tail, = by["rare-tail-exponent"]
    assert tail.low is not None and tail.low <= tail.value <= tail.high


def test_no_python_tokens_in_table_cells():
    sec = rare_section(_ctx(4))
    for t in sec.tables:
        for row in t.rows:
            for cell in row:
                assert not (isinstance(cell, str) and cell.strip() in ("None", "nan", "inf", "-inf")), (t.title, row)
                assert not (isinstance(cell, float) and not np.isfinite(cell)), (t.title, row)
