"""Where a claim's formal declaration lives: the Coq or Lean file and line, for the report's links.

Found by reading the sources of the checkout this package runs from (``coq/theories/*.v``, ``coq/prob/*.v``,
``lean/Prunegap/**/*.lean``); nothing is built or run.  An installed copy without the sources
simply has no locations (``None``): the report then shows the declaration's name only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pybridge.errors import InvalidType
from pybridge.validation import check_text

__all__ = ["Location", "coq_location", "lean_location", "REPO_ROOT"]

#: the checkout holding ``coq/`` and ``lean/`` (pybridge/report/locations.py -> repository root)
REPO_ROOT = Path(__file__).resolve().parents[2]

_COQ_DECL = r"^\s*(?:Theorem|Lemma|Corollary|Proposition|Fact|Remark|Definition|Fixpoint)\s+{name}(?![\w'])"
_LEAN_DECL = (r"^\s*(?:@\[[^\]]*\]\s*)?(?:private\s+|protected\s+)?(?:theorem|lemma|def|abbrev)\s+"
              r"(?:Prunegap\.)?{name}(?![\w'])")


@dataclass(frozen=True)
class Location:
    """A declaration's place: ``path`` relative to the repository, 1-based ``line``, and a ``file:`` URI."""

    path: str
    line: int
    uri: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@cache
def _lines(path: Path) -> tuple:
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except OSError:
        return ()


def _check(qualified, root):
    if qualified is not None:
        check_text("qualified", qualified, max_len=1000)
    if not isinstance(root, (str, Path)) or (isinstance(root, str) and "\x00" in root):
        raise InvalidType(f"root must be a path, got root={root!r} (type={type(root).__name__})")
    return qualified, Path(root)


def _find(files, pattern: str, root: Path) -> Location | None:
    rx = re.compile(pattern)
    for path in files:
        for i, line in enumerate(_lines(path), start=1):
            if rx.search(line):
                return Location(str(path.relative_to(root)), i, path.as_uri())
    return None


#: Coq logical root -> directory under ``coq/`` (``coq/_CoqProject``'s ``-R`` lines)
_COQ_ROOTS = {"Prunegap": "theories", "PrunegapProb": "prob"}


def coq_location(qualified: str | None, root: Path = REPO_ROOT) -> Location | None:
    """Location of ``<Root>.<Module>.<name>`` in ``coq/<dir>/<Module>.v`` (``Prunegap`` -> ``theories``,
    ``PrunegapProb`` -> ``prob``), or ``None``."""
    qualified, root = _check(qualified, root)
    if not qualified or qualified.count(".") < 2:
        return None
    logical, *_, module, name = qualified.split(".")
    path = root / "coq" / _COQ_ROOTS.get(logical, "theories") / f"{module}.v"
    return _find([path] if path.is_file() else [], _COQ_DECL.format(name=re.escape(name)), root)


def lean_location(qualified: str | None, root: Path = REPO_ROOT) -> Location | None:
    """Location of the Lean declaration ``Prunegap.<name>`` under ``lean/Prunegap``, or ``None``."""
    qualified, root = _check(qualified, root)
    if not qualified:
        return None
    name = qualified.split(".")[-1]
    base = root / "lean" / "Prunegap"
    files = sorted(p for p in base.rglob("*.lean") if ".lake" not in p.parts) if base.is_dir() else []
    return _find(files, _LEAN_DECL.format(name=re.escape(name)), root)
