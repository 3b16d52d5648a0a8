"""Writing the ``prunegap check`` report atomically.

The report directory is assembled in a temporary sibling directory and moved
into place only when complete, so an interrupted run (Ctrl-C) leaves either the
previous report or none — never a half-written one.
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

from pybridge.claims import derive_status

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
    checks = [c for s in sections for c in s.checks]
    rows = []
    for cid, claim in claims.items():
        mine = [c for c in checks if c.claim_id == cid]
        rows.append({
            **claim.to_dict(),
            "status": derive_status(cid, checks=checks, formal=formal),
            "formal": (formal or {}).get(cid, "not formalised" if claim.coq is None else "not run"),
            "checks": [c.to_dict() for c in mine],
        })
    return rows


def _markdown(meta, sections, claims_rows, claims) -> str:
    out = [
        "# prunegap check report", "",
        f"Mode: **{meta['mode']}**; seed entropy `{meta['seed_entropy']}`; workers {meta['workers']}; "
        f"wall time {meta['seconds']:.1f} s; prunegap {meta['versions'].get('prunegap')}.", "",
        "Every claim names its model, source and tag. RECON = our reconstruction (the body of arXiv "
        "2603.02234 was not available); it is never presented as the paper's statement. Statuses are derived "
        "from the evidence of this run (Coq audit, certified numerics, exact instance checks, Monte Carlo).", "",
        "## Claims", "",
        "| claim | status | verdict(s) | tag | source |", "|---|---|---|---|---|",
    ]
    for r in claims_rows:
        verdicts = ", ".join(sorted({c["verdict"] for c in r["checks"]})) or "-"
        out.append(f"| `{r['id']}` | {r['status']} | {verdicts} | {r['tag']} | {r['source']} |")
    out.append("")
    for sec in sections:
        out += [f"## {sec.title}", "", f"_Section time: {sec.seconds:.1f} s._", ""]
        for c in sec.checks:
            claim = claims.get(c.claim_id)
            out += [f"### `{c.claim_id}` — {c.verdict}", ""]
            if claim is not None:
                out += [f"- **Statement:** {claim.statement}", f"- **Model:** {claim.model}",
                        f"- **Source:** {claim.source} — tag **{claim.tag}**"]
            out += [f"- **Evidence ({c.method}):** {c.evidence}", f"- **Verdict:** {c.verdict}", ""]
        if sec.markdown:
            out += [sec.markdown, ""]
    return "\n".join(out) + "\n"


def check_out_dir(out_dir) -> Path:
    """Validate ``--out`` before any work: it must be a new path, an empty directory, or an earlier report.

    Raises
    ------
    InvalidArgument
        The path is a file, a non-empty directory that is not a prunegap report, or not writable.
    """
    from pybridge.errors import InvalidArgument

    out = Path(out_dir).expanduser().resolve()
    if out.exists() and not out.is_dir():
        raise InvalidArgument(f"--out must be a directory, got --out={str(out_dir)!r} (an existing file)")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise InvalidArgument(f"--out must be a new or empty directory or an earlier prunegap report, got "
                              f"--out={str(out_dir)!r} (a non-empty directory; it is never overwritten)")
    parent = out.parent
    probe = parent
    while not probe.exists():
        probe = probe.parent
    if not os.access(probe, os.W_OK):
        raise InvalidArgument(f"--out is not writable, got --out={str(out_dir)!r}")
    return out


def write_report(out_dir, *, meta: dict, sections, claims, formal=None) -> Path:
    """Write report.md, results.json and the figures into ``out_dir`` atomically.

    ``claims`` is the registry (``claim id -> Claim``, :class:`pybridge.claims.Registry`): one row per claim.

    Returns
    -------
    pathlib.Path
        The report directory.
    """
    out_dir = check_out_dir(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        claims_rows = _claims_table(sections, formal, claims)
        for sec in sections:
            for fname, writer in sec.figures.items():
                writer(tmp / fname)
        results = {
            "meta": meta,
            "claims": claims_rows,
            "sections": {s.name: {"title": s.title, "seconds": s.seconds, "checks": [c.to_dict() for c in s.checks],
                                  "data": s.data, "figures": sorted(s.figures)} for s in sections},
        }
        (tmp / "results.json").write_text(json.dumps(results, indent=1, default=_json_default))
        (tmp / "report.md").write_text(_markdown(meta, sections, claims_rows, claims))
        (tmp / MARKER).write_text("written by prunegap check; this directory is replaced by the next run\n")
        os.chmod(tmp, 0o755)
        old = None
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
            os.replace(out_dir, old)
        os.replace(tmp, out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir
