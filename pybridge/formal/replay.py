r"""Verified replay of exact coverage decisions: export to Coq, round-trip, re-decide by ``vm_compute``.

A :class:`ReplayInstance` is a plain exact instance — samples, radius and
interval as :class:`fractions.Fraction` — with the answer a fast decision gave
for it.  :func:`replay_decisions` writes every instance, integer-scaled by the
least common denominator ``D``, into ONE Coq file as a call of the verified
decision ``Prunegap.Decide.decide_cover`` (claim ``rss-decide-cover``:
``decide_cover D xs e a b = true`` iff every real z in ``[a/D, b/D]`` is within
``e/D`` of a subset sum of the ``x_i/D``, both directions proved), then:

1. parses the written file back and compares every parsed instance exactly
   with the Python instance (:class:`ExportMismatch` otherwise) BEFORE Coq runs,
   so an exporter that writes a wrong radius or sample cannot pass;
2. runs one ``coqc`` (through :mod:`pybridge.runtime.runner`) that evaluates all
   decisions with ``vm_compute`` and prints them as one list;
3. compares Coq's answer with the fast answer of each instance.

The instances are plain exact data (the RSS section hands over records, see
:func:`instances_from_records`), not ``rss`` objects.  The coqc version and the ``coq/``
directory come from :func:`pybridge.formal.coq.coq_version` and
:data:`pybridge.formal.sources.COQ_DIR` (one reader, one constant).
"""

from __future__ import annotations

import math
import re
import shutil
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from pybridge.errors import ExternalToolError, InvalidArgument, InvalidType
from pybridge.formal.coq import coq_version
from pybridge.formal.sources import COQ_DIR
from pybridge.runtime.scratch import make_scratch_dir
from pybridge.runtime.runner import run_tool, start_tool
from pybridge.validation import check_bool, check_exact, check_instance, check_sequence, check_text

__all__ = ["ReplayInstance", "ExportMismatch", "instances_from_records", "check_round_trip", "instance_to_coq",
           "parse_coq_instances", "replay_decisions", "start_replay_decisions",
           "DECIDE_DEPENDENCIES"]

#: the Coq files (in _CoqProject order) the replay needs
DECIDE_DEPENDENCIES = ("Base.v", "SubsetSum.v", "Decide.v")


class ExportMismatch(InvalidArgument):
    """The Coq file read back does not hold exactly the instance that was exported."""


@dataclass(frozen=True)
class ReplayInstance:
    """One exact coverage instance and the fast decision's answer.

    Attributes
    ----------
    xs : tuple of Fraction
        Samples (exact; a float sample is the dyadic rational it stores).
    eps, a, b : Fraction
        Radius and target interval ``[a, b]``.
    expected : bool
        The fast decision's answer (True = covered).
    label : str
        Where the instance comes from (e.g. curve, trial index, n), printed on disagreement.
    """

    xs: tuple
    eps: Fraction
    a: Fraction
    b: Fraction
    expected: bool
    label: str = ""

    def __post_init__(self):
        for name, v in (("eps", self.eps), ("a", self.a), ("b", self.b)) + tuple(
                (f"xs[{i}]", x) for i, x in enumerate(self.xs)):
            if not isinstance(v, Fraction):
                raise InvalidType(f"ReplayInstance.{name} must be a Fraction, got {v!r}")
        if not isinstance(self.expected, bool):
            raise InvalidType(f"ReplayInstance.expected must be a bool, got {self.expected!r}")

    def scaled(self) -> tuple[int, list[int], int, int, int]:
        """``(D, xs*D, eps*D, a*D, b*D)`` for the least common denominator ``D`` (exact integers)."""
        vals = [self.eps, self.a, self.b, *self.xs]
        den = 1
        for v in vals:
            den = den * v.denominator // math.gcd(den, v.denominator)
        ints = [int(v * den) for v in vals]
        return den, ints[3:], ints[0], ints[1], ints[2]

    def describe(self) -> str:
        return (f"{self.label}: xs={[str(x) for x in self.xs]}, eps={self.eps}, [a, b]=[{self.a}, {self.b}], "
                f"fast decision={'covered' if self.expected else 'not covered'}")


def instances_from_records(records) -> list[ReplayInstance]:
    """ReplayInstances from JSON-safe records (``xs``, ``eps``, ``a``, ``b`` as float.hex strings; ``expected``)."""
    def q(h):
        if not isinstance(h, str):
            raise InvalidType(f"a replay record holds float.hex strings, got {h!r:.60}")
        try:
            v = float.fromhex(h)
        except ValueError:
            raise InvalidArgument(f"a replay record holds float.hex strings, got {h!r:.60}") from None
        return check_exact("value", v)
    out = []
    for i, r in enumerate(check_sequence("records", records)):
        if not isinstance(r, dict) or not {"xs", "eps", "a", "b", "expected"} <= set(r):
            raise InvalidArgument(f"records[{i}] must be a dict with xs, eps, a, b, expected, got {r!r:.80}")
        xs = tuple(q(x) for x in check_sequence(f"records[{i}].xs", r["xs"]))
        out.append(ReplayInstance(xs, q(r["eps"]), q(r["a"]), q(r["b"]), check_bool("expected", r["expected"]),
                                  str(r.get("label", ""))))
    return out


def _z(v: int) -> str:
    return f"({v})%Z"


def instance_to_coq(inst: ReplayInstance) -> str:
    """The Coq term ``decide_cover D [x_1; ...] e a b`` of an instance (integers scaled by D)."""
    check_instance("inst", inst, ReplayInstance)
    D, xs, e, a, b = inst.scaled()
    return f"decide_cover {D}%positive [{'; '.join(_z(x) for x in xs)}] {_z(e)} {_z(a)} {_z(b)}"


_TERM = re.compile(r"decide_cover\s+(\d+)%positive\s+\[([^\]]*)\]\s+\((-?\d+)\)%Z\s+\((-?\d+)\)%Z\s+\((-?\d+)\)%Z")
_INT = re.compile(r"\((-?\d+)\)%Z")


def parse_coq_instances(text: str) -> list[tuple]:
    """Read back every ``decide_cover`` call of a replay file as exact ``(xs, eps, a, b)`` Fractions."""
    check_text("text", text)
    out = []
    for m in _TERM.finditer(text):
        D = int(m.group(1))
        xs = tuple(Fraction(int(v), D) for v in _INT.findall(m.group(2)))
        out.append((xs, Fraction(int(m.group(3)), D), Fraction(int(m.group(4)), D), Fraction(int(m.group(5)), D)))
    return out


def check_round_trip(instances, text: str) -> None:
    """Raise :class:`ExportMismatch` unless ``text`` holds exactly ``instances`` in order."""
    instances = [check_instance(f"instances[{i}]", x, ReplayInstance)
                 for i, x in enumerate(check_sequence("instances", instances))]
    parsed = parse_coq_instances(text)
    if len(parsed) != len(instances):
        raise ExportMismatch(f"replay file holds {len(parsed)} instances, expected {len(instances)}")
    for inst, (xs, e, a, b) in zip(instances, parsed):
        if (tuple(inst.xs), inst.eps, inst.a, inst.b) != (xs, e, a, b):
            raise ExportMismatch(f"replay file does not hold the exported instance: {inst.describe()}; "
                                 f"read back eps={e}, [a, b]=[{a}, {b}], xs={[str(x) for x in xs]}")


def _parse_answers(output: str, count: int) -> list[bool]:
    m = re.search(r"=\s*\[(.*?)\]\s*:\s*list bool", output, re.S)
    if not m:
        raise ExternalToolError("coqc printed no list of decisions", argv=("coqc",), output=output[-2000:])
    words = [w.strip() for w in m.group(1).split(";") if w.strip()]
    if len(words) != count or any(w not in ("true", "false") for w in words):
        raise ExternalToolError(f"coqc printed {len(words)} decisions, expected {count}", argv=("coqc",),
                                output=output[-2000:])
    return [w == "true" for w in words]


def replay_decisions(instances, *, exporter=instance_to_coq, timeout: float = 600.0, src: Path = COQ_DIR,
                     build=None) -> dict:
    """Re-decide ``instances`` with the verified Coq decision; a JSON-safe summary.

    Parameters
    ----------
    instances : sequence of ReplayInstance
    exporter : callable, default :func:`instance_to_coq`
        Writes one instance as a Coq term (a parameter so that tests can plant a broken exporter).
    timeout : float
        Seconds for the coqc calls.
    build : CoqBuild, optional
        A finished scratch build of ``coq/`` (:func:`pybridge.formal.coq.build_coq`) to reuse; without it
        the three files of :data:`DECIDE_DEPENDENCIES` are compiled in a scratch directory first.

    Returns
    -------
    dict
        ``trials``, ``covered``, ``not_covered`` (by the fast decision), ``agree`` (Coq == fast),
        ``disagreements`` (descriptions of the instances), ``prover`` ("coq 8.16.1"), ``seconds``
        (coqc wall time: build of the three needed files plus the evaluation), ``status``
        ("verified", "disagreement" or "unavailable").

    Raises
    ------
    ExportMismatch
        The written file does not round-trip to the instances (checked before coqc runs).
    ExternalToolError
        coqc failed or printed an unexpected answer.
    """
    if build is not None:
        return start_replay_decisions(instances, build=build, exporter=exporter, timeout=timeout).wait()
    instances, out, text = _prepare(instances, exporter)
    version = coq_version()
    if version is None or not instances:
        return out
    out["prover"] = version
    work = make_scratch_dir("prunegap-replay-")  # carries our pid: swept by the next run if we are killed
    try:
        theories = work / "theories"
        theories.mkdir()
        t0 = time.perf_counter()
        for name in DECIDE_DEPENDENCIES:
            shutil.copy(src / "theories" / name, theories / name)
            run_tool(["coqc", "-q", "-R", "theories", "Prunegap", f"theories/{name}"], cwd=work, timeout=timeout)
        out["build_seconds"] = round(time.perf_counter() - t0, 2)
        (work / "Replay.v").write_text(text, encoding="utf-8")
        run = run_tool(["coqc", "-q", "-R", "theories", "Prunegap", "Replay.v"], cwd=work, timeout=timeout)
        out["seconds"] = round(time.perf_counter() - t0, 2)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _compare(out, instances, run.stdout)


def _prepare(instances, exporter):
    instances = list(instances)
    for i, inst in enumerate(instances):
        if not isinstance(inst, ReplayInstance):
            raise InvalidType(f"instances[{i}] must be a ReplayInstance, got {type(inst).__name__}")
    covered = sum(i.expected for i in instances)
    out = {"trials": len(instances), "covered": covered, "not_covered": len(instances) - covered,
           "agree": 0, "disagreements": [], "prover": None, "seconds": 0.0, "status": "unavailable"}
    terms = [exporter(i) for i in instances]
    text = ("From Coq Require Import ZArith List.\nFrom Prunegap Require Import Decide.\nImport ListNotations.\n"
            "Eval vm_compute in [\n  " + ";\n  ".join(terms) + "\n].\n")
    check_round_trip(instances, text)
    return instances, out, text


class PendingDecisions:
    """The coqc process of :func:`start_replay_decisions`; :meth:`wait` gives the summary of
    :func:`replay_decisions`."""

    def __init__(self, pending, out, instances):
        self._pending, self._out, self._instances = pending, out, instances

    def tools(self) -> list:
        return [] if self._pending is None else [self._pending]

    def kill(self) -> None:
        if self._pending is not None:
            self._pending.kill()

    def wait(self) -> dict:
        if self._pending is None:
            return self._out
        try:
            run = self._pending.wait()
        finally:
            self.kill()
        self._out["seconds"] = round(run.seconds, 2)
        self._out["cpu_seconds"] = None if run.cpu_seconds is None else round(run.cpu_seconds, 2)
        return _compare(self._out, self._instances, run.stdout)


def start_replay_decisions(instances, *, build, exporter=instance_to_coq, timeout: float = 600.0) -> PendingDecisions:
    """Start :func:`replay_decisions` in the finished scratch build ``build`` and return without waiting.

    The export and its round trip are checked here, before coqc starts (:class:`ExportMismatch`).
    """
    instances, out, text = _prepare(instances, exporter)
    version = coq_version()
    if version is None or not instances:
        return PendingDecisions(None, out, instances)
    out["prover"] = version
    (build.coq_dir / "PrunegapDecideReplay.v").write_text(text, encoding="utf-8")
    return PendingDecisions(start_tool(["coqc", *build.flags, "PrunegapDecideReplay.v"], cwd=build.coq_dir,
                                       timeout=timeout), out, instances)


def _compare(out: dict, instances, stdout: str) -> dict:
    answers = _parse_answers(stdout, len(instances))
    for inst, ans in zip(instances, answers):
        if ans == inst.expected:
            out["agree"] += 1
        else:
            out["disagreements"].append(inst.describe() + f"; Coq decide_cover={'covered' if ans else 'not covered'}")
    out["status"] = "verified" if out["agree"] == len(instances) else "disagreement"
    return out
