"""``report.html`` and the summary block, without a browser (issue 16 §2).

Decimal enclosures contain the exact interval (checked exactly on Fractions); the page has one entry
and one graph node per registered claim, inlines its figures and fetches nothing; the Markdown report
gets the same summary; Coq and Lean locations point at the declarations.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from fractions import Fraction
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pybridge.claims import CertifiedValue, Figure, SectionResult, Table, derive_backing
from strategies import synthetic_record
from pybridge.domains import registry
from pybridge.report import write_report
from pybridge.report.graph import dependency_dot, draw_dependency_graph
from pybridge.report.html import evidence_html, math_html
from pybridge.report.intervals import decimal_enclosure
from pybridge.report.locations import REPO_ROOT, coq_location, lean_location

CLAIMS = registry()
KAPPA_LO = "11656854249492380195206754896838792314278687501507/1000000000000000000000000000000000000000000000000"
KAPPA_HI = "2914213562373095048801688724209698078569671875377/250000000000000000000000000000000000000000000000"


def test_enclosure_of_lueker_kappa_reads_as_in_the_issue():
    assert decimal_enclosure(KAPPA_LO, KAPPA_HI) == ("11.6568542494923801952", "11.6568542494923801953")


_fractions = st.fractions(min_value=-10**6, max_value=10**6, max_denominator=10**30)


@given(_fractions, _fractions, st.integers(1, 30))
def test_enclosure_contains_the_exact_interval_and_widens_by_at_most_one_unit(a, b, digits):
    lo, hi = min(a, b), max(a, b)
    dlo, dhi = decimal_enclosure(lo, hi, digits=digits)
    flo, fhi = Fraction(dlo), Fraction(dhi)
    assert flo <= lo <= hi <= fhi
    big = max(abs(lo), abs(hi))
    if big:
        unit = Fraction(10) ** (len(str(int(big))) if big >= 1 else 0) / Fraction(10) ** digits * 10
        assert (lo - flo) < unit and (fhi - hi) < unit


def test_bad_enclosure_arguments_are_refused():
    with pytest.raises(ValueError, match="lo must be <= hi"):
        decimal_enclosure(2, 1)
    with pytest.raises(ValueError, match="digits must be >= 1"):
        decimal_enclosure(1, 2, digits=0)


def test_evidence_shows_long_intervals_as_enclosures_and_keeps_the_exact_one_click_away():
    text = f"certified interval [{KAPPA_LO}, {KAPPA_HI}] contains it; targets [-1, 1]; a < b"
    out = evidence_html(text)
    assert "<summary" in out and "[11.6568542494923801952, 11.6568542494923801953]</summary>" in out
    assert f"<code>[{KAPPA_LO}, {KAPPA_HI}]</code>" in out
    assert "targets [-1, 1]" in out and "a &lt; b" in out
    assert out.count("<details") == 1


def test_every_claim_latex_becomes_mathml():
    for cid, claim in CLAIMS.items():
        assert math_html(claim.latex).startswith("<math"), cid


def test_coq_and_lean_locations_point_at_the_declarations():
    if not (REPO_ROOT / "coq" / "theories").is_dir():
        pytest.skip("no coq/ sources next to this installed package")
    for cid, claim in CLAIMS.items():
        if claim.coq:
            loc = coq_location(claim.coq)
            assert loc is not None, cid
            line = (REPO_ROOT / loc.path).read_text().splitlines()[loc.line - 1]
            assert claim.coq.split(".")[-1] in line, (cid, line)
        if claim.lean:
            loc = lean_location(claim.lean)
            assert loc is not None, cid
            assert claim.lean.split(".")[-1] in (REPO_ROOT / loc.path).read_text().splitlines()[loc.line - 1]
    assert coq_location("Prunegap.Kinks.no_such_lemma") is None and coq_location(None) is None


def test_dot_source_has_one_node_per_claim_and_one_edge_per_use():
    statuses = {cid: "stated only" for cid in CLAIMS}
    dot = dependency_dot(CLAIMS, statuses, derive_backing(statuses, CLAIMS), CLAIMS.domain_of)
    nodes = set(re.findall(r'^\s*"?([a-z0-9-]+)"? \[', dot, re.M)) - {"graph", "node", "edge"}
    assert nodes == set(CLAIMS)
    assert len(re.findall(r" -> ", dot)) == sum(len(c.uses) for c in CLAIMS.values())
    for cid in CLAIMS:
        assert f'URL="#claim-{cid}"' in dot


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.srcs, self.tags = set(), [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("src", "href", "xlink:href"):
            if a.get(key):
                self.srcs.append(a[key])


def _png(path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1], [0, 1])
    fig.savefig(path, dpi=40)
    plt.close(fig)


def _run(tmp_path):
    records = [
        synthetic_record("kink-angle-law", "holds", "monte-carlo", setting="KS test p = 0.4 (synthetic)"),
        synthetic_record("theorem-a-core", "holds", "formal", setting="Coq theorem checks (synthetic)"),
        synthetic_record("kink-arc-three-point", "holds", "formal", setting="Coq (synthetic)"),
        synthetic_record("kink-free-affine", "holds", "formal", setting="Coq (synthetic)"),
        CertifiedValue(claim_id="const-lueker-kappa", verdict="holds", quantity="kappa", low=KAPPA_LO, high=KAPPA_HI),
        synthetic_record("rss-grid", "violated", "exact", setting="planted violation <b>"),
        synthetic_record("not-a-claim", "holds", "static", setting="a check on an unregistered item"),
    ]
    sec = SectionResult(name="demo", title="Demo section", evidence=records,
                        tables=(Table(title="Demo", columns=("a", "b"), rows=((1, 2),)),),
                        figures=(Figure(file="demo.png", draw=_png, caption="the demo figure", alt="the demo figure"),))
    formal = {"theorem-a-core": "proved", "kink-arc-three-point": "proved", "kink-free-affine": "proved"}
    meta = {"mode": "quick", "seed_entropy": "12345", "workers": 1, "seconds": 1.5, "versions": {}}
    return write_report(tmp_path / "rep", meta=meta, sections=[sec], claims=CLAIMS, formal=formal)


def test_report_html_is_written_with_the_markdown_and_is_self_contained(tmp_path):
    out = _run(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rep"]  # atomic: no temporary directory left
    page = (out / "report.html").read_text()
    parser = _Ids()
    parser.feed(page)
    for cid in CLAIMS:
        assert f"claim-{cid}" in parser.ids, cid
    assert parser.tags.count("math") == len(CLAIMS)
    assert "data:image/png;base64," in page and 'href="#fig-demo.png"' in page
    assert not [s for s in parser.srcs if re.match(r"(https?:)?//", s)], "the page must fetch nothing"
    assert "<script" not in page
    assert "planted violation &lt;b&gt;" in page and "<b>" not in page.split("planted violation")[1][:10]
    assert "11.6568542494923801952" in page
    if shutil.which("dot"):
        nodes = {html.unescape(m) for m in re.findall(r'<g id="node(?:-|&#45;)([a-z0-9&#;-]+)" class="node"', page)}
        assert nodes == set(CLAIMS)
    else:
        assert "Graphviz `dot` is not installed" in page


def test_markdown_and_json_get_the_summary_and_the_backing(tmp_path):
    out = _run(tmp_path)
    md = (out / "report.md").read_text()
    assert "## Summary" in md and "**Violated or failed:** `rss-grid`" in md
    assert "wall time" in md.lower() and "`12345`" in md
    # theorem-a-core: proved, as are K2 and K3 -> fully backed; theorem-a rests on the Monte Carlo angle law
    assert re.search(r"\*\*Fully backed\*\*.*`theorem-a-core`", md)
    rows = {r["id"]: r for r in json.loads((out / "results.json").read_text())["claims"]}
    assert rows["theorem-a-core"]["backing"]["fully_backed"] is True
    assert rows["theorem-a"]["uses"] == list(CLAIMS["theorem-a"].uses)
    assert rows["expected-optimal-error"]["backing"]["weakest"] in ("kink-angle-law", "const-expected-eta-min")
    assert rows["rss-grid"]["status"] == "violated"


def test_without_dot_the_graph_is_reported_missing_not_faked(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot on PATH: the runner reports it unavailable
    statuses = {cid: "stated only" for cid in CLAIMS}
    drawing = draw_dependency_graph(CLAIMS, statuses, derive_backing(statuses, CLAIMS))
    assert drawing.svg is None and "not installed" in drawing.problem


def _stand_in_dot(tmp_path, body: str) -> None:
    dot = tmp_path / "dot"
    dot.write_text("#!/bin/sh\n" + body + "\n")
    dot.chmod(0o755)


def test_dot_runs_through_the_one_subprocess_boundary(monkeypatch, tmp_path):
    """dot runs through pybridge.runtime.runner.run_tool: a failing or hanging dot is reported (exit code;
    timeout, the process group killed), never drawn; its standard output is the drawing."""
    import pybridge.report.graph as graph

    statuses = {cid: "stated only" for cid in CLAIMS}
    backing = derive_backing(statuses, CLAIMS)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    _stand_in_dot(tmp_path, 'cat > /dev/null; echo "Error: syntax" >&2; exit 3')
    drawing = draw_dependency_graph(CLAIMS, statuses, backing)
    assert drawing.svg is None and "failed (exit 3)" in drawing.problem
    _stand_in_dot(tmp_path, "exec sleep 30")
    monkeypatch.setattr(graph, "DOT_TIMEOUT", 0.5)
    drawing = draw_dependency_graph(CLAIMS, statuses, backing)
    assert drawing.svg is None and "timed out after 0.5 s" in drawing.problem
    _stand_in_dot(tmp_path, "cat > /dev/null; echo '<?xml?><svg id=\"x\"></svg>'")
    drawing = draw_dependency_graph(CLAIMS, statuses, backing)
    assert drawing.problem is None and drawing.svg == '<svg id="x"></svg>\n'

