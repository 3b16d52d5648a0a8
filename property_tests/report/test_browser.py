"""``report.html`` in a real browser: headless Chromium driven by Playwright (issue 16 §3).

The report of a real ``prunegap check --quick --only constants`` run (every registered claim has an entry
and a node; the constants carry certified intervals) is opened from disk with the network cut off.  The page
must load with no console error and no request other than ``file:``/``data:``; the graph has one node per
claim; clicking a node scrolls to that claim's entry; the exact rationals of an enclosure are one click away.
Issue 25: no horizontal scrolling at 1400, 800 and 390 px (one screenshot each), the summary and the claims
table on the first screen, the CSS-only status and domain filter, the collapsible domains (a link into a
collapsed one opens it), every claims-table link reaching its entry, no ``None``/``nan``/``inf`` text, alt
text on every figure.  Screenshots are written to ``$PRUNEGAP_ARTIFACT_DIR`` (default: the test's temporary directory) for the log.

Needs the Debian packages ``chromium`` and ``graphviz`` and the Python package ``playwright`` (test extra; its
own browser download is never used: Playwright runs the system Chromium).  Skipped with the reason when one is
missing, unless ``PRUNEGAP_REQUIRE_BROWSER=1`` (CI sets it): then a missing piece fails the test.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pybridge.domains import registry

pytestmark = pytest.mark.browser

CLAIMS = registry()


def _required() -> bool:
    return os.environ.get("PRUNEGAP_REQUIRE_BROWSER", "").strip() not in ("", "0", "false", "no")


def _chromium() -> str | None:
    exe = os.environ.get("PRUNEGAP_CHROMIUM")
    if exe:
        return exe if os.path.isfile(exe) else shutil.which(exe)
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


def _missing() -> list[str]:
    problems = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("the Python package playwright is not installed (pip install -e '.[test]')")
    if _chromium() is None:
        problems.append("no Chromium executable (apt-get install chromium, or set PRUNEGAP_CHROMIUM)")
    if shutil.which("dot") is None:
        problems.append("Graphviz dot is not installed (apt-get install graphviz)")
    return problems


@pytest.fixture(scope="module")
def page_and_report(tmp_path_factory):
    problems = _missing()
    if problems:
        if _required():
            pytest.fail("PRUNEGAP_REQUIRE_BROWSER=1 but " + "; ".join(problems))
        pytest.skip("browser test skipped: " + "; ".join(problems))
    from playwright.sync_api import sync_playwright

    from pybridge.check import run_check

    tmp = tmp_path_factory.mktemp("browser")
    out = run_check(quick=True, out_dir=tmp / "report", workers=1, seed=1, show_progress=False,
                    only=["constants"])
    assert out.exit_code == 0
    requests, errors = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), headless=True)
        try:
            context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("console",
                    lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
            page.goto((Path(out.out_dir) / "report.html").as_uri(), wait_until="load")
            yield page, Path(out.out_dir), requests, errors
        finally:
            browser.close()


def _artifact_dir(report_dir: Path) -> Path:
    d = Path(os.environ.get("PRUNEGAP_ARTIFACT_DIR") or report_dir)
    d.mkdir(parents=True, exist_ok=True)
    return d


def test_page_loads_offline_without_console_errors(page_and_report):
    page, report, requests, errors = page_and_report
    assert errors == []
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert page.title().startswith("prunegap check report")
    assert page.locator("#summary #status-counts").is_visible()
    shot = _artifact_dir(report) / "report-html-top.png"
    page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    assert shot.stat().st_size > 10_000
    page.locator("#graph").screenshot(path=str(_artifact_dir(report) / "report-html-graph.png"))


def test_graph_has_one_node_per_claim_each_linking_to_its_entry(page_and_report):
    page = page_and_report[0]
    ids = page.eval_on_selector_all("#graph svg g.node", "els => els.map(e => e.id)")
    assert sorted(ids) == sorted(f"node-{cid}" for cid in CLAIMS)
    links = page.eval_on_selector_all(
        "#graph svg g.node a", "els => els.map(e => e.getAttribute('xlink:href') || e.getAttribute('href'))")
    assert sorted(links) == sorted(f"#claim-{cid}" for cid in CLAIMS)
    entries = page.eval_on_selector_all("article.claim", "els => els.map(e => e.id)")
    assert entries == [f"claim-{cid}" for cid in CLAIMS]
    # every statement's mathematics rendered as MathML with a real size
    widths = page.eval_on_selector_all("article.claim .math math",
                                       "els => els.map(e => e.getBoundingClientRect().width)")
    assert len(widths) == len(CLAIMS) and min(widths) > 0


@pytest.mark.parametrize("cid", ["theorem-a", "const-lueker-kappa"])
def test_clicking_a_node_scrolls_to_its_entry(page_and_report, cid):
    page, report = page_and_report[0], page_and_report[1]
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(f'#graph svg g.node[id="node-{cid}"] a').click()
    page.wait_for_function(f"location.hash === '#claim-{cid}'")
    top = page.evaluate(f"document.getElementById('claim-{cid}').getBoundingClientRect().top")
    assert 0 <= top < 50, f"entry of {cid} is at {top}px from the top of the viewport"
    assert page.evaluate("document.querySelector(':target').id") == f"claim-{cid}"
    if cid == "theorem-a":
        page.screenshot(path=str(_artifact_dir(report) / "report-html-after-click.png"))


def test_exact_rationals_are_one_click_away(page_and_report):
    page = page_and_report[0]
    details = page.locator("#claim-const-lueker-kappa details.exact").first
    assert details.get_attribute("open") is None
    assert "11.6568542494923801952" in details.locator("summary").inner_text()
    assert not details.locator("code").is_visible()
    details.locator("summary").click()
    assert details.get_attribute("open") is not None
    exact = details.locator("code").inner_text()
    assert "/" in exact and exact.startswith("[11656854249492380195206754896838792314278687501507/")


#: the widths of issue 25: desktop, tablet and phone
WIDTHS = (1400, 800, 390)

#: Python's internal values that must never reach a reader (prose and tables; MathML's ``inf`` is mathematics)
_INTERNAL_TEXT = r"\b(None|nan|NaN|inf|-inf)\b"


def _fresh_page(page, width: int):
    context = page.context.browser.new_context(offline=True, viewport={"width": width, "height": 900})
    fresh = context.new_page()
    fresh.goto(page.url.split("#")[0], wait_until="load")
    return fresh


@pytest.mark.parametrize("width", WIDTHS)
def test_page_fits_the_window_and_opens_on_the_summary_and_claims_table(page_and_report, width):
    page, report = page_and_report[0], page_and_report[1]
    fresh = _fresh_page(page, width)
    try:
        assert fresh.evaluate("document.documentElement.scrollWidth") == width
        fresh.screenshot(path=str(_artifact_dir(report) / f"report-html-{width}.png"))
        if width == 1400:  # the first screen: the summary and the head of the claims table
            assert fresh.evaluate("document.querySelector('#claims-table tbody tr').getBoundingClientRect().top") < 900
    finally:
        fresh.context.close()


def _visible(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.filter(e => e.offsetParent !== null)"
                                               ".map(e => e.dataset.status + '|' + e.dataset.domain)")


def test_the_status_and_domain_filters_hide_what_does_not_match(page_and_report):
    fresh = _fresh_page(page_and_report[0], 1400)
    try:
        assert len(_visible(fresh, "article.claim")) == len(CLAIMS)
        fresh.check("#filter-status-value-certified")
        shown = _visible(fresh, "article.claim")
        assert shown and {s.split("|")[0] for s in shown} == {"value certified"}
        assert sorted(_visible(fresh, "#claims-table tbody tr")) == sorted(shown)
        fresh.check("#filter-domain-constants")
        both = _visible(fresh, "article.claim")
        assert both and set(both) == {"value certified|constants"}
        fresh.check("#filter-status-all")
        assert {s.split("|")[1] for s in _visible(fresh, "article.claim")} == {"constants"}
        assert len(_visible(fresh, "article.claim")) > len(both) or all("value certified" in s for s in both)
        fresh.check("#filter-domain-all")
        assert len(_visible(fresh, "article.claim")) == len(CLAIMS)
    finally:
        fresh.context.close()


def test_domains_collapse_and_every_table_link_reaches_its_entry(page_and_report):
    fresh = _fresh_page(page_and_report[0], 1400)
    try:
        summary = fresh.locator("details.domain#domain-constants > summary")
        summary.click()
        assert not fresh.locator("#claim-const-lueker-kappa").is_visible()
        summary.click()
        assert fresh.locator("#claim-const-lueker-kappa").is_visible()
        links = fresh.eval_on_selector_all("#claims-table tbody td:first-child a",
                                           "els => els.map(e => e.getAttribute('href'))")
        assert sorted(links) == sorted(f"#claim-{cid}" for cid in CLAIMS)
        assert all(fresh.evaluate(f"!!document.getElementById('{h[1:]}')") for h in links)
        summary.click()  # collapsed again: following a link opens the domain and shows the entry
        fresh.locator('#claims-table td:first-child a[href="#claim-const-lueker-kappa"]').click()
        fresh.wait_for_function("location.hash === '#claim-const-lueker-kappa'")
        assert fresh.locator("#claim-const-lueker-kappa").is_visible()
        top = fresh.evaluate("document.getElementById('claim-const-lueker-kappa').getBoundingClientRect().top")
        assert 0 <= top < 50
    finally:
        fresh.context.close()


def test_no_internal_values_in_the_text_and_every_figure_has_alt_text(page_and_report):
    page = page_and_report[0]
    text = page.evaluate("""() => { const c = document.body.cloneNode(true);
        c.querySelectorAll('math, svg, style').forEach(e => e.remove()); return c.innerText; }""")
    import re

    leaks = [text[max(0, m.start() - 40):m.end() + 40] for m in re.finditer(_INTERNAL_TEXT, text)]
    assert leaks == []
    alts = page.eval_on_selector_all("img", "els => els.map(e => (e.getAttribute('alt') || '').trim())")
    assert all(alts), "every figure needs alt text"
