"""Evidence gathered for a claim by one section of ``prunegap check``.

A :class:`ClaimCheck` is what a computation says about one registered claim:
a verdict, a one-paragraph account with figures, and machine-readable data.
Verdicts:

``holds``
    the check ran and the statement held on every instance / at the stated
    confidence (for a deterministic claim: on every instance checked).
``violated``
    the computation contradicts the statement (``prunegap check`` exits 1).
``consistent``
    an empirical trend claim (e.g. logarithmic sample size) agrees with the data
    by the stated criterion; data cannot prove an O(·) statement.
``undetermined``
    the budget did not allow a verdict (e.g. too few trials for the δ asked).
``unavailable``
    a required external tool is missing (e.g. coqc).
``failed``
    a required artefact is broken (a Coq proof does not check, a disallowed axiom
    appears, a solver failed); like ``violated`` it makes ``prunegap check`` exit 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ClaimCheck", "VERDICTS", "Section"]

VERDICTS = ("holds", "violated", "failed", "consistent", "undetermined", "unavailable")


@dataclass
class ClaimCheck:
    """One piece of evidence about one claim (see module docstring)."""

    claim_id: str
    verdict: str
    evidence: str
    method: str
    data: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}, got verdict={self.verdict!r}")

    def to_dict(self) -> dict:
        return {
            "claim_id": self.claim_id,
            "verdict": self.verdict,
            "evidence": self.evidence,
            "method": self.method,
            "data": self.data,
        }


@dataclass
class Section:
    """A report section: its checks, extra markdown, figures (file name -> writer) and raw data."""

    name: str
    title: str
    checks: list = field(default_factory=list)
    markdown: str = ""
    figures: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    seconds: float = 0.0
