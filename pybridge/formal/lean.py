r"""The Lean 4 side of the formal layer: static checks everywhere, build and audit where Lean exists.

No Lean toolchain can be installed on prunegap's build machines or CI, so:

* :func:`lean_static_checks` runs everywhere, without Lean: every claim's Lean
  name is declared in ``lean/`` sources; no ``sorry``/``admit``/``axiom``; the
  axioms file lists every registered Lean theorem; the generated constants file
  is in sync with :mod:`symbolic`.
* :func:`lean_build_and_audit` finds ``lake`` (``PRUNEGAP_LAKE`` or ``PATH``),
  runs ``lake build`` and ``lake env lean PrunegapAudit/Axioms.lean`` with
  timeouts, parses diagnostics into :class:`LeanMessage` and returns per claim
  ``proved`` (exit 0, no error, no ``declaration uses 'sorry'``, axioms within
  :data:`ALLOWED_LEAN_AXIOMS`), ``rejected`` (with messages) or
  ``unavailable``.  A claim whose Lean status is ``stated`` is never reported
  as proved in Lean.  ``unavailable`` is a skip in tests and is reported as
  such — a failure when ``PRUNEGAP_REQUIRE_LEAN=1``.
* :func:`lean_statements` and :func:`lean_statement_problems` compare each theorem's signature in the
  sources with the one pinned in ``lean/statements.golden`` (:mod:`pybridge.formal.pin`).

The Lean sources are read and parsed by :mod:`pybridge.formal.sources` (one comment stripper, one
declaration pattern for the static checks and the pinned signatures).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pybridge.errors import ExternalToolError, InvalidType
from pybridge.formal.pin import LEAN_GOLDEN, STATEMENT_MISMATCH, claim_list, read_golden
from pybridge.formal.sources import LEAN_DIR, lean_declared, lean_signature, lean_sources, strip_lean_comments
from pybridge.runtime.runner import find_tool, run_tool
from pybridge.validation import check_text

__all__ = [
    "ALLOWED_LEAN_AXIOMS",
    "LeanMessage",
    "parse_lean_messages",
    "parse_print_axioms",
    "lean_static_checks",
    "lean_build_and_audit",
    "lean_statements",
    "lean_statement_problems",
    "find_lake",
]

ALLOWED_LEAN_AXIOMS = frozenset({"propext", "Classical.choice", "Quot.sound"})
AXIOMS_FILE = "PrunegapAudit/Axioms.lean"

_MSG = re.compile(
    r"^(?:(?P<pre>error|warning|info):\s+)?(?P<file>[^\s:]+\.lean):(?P<line>\d+):(?P<col>\d+):\s*"
    r"(?:(?P<sev>error|warning|info):\s*)?(?P<text>.*)$"
)
_AXIOMS = re.compile(r"^'(?P<name>[^']+)' depends on axioms: \[(?P<axioms>[^\]]*)\]")
_NO_AXIOMS = re.compile(r"^'(?P<name>[^']+)' does not depend on any axioms")
#: ``axiom`` is a keyword: any use outside comments declares one (also after ``private``, an attribute, or
#: with the name on the next line)
_FORBIDDEN = re.compile(r"\b(sorry|admit|axiom)\b")


@dataclass(frozen=True)
class LeanMessage:
    """One Lean diagnostic: ``file:line:col: severity: text``."""

    file: str
    line: int
    col: int
    severity: str
    text: str


def find_lake() -> str | None:
    """``lake`` from ``$PRUNEGAP_LAKE`` or ``PATH``; ``None`` when unavailable."""
    return find_tool("lake", env_var="PRUNEGAP_LAKE")


def parse_lean_messages(text: str) -> list[LeanMessage]:
    """Diagnostics of ``lake build`` / ``lean`` output (continuation lines are appended)."""
    check_text("text", text)
    out: list[LeanMessage] = []
    for raw in text.splitlines():
        m = _MSG.match(raw.strip())
        if m:
            sev = m.group("sev") or m.group("pre") or "info"
            out.append(LeanMessage(m.group("file"), int(m.group("line")), int(m.group("col")), sev, m.group("text")))
        elif out and raw.startswith((" ", "\t")):
            last = out[-1]
            out[-1] = LeanMessage(last.file, last.line, last.col, last.severity, last.text + "\n" + raw.strip())
    return out


def parse_print_axioms(text: str) -> dict:
    """``{declaration: [axioms]}`` from ``#print axioms`` output."""
    check_text("text", text)
    out: dict = {}
    for line in text.splitlines():
        line = line.strip()
        m = _AXIOMS.match(line)
        if m:
            out[m.group("name")] = [a.strip() for a in m.group("axioms").split(",") if a.strip()]
            continue
        m = _NO_AXIOMS.match(line)
        if m:
            out[m.group("name")] = []
    return out


def lean_static_checks(claims, *, root: Path = LEAN_DIR, generated_text: str | None = None) -> list[str]:
    """Problems found without a Lean toolchain (empty list = all checks pass).

    Parameters
    ----------
    claims : iterable of Claim
        Registered claims; those with a Lean name are checked.
    generated_text : str, optional
        Expected content of ``Prunegap/Generated/Constants.lean`` (byte-for-byte drift check).
    """
    problems = []
    sources = lean_sources(root)
    if not sources:
        return [f"no Lean sources under {root}"]
    for rel, text in sources.items():
        for i, line in enumerate(strip_lean_comments(text).splitlines(), 1):
            if _FORBIDDEN.search(line):
                problems.append(f"{rel}:{i}: forbidden ({line.strip()})")
    axioms_src = sources.get(AXIOMS_FILE, "")
    printed = set(re.findall(r"#print\s+axioms\s+([\w.']+)", strip_lean_comments(axioms_src)))  # not commented out
    for c in claims:
        if not c.lean:
            continue
        if not lean_declared(c.lean, sources):
            problems.append(f"{c.id}: Lean name {c.lean} is not declared in lean/")
        if c.lean_status == "proof-written" and c.lean not in printed:
            problems.append(f"{c.id}: {c.lean} is missing from {AXIOMS_FILE}")
    if generated_text is not None:
        gen = root / "Prunegap" / "Generated" / "Constants.lean"
        if not gen.exists() or gen.read_text(encoding="utf-8") != generated_text:
            problems.append("Prunegap/Generated/Constants.lean is out of sync with symbolic (regenerate it)")
    return problems


def lean_build_and_audit(claims, *, root: Path = LEAN_DIR, timeout: float = 3600) -> dict:
    """Build ``lean/`` with lake and audit axioms; ``{claim_id: {"outcome", "axioms", "messages"}}``.

    Outcomes: ``proved``, ``stated`` (statement only: never proved in Lean), ``rejected``
    or ``unavailable`` (no lake).
    """
    claims = [c for c in claims if c.lean]
    lake = find_lake()
    if lake is None:
        return {c.id: {"lean": c.lean, "outcome": "unavailable", "axioms": [], "messages": ["lake not found"]}
                for c in claims}
    results = {}
    try:
        build = run_tool([lake, "build"], cwd=root, timeout=timeout, check=False)
        msgs = parse_lean_messages(build.output)
        errors = [m for m in msgs if m.severity == "error"]
        sorry = [m for m in msgs if "declaration uses 'sorry'" in m.text]
        audit = run_tool([lake, "env", "lean", AXIOMS_FILE], cwd=root, timeout=timeout, check=False)
        axioms = parse_print_axioms(audit.output)
    except ExternalToolError as exc:
        return {c.id: {"lean": c.lean, "outcome": "rejected", "axioms": [], "messages": [str(exc)]} for c in claims}
    # a failed build says so even when lake printed no diagnostic in the file:line:col format
    failed = [f"lake build exited with status {build.returncode}"] if build.returncode != 0 else []
    for c in claims:
        ax = axioms.get(c.lean)
        bad = [a for a in (ax or []) if a not in ALLOWED_LEAN_AXIOMS]
        if c.lean_status != "proof-written":
            outcome = "stated"
        elif build.returncode != 0 or errors or sorry or ax is None or bad:
            outcome = "rejected"
        else:
            outcome = "proved"
        results[c.id] = {"lean": c.lean, "outcome": outcome, "axioms": ax or [],
                         "messages": failed + [f"{m.file}:{m.line}: {m.severity}: {m.text}"
                                               for m in errors + sorry][:20]
                         + ([f"disallowed axioms: {bad}"] if bad else [])
                         + (["no #print axioms output"] if ax is None and c.lean_status == "proof-written" else [])}
    return results


def lean_statements(claims, root: Path | None = None) -> dict:
    """``{claim id: (lean name, signature)}`` for every claim with a Lean name declared in ``root``.

    Raises
    ------
    InvalidType
        ``claims`` is not a sequence (or mapping) of claims, ``root`` not a path.
    """
    claims = claim_list(claims)
    if root is not None and not isinstance(root, (str, os.PathLike)):
        raise InvalidType(f"root must be a path, got root={root!r:.80}")
    sources = lean_sources(Path(root) if root is not None else LEAN_DIR)
    out = {}
    for c in claims:
        if c.lean:
            sig = lean_signature(c.lean, sources)
            if sig is not None:
                out[c.id] = (c.lean, sig)
    return out


def lean_statement_problems(claims, *, root: Path | None = None, golden: Path = LEAN_GOLDEN) -> dict:
    """``{claim id: message}`` for Lean theorems whose signature differs from the pinned one (or is unpinned)."""
    claims = claim_list(claims)
    pins = read_golden(golden)
    current = lean_statements(claims, root)
    problems = {}
    for c in claims:
        if not c.lean or c.id not in current:
            continue  # an undeclared name is reported by the static checks
        name, sig = current[c.id]
        pinned = pins.get(c.id)
        if pinned is None:
            problems[c.id] = f"{STATEMENT_MISMATCH}: {name} has no pinned statement in {Path(golden).name}"
        elif pinned != (name, sig):
            problems[c.id] = (f"{STATEMENT_MISMATCH}: the signature of {name} differs from the one pinned in "
                              f"{Path(golden).name} (pinned: {pinned[1][:160]!r}; now: {sig[:160]!r})")
    return problems
