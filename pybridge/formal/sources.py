r"""Where the formal development lives, and the one reader of its Lean sources.

The bottom of ``pybridge.formal``: it runs no prover and imports no other module of the package, so every
other module (the golden files of :mod:`pybridge.formal.pin`, the Coq side :mod:`pybridge.formal.coq`, the
Lean side :mod:`pybridge.formal.lean`, the verified replay :mod:`pybridge.formal.replay`) takes its
directories and its Lean text from here.

* :data:`COQ_DIR`, :data:`LEAN_DIR`: the ``coq/`` and ``lean/`` folders of the repository.
* The Lean source parser: :func:`lean_sources` reads the sources, :func:`strip_lean_comments` removes
  ``/- ... -/`` and ``-- ...`` comments (keeping line numbers), :func:`lean_declared` tells whether a name
  is declared and :func:`lean_signature` returns a theorem's signature (keyword to the ``:=`` of its proof),
  all with one declaration pattern (optional attribute, optional ``private``, optional ``Prunegap.``
  prefix, the last component of the name).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pybridge.errors import InvalidType
from pybridge.validation import check_text

__all__ = ["COQ_DIR", "LEAN_DIR", "lean_sources", "strip_lean_comments", "lean_declared", "lean_signature"]

_ROOT = Path(__file__).resolve().parents[2]
#: the Coq development (``_CoqProject``, ``theories/``, ``statements.golden``)
COQ_DIR = _ROOT / "coq"
#: the Lean 4 mirror (``Prunegap/``, ``PrunegapAudit/``, ``statements.golden``)
LEAN_DIR = _ROOT / "lean"

_BLOCK_COMMENT = re.compile(r"/-.*?-/", re.S)
_LINE_COMMENT = re.compile(r"--[^\n]*")
#: declaration keywords of a theorem (what :func:`lean_signature` looks for)
THEOREM_KINDS = ("theorem", "lemma")
#: declaration keywords that make a name declared (:func:`lean_declared`)
DECLARATION_KINDS = ("theorem", "lemma", "def", "abbrev")


def lean_sources(root: Path = LEAN_DIR) -> dict:
    """``{relative path: text}`` of the Lean sources under ``root`` (excluding ``.lake``), read as UTF-8.

    Raises
    ------
    InvalidType
        ``root`` is not a path.
    """
    if not isinstance(root, (str, os.PathLike)):
        raise InvalidType(f"root must be a path, got root={root!r:.80} (type={type(root).__name__})")
    root = Path(root)
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.lean"))
            if ".lake" not in p.parts}


def strip_lean_comments(text: str) -> str:
    """``text`` without Lean comments; line numbers are kept.

    A block comment ``/- ... -/`` becomes its newlines (one blank if it has none, so that the tokens on
    either side stay apart); a line comment ``-- ...`` is removed up to the end of its line.

    Examples
    --------
    >>> strip_lean_comments("a /- x\\ny -/ b -- c\\nd")
    'a \\n b \\nd'
    >>> strip_lean_comments("theorem/- doc -/t")
    'theorem t'
    """
    check_text("text", text)
    text = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n") or " ", text)
    return _LINE_COMMENT.sub("", text)


def _declaration(name: str, kinds) -> re.Pattern:
    """The pattern of a declaration of ``name`` (last component) by one of the keywords ``kinds``."""
    short = name.split(".")[-1]
    return re.compile(rf"(?m)^\s*(?:@\[[^\]]*\]\s*)?(?:private\s+)?(?:{'|'.join(kinds)})\s+(?:Prunegap\.)?"
                      rf"{re.escape(short)}(?![\w'])")


def _check_sources(sources) -> dict:
    if not isinstance(sources, dict) or not all(isinstance(t, str) for t in sources.values()):
        raise InvalidType(f"sources must be a dict {{path: text}}, got sources={sources!r:.80}")
    return sources


def lean_declared(name: str, sources: dict) -> bool:
    """Whether ``name`` (its last component) is declared by a theorem, lemma, def or abbrev in ``sources``.

    Raises
    ------
    InvalidType, InvalidArgument
        ``name`` is not a text of at most 1000 characters, ``sources`` not a dict ``{path: text}``.

    Examples
    --------
    >>> lean_declared("Prunegap.foo", {"A.lean": "-- theorem foo\\ndef Prunegap.foo := 1"})
    True
    >>> lean_declared("foo", {"A.lean": "/- theorem foo : True -/"})
    False
    """
    check_text("name", name, max_len=1000)
    pat = _declaration(name, DECLARATION_KINDS)
    return any(pat.search(strip_lean_comments(t)) for t in _check_sources(sources).values())


def lean_signature(name: str, sources: dict) -> str | None:
    """The signature of Lean theorem ``name`` in ``sources`` (``{path: text}``), or ``None``.

    From the keyword (``theorem``/``lemma``) through the binders and type up to the
    ``:=`` that begins the proof; comments removed, white space collapsed.

    Raises
    ------
    InvalidType, InvalidArgument
        ``name`` is not a text of at most 1000 characters, ``sources`` not a dict ``{path: text}``.

    Examples
    --------
    >>> lean_signature("foo", {"A.lean": "theorem foo (n : Nat) :\\n  n = n := rfl"})
    'theorem foo (n : Nat) : n = n'
    """
    check_text("name", name, max_len=1000)
    pat = _declaration(name, THEOREM_KINDS)
    for text in _check_sources(sources).values():
        clean = strip_lean_comments(text)
        m = pat.search(clean)
        if m:
            end = clean.find(":=", m.end())
            if end < 0:
                return None
            return " ".join(clean[m.start():end].split())
    return None
