"""No Python internal value reaches a reader (issue 25 §2).

``report.md`` and ``report.html`` (prose and table cells; MathML is mathematics, where ``inf`` is the
infimum, and the graph's SVG is skipped) of a quick report must not contain the tokens ``None``, ``nan`` or
``inf``: a missing value is an explained blank or a word ("unbounded above", "undefined").  A synthetic section
plants every such value in a table (plain cells, an interval pair, a list) and in an evidence record; the quick
report of the constants section (the one of the browser test) is scanned as written.
"""

from __future__ import annotations

import math
import re

from pybridge.check import run_check
from pybridge.claims import IntervalEstimate, SectionResult, Table
from pybridge.domains import registry
from pybridge.report import write_report
from pybridge.report.evidence import table_markdown

CLAIMS = registry()

#: the tokens of Python's None and float specials, as whole words
INTERNAL = re.compile(r"(?<![\w.-])(None|nan|NaN|-?inf|-?Infinity)(?![\w-])")

_SKIPPED = re.compile(r"<(math|svg|style)\b.*?</\1>", re.S)


def internal_tokens(text: str, *, html: bool) -> list[str]:
    """Each internal token in ``text`` with 30 characters of context (markup and mathematics removed for HTML)."""
    if html:
        text = re.sub(r"<[^>]+>", " ", _SKIPPED.sub(" ", text))
    else:
        text = re.sub(r"<math\b.*?</math>", " ", text, flags=re.S)
    return [text[max(0, m.start() - 30):m.end() + 30] for m in INTERNAL.finditer(text)]


def test_the_scanner_finds_planted_tokens():
    assert internal_tokens("| 0.5 | None | [14, None] |", html=False) == ["| 0.5 | None | [14, None] |"] * 2
    assert internal_tokens("<td>nan</td><td>inf</td>", html=True)
    assert internal_tokens("<math><mo>inf</mo></math> infimum information", html=True) == []


def _planted_section() -> SectionResult:
    rows = ((None, math.nan, math.inf), ([-0.5, 0.5], (14, None), -math.inf))
    table = Table(title="planted", columns=("a", "b", "c"), rows=rows, blank="not reached")
    record = IntervalEstimate(claim_id="rss-grid", setting="planted missing values", quantity="q", value=1.0, low=None,
                              high=None, verdict="consistent")
    return SectionResult(name="planted", title="Planted", evidence=(record,), tables=(table,), seconds=0.0)


def test_tables_show_missing_values_as_words():
    text = table_markdown(_planted_section().tables[0])
    assert internal_tokens(text, html=False) == []
    assert "not reached" in text and "unbounded above" in text and "undefined" in text and "[14, not reached]" in text


def test_a_report_with_planted_values_has_no_internal_tokens(tmp_path):
    meta = {"mode": "quick", "seed_entropy": "1", "workers": 1, "seconds": 0.1, "versions": {}}
    out = write_report(tmp_path / "rep", meta=meta, sections=[_planted_section()], claims=CLAIMS)
    assert internal_tokens((out / "report.md").read_text(), html=False) == []
    assert internal_tokens((out / "report.html").read_text(), html=True) == []


def test_the_quick_constants_report_has_no_internal_tokens(tmp_path):
    out = run_check(quick=True, out_dir=tmp_path / "report", workers=1, seed=1, show_progress=False,
                    only=["constants"])
    assert out.exit_code == 0
    assert internal_tokens((out.out_dir / "report.md").read_text(), html=False) == []
    assert internal_tokens((out.out_dir / "report.html").read_text(), html=True) == []
