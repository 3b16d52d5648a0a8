"""``report.html``: the browsable blueprint of one ``prunegap check`` run.

One self-contained page, written next to ``report.md`` in the same atomic write: a summary
(counts by status, what is fully backed, what is violated, wall time, seed), the dependency
graph (:mod:`pybridge.report.graph`, inline SVG, every node linking to its claim), one entry
per registered claim (statement with its mathematics as MathML, model, source and tag,
backing, uses and used-by, evidence with verdicts, Coq file and line, Lean declaration, the
tests), the figures and each section's tables.

Offline by construction: no script at all, no stylesheet, font or image is fetched; CSS is inline
(the status and domain filter is CSS only: radio buttons and ``:has()`` rules; the domains are
``<details>``, which the browser opens when a link targets a claim inside),
figures are ``data:`` URIs, mathematics is MathML (rendered natively by browsers; converted
from the registry's LaTeX by ``latex2mathml``), section tables are Markdown rendered by
``markdown-it-py`` with raw HTML disabled.  Certified intervals appear as decimal enclosures
(:mod:`pybridge.report.intervals`) with the exact rationals one click away.
"""

from __future__ import annotations

import base64
import html
import re

from pybridge.claims import BACKED_STATUSES, status_counts, used_by
from pybridge.errors import InvalidArgument
from pybridge.validation import check_instance, check_mapping, check_sequence, check_text
from pybridge.report.graph import STATUS_COLOURS, anchor
from pybridge.report.intervals import RATIONAL_INTERVAL, decimal_enclosure, is_long_interval
from pybridge.report.evidence import evidence_text, method_label, section_markdown
from pybridge.report.locations import coq_location, lean_location
from symbolic.core.sources import TAG_MEANINGS

__all__ = ["render_html", "math_html", "evidence_html", "TAG_MEANING"]

#: the theory notes' legend, one line per tag (the one tag list: :mod:`symbolic.core.sources`)
TAG_MEANING = TAG_MEANINGS

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;color:#1d1d1d;
 background:#fafafa;line-height:1.45}
main{max-width:1120px;margin:0 auto;padding:1rem 1.5rem 4rem}
h1{font-size:1.6rem;margin:.6rem 0}h2{margin-top:2.2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
code{font-size:.88em;background:#f0f0f0;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;
 vertical-align:top;font-size:.92rem}th{background:#eee}
.badge{display:inline-block;padding:0 .45em;border-radius:.6em;font-size:.8rem;border:1px solid #888;
 white-space:nowrap;font-weight:600}
.backed-yes{color:#14632f;font-weight:600}.backed-no{color:#8a4b00;font-weight:600}
.claim{background:#fff;border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;margin:1rem 0;
 padding:.4rem 1rem .6rem;scroll-margin-top:.5rem}
.claim:target{box-shadow:0 0 0 3px #2b6cb0;border-color:#2b6cb0}
.claim h3{margin:.3rem 0;font-size:1.1rem}.claim h3 a{color:inherit;text-decoration:none}
.claim dl{display:grid;grid-template-columns:8.5rem 1fr;gap:.2rem .8rem;margin:.4rem 0}
.claim dt{font-weight:600;color:#555}.claim dd{margin:0}
.statement{font-size:1.02rem;margin:.3rem 0}.math{overflow-x:auto;margin:.3rem 0 .5rem;font-size:1.1rem}
.evidence li{margin:.25rem 0}.verdict{font-weight:700}
.verdict-violated,.verdict-failed{color:#b00020}.verdict-holds,.verdict-consistent{color:#14632f}
details.exact{display:inline}details.exact summary{display:inline;cursor:pointer;color:#1d4f91;
 text-decoration:underline dotted}details.exact[open] code{display:block;word-break:break-all;margin:.2rem 0}
#graph{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.5rem;overflow:auto}
#graph svg{max-width:100%;height:auto}#graph a:hover polygon,#graph a:hover path{stroke:#2b6cb0;stroke-width:3}
.legend span{margin-right:.9rem;white-space:nowrap}
figure{background:#fff;border:1px solid #ddd;border-radius:4px;margin:1rem 0;padding:.5rem}
figure img{max-width:100%}figcaption{font-size:.9rem;color:#555}
.problem{color:#b00020;font-weight:600}.note{color:#555;font-size:.92rem}
main,p,li,dd,td,th,code,figcaption,summary{overflow-wrap:anywhere;word-break:break-word}
main{min-width:0}table{max-width:100%}.claim dl>*{min-width:0}
#claims-table{width:100%;table-layout:fixed}#claims-table td,#claims-table th{font-size:.85rem;padding:.1rem .35rem}
#claims-table col.c-id{width:30%}#claims-table col.c-dom{width:12%}#claims-table col.c-st{width:22%}
#filters{margin:.5rem 0}fieldset.filter{border:1px solid #ddd;margin:.3rem 0;padding:.1rem .5rem;font-size:.88rem}
fieldset.filter label{white-space:nowrap;margin-right:.8rem;display:inline-block}
details.domain{margin:.8rem 0}details.domain>summary{cursor:pointer;font-size:1.15rem;font-weight:600;margin:.4rem 0}
@media (max-width:600px){main{padding:.5rem .6rem 3rem}.claim{padding:.3rem .5rem}
 .claim dl{grid-template-columns:1fr}.claim dt{margin-top:.3rem}.badge{white-space:normal}
 #claims-table col.c-dom{width:16%}}
"""


def _known(value, word: str = "not recorded"):
    """A metadata value, or ``word`` when it is missing (never Python's ``None``)."""
    return word if value is None else value


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _badge(status: str) -> str:
    fill, ink = STATUS_COLOURS.get(status, ("#ffffff", "#000000"))
    return f'<span class="badge" style="background:{fill};color:{ink}">{_e(status)}</span>'


def _claim_link(cid: str, statuses=None) -> str:
    badge = f" {_badge(statuses.get(cid, 'not run'))}" if statuses is not None else ""
    return f'<a href="#{anchor(cid)}"><code>{_e(cid)}</code></a>{badge}'


_TICKED = re.compile(r"`([a-z0-9-]+)`")


def _sentence(text: str, claims) -> str:
    """Escape a backing sentence, turning each `claim-id` into a link to its entry."""
    return _TICKED.sub(lambda m: _claim_link(m.group(1)) if m.group(1) in claims else f"<code>{m.group(1)}</code>",
                       _e(text))


def math_html(latex: str) -> str:
    """The claim's LaTeX as a MathML ``<math>`` element; on a conversion failure, the LaTeX source as code."""
    try:
        from latex2mathml.converter import convert

        return convert(latex, display="block")
    except Exception:  # noqa: BLE001 - any converter failure shows the source instead
        return f'<code class="latex">{_e(latex)}</code>'


def evidence_html(text: str) -> str:
    """Escape an evidence sentence; long rational intervals become decimal enclosures with the exact form hidden.

    ``[p/q, r/s]`` whose ends are longer than :data:`pybridge.report.intervals.LONG` characters is shown as
    ``[lo, hi]`` (outward-rounded, 21 significant digits) in a ``<details>`` whose body is the exact interval.
    """
    text = check_text("text", text)
    out, last = [], 0

    def plain(chunk: str) -> str:
        return re.sub(r"`([^`]+)`", r"<code>\1</code>", _e(chunk))

    for m in RATIONAL_INTERVAL.finditer(text):
        lo, hi = m.group(1), m.group(2)
        if not is_long_interval(lo, hi):
            continue
        try:
            dlo, dhi = decimal_enclosure(lo, hi)
        except (ValueError, ZeroDivisionError):
            continue
        out.append(plain(text[last:m.start()]))
        out.append(f'<details class="exact"><summary title="show the exact rational interval">[{dlo}, {dhi}]'
                   f'</summary><code>[{_e(lo)}, {_e(hi)}]</code></details>')
        last = m.end()
    out.append(plain(text[last:]))
    return "".join(out)


def _checks_by_claim(sections) -> dict:
    out: dict[str, list] = {}
    for sec in sections:
        for c in sec.checks:
            out.setdefault(c.claim_id, []).append((sec, c))
    return out


def _formal_line(name, location, outcome: str) -> str:
    if not name:
        return '<span class="note">not formalised</span>'
    where = (f' — <a href="{_e(location.uri)}#L{location.line}">{_e(location)}</a>' if location
             else ' — <span class="note">source not found in this checkout</span>')
    return f"<code>{_e(name)}</code>{where} — {_e(outcome)}"


def _lean_outcome(claim) -> str:
    return {"proof-written": "proof written, not compiled here (no Lean toolchain on our machines)",
            "stated": "statement only", "pending": "no declaration yet"}.get(claim.lean_status, claim.lean_status)


def _entry(claim, row, backing, statuses, users, checks, domain="") -> str:
    cid = claim.id
    status = row["status"]
    fill = STATUS_COLOURS.get(status, ("#999999", ""))[0]
    b = backing[cid]
    backed = ('<span class="backed-yes">fully backed</span>' if b.fully_backed
              else '<span class="backed-no">not fully backed</span>')
    uses = ", ".join(_claim_link(d, statuses) for d in claim.uses) or '<span class="note">none</span>'
    chain_extra = ""
    indirect = [d for d in b.chain if d not in claim.uses]
    if indirect:
        chain_extra = "<br><span class=\"note\">and through them: </span>" + ", ".join(
            _claim_link(d) for d in indirect)
    used = ", ".join(_claim_link(u) for u in users.get(cid, ())) or '<span class="note">no claim</span>'
    ev = []
    for sec, c in checks:
        ev.append(f'<li><span class="verdict verdict-{_e(c.verdict)}">{_e(c.verdict)}</span> '
                  f'<i>({_e(method_label(c))}; section {_e(sec.name)})</i>: {evidence_html(evidence_text(c))}</li>')
    evidence = (f'<ul class="evidence">{"".join(ev)}</ul>' if ev
                else '<span class="note">no evidence in this run (the sections that check it did not run)</span>')
    coq = _formal_line(claim.coq, coq_location(claim.coq), str(row.get("formal", "")))
    lean = _formal_line(claim.lean, lean_location(claim.lean), _lean_outcome(claim)) if claim.lean else (
        '<span class="note">no Lean declaration</span>')
    tests = "".join(f"<li><code>{_e(t)}</code></li>" for t in claim.tests) or "<li>none</li>"
    notes = f"<dt>Notes</dt><dd>{_e(claim.notes)}</dd>" if claim.notes else ""
    return f"""<article class="claim" id="{anchor(cid)}" data-status="{_e(status)}" data-domain="{_e(domain)}" style="border-left-color:{fill}">
<h3><a href="#{anchor(cid)}"><code>{_e(cid)}</code></a> {_badge(status)} {backed}</h3>
<p class="statement">{_e(claim.statement)}</p>
<div class="math">{math_html(claim.latex)}</div>
<dl>
<dt>Model</dt><dd>{_e(claim.model)}</dd>
<dt>Source</dt><dd>{_e(claim.source)} — tag <b>{_e(claim.tag)}</b> <span class="note">({_e(TAG_MEANING.get(claim.tag, ""))})</span></dd>
<dt>Kind</dt><dd>{_e(claim.kind)}</dd>
<dt>Backing</dt><dd>{_sentence(b.sentence(), statuses)}</dd>
<dt>Uses</dt><dd>{uses}{chain_extra}</dd>
<dt>Used by</dt><dd>{used}</dd>
<dt>Evidence</dt><dd>{evidence}</dd>
<dt>Coq</dt><dd>{coq}</dd>
<dt>Lean</dt><dd>{lean}</dd>
<dt>Tests</dt><dd><ul>{tests}</ul></dd>
<dt>Twin</dt><dd><code>{_e(claim.twin)}</code></dd>
{notes}
</dl>
</article>"""


def _domains(claims) -> dict:
    """``claim id -> domain name`` (``other`` for a claim outside every domain)."""
    domain_of = getattr(claims, "domain_of", {})
    return {cid: domain_of.get(cid) or "other" for cid in claims}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "x"


def _filters(statuses, domains) -> str:
    """The CSS-only filter: one radio group per attribute, and the rules hiding what does not match."""
    groups, rules = [], []
    for key, label, values in (("status", "Status", sorted(set(statuses.values()))),
                               ("domain", "Domain", list(dict.fromkeys(domains.values())))):
        radios = [f'<label><input type="radio" name="filter-{key}" id="filter-{key}-all" checked> all</label>']
        for v in values:
            ident = f"filter-{key}-{_slug(v)}"
            radios.append(f'<label><input type="radio" name="filter-{key}" id="{ident}" value="{_e(v)}"> '
                          f'{_e(v)}</label>')
            on = f"body:has(#{ident}:checked)"
            rules.append(f'{on} :is(#claims-table tbody tr,article.claim):not([data-{key}="{_e(v)}"]),'
                         f'{on} details.domain:not(:has(article.claim[data-{key}="{_e(v)}"])){{display:none}}')
        groups.append(f'<fieldset class="filter" id="filter-{key}"><legend>{label}</legend>{"".join(radios)}'
                      '</fieldset>')
    return f'<style>{"".join(rules)}</style><div id="filters">{"".join(groups)}</div>'


def _claims_table(claims, statuses, backing) -> str:
    """One compact row per claim: id (linking to its entry), domain, status, fully backed or its weakest link."""
    domains = _domains(claims)
    rows = []
    for cid in claims:
        b = backing[cid]
        why = ('<span class="backed-yes">fully backed</span>' if b.fully_backed else
               _sentence(b.sentence().removeprefix("not fully backed: "), claims))
        rows.append(f'<tr data-status="{_e(statuses[cid])}" data-domain="{_e(domains[cid])}">'
                    f'<td><a href="#{anchor(cid)}"><code>{_e(cid)}</code></a></td><td>{_e(domains[cid])}</td>'
                    f'<td>{_badge(statuses[cid])}</td><td>{why}</td></tr>')
    return (f'<h3>All claims</h3>{_filters(statuses, domains)}<table id="claims-table"><colgroup><col class="c-id">'
            '<col class="c-dom"><col class="c-st"><col></colgroup><thead><tr><th>claim</th><th>domain</th>'
            f'<th>status</th><th>fully backed / weakest link</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _summary(meta, claims, statuses, backing, sections) -> str:
    counts = status_counts(statuses)
    rows = "".join(f"<td>{_badge(s)} {n}</td>" for s, n in counts.items())
    full = [cid for cid in claims if backing[cid].fully_backed]
    bad = [c for sec in sections for c in sec.checks if c.verdict in ("violated", "failed")]
    unavailable = sorted({c.claim_id for sec in sections for c in sec.checks if c.verdict == "unavailable"})
    bad_html = ("<ul>" + "".join(f"<li>{_claim_link(c.claim_id) if c.claim_id in claims else _e(c.claim_id)}: "
                                 f"{_e(c.verdict)} — {evidence_html(evidence_text(c))}</li>" for c in bad) + "</ul>"
                if bad else "<p>No claim is violated and no check failed in this run.</p>")
    weak = [cid for cid in claims if not backing[cid].fully_backed]
    weak_rows = "".join(f"<tr><td>{_claim_link(cid)}</td><td>{_badge(statuses[cid])}</td>"
                        f"<td>{_sentence(backing[cid].sentence().removeprefix('not fully backed: '), claims)}</td></tr>"
                        for cid in weak)
    unav = (f"<p>Unavailable (a tool was missing; this is not a pass): "
            f"{', '.join(_e(u) for u in unavailable)}.</p>" if unavailable else "")
    return f"""<section id="summary"><h2>Summary</h2>
<p>Mode <b>{_e(_known(meta.get('mode')))}</b>; wall time <b>{float(meta.get('seconds') or 0):.1f} s</b>; seed entropy
<code>{_e(_known(meta.get('seed_entropy')))}</code> (re-run with <code>--seed</code> it); workers
{_e(_known(meta.get('workers')))}; sections {_e(', '.join(meta.get('sections') or []) or 'not recorded')}; prunegap
{_e(_known((meta.get('versions') or {}).get('prunegap')))}.</p>
<table id="status-counts"><tr><th>claims by status</th>{rows}<td><b>total {len(claims)}</b></td></tr></table>
{_claims_table(claims, statuses, backing)}
<h3>Violated or failed</h3>{bad_html}{unav}
<h3>Fully backed ({len(full)} of {len(claims)})</h3>
<p class="note">A claim is fully backed when it and every claim it uses, transitively, are
{' or '.join(BACKED_STATUSES)}.</p>
<p id="fully-backed">{', '.join(_claim_link(c) for c in full) or 'none'}</p>
<h3>Not fully backed ({len(weak)}): the weakest link</h3>
<table id="weakest"><tr><th>claim</th><th>status</th><th>why</th></tr>{weak_rows}</table>
</section>"""


def _graph(drawing, claims) -> str:
    legend = "".join(f"<span>{_badge(s)}</span>" for s in STATUS_COLOURS)
    if drawing.svg:
        body = drawing.svg
    else:
        items = "".join(f"<li>{_claim_link(cid)} uses {', '.join(_claim_link(d) for d in c.uses)}</li>"
                        for cid, c in claims.items() if c.uses)
        body = f'<p class="problem">{_e(drawing.problem)}</p><ul>{items}</ul>'
    return f"""<section id="dependencies"><h2>Dependency graph</h2>
<p class="legend">{legend}</p>
<p class="note">One node per claim, coloured by its status in this run; an arrow A → B means A uses B.
Thick solid border: fully backed; dashed border: something in it or below it is not proved or certified.
Claims are grouped by domain. Click a node to go to its entry.</p>
<div id="graph">{body}</div></section>"""


_IMG = re.compile(r'<img src="([^"]+)" alt="([^"]*)" ?/?>')


def _section_markdown(sec, figures) -> str:
    body = section_markdown(sec)
    if not body:
        return ""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark", {"html": False}).enable("table").render(body)

    def img(m):
        src, alt = html.unescape(m.group(1)), m.group(2)
        if src in figures:
            return f'<a href="#fig-{_e(src)}">figure {_e(src)}: {alt}</a>'
        return f"[{alt}]"

    return _IMG.sub(img, rendered)


def _check_report_inputs(meta, sections, claims, rows, backing, figures, drawing) -> None:
    from pybridge.claims import Backing, Claim
    from pybridge.claims.section import SectionResult
    from pybridge.report.graph import GraphDrawing

    check_mapping("meta", meta)
    for i, s in enumerate(check_sequence("sections", sections)):
        check_instance(f"sections[{i}]", s, SectionResult)
    check_mapping("claims", claims, values=Claim)
    for i, r in enumerate(check_sequence("rows", rows)):
        check_mapping(f"rows[{i}]", r)
        if "id" not in r or "status" not in r:
            raise InvalidArgument(f"rows[{i}] must have 'id' and 'status', got keys {sorted(map(str, r))}")
    check_mapping("backing", backing, values=Backing)
    check_mapping("figures", figures)
    if drawing is not None:
        check_instance("drawing", drawing, GraphDrawing)


def _claim_entries(claims, rows, backing, statuses, checks) -> list[str]:
    """One entry per registered claim, grouped by domain in collapsible ``<details>`` blocks, registry order."""
    by_id = {r["id"]: r for r in rows}
    users = used_by(claims)
    domains = _domains(claims)
    groups: dict[str, list] = {}
    for cid, claim in claims.items():
        groups.setdefault(domains[cid], []).append(
            _entry(claim, by_id[cid], backing, statuses, users, checks.get(cid, []), domains[cid]))
    return [f'<details class="domain" open id="domain-{_e(dom)}"><summary>Domain <code>{_e(dom)}</code> '
            f'({len(items)} claims)</summary>{"".join(items)}</details>' for dom, items in groups.items()]


def _figure(name: str, data: bytes, sec, fig) -> str:
    """One ``<figure>``: the PNG inlined, alt text, and its caption (the file name when it has none)."""
    caption = (fig.caption if fig is not None and fig.caption else "")
    alt = (fig.alt if fig is not None and fig.alt else caption or f"figure {name}")
    where = f" — section {_e(sec.title)}" if sec is not None else ""
    svg = f'; vector version <code>{_e(name.rsplit(".", 1)[0])}.svg</code> beside the report'
    return (f'<figure id="fig-{_e(name)}"><img alt="{_e(alt)}" src="data:image/png;base64,'
            f'{base64.b64encode(data).decode("ascii")}"><figcaption>{_e(caption) + " " if caption else ""}'
            f'<span class="note"><code>{_e(name)}</code>{where}{svg}.</span></figcaption></figure>')


def _figures_html(sections, figures) -> str:
    """Every figure inlined as a ``data:`` URI with its caption and alt text."""
    owner = {f.file: (s, f) for s in sections for f in s.figures}
    return "".join(_figure(name, data, *owner.get(name, (None, None))) for name, data in figures.items())


def _run_section_html(sec, claims, figures) -> str:
    """One run section: its time, its checks on unregistered items, and its tables."""
    others = [c for c in sec.checks if c.claim_id not in claims]
    extra = "".join(f'<li><code>{_e(c.claim_id)}</code> (not a registered claim): <span class="verdict '
                    f'verdict-{_e(c.verdict)}">{_e(c.verdict)}</span> — {evidence_html(evidence_text(c))}</li>'
                    for c in others)
    return (f'<section class="run-section" id="section-{_e(sec.name)}"><h3>{_e(sec.title)}</h3>'
            f'<p class="note">Section time {sec.seconds:.1f} s; {len(sec.checks)} checks.</p>'
            f'{"<ul>" + extra + "</ul>" if extra else ""}{_section_markdown(sec, figures)}</section>')


def render_html(*, meta, sections, claims, rows, backing, figures, drawing) -> str:
    """The whole page as one string.

    Parameters
    ----------
    meta : dict
        The run's metadata (mode, seed_entropy, workers, seconds, versions, sections).
    sections : list of Section
    claims : Mapping[str, Claim]
        The registry; one entry per claim, in registry order.
    rows : list of dict
        The report's claim rows (``status``, ``formal``), in registry order.
    backing : Mapping[str, Backing]
    figures : Mapping[str, bytes]
        ``{file name: PNG bytes}``, inlined as ``data:`` URIs.
    drawing : GraphDrawing
    """
    _check_report_inputs(meta, sections, claims, rows, backing, figures, drawing)
    statuses = {r["id"]: r["status"] for r in rows}
    entries = _claim_entries(claims, rows, backing, statuses, _checks_by_claim(sections))
    figs = _figures_html(sections, figures)
    secs = [_run_section_html(sec, claims, figures) for sec in sections]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>prunegap check report — blueprint</title>
<link rel="icon" href="data:,">
<style>{_CSS}</style></head>
<body><main>
<h1>prunegap check report</h1>
<p class="note">Every claim names its model, source and tag. RECON = our reconstruction (the body of arXiv
2603.02234 was not available); it is never presented as the paper's statement. Statuses are derived from the
evidence of this run: proved in Coq, claim certified (the statement itself, by interval arithmetic), value certified (a closed form's value enclosed by interval arithmetic), checked exactly on instances,
checked by Monte Carlo (with its stated false-alarm rate), or stated only. This page is self-contained and
works offline.</p>
<nav><a href="#summary">Summary</a> · <a href="#dependencies">Dependency graph</a> · <a href="#claims">Claims</a> ·
<a href="#figures">Figures</a> · <a href="#sections">Sections</a></nav>
{_summary(meta, claims, statuses, backing, sections)}
{_graph(drawing, claims)}
<section id="claims"><h2>Claims ({len(claims)})</h2>
{''.join(entries)}</section>
<section id="figures"><h2>Figures</h2>{figs or '<p class="note">No figure in this run.</p>'}</section>
<section id="sections"><h2>Sections</h2>{''.join(secs)}</section>
</main></body></html>
"""
