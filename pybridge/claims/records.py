"""Typed evidence records: what a check says about one claim, as data.

A check returns records; :mod:`pybridge.report` renders every one of them (report.md, report.html,
results.json).  No domain writes markdown for evidence, and no record repeats a claim's statement, model or
source: the report reads those from the registry by ``claim_id``.  The family is closed (SciPy's ``*Result``
objects and Hypothesis's ``errors.py`` are the anchors): a record is one of

========================  ===========  ====================================================================
record                    method       what checked the claim
========================  ===========  ====================================================================
:class:`FormalOutcome`    ``formal``   a prover (Coq compiled here; Lean: static audit only, ``static``)
:class:`CertifiedClaim`   ``claim-certified``  interval arithmetic decided the statement itself
:class:`CertifiedValue`   ``certified``  interval arithmetic enclosed a closed form's value
:class:`ExactCheck`       ``exact``    exact decisions on stated instances (rationals, enumeration)
:class:`BoundTest`        ``monte-carlo``  a one-sided test of a bound, with its false-alarm rate and power
:class:`AgreementTest`    ``monte-carlo``  a two-sample agreement test of two estimators
:class:`IntervalEstimate` ``monte-carlo``  an estimate with its interval (trend claims: a fitted slope)
:class:`BenchmarkResult`  ``monte-carlo``  committed benchmark rows, with the command and seed that made them
========================  ===========  ====================================================================

Every record has ``claim_id``, ``verdict`` (one of :data:`VERDICTS`), ``setting`` (plain text: the instance,
law, parameters and budget), ``note`` (plain text: scope and caveats) and ``details`` (JSON data: rows,
sub-results; deep-frozen).  ``to_dict``/``from_dict`` round-trip exactly (``from_dict(r.to_dict()) == r`` for
finite floats); ``kind`` in the dict names the class.

Verdicts
--------
``holds``: the check ran and the statement held at the stated confidence; ``violated``: the computation
contradicts the statement (``prunegap check`` exits 1); ``consistent``: an empirical trend claim agrees with the
data by the stated criterion (data cannot prove an O(.) statement); ``undetermined``: the budget did not allow a
verdict; ``unavailable``: a required external tool is missing; ``failed``: a required artefact is broken (a Coq
proof does not check, a disallowed axiom, a solver failed) and, like ``violated``, makes the check exit 1.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import ClassVar

from pybridge.errors import InvalidArgument, InvalidType

__all__ = ["VERDICTS", "Evidence", "Power", "FormalOutcome", "CertifiedClaim", "CertifiedValue", "ExactCheck",
           "BoundTest", "AgreementTest", "IntervalEstimate", "BenchmarkResult", "RECORD_KINDS", "record_from_dict",
           "FrozenDict"]

VERDICTS = ("holds", "violated", "failed", "consistent", "undetermined", "unavailable")


class FrozenDict(dict):
    """A read-only ``dict`` (JSON-serialisable and picklable, unlike ``MappingProxyType``)."""

    def _readonly(self, *args, **kwargs):
        raise TypeError("evidence data is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _readonly

    def __reduce__(self):
        return (FrozenDict, (dict(self),))

    def __hash__(self):  # pragma: no cover - records are compared, not hashed
        return hash(tuple(sorted(self.items(), key=repr)))


def freeze(value, *, where: str = "details"):
    """Deep-freeze JSON-like data: dicts become :class:`FrozenDict`, lists and tuples tuples.

    numpy scalars become Python numbers, numpy arrays tuples, :class:`~fractions.Fraction` its exact string.

    Raises
    ------
    InvalidType
        A value that is not JSON-like (an object, a set), naming its place, e.g. ``details['rows'][2]``.
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, Mapping):
        return FrozenDict((str(k), freeze(v, where=f"{where}[{k!r}]")) for k, v in value.items())
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return tuple(freeze(v, where=f"{where}[{i}]") for i, v in enumerate(list(value)))
    if hasattr(value, "to_dict"):
        return freeze(value.to_dict(), where=where)
    raise InvalidType(f"{where} must be JSON-like data, got {where}={value!r:.80} (type={type(value).__name__})")


def thaw(value):
    """The plain-JSON form of frozen data (dicts and lists)."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


def _text(name: str, value, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidType(f"{name} must be a string, got {name}={value!r:.80} (type={type(value).__name__})")
    return value


def _number(name: str, value, *, optional: bool = False):
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidType(f"{name} must be a real number, got {name}={value!r:.80} (type={type(value).__name__})")
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def _count(name: str, value, *, optional: bool = False):
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise InvalidArgument(f"{name} must be a non-negative integer, got {name}={value!r:.80}")
    return int(value)


def _probability(name: str, value, *, optional: bool = False):
    value = _number(name, value, optional=optional)
    if value is not None and not 0.0 <= value <= 1.0:
        raise InvalidArgument(f"{name} must be in [0, 1], got {name}={value!r}")
    return value


@dataclass(frozen=True, kw_only=True)
class Power:
    """The power of a test: what violation it would have caught, and with which probability.

    Attributes
    ----------
    test : str
        The test (e.g. "one-sided exact binomial test").
    alpha : float or None
        Its false-alarm rate (``None``: no rejection rule).
    trials : int or None
        Its budget.
    level : float
        The power level the figures refer to (0.9: rejects with probability >= 0.9).
    detectable : Mapping[str, float or None]
        The smallest detectable effects by name (``None``: no power at this budget).
    method : str
        How the figures were computed (closed form, exact binomial, ...).
    statement : str
        One plain-text sentence saying it (rendered in the report).
    no_power : bool or None
        True when the test detects no violation with probability ``level`` at this budget; ``None`` (default)
        derives it: every ``detectable`` figure is ``None``.
    """

    test: str
    alpha: float | None
    trials: int | None
    level: float = 0.9
    detectable: Mapping = field(default_factory=dict)
    method: str = ""
    statement: str = ""
    no_power: bool | None = None

    def __post_init__(self):
        _text("test", self.test)
        object.__setattr__(self, "alpha", _probability("alpha", self.alpha, optional=True))
        object.__setattr__(self, "trials", _count("trials", self.trials, optional=True))
        object.__setattr__(self, "level", _probability("level", self.level))
        object.__setattr__(self, "detectable", freeze(self.detectable, where="detectable"))
        _text("method", self.method)
        _text("statement", self.statement)
        if self.no_power is None:
            object.__setattr__(self, "no_power", all(v is None for v in _leaves(self.detectable)))
        elif not isinstance(self.no_power, bool):
            raise InvalidType(f"no_power must be a bool or None, got no_power={self.no_power!r:.80}")

    def to_dict(self) -> dict:
        return {f.name: thaw(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping) -> "Power":
        return cls(**dict(data))

    @classmethod
    def from_record(cls, record: Mapping) -> "Power":
        """From the ``power`` dict of :func:`pybridge.stats.power.power_record` (its figures become ``detectable``)."""
        known = {"test", "alpha", "trials", "power", "method", "no_power", "text"}
        figures = {k: v for k, v in record.items() if k not in known}
        return cls(test=record["test"], alpha=record["alpha"], trials=record["trials"],
                   level=record.get("power", 0.9), detectable=figures, method=record.get("method", ""),
                   statement=record.get("text", ""), no_power=record.get("no_power"))


def _leaves(value):
    if isinstance(value, Mapping):
        for v in value.values():
            yield from _leaves(v)
    else:
        yield value


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """Base of the evidence records (see the module docstring); never instantiated itself."""

    claim_id: str
    verdict: str
    setting: str = ""
    note: str = ""
    details: Mapping = field(default_factory=dict)

    kind: ClassVar[str] = ""
    method: ClassVar[str] = ""

    def __post_init__(self):
        if type(self) is Evidence:
            raise InvalidType("Evidence is the base of the record family; use one of RECORD_KINDS")
        _text("claim_id", self.claim_id)
        if self.verdict not in VERDICTS:
            raise InvalidArgument(f"verdict must be one of {VERDICTS}, got verdict={self.verdict!r}")
        _text("setting", self.setting)
        _text("note", self.note)
        object.__setattr__(self, "details", freeze(self.details))
        self._validate()

    def _validate(self) -> None:
        """Per-kind field checks (overridden)."""

    def to_dict(self) -> dict:
        """Plain JSON: ``kind``, ``method`` and every field (nested records as dicts)."""
        out = {"kind": self.kind, "method": self.method}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name] = value.to_dict() if isinstance(value, Power) else thaw(value)
        return out

    @classmethod
    def from_dict(cls, data: Mapping) -> "Evidence":
        """The record of ``data["kind"]`` (exact inverse of :meth:`to_dict`)."""
        return record_from_dict(data)


def _as_power(value):
    if value is None or isinstance(value, Power):
        return value
    if isinstance(value, Mapping):
        return Power.from_dict(value)
    raise InvalidType(f"power must be a Power or None, got power={value!r:.80} (type={type(value).__name__})")


@dataclass(frozen=True, kw_only=True)
class FormalOutcome(Evidence):
    """A prover's verdict on the theorem behind a claim.

    ``prover`` is ``"coq"`` (compiled by coqc here; method ``formal``) or ``"lean"`` (static audit of a proof
    written for a toolchain we do not have; method ``static``).  ``outcome``: ``proved``, ``failed``,
    ``unavailable``, ``statement mismatch``, ``proof-written``, ...; ``statement_pinned``: the printed statement
    equals the pinned golden one (``None``: not compared); ``axioms``: Print Assumptions.
    """

    prover: str
    theorem: str
    outcome: str
    file: str | None = None
    statement_pinned: bool | None = None
    axioms: tuple = ()
    tool: str = ""
    messages: tuple = ()

    kind: ClassVar[str] = "formal-outcome"

    @property
    def method(self) -> str:  # type: ignore[override]
        return "formal" if self.prover == "coq" else "static"

    def _validate(self) -> None:
        if self.prover not in ("coq", "lean"):
            raise InvalidArgument(f"prover must be 'coq' or 'lean', got prover={self.prover!r}")
        _text("theorem", self.theorem)
        _text("outcome", self.outcome)
        _text("file", self.file, optional=True)
        if self.statement_pinned is not None and not isinstance(self.statement_pinned, bool):
            raise InvalidType(f"statement_pinned must be a bool or None, got statement_pinned={self.statement_pinned!r}")
        object.__setattr__(self, "axioms", tuple(_text("axioms[]", a) for a in self.axioms))
        object.__setattr__(self, "messages", tuple(_text("messages[]", m) for m in self.messages))
        _text("tool", self.tool)


@dataclass(frozen=True, kw_only=True)
class CertifiedClaim(Evidence):
    """Interval arithmetic decided the statement itself; ``certified`` lists what was certified, in words."""

    certified: tuple = ()

    kind: ClassVar[str] = "certified-claim"
    method: ClassVar[str] = "claim-certified"

    def _validate(self) -> None:
        object.__setattr__(self, "certified", tuple(_text("certified[]", c) for c in self.certified))


@dataclass(frozen=True, kw_only=True)
class CertifiedValue(Evidence):
    """A closed form's value enclosed by interval arithmetic: ``quantity`` in ``[low, high]``.

    ``low`` and ``high`` are exact decimal or rational strings (outward rounded); ``dps`` the working digits.
    """

    quantity: str
    low: str
    high: str
    dps: int | None = None

    kind: ClassVar[str] = "certified-value"
    method: ClassVar[str] = "certified"

    def _validate(self) -> None:
        _text("quantity", self.quantity)
        for name in ("low", "high"):
            value = getattr(self, name)
            if isinstance(value, Fraction):
                value = str(value)
            object.__setattr__(self, name, _text(name, value))
        object.__setattr__(self, "dps", _count("dps", self.dps, optional=True))


@dataclass(frozen=True, kw_only=True)
class ExactCheck(Evidence):
    """Exact decisions on ``instances`` stated instances, ``failures`` of which contradict the statement."""

    instances: int
    failures: int = 0

    kind: ClassVar[str] = "exact-check"
    method: ClassVar[str] = "exact"

    def _validate(self) -> None:
        object.__setattr__(self, "instances", _count("instances", self.instances))
        object.__setattr__(self, "failures", _count("failures", self.failures))
        if self.failures > self.instances:
            raise InvalidArgument(f"failures must be <= instances={self.instances}, got failures={self.failures}")
        if self.verdict == "holds" and self.failures:
            raise InvalidArgument(f"an exact check with failures={self.failures} cannot hold (claim "
                                  f"{self.claim_id!r})")


@dataclass(frozen=True, kw_only=True)
class BoundTest(Evidence):
    """A one-sided test of ``quantity`` against ``bound`` (``direction`` ``"at most"`` or ``"at least"``).

    ``events`` of ``trials`` is the sample; ``alpha`` the false-alarm rate; ``p_value`` the test's p-value when it
    has one; ``power`` what violation it would have caught.
    """

    quantity: str
    bound: float
    direction: str
    trials: int
    alpha: float
    events: int | None = None
    estimate: float | None = None
    p_value: float | None = None
    test: str = ""
    power: Power | None = None

    kind: ClassVar[str] = "bound-test"
    method: ClassVar[str] = "monte-carlo"

    def _validate(self) -> None:
        _text("quantity", self.quantity)
        object.__setattr__(self, "bound", _number("bound", self.bound))
        if self.direction not in ("at most", "at least"):
            raise InvalidArgument(f"direction must be 'at most' or 'at least', got direction={self.direction!r}")
        object.__setattr__(self, "trials", _count("trials", self.trials))
        object.__setattr__(self, "alpha", _probability("alpha", self.alpha))
        object.__setattr__(self, "events", _count("events", self.events, optional=True))
        object.__setattr__(self, "estimate", _number("estimate", self.estimate, optional=True))
        object.__setattr__(self, "p_value", _probability("p_value", self.p_value, optional=True))
        _text("test", self.test)
        object.__setattr__(self, "power", _as_power(self.power))


@dataclass(frozen=True, kw_only=True)
class AgreementTest(Evidence):
    """A two-sample test that two estimators of one quantity agree.

    ``first``/``second`` name them, ``*_value`` and ``*_trials`` are their estimates and budgets; the test
    rejects when ``|difference| > threshold`` (or its p-value is below ``alpha``).
    """

    quantity: str
    first: str
    first_value: float
    second: str
    second_value: float
    alpha: float
    first_trials: int | None = None
    second_trials: int | None = None
    difference: float | None = None
    threshold: float | None = None
    p_value: float | None = None
    test: str = ""
    power: Power | None = None

    kind: ClassVar[str] = "agreement-test"
    method: ClassVar[str] = "monte-carlo"

    def _validate(self) -> None:
        for name in ("quantity", "first", "second", "test"):
            _text(name, getattr(self, name))
        for name in ("first_value", "second_value"):
            object.__setattr__(self, name, _number(name, getattr(self, name)))
        for name in ("difference", "threshold"):
            object.__setattr__(self, name, _number(name, getattr(self, name), optional=True))
        for name in ("first_trials", "second_trials"):
            object.__setattr__(self, name, _count(name, getattr(self, name), optional=True))
        object.__setattr__(self, "alpha", _probability("alpha", self.alpha))
        object.__setattr__(self, "p_value", _probability("p_value", self.p_value, optional=True))
        object.__setattr__(self, "power", _as_power(self.power))


@dataclass(frozen=True, kw_only=True)
class IntervalEstimate(Evidence):
    """An estimate of ``quantity`` with its ``confidence`` interval ``[low, high]`` (``None``: unbounded side).

    ``estimator`` names the method (Clopper-Pearson, generalized splitting, least squares on ...); ``trials`` the
    budget; ``seed_entropy`` the root of its random streams.  Trend claims ("consistent") use it for a fitted
    slope and state the criterion in ``note``.
    """

    quantity: str
    value: float | None
    low: float | None
    high: float | None
    confidence: float | None = None
    estimator: str = ""
    trials: int | None = None
    seed_entropy: str | None = None
    power: Power | None = None

    kind: ClassVar[str] = "interval-estimate"
    method: ClassVar[str] = "monte-carlo"

    def _validate(self) -> None:
        _text("quantity", self.quantity)
        for name in ("value", "low", "high"):
            object.__setattr__(self, name, _number(name, getattr(self, name), optional=True))
        if self.low is not None and self.high is not None and not self.low <= self.high:
            if not (math.isnan(self.low) or math.isnan(self.high)):
                raise InvalidArgument(f"low must be <= high, got low={self.low!r}, high={self.high!r}")
        object.__setattr__(self, "confidence", _probability("confidence", self.confidence, optional=True))
        _text("estimator", self.estimator)
        object.__setattr__(self, "trials", _count("trials", self.trials, optional=True))
        _text("seed_entropy", self.seed_entropy, optional=True)
        object.__setattr__(self, "power", _as_power(self.power))


@dataclass(frozen=True, kw_only=True)
class BenchmarkResult(Evidence):
    """Rows of a committed benchmark: ``source`` (the committed file), ``command`` (how to regenerate it),
    ``seed_entropy`` and ``rows`` (the numbers), shown in the report as committed benchmark results."""

    source: str
    command: str
    rows: tuple = ()
    seed_entropy: str | None = None

    kind: ClassVar[str] = "benchmark-result"
    method: ClassVar[str] = "monte-carlo"

    def _validate(self) -> None:
        _text("source", self.source)
        _text("command", self.command)
        object.__setattr__(self, "rows", freeze(self.rows, where="rows"))
        _text("seed_entropy", self.seed_entropy, optional=True)


#: kind -> record class (the closed family)
RECORD_KINDS = {cls.kind: cls for cls in (FormalOutcome, CertifiedClaim, CertifiedValue, ExactCheck, BoundTest,
                                          AgreementTest, IntervalEstimate, BenchmarkResult)}


def record_from_dict(data: Mapping) -> Evidence:
    """The record whose :meth:`Evidence.to_dict` is ``data``.

    Raises
    ------
    InvalidArgument
        ``data["kind"]`` names no record class, or ``data["method"]`` disagrees with it.
    InvalidType
        ``data`` is not a mapping.
    """
    if not isinstance(data, Mapping):
        raise InvalidType(f"data must be a mapping, got data={data!r:.80} (type={type(data).__name__})")
    fields = dict(data)
    kind = fields.pop("kind", None)
    cls = RECORD_KINDS.get(kind)
    if cls is None:
        raise InvalidArgument(f"kind must be one of {sorted(RECORD_KINDS)}, got kind={kind!r}")
    method = fields.pop("method", None)
    record = cls(**fields)
    if method is not None and method != record.method:
        raise InvalidArgument(f"method {method!r} does not match kind {kind!r} (method {record.method!r})")
    return record
