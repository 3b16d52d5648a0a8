"""Provenance records: which paper (and which version) a constant or a claim comes from, and how far to trust it.

This module holds prunegap's one :class:`Source` type and its one tag list: the constants of :mod:`symbolic`
and the claims of ``pybridge`` (``pybridge.claims``) both cite through it.  Tags follow
``shared/math/theory.md`` (its legend, :data:`TAG_MEANINGS`): READ, READ-2ND, READ-ABS, RECON, RECON-SKETCH,
MEM.  A RECON source names the paper it relates to but says that the derivation is ours (``theory.md``),
never the paper's; a RECON-SKETCH may describe a constant's background but is never a claim (the claims
registry refuses it).

Importing this module costs no sympy, mpmath or flint import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from symbolic.core.errors import InvalidArgument

__all__ = ["PAPERS", "TAGS", "TAG_MEANINGS", "Paper", "Source"]

#: The theory notes' legend: tag -> what it says about the source, one line each.
TAG_MEANINGS = {
    "READ": "read in the source",
    "READ-2ND": "read as a restatement in a named secondary source",
    "READ-ABS": "only the abstract or metadata of the source was available",
    "RECON": "our own reconstruction, not a statement of the source paper",
    "RECON-SKETCH": "our proof idea only: not checked line by line, never a claim",
    "MEM": "background knowledge not verified against a source",
}

#: Allowed provenance tags (theory.md legend), the one list of prunegap.
TAGS = tuple(TAG_MEANINGS)


class Paper(NamedTuple):
    """One citable work: full citation, arXiv id (``None`` when it has none) and the short name claims show."""

    citation: str
    arxiv: str | None
    short: str


#: Paper keys (theory.md §0 where it lists them) -> :class:`Paper`.
PAPERS = {
    "GAP": Paper("Ferre', Giroire, Mallmann-Trenn, Natale, Structured vs. Unstructured Pruning: An Exponential "
                 "Gap", "2603.02234", "GAP (Ferre' et al. 2026)"),
    "RFSS": Paper("Natale, Ferre', Giambartolomei, Giroire, Mallmann-Trenn, On the Sparsity of the SLTH, "
                  "NeurIPS 2024", "2410.14754", "RFSS (Natale et al., NeurIPS 2024)"),
    "LUE": Paper("G. S. Lueker, Exponentially small bounds on the expected optimum of the partition and subset "
                 "sum problems, Random Struct. Alg. 12(1):51-62, 1998", None, "Lueker 1998"),
    "PEN": Paper("Pensia, Rajput, Nagle, Vishwakarma, Papailiopoulos, Optimal Lottery Tickets via SubsetSum, "
                 "NeurIPS 2020", "2006.07990", "Pensia et al. 2020"),
    "ALMT": Paper("Amelunxen, Lotz, McCoy, Tropp, Living on the edge: phase transitions in convex programs with "
                  "random data, Inf. Inference 3(3), 2014", "1303.6672",
                  "Amelunxen-Lotz-McCoy-Tropp, Living on the edge"),
    "ZHANG": Paper("Zhang, Zhang, Sun, Liu, How Sparse Can We Prune A Deep Network: A Fundamental Limit "
                   "Perspective, NeurIPS 2024", "2306.05857",
                   "Zhang-Zhang-Sun-Liu, How sparse can we prune a deep network"),
    "GMB": Paper("Gadhikar, Mukherjee, Burkholz, Why Random Pruning Is All We Need to Start Sparse, ICML 2023",
                 "2210.02412", "GMB (Gadhikar et al., ICML 2023)"),
    "BK": Paper("Botev & Kroese, Efficient Monte Carlo simulation via the generalized splitting method, Stat. "
                "Comput. 22 (2012) 1-16", None,
                "Botev & Kroese, Efficient Monte Carlo simulation via the generalized splitting method, Stat. "
                "Comput. 22 (2012) 1-16"),
    "FELLER": Paper("W. Feller, An Introduction to Probability Theory and Its Applications, Vol. II, 2nd ed. "
                    "(Wiley, 1971)", None, "Feller, Vol. II (1971)"),
    "THEORY": Paper("prunegap theory notes, shared/math/theory.md (our reconstructions)", None, "theory.md"),
    "TOOLS": Paper("prunegap tools notes, tools-and-algorithms.md (our engineering choices)", None,
                   "tools-and-algorithms.md"),
    "ISSUES": Paper("prunegap's issue texts (the design notes of each issue)", None, "prunegap issues"),
    "CODE": Paper("prunegap's own code (a derivation written out in a module and its docstring)", None,
                  "prunegap"),
}


@dataclass(frozen=True)
class Source:
    """Where a constant or a claim comes from.

    Attributes
    ----------
    paper : str
        Key of :data:`PAPERS` (``"THEORY"`` for a pure reconstruction).
    arxiv : str or None
        arXiv identifier with version when known (``"2006.07990v2"``), the bare id
        when the version read is not recorded, ``None`` for non-arXiv sources.
    location : str
        Statement location in the paper (as read) and the theory.md section.
    tag : str
        One of :data:`TAGS`.
    note : str
        What is ours and what is the paper's.

    Raises
    ------
    InvalidArgument
        On an unknown paper key or tag, an arXiv id that is not the paper's (optionally with ``vN``), or an
        empty location.

    Examples
    --------
    >>> s = Source("PEN", "2006.07990v2", "Cor. 1, theory §1.3", "READ-2ND")
    >>> str(s)
    'Pensia et al. 2020, arXiv 2006.07990v2, Cor. 1, theory §1.3'
    >>> Source("THEORY", "2006.07990", "§1.3", "RECON")
    Traceback (most recent call last):
    ...
    symbolic.core.errors.InvalidArgument: arxiv must be None for paper='THEORY' (it has no arXiv id), ...
    """

    paper: str
    arxiv: str | None
    location: str
    tag: str
    note: str = ""

    def __post_init__(self):
        if self.paper not in PAPERS:
            raise InvalidArgument(f"paper must be one of {sorted(PAPERS)}, got paper={self.paper!r}")
        if self.tag not in TAGS:
            raise InvalidArgument(f"tag must be one of {TAGS}, got tag={self.tag!r}")
        _check_arxiv(self.paper, self.arxiv)
        if not isinstance(self.location, str) or not self.location.strip():
            raise InvalidArgument(f"location must be a non-empty string, got location={self.location!r}")

    def __str__(self) -> str:
        """``"<short name>[, arXiv <id>], <location>"``: how the report and ``prunegap claims`` cite it."""
        arx = f", arXiv {self.arxiv}" if self.arxiv else ""
        return f"{PAPERS[self.paper].short}{arx}, {self.location}"

    def to_dict(self) -> dict:
        """JSON-safe dictionary."""
        return {
            "paper": self.paper,
            "citation": PAPERS[self.paper].citation,
            "arxiv": self.arxiv,
            "location": self.location,
            "tag": self.tag,
            "note": self.note,
        }


def _check_arxiv(paper: str, arxiv) -> None:
    """The arXiv id must be the paper's own (with an optional version suffix), or ``None``."""
    own = PAPERS[paper].arxiv
    if arxiv is None:
        return
    if own is None:
        raise InvalidArgument(f"arxiv must be None for paper={paper!r} (it has no arXiv id), got arxiv={arxiv!r}")
    if not isinstance(arxiv, str) or not re.fullmatch(re.escape(own) + r"(v[1-9][0-9]*)?", arxiv):
        raise InvalidArgument(f"arxiv must be {own!r} or {own!r} with a version 'vN' for paper={paper!r}, "
                              f"got arxiv={arxiv!r}")
