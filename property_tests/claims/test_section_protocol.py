"""The one section protocol (issue 20 items 2 and 3): contexts, named streams, read-only views, rendering."""

from __future__ import annotations

import enum
import re

import numpy as np
import pytest
from hypothesis import given, strategies as st

from pybridge import domains
from pybridge.claims import records as R
from pybridge.claims.section import (SECTION_NAMESPACE, CheckPlan, Figure, SectionContext, SectionResult,
                                     SectionSpec, Streams, Table)
from pybridge.errors import InvalidArgument, InvalidType
from pybridge.report.evidence import evidence_text, format_number, section_markdown, table_markdown

from strategies import evidence_records

RECORDS = evidence_records()


@enum.unique
class _S(enum.IntEnum):
    A = 3
    B = 4


def test_streams_are_the_named_spawn_keys_under_the_section_root():
    root = np.random.SeedSequence(7)
    s = Streams(root, _S)
    assert s.seed(_S.A, 2).spawn_key == (3, 2)
    assert s.rng(_S.B).integers(1 << 30) == np.random.Generator(
        np.random.PCG64(np.random.SeedSequence(7, spawn_key=(4, 0)))).integers(1 << 30)
    with pytest.raises(InvalidArgument, match="name must be a member of _S"):
        s.seed(3)
    with pytest.raises(InvalidArgument):
        Streams(root, None).seed(_S.A)
    assert s.entropy == "7"


def test_section_root_keys_and_the_run_root():
    spec = SectionSpec(name="x", title="X", run=None, seed_key=5, streams=_S)
    root = np.random.SeedSequence(1)
    assert spec.root(root).spawn_key == (SECTION_NAMESPACE, 5)
    assert SectionSpec(name="y", title="Y", run=None, seed_key=None).root(root) is root
    with pytest.raises(InvalidType):
        SectionSpec(name="x", title="X", run=None, seed_key=1, streams=dict)


def _specs():
    return [s for s in domains.sections() if isinstance(s, SectionSpec)]


def test_every_named_stream_is_unique_across_all_sections():
    """Two checks share random numbers only if two names map to one spawn key (issue 20 item 3)."""
    all_specs = domains.sections()
    keys = [s.seed_key for s in all_specs if s.seed_key is not None]
    assert len(keys) == len(set(keys)), f"two sections share a seed_key: {sorted(keys)}"
    paths = {}
    for spec in _specs():
        if spec.streams is None:
            continue
        members = spec.streams.__members__
        values = [m.value for m in members.values()]
        aliases = [name for name, m in members.items() if m.name != name]
        assert not aliases, f"{spec.name}: stream names alias one value: {aliases}"
        assert len(values) == len(set(values)), f"{spec.name}: two stream names share a value"
        base = () if spec.seed_key is None else (SECTION_NAMESPACE, spec.seed_key)
        for name, m in members.items():
            path = base + (m.value,)
            assert path not in paths, f"{spec.name}.{name} and {paths[path]} share spawn key {path}"
            paths[path] = f"{spec.name}.{name}"
            if spec.seed_key is None:
                assert m.value != SECTION_NAMESPACE, f"{spec.name}.{name} collides with the sections' namespace"


def test_uniqueness_check_fires_on_a_planted_alias():
    class Bad(enum.IntEnum):
        ONE = 1
        TWO = 1

    assert [n for n, m in Bad.__members__.items() if m.name != n] == ["TWO"]


def test_section_result_holds_records_only_and_its_data_is_read_only():
    rec = R.ExactCheck(claim_id="a", verdict="holds", instances=1)
    res = SectionResult(name="x", title="X", evidence=[rec], data={"rows": [1, 2]})
    assert res.evidence == (rec,) and res.checks == (rec,)
    with pytest.raises(TypeError):
        res.data["rows"] = 3
    view = res.view()
    assert view.records("a") == (rec,) and view.records("b") == ()
    with pytest.raises(InvalidType, match=r"evidence\[0\]"):
        SectionResult(name="x", title="X", evidence=[{"claim_id": "a"}])


def test_context_reads_plan_and_ticks():
    seen = []
    ctx = SectionContext(plan=CheckPlan(quick=True, workers=2), streams=Streams(np.random.SeedSequence(1), _S),
                         progress=seen.append)
    ctx.tick(3)
    assert (ctx.quick, ctx.workers, seen, ctx.input("rss")) == (True, 2, [3], None)
    with pytest.raises(InvalidArgument):
        CheckPlan(quick=True, workers=0)
    with pytest.raises(InvalidType):
        CheckPlan(quick="yes")


_TOKENS = re.compile(r"\b(None|nan|NaN|inf|Infinity)\b")


@given(RECORDS)
def test_every_record_renders_without_python_tokens(record):
    text = evidence_text(record)
    assert isinstance(text, str)
    assert not _TOKENS.search(text.replace(record.setting, "").replace(record.note, "")
                              .replace(getattr(record, "statement", ""), "")) or _mentions_user_text(record, text)


def _mentions_user_text(record, text):
    """Strings chosen by the caller (quantity, names) may contain any word; numbers never render as tokens."""
    user = [v for v in vars(record).values() if isinstance(v, str)]
    user += [t for v in vars(record).values() if isinstance(v, tuple) for t in v if isinstance(t, str)]
    power = getattr(record, "power", None)
    if power is not None:
        user += [power.test, power.statement, *power.detectable.keys()]
    stripped = text
    for u in sorted(user, key=len, reverse=True):
        if u:
            stripped = stripped.replace(u, "")
    return not _TOKENS.search(stripped)


@pytest.mark.parametrize("value, text", [(None, "-"), (float("nan"), "undefined"), (float("inf"), "unbounded above"),
                                         (float("-inf"), "unbounded below"), (3, "3"), (0.123456, "0.1235"),
                                         (True, "yes")])
def test_numbers_render_as_words_never_python_tokens(value, text):
    assert format_number(value) == text


def test_tables_render_blanks_as_their_word_and_escape_pipes():
    t = Table(title="T", columns=("a", "b"), rows=[(1, None), ("x|y", 0.5)], blank="not reached",
              formats={"b": ".2f"}, caption="What it shows.")
    md = table_markdown(t)
    assert "| 1 | not reached |" in md and "| x\\|y | 0.50 |" in md and "What it shows." in md
    with pytest.raises(InvalidArgument, match=r"rows\[0\] must have 2 cells"):
        Table(title="T", columns=("a", "b"), rows=[(1,)])
    sec = SectionResult(name="x", title="X", intro="Intro.", tables=(t,),
                        figures=(Figure(file="f.png", draw=None, caption="Cap.", alt="alt text"),))
    body = section_markdown(sec)
    assert body.index("Intro.") < body.index("### T") < body.index("![alt text](f.png)") < body.index("_Cap._")


def test_rendered_figures_of_records():
    p = R.Power(test="exact binomial", alpha=1e-6, trials=100, detectable={"above": 0.05},
                statement="Power: rejects if q exceeds the bound by 0.05.")
    bt = R.BoundTest(claim_id="c", verdict="holds", setting="n = 10, eps = 0.1", quantity="failure probability",
                     bound=0.01, direction="at most", trials=1000, alpha=1e-6, events=3, p_value=0.5, power=p,
                     note="A caveat.")
    assert evidence_text(bt) == ("n = 10, eps = 0.1. failure probability: 3/1000; tested at most 0.01 at false-alarm "
                                 "rate 1e-06, p-value 0.5. Power: rejects if q exceeds the bound by 0.05. A caveat.")
    ex = R.ExactCheck(claim_id="c", verdict="violated", instances=4, failures=1)
    assert "3 of 4 instances as stated; 1 contradict the statement." in evidence_text(ex)
    iv = R.IntervalEstimate(claim_id="c", verdict="consistent", quantity="slope", value=1.5, low=1.25, high=None,
                            confidence=0.95, estimator="least squares", trials=20)
    assert "slope = 1.5, 95% interval [1.25, unbounded above] (least squares, 20 trials)." in evidence_text(iv)
    fo = R.FormalOutcome(claim_id="c", verdict="holds", prover="coq", theorem="P.t", outcome="proved",
                         statement_pinned=True, axioms=("classic",), tool="coqc 8.16.1")
    assert evidence_text(fo) == ("Coq theorem `P.t`: proved (coqc 8.16.1). Its printed statement equals the pinned "
                                 "one. Print Assumptions: classic.")
