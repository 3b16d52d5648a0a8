"""Provenance records: which paper (and which version) a constant comes from, and how far to trust it.

Tags follow ``shared/math/theory.md``: READ, READ-2ND, READ-ABS, RECON, RECON-SKETCH, MEM.
A RECON source names the paper it relates to but says that the derivation is ours
(``theory.md``), never the paper's.
"""

from __future__ import annotations

from dataclasses import dataclass

from symbolic.core.errors import InvalidArgument

__all__ = ["PAPERS", "TAGS", "Source"]

#: Allowed provenance tags (theory.md legend).
TAGS = ("READ", "READ-2ND", "READ-ABS", "RECON", "RECON-SKETCH", "MEM")

#: Paper keys of theory.md §0 -> (citation, arXiv id or None).
PAPERS = {
    "GAP": ("Ferre', Giroire, Mallmann-Trenn, Natale, Structured vs. Unstructured Pruning: An Exponential Gap",
            "2603.02234"),
    "RFSS": ("Natale, Ferre', Giambartolomei, Giroire, Mallmann-Trenn, On the Sparsity of the SLTH, NeurIPS 2024",
             "2410.14754"),
    "LUE": (("G. S. Lueker, Exponentially small bounds on the expected optimum of the partition and subset sum "
             "problems, Random Struct. Alg. 12(1):51-62, 1998"), None),
    "PEN": (("Pensia, Rajput, Nagle, Vishwakarma, Papailiopoulos, Optimal Lottery Tickets via SubsetSum, "
             "NeurIPS 2020"), "2006.07990"),
    "ALMT": ("Amelunxen, Lotz, McCoy, Tropp, Living on the edge: phase transitions in convex programs with random "
             "data, Inf. Inference 3(3), 2014", "1303.6672"),
    "ZHANG": ("Zhang, Zhang, Sun, Liu, How Sparse Can We Prune A Deep Network: A Fundamental Limit Perspective, "
              "NeurIPS 2024", "2306.05857"),
    "THEORY": ("prunegap theory notes, shared/math/theory.md (our reconstructions)", None),
}


@dataclass(frozen=True)
class Source:
    """Where a constant comes from.

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

    def to_dict(self) -> dict:
        """JSON-safe dictionary."""
        return {
            "paper": self.paper,
            "citation": PAPERS[self.paper][0],
            "arxiv": self.arxiv,
            "location": self.location,
            "tag": self.tag,
            "note": self.note,
        }
