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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pybridge.errors import ExternalToolError
from pybridge.runtime.runner import find_tool, run_tool
from pybridge.validation import check_text

__all__ = [
    "LEAN_DIR",
    "ALLOWED_LEAN_AXIOMS",
    "LeanMessage",
    "parse_lean_messages",
    "parse_print_axioms",
    "lean_sources",
    "lean_static_checks",
    "lean_build_and_audit",
    "find_lake",
]

LEAN_DIR = Path(__file__).resolve().parents[2] / "lean"
ALLOWED_LEAN_AXIOMS = frozenset({"propext", "Classical.choice", "Quot.sound"})
AXIOMS_FILE = "PrunegapAudit/Axioms.lean"

_MSG = re.compile(
    r"^(?:(?P<pre>error|warning|info):\s+)?(?P<file>[^\s:]+\.lean):(?P<line>\d+):(?P<col>\d+):\s*"
    r"(?:(?P<sev>error|warning|info):\s*)?(?P<text>.*)$"
)
_AXIOMS = re.compile(r"^'(?P<name>[^']+)' depends on axioms: \[(?P<axioms>[^\]]*)\]")
_NO_AXIOMS = re.compile(r"^'(?P<name>[^']+)' does not depend on any axioms")
_LINE_COMMENT = re.compile(r"--.*$", re.M)
_BLOCK_COMMENT = re.compile(r"/-.*?-/", re.S)
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


def lean_sources(root: Path = LEAN_DIR) -> dict:
    """``{relative path: text}`` of the Lean sources (excluding ``.lake``)."""
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.lean"))
            if ".lake" not in p.parts}


def _strip_comments(text: str) -> str:
    text = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return _LINE_COMMENT.sub("", text)


def _declared(name: str, sources: dict) -> bool:
    short = name.split(".")[-1]
    pat = re.compile(rf"^\s*(?:@\[[^\]]*\]\s*)?(?:private\s+)?(?:theorem|lemma|def|abbrev)\s+"
                     rf"(?:Prunegap\.)?{re.escape(short)}(?![\w'])", re.M)
    return any(pat.search(_strip_comments(t)) for t in sources.values())


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
        for i, line in enumerate(_strip_comments(text).splitlines(), 1):
            if _FORBIDDEN.search(line):
                problems.append(f"{rel}:{i}: forbidden ({line.strip()})")
    axioms_src = sources.get(AXIOMS_FILE, "")
    printed = set(re.findall(r"#print\s+axioms\s+([\w.']+)", _strip_comments(axioms_src)))  # not commented out
    for c in claims:
        if not c.lean:
            continue
        if not _declared(c.lean, sources):
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
