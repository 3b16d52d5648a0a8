"""Writing the ``prunegap check`` report atomically.

The report directory (``report.md``, ``report.html``, ``results.json``, the PNG figures) is
assembled in a temporary sibling directory and moved into place only when complete, so an
interrupted run (Ctrl-C) leaves either the previous report or none — never a half-written one.
Every claim row carries its derived status and its backing (:mod:`pybridge.claims.blueprint`):
fully backed, or the weakest link of what it uses.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from pybridge.runtime.scratch import make_scratch_dir, sweep_stale
from pybridge.claims import BACKED_STATUSES, derive_backing, derive_status, status_counts
from pybridge.report.evidence import evidence_text, figure_writers, method_label, section_markdown

__all__ = ["package_versions", "write_report", "check_out_dir", "MARKER"]

#: a report directory carries this file; only such a directory (or an empty one) is ever replaced
MARKER = ".prunegap-report"

_PACKAGES = ("prunegap", "numpy", "scipy", "sympy", "mpmath", "numba", "python-flint", "matplotlib", "tqdm")


def package_versions() -> dict:
    """Versions of Python and the packages results depend on (for reproducibility)."""
    out = {"python": sys.version.split()[0], "platform": platform.platform()}
    for name in _PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def _json_default(obj):
    import numpy as np
    from fractions import Fraction

    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (np.floating,)):
        return float(obj)
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, Fraction):
        return str(obj)
    if isinstance(obj, (set, tuple)):
        return list(obj)
    return str(obj)


def _claims_table(sections, formal, claims):
    """One row per claim: its registry entry, derived status, backing, formal outcome and checks."""
    checks = [c for s in sections for c in s.checks]
    statuses = {cid: derive_status(cid, checks=checks, formal=formal) for cid in claims}
    backing = derive_backing(statuses, claims)
    rows = []
    for cid, claim in claims.items():
        mine = [c for c in checks if c.claim_id == cid]
        rows.append({
            **claim.to_dict(),
            "status": statuses[cid],
            "backing": backing[cid].to_dict(),
            "formal": (formal or {}).get(cid, "not formalised" if claim.coq is None else "not run"),
            "checks": [c.to_dict() for c in mine],
        })
    return rows, backing


def _section_json(sec) -> dict:
    """A section in results.json: its checks (records with their kind), tables, data and figure files."""
    return {"title": sec.title, "seconds": sec.seconds, "checks": [c.to_dict() for c in sec.evidence],
            "tables": [t.to_dict() for t in sec.tables], "data": sec.data, "figures": sorted(figure_writers(sec))}


def _summary_markdown(meta, sections, claims_rows) -> list:
    """The summary block: counts by status, fully backed, violated, the weakest links, time and seed."""
    statuses = {r["id"]: r["status"] for r in claims_rows}
    counts = ", ".join(f"{s} {n}" for s, n in status_counts(statuses).items())
    full = [r["id"] for r in claims_rows if r["backing"]["fully_backed"]]
    bad = sorted({c.claim_id for s in sections for c in s.checks if c.verdict in ("violated", "failed")})
    out = ["## Summary", "",
           f"- **Claims:** {len(claims_rows)} — {counts}.",
           f"- **Violated or failed:** {', '.join(f'`{b}`' for b in bad) or 'none'}.",
           f"- **Fully backed** (it and everything it uses {' or '.join(BACKED_STATUSES)}): {len(full)} of "
           f"{len(claims_rows)}: " + (", ".join(f"`{c}`" for c in full) or "none") + ".",
           f"- **Not fully backed:** {len(claims_rows) - len(full)}; the weakest link of each:"]
    for r in claims_rows:
        if not r["backing"]["fully_backed"]:
            why = r["backing"]["sentence"].removeprefix("not fully backed: ")
            out.append(f"  - `{r['id']}` ({r['status']}): {why}")
    out += [f"- **Wall time** {meta['seconds']:.1f} s; **seed entropy** `{meta['seed_entropy']}`; mode "
            f"{meta['mode']}. The same report as a browsable page with the dependency graph: `report.html`.", ""]
    return out


def _markdown(meta, sections, claims_rows, claims) -> str:
    version = meta["versions"].get("prunegap") or "version not recorded"
    out = [
        "# prunegap check report", "",
        f"Mode: **{meta['mode']}**; seed entropy `{meta['seed_entropy']}`; workers {meta['workers']}; "
        f"wall time {meta['seconds']:.1f} s; prunegap {version}.", "",
        "Every claim names its model, source and tag. RECON = our reconstruction (the body of arXiv "
        "2603.02234 was not available); it is never presented as the paper's statement. Statuses are derived "
        "from the evidence of this run (Coq audit, certified numerics, exact instance checks, Monte Carlo).", "",
        *_summary_markdown(meta, sections, claims_rows),
        "## Claims", "",
        "| claim | status | verdict(s) | uses | fully backed | tag | source |", "|---|---|---|---|---|---|---|",
    ]
    for r in claims_rows:
        verdicts = ", ".join(sorted({c["verdict"] for c in r["checks"]})) or "-"
        uses = ", ".join(f"`{u}`" for u in r["uses"]) or "-"
        b = r["backing"]
        backed = "yes" if b["fully_backed"] else (f"no: `{b['weakest']}` {b['weakest_status']}"
                                                  if b["weakest"] and b["weakest_status"] not in BACKED_STATUSES
                                                  else "no: itself")
        out.append(f"| `{r['id']}` | {r['status']} | {verdicts} | {uses} | {backed} | {r['tag']} | {r['source']} |")
    out.append("")
    for sec in sections:
        out += [f"## {sec.title}", "", f"_Section time: {sec.seconds:.1f} s._", ""]
        for c in sec.checks:
            claim = claims.get(c.claim_id)
            out += [f"### `{c.claim_id}` — {c.verdict}", ""]
            if claim is not None:
                out += [f"- **Statement:** {claim.statement}", f"- **Model:** {claim.model}",
                        f"- **Source:** {claim.source} — tag **{claim.tag}**"]
            out += [f"- **Evidence ({method_label(c)}):** {evidence_text(c)}", f"- **Verdict:** {c.verdict}", ""]
        body = section_markdown(sec)
        if body:
            out += [body, ""]
    return "\n".join(out) + "\n"


def _html(meta, sections, claims, claims_rows, backing, tmp: Path) -> str:
    """``report.html``: the blueprint page with the figures already written into ``tmp`` inlined."""
    from pybridge.report.graph import draw_dependency_graph
    from pybridge.report.html import render_html

    statuses = {r["id"]: r["status"] for r in claims_rows}
    drawing = draw_dependency_graph(claims, statuses, backing, getattr(claims, "domain_of", None))
    figures = {f: (tmp / f).read_bytes() for s in sections for f in figure_writers(s) if (tmp / f).is_file()}
    meta.setdefault("graph", "drawn by Graphviz dot" if drawing.svg else drawing.problem)
    return render_html(meta=meta, sections=sections, claims=claims, rows=claims_rows, backing=backing,
                       figures=figures, drawing=drawing)


def check_out_dir(out_dir) -> Path:
    """Validate ``--out`` before any work: it must be a new path, an empty directory, or an earlier report.

    The nearest existing ancestor must be a directory in which a probe file can be created
    and removed (so ``/sys``, ``/proc``, read-only mounts and a path through a regular file
    fail at once, not after the run).  Temporary directories of earlier runs killed by
    SIGKILL (``.<name>.tmp-<pid>-*``, ``.<name>.old-<pid>``, owner dead) are removed.

    Raises
    ------
    InvalidArgument
        The path is a file, a non-empty directory that is not a prunegap report, or not writable.
    InvalidType
        ``out_dir`` is not a path.
    """
    from pybridge.errors import InvalidArgument, InvalidType

    if not isinstance(out_dir, (str, os.PathLike)) or isinstance(out_dir, bytes):
        raise InvalidType(f"--out must be a path, got --out={out_dir!r:.80} (type={type(out_dir).__name__})")
    shown = str(out_dir)
    if not shown or "\0" in shown:
        raise InvalidArgument(f"--out must be a non-empty path without NUL bytes, got --out={shown!r:.80}")
    try:
        out = Path(out_dir).expanduser().resolve()
        if out.exists() and not out.is_dir():
            raise InvalidArgument(f"--out must be a directory, got --out={shown!r} (an existing file)")
        if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
            raise InvalidArgument(f"--out must be a new or empty directory or an earlier prunegap report, got "
                                  f"--out={shown!r} (a non-empty directory; it is never overwritten)")
        probe = out if out.is_dir() else out.parent
        while not probe.exists() and probe != probe.parent:
            probe = probe.parent
        if not probe.is_dir():
            raise InvalidArgument(f"--out goes through a regular file, got --out={shown!r} ({str(probe)!r} is "
                                  "not a directory)")
        fd, name = tempfile.mkstemp(prefix=f".prunegap-probe-{os.getpid()}-", dir=probe)
        os.close(fd)
        os.unlink(name)
    except InvalidArgument:
        raise
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: symlink loop in resolve()
        why = getattr(exc, "strerror", None) or str(exc)
        raise InvalidArgument(f"--out is not writable, got --out={shown!r} ({why})") from None
    if out.parent.is_dir():
        _sweep_stale_tmp(out)
    return out


def _sweep_stale_tmp(out: Path) -> None:
    """Remove ``.<name>.tmp-<pid>-*`` / ``.<name>.old-<pid>`` siblings of ``out`` whose owner pid is dead."""
    sweep_stale((f".{out.name}.tmp-", f".{out.name}.old-"), dir=out.parent)


def write_report(out_dir, *, meta: dict, sections, claims, formal=None) -> Path:
    """Write report.md, report.html, results.json and the figures into ``out_dir`` atomically.

    ``claims`` is the registry (``claim id -> Claim``, :class:`pybridge.claims.Registry`): one row per claim.

    Returns
    -------
    pathlib.Path
        The report directory.
    """
    out_dir = check_out_dir(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = make_scratch_dir(f".{out_dir.name}.tmp-", dir=out_dir.parent)
    try:
        claims_rows, backing = _claims_table(sections, formal, claims)
        for sec in sections:
            for fname, writer in figure_writers(sec).items():
                writer(tmp / fname)
        html_text = _html(meta, sections, claims, claims_rows, backing, tmp)
        results = {
            "meta": meta,
            "claims": claims_rows,
            "sections": {s.name: _section_json(s) for s in sections},
        }
        (tmp / "results.json").write_text(json.dumps(results, indent=1, default=_json_default), encoding="utf-8")
        (tmp / "report.md").write_text(_markdown(meta, sections, claims_rows, claims), encoding="utf-8")
        (tmp / "report.html").write_text(html_text, encoding="utf-8")
        (tmp / MARKER).write_text("written by prunegap check; this directory is replaced by the next run\n", encoding="utf-8")
        os.chmod(tmp, 0o755)
        old = None
        if out_dir.exists():
            old = make_scratch_dir(f".{out_dir.name}.old-", dir=out_dir.parent)
            os.rmdir(old)
            os.replace(out_dir, old)
        os.replace(tmp, out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir
