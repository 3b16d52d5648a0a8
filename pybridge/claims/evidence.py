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

__all__ = ["ClaimCheck", "VERDICTS", "Section", "Plan", "SectionSpec"]

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


@dataclass(frozen=True)
class Plan:
    """What a section may spend and see, fixed before it runs.

    Attributes
    ----------
    quick : bool
        The ``--quick`` budget (about a minute for the whole check) instead of the full one.
    workers : int
        Worker processes for chunked Monte Carlo (results never depend on it).
    progress : callable
        ``progress(k)`` advances the check's progress bar by ``k`` of the section's steps.
    claims : Mapping
        The whole registry, ``claim id -> Claim`` (:class:`pybridge.claims.Registry`).
    previous : tuple of Section
        The sections that ran before this one, in order.
    """

    quick: bool
    workers: int
    progress: object = None
    claims: object = None
    previous: tuple = ()

    def tick(self, k: int = 1) -> None:
        """Advance the progress bar by ``k`` steps (no-op without a bar)."""
        if self.progress is not None:
            self.progress(k)


#: a section without its own estimate is planned at the per-section budget (quick, full) in seconds
DEFAULT_SECTION_SECONDS = (5.0, 40.0)


@dataclass(frozen=True)
class SectionSpec:
    """The one object a domain exposes to ``prunegap check`` (its ``section.SECTION``).

    Attributes
    ----------
    name : str
        Section name (``--only`` value, report heading key).
    title : str
        Human-readable title.
    run : callable
        ``run(plan, rng) -> Section``: ``rng`` is the section's :class:`numpy.random.SeedSequence`.
    steps : callable
        ``steps(plan) -> int``: progress-bar steps the section will report (0 if it reports none).
    seed_key : int or None
        The section's seed is ``child_seed(root, 100, seed_key)``; ``None`` hands it the root itself.
    seconds : callable or None
        ``seconds(plan) -> float``: the section's estimated wall time (measured), for the plan line of
        ``prunegap check``; ``None`` counts :data:`DEFAULT_SECTION_SECONDS` (quick, full).
    """

    name: str
    title: str
    run: object
    steps: object = None
    seed_key: int | None = None
    seconds: object = None

    def count_steps(self, plan: Plan) -> int:
        return int(self.steps(plan)) if self.steps is not None else 0

    def estimate_seconds(self, plan: Plan) -> float:
        """Estimated wall time of this section under ``plan`` (its ``seconds`` model, or the default)."""
        if self.seconds is not None:
            return float(self.seconds(plan))
        return DEFAULT_SECTION_SECONDS[0 if plan.quick else 1]
