"""The one section protocol of ``prunegap check``: ``run(ctx) -> SectionResult``.

A domain exposes one :class:`SectionSpec` (its ``section.SECTION``).  ``prunegap check`` hands each section a
:class:`SectionContext` holding

* ``plan`` — the :class:`CheckPlan` (quick or full, workers); a section turns it into its own budget, a
  frozen keyword-built dataclass;
* ``streams`` — the section's :class:`Streams`: every random stream it draws from has a name in the domain's
  stream enum (:class:`enum.IntEnum` decorated with :func:`enum.unique`), mapped to a spawn key under the
  section's root, so two checks can never share random numbers by accident (``property_tests`` checks
  uniqueness across all domains, and that no library code names a stream by a bare integer);
* ``inputs`` — read-only :class:`SectionView` s of the sections named in ``SectionSpec.requires`` (their evidence
  and data), never the sections themselves: no section mutates another section's result;
* ``tick`` — the progress bar.

It returns a :class:`SectionResult`: its evidence records (:mod:`pybridge.claims.records`), tables and figures
as data (the report renders them), an introduction in prose, read-only data for the sections that require it,
and its wall time.  Nothing here knows a domain.
"""

from __future__ import annotations

import enum
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from pybridge.claims.records import Evidence, FrozenDict, freeze
from pybridge.errors import InvalidArgument, InvalidType
from pybridge.runtime import seeding

__all__ = ["CheckPlan", "Streams", "SectionView", "SectionContext", "Table", "Figure", "SectionResult", "SectionSpec",
           "SECTION_NAMESPACE", "DEFAULT_SECTION_SECONDS"]

#: spawn-key namespace of the sections' roots under the run's root: section ``s`` draws from
#: ``child_seed(root, SECTION_NAMESPACE, s.seed_key)``
SECTION_NAMESPACE = 100

#: a section without its own estimate is planned at the per-section budget (quick, full) in seconds
DEFAULT_SECTION_SECONDS = (5.0, 40.0)


@dataclass(frozen=True, kw_only=True)
class CheckPlan:
    """What every section may spend, fixed before the check runs: the ``--quick`` budget and the workers."""

    quick: bool
    workers: int = 1

    def __post_init__(self):
        if not isinstance(self.quick, bool):
            raise InvalidType(f"quick must be a bool, got quick={self.quick!r}")
        if isinstance(self.workers, bool) or not isinstance(self.workers, numbers.Integral) or self.workers < 1:
            raise InvalidArgument(f"workers must be a positive integer, got workers={self.workers!r}")


class Streams:
    """The named random streams of one section (NEP 19 / SPEC 7).

    Parameters
    ----------
    root : numpy.random.SeedSequence
        The section's root.
    names : type[enum.IntEnum] or None
        The domain's stream enum; a stream's value is its spawn namespace under ``root``.
    """

    def __init__(self, root: np.random.SeedSequence, names=None):
        if not isinstance(root, np.random.SeedSequence):
            raise InvalidType(f"root must be a SeedSequence, got root={root!r:.80}")
        self.root = root
        self.names = names

    def _key(self, name) -> int:
        if self.names is None or not isinstance(name, self.names):
            raise InvalidArgument(f"name must be a member of {getattr(self.names, '__name__', None)}, got "
                                  f"name={name!r}")
        return int(name)

    def seed(self, name, index: int = 0) -> np.random.SeedSequence:
        """The ``index``-th :class:`~numpy.random.SeedSequence` of stream ``name``."""
        return seeding.child_seed(self.root, self._key(name), index)

    def rng(self, name, index: int = 0) -> np.random.Generator:
        """A PCG64 generator on :meth:`seed`."""
        return seeding.child_rng(self.root, self._key(name), index)

    @property
    def entropy(self) -> str:
        """The run's root entropy (recorded in every result)."""
        return seeding.seed_entropy(self.root)


@dataclass(frozen=True)
class SectionView:
    """What a section may read of an earlier one: its evidence records and its data, read-only."""

    name: str
    evidence: tuple
    data: Mapping

    def records(self, claim_id: str) -> tuple:
        """The evidence records of ``claim_id`` in that section."""
        return tuple(r for r in self.evidence if r.claim_id == claim_id)


@dataclass(frozen=True, kw_only=True)
class SectionContext:
    """Everything a section's ``run`` receives (see the module docstring)."""

    plan: CheckPlan
    streams: Streams
    inputs: Mapping = field(default_factory=dict)
    claims: Mapping = field(default_factory=dict)
    progress: Callable | None = None

    @property
    def quick(self) -> bool:
        return self.plan.quick

    @property
    def workers(self) -> int:
        return self.plan.workers

    def tick(self, k: int = 1) -> None:
        """Advance the progress bar by ``k`` steps (no-op without a bar)."""
        if self.progress is not None:
            self.progress(k)

    def input(self, name: str) -> SectionView | None:
        """The view of required section ``name``; ``None`` when it did not run (``--only``)."""
        return self.inputs.get(name)


@dataclass(frozen=True, kw_only=True)
class Table:
    """A table of the report: ``columns`` and ``rows`` of cells (str, numbers, or ``None`` = an explained blank).

    ``blank`` is the word shown for ``None`` cells ("not reached", "-"); ``caption`` says what the table shows,
    in plain text.  Numbers are formatted by the report (``formats``: column -> format spec, e.g. ``".3g"``).
    """

    title: str
    columns: tuple
    rows: tuple
    caption: str = ""
    blank: str = "-"
    formats: Mapping = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "columns", tuple(str(c) for c in self.columns))
        object.__setattr__(self, "rows", freeze(self.rows, where="rows"))
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise InvalidArgument(f"rows[{i}] must have {len(self.columns)} cells, got {len(row)}")
        object.__setattr__(self, "formats", freeze(self.formats, where="formats"))

    def to_dict(self) -> dict:
        return {"title": self.title, "columns": list(self.columns), "rows": [list(r) for r in self.rows],
                "caption": self.caption}


@dataclass(frozen=True, kw_only=True)
class Figure:
    """A figure: its file name (PNG), how to draw it (``draw(path)``), a caption and alt text."""

    file: str
    draw: Callable
    caption: str = ""
    alt: str = ""


@dataclass(frozen=True, kw_only=True)
class SectionResult:
    """What a section returns (see the module docstring).

    Attributes
    ----------
    evidence : tuple of Evidence
        One or more records per claim it checks.
    tables, figures : tuple
        :class:`Table` and :class:`Figure` objects, rendered by the report after the evidence.
    intro : str
        Plain prose introducing the section (no evidence: that is in the records).
    data : Mapping
        Read-only data for results.json and for sections that require this one.
    missing_tool : str or None
        Why a required external tool made the run exit 3 (one sentence), or ``None``.
    """

    name: str
    title: str
    evidence: tuple = ()
    tables: tuple = ()
    figures: tuple = ()
    intro: str = ""
    data: Mapping = field(default_factory=dict)
    seconds: float = 0.0
    missing_tool: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "evidence", tuple(self.evidence))
        for i, r in enumerate(self.evidence):
            if not isinstance(r, Evidence):
                raise InvalidType(f"evidence[{i}] must be an evidence record, got {type(r).__name__}")
        object.__setattr__(self, "tables", tuple(self.tables))
        object.__setattr__(self, "figures", tuple(self.figures))
        if not isinstance(self.data, FrozenDict):
            object.__setattr__(self, "data", freeze(self.data, where="data"))

    @property
    def checks(self) -> tuple:
        """The evidence records (the name the report's older code reads)."""
        return self.evidence

    def view(self) -> SectionView:
        return SectionView(self.name, self.evidence, self.data)


@dataclass(frozen=True, kw_only=True)
class SectionSpec:
    """The one object a domain exposes to ``prunegap check`` (its ``section.SECTION``).

    Attributes
    ----------
    name, title : str
        ``--only`` value and heading.
    run : callable
        ``run(ctx: SectionContext) -> SectionResult``.
    streams : type[enum.IntEnum] or None
        The domain's stream names (:class:`Streams`).
    seed_key : int or None
        The section's root is ``child_seed(run root, SECTION_NAMESPACE, seed_key)``, unique across sections;
        ``None`` hands it the run's root itself (its stream values must then avoid :data:`SECTION_NAMESPACE`).
    requires : tuple of str
        Sections whose :class:`SectionView` the run reads (they run earlier; absent under ``--only``).
    steps : callable or None
        ``steps(plan) -> int`` progress-bar steps.
    seconds : callable or None
        ``seconds(plan) -> float`` estimated wall time (measured); ``None``: :data:`DEFAULT_SECTION_SECONDS`.
    """

    name: str
    title: str
    run: Callable
    seed_key: int | None
    streams: type | None = None
    requires: tuple = ()
    steps: Callable | None = None
    seconds: Callable | None = None

    def __post_init__(self):
        if self.streams is not None and not (isinstance(self.streams, type) and issubclass(self.streams, enum.IntEnum)):
            raise InvalidType(f"streams must be an IntEnum class, got streams={self.streams!r}")
        object.__setattr__(self, "requires", tuple(self.requires))

    def count_steps(self, plan: CheckPlan) -> int:
        return int(self.steps(plan)) if self.steps is not None else 0

    def estimate_seconds(self, plan: CheckPlan) -> float:
        """Estimated wall time of this section under ``plan`` (its ``seconds`` model, or the default)."""
        if self.seconds is not None:
            return float(self.seconds(plan))
        return DEFAULT_SECTION_SECONDS[0 if plan.quick else 1]

    def root(self, run_root: np.random.SeedSequence) -> np.random.SeedSequence:
        """This section's root seed under the run's root."""
        if self.seed_key is None:
            return run_root
        return seeding.child_seed(run_root, SECTION_NAMESPACE, int(self.seed_key))
