"""Rendering evidence records, tables and sections as text: the one place evidence becomes prose.

Every record of :mod:`pybridge.claims.records` renders as one plain-text paragraph: what was done (its
``setting``), the figures its verdict rests on (from its typed fields), its power where it is a test, and its
``note``.  Tables render as markdown tables (cells formatted here; ``None`` is the table's explained blank, never
a Python token), and a section's markdown is its introduction, its tables and its figure references, in order.
``report.md`` uses the text directly; ``report.html`` passes it through the same escaping and markdown renderer.
"""

from __future__ import annotations

import math
import numbers

from pybridge.claims.records import (
    AgreementTest,
    Evidence,
    BenchmarkResult,
    BoundTest,
    CertifiedClaim,
    CertifiedValue,
    ExactCheck,
    FormalOutcome,
    IntervalEstimate,
)

from pybridge.errors import InvalidType
from pybridge.validation import check_text as _check_text

__all__ = ["evidence_text", "table_markdown", "section_markdown", "format_number", "method_label",
           "figure_writers"]

_LABEL = {
    FormalOutcome: "formal",
    CertifiedClaim: "claim certified by interval arithmetic",
    CertifiedValue: "value certified by interval arithmetic",
    ExactCheck: "exact instances",
    BoundTest: "Monte Carlo bound test",
    AgreementTest: "Monte Carlo agreement test",
    IntervalEstimate: "Monte Carlo estimate",
    BenchmarkResult: "committed benchmark",
}


def method_label(record) -> str:
    """What checked the record, in words ("exact instances", "Monte Carlo bound test", ...)."""
    if isinstance(record, FormalOutcome):
        return "Coq" if record.prover == "coq" else "Lean static audit"
    return _LABEL.get(type(record), getattr(record, "method", ""))


def format_number(x, spec: str = ".4g", *, blank: str = "-") -> str:
    """A number as text: ints exactly, floats by ``spec``; infinities and NaN as words, ``None`` as ``blank``."""
    _check_text("spec", spec, max_len=40)
    _check_text("blank", blank, max_len=200)
    if x is None:
        return blank
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, numbers.Integral):
        return str(int(x))
    if isinstance(x, numbers.Real):
        x = float(x)
        if math.isnan(x):
            return "undefined"
        if math.isinf(x):
            return "unbounded above" if x > 0 else "unbounded below"
        return format(x, spec)
    return str(x)


def _interval(low, high, spec=".4g") -> str:
    return f"[{format_number(low, spec, blank='unbounded below')}, {format_number(high, spec, blank='unbounded above')}]"


def _power(power) -> str:
    if power is None:
        return ""
    return power.statement or (f"Power: none at this budget ({power.test})." if power.no_power else
                               f"Power ({power.test}, level {power.level:g}): "
                               + ", ".join(f"{k} {format_number(v)}" for k, v in power.detectable.items()) + ".")


def _formal(r: FormalOutcome) -> str:
    prover = "Coq theorem" if r.prover == "coq" else "Lean declaration"
    parts = [f"{prover} `{r.theorem}`" + (f" ({r.file})" if r.file else "") + f": {r.outcome}"
             + (f" ({r.tool})" if r.tool else "") + "."]
    if r.statement_pinned is not None:
        parts.append("Its printed statement equals the pinned one." if r.statement_pinned
                     else "Its printed statement DIFFERS from the pinned one.")
    if r.axioms:
        parts.append("Print Assumptions: " + ", ".join(r.axioms) + ".")
    parts += [m if m.endswith(".") else m + "." for m in r.messages]
    return " ".join(parts)


def _body(r) -> str:
    if isinstance(r, FormalOutcome):
        return _formal(r)
    if isinstance(r, CertifiedClaim):
        return "Certified: " + "; ".join(r.certified) + "." if r.certified else ""
    if isinstance(r, CertifiedValue):
        dps = f" at {r.dps} digits" if r.dps is not None else ""
        return f"{r.quantity} is in [{r.low}, {r.high}] (interval arithmetic{dps}, outward rounding)."
    if isinstance(r, ExactCheck):
        return (f"{r.instances - r.failures} of {r.instances} instance{'s' if r.instances != 1 else ''} as stated"
                + (f"; {r.failures} contradict the statement." if r.failures else "."))
    if isinstance(r, BoundTest):
        sample = f"{r.events}/{r.trials}" if r.events is not None else f"{r.trials} trials"
        est = f", estimate {format_number(r.estimate)}" if r.estimate is not None else ""
        pv = f", p-value {format_number(r.p_value, '.3g')}" if r.p_value is not None else ""
        test = f" ({r.test})" if r.test else ""
        return (f"{r.quantity}: {sample}{est}; tested {r.direction} {format_number(r.bound)} at false-alarm rate "
                f"{format_number(r.alpha, 'g')}{test}{pv}. {_power(r.power)}").strip()
    if isinstance(r, AgreementTest):
        one = f"{r.first} {format_number(r.first_value)}" + (f" ({r.first_trials} trials)" if r.first_trials else "")
        two = f"{r.second} {format_number(r.second_value)}" + (f" ({r.second_trials} trials)" if r.second_trials else "")
        diff = f"; difference {format_number(r.difference, '+.4g')}" if r.difference is not None else ""
        thr = f", threshold {format_number(r.threshold)}" if r.threshold is not None else ""
        pv = f", p-value {format_number(r.p_value, '.3g')}" if r.p_value is not None else ""
        test = f" {r.test}" if r.test else ""
        return (f"{r.quantity}: {one} vs {two}{diff}{thr}{pv};{test} at false-alarm rate "
                f"{format_number(r.alpha, 'g')}. {_power(r.power)}").strip()
    if isinstance(r, IntervalEstimate) and r.value is None and r.low is None and r.high is None:
        return f"{r.quantity}: not measured in this run. {_power(r.power)}".strip()
    if isinstance(r, IntervalEstimate):
        conf = f"{format_number(100 * r.confidence, 'g')}% " if r.confidence is not None else ""
        how = f" ({r.estimator}" + (f", {r.trials} trials" if r.trials is not None else "") + ")" if r.estimator else ""
        return (f"{r.quantity} = {format_number(r.value)}, {conf}interval {_interval(r.low, r.high)}{how}. "
                f"{_power(r.power)}").strip()
    if isinstance(r, BenchmarkResult):
        seed = f", seed entropy {r.seed_entropy}" if r.seed_entropy else ""
        return f"Committed benchmark results ({len(r.rows)} rows) from {r.source}{seed}; regenerate with `{r.command}`."
    raise InvalidType(f"record must be an evidence record, got record={r!r:.80} (type={type(r).__name__})")


def evidence_text(record) -> str:
    """One paragraph for a record: setting, figures, power, note (plain text with inline code spans).

    Raises
    ------
    InvalidType
        ``record`` is not one of :data:`pybridge.claims.records.RECORD_KINDS`.
    """
    if not isinstance(record, Evidence):
        raise InvalidType(f"record must be an evidence record, got record={record!r:.80} "
                          f"(type={type(record).__name__})")
    parts = [record.setting.strip().rstrip(".") + "." if record.setting.strip() else "", _body(record),
             record.note.strip()]
    return " ".join(p for p in parts if p)


def _cell(value, spec, blank) -> str:
    """One table cell; a pair or list (an interval, a grid) shows each element formatted, ``None`` as ``blank``."""
    if isinstance(value, (list, tuple)):
        text = "[" + ", ".join(format_number(v, spec or ".4g", blank=blank) for v in value) + "]"
        return text.replace("|", "\\|").replace("\n", " ")
    text = format_number(value, spec or ".4g", blank=blank)
    return text.replace("|", "\\|").replace("\n", " ")


def table_markdown(table) -> str:
    """A :class:`~pybridge.claims.section.Table` as a markdown table with its title and caption."""
    from pybridge.claims.section import Table

    if not isinstance(table, Table):
        raise InvalidType(f"table must be a Table, got table={table!r:.80} (type={type(table).__name__})")
    lines = [f"### {table.title}", ""]
    if table.caption:
        lines += [table.caption, ""]
    lines += ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
    for row in table.rows:
        lines.append("| " + " | ".join(_cell(v, table.formats.get(c), table.blank)
                                       for c, v in zip(table.columns, row)) + " |")
    return "\n".join(lines) + "\n"


def section_markdown(sec) -> str:
    """The body of a section after its evidence: introduction, tables, figure references."""
    _section(sec)
    parts = [sec.intro.strip()] if sec.intro.strip() else []
    parts += [table_markdown(t) for t in sec.tables]
    parts += [f"![{f.alt or f.file}]({f.file})" + (f"\n\n_{f.caption}_" if f.caption else "") for f in sec.figures]
    return "\n\n".join(parts)


def figure_writers(sec) -> dict:
    """``{file name: draw(path)}`` of a section's :class:`~pybridge.claims.section.Figure` objects."""
    _section(sec)
    return {f.file: f.draw for f in sec.figures}


def _section(sec) -> None:
    from pybridge.claims.section import SectionResult

    if not isinstance(sec, SectionResult):
        raise InvalidType(f"sec must be a SectionResult, got sec={sec!r:.80} (type={type(sec).__name__})")
