"""The formal section's evidence records and tables, built from the data of :func:`~pybridge.formal.section.formal_outcomes`.

* one :class:`~pybridge.claims.records.FormalOutcome` (prover ``coq``) per audited claim: theorem, file,
  outcome, whether its printed statement equals the pinned one, its axioms, the coqc version and the audit's
  messages (``prunegap check`` derives the "proved in Coq" statuses from these records);
* one ``FormalOutcome`` (prover ``lean``, method ``static``) for the Lean static audit of the mirror;
* :class:`~pybridge.claims.records.ExactCheck` records for the two replays: the coverage certificates of side
  instances kernel-checked by the verified checker (``rss-certificate-sound``), and the RSS Monte Carlo trials
  re-decided by the verified decision (``rss-decide-cover``; on a disagreement also ``rss-log-sample-size``,
  whose Monte Carlo numbers rest on those trials).

The report renders every record; nothing here writes markdown, and no claim's statement is repeated.
"""

from __future__ import annotations

from collections.abc import Mapping

from pybridge.claims.records import ExactCheck, FormalOutcome
from pybridge.claims.section import Table
from pybridge.errors import InvalidArgument, InvalidType
from pybridge.formal.pin import COQ_GOLDEN, LEAN_GOLDEN, STATEMENT_MISMATCH
from pybridge.report.locations import coq_location

__all__ = ["formal_evidence", "DECIDE_CLAIM", "CHECKER_CLAIM", "SAMPLE_SIZE_CLAIM", "LEAN_MIRROR"]

#: the claim of the verified decision that re-decides the RSS trials
DECIDE_CLAIM = "rss-decide-cover"
#: the claim of the verified certificate checker that replays the side instances
CHECKER_CLAIM = "rss-certificate-sound"
#: the claim whose Monte Carlo numbers rest on the replayed trials (violated when a trial was mis-decided)
SAMPLE_SIZE_CLAIM = "rss-log-sample-size"
#: the id of the Lean static audit's record (the whole mirror, not one registered claim)
LEAN_MIRROR = "lean-mirror"

_VERDICT = {"proved": "holds", "unavailable": "unavailable"}
_PINNED = {"proved": True, STATEMENT_MISMATCH: False}
_KEEP = ("statement", "disallowed")  # audit data beside the typed fields


def _coq_messages(d: dict) -> tuple:
    msg = d.get("message", "")
    if d["outcome"] == "unavailable":
        return ("coqc is not installed: not checked (this is not a pass)",)
    if d["outcome"] == STATEMENT_MISMATCH:
        return (f"the theorem checks but its statement is not the pinned one (coq/{COQ_GOLDEN.name}), so it is not "
                f"evidence for this claim: {msg}",)
    return (msg,) if msg else ()


def _coq_note(d: dict) -> str:
    if d["outcome"] != "proved":
        return ""
    return ("Print Assumptions: closed under the global context." if not d.get("axioms")
            else "Every axiom is on the allow-list.")


def _coq_records(data: dict) -> list:
    """One Coq :class:`FormalOutcome` per audited claim (``data["claims"]``), in audit order."""
    out = []
    for cid, d in data["claims"].items():
        loc = coq_location(d["coq"])
        out.append(FormalOutcome(
            claim_id=cid, verdict=_VERDICT.get(d["outcome"], "failed"), prover="coq", theorem=d["coq"],
            outcome=d["outcome"], file=loc.path if loc else None, statement_pinned=_PINNED.get(d["outcome"]),
            axioms=tuple(d.get("axioms", ())), tool=data["coqc"] or "", messages=_coq_messages(d),
            note=_coq_note(d), details={k: d[k] for k in _KEEP if k in d}))
    return out


def _lean_record(lean: dict) -> FormalOutcome:
    """The Lean static audit of the mirror (no toolchain needed) as one :class:`FormalOutcome` (``static``)."""
    problems = list(lean["static_problems"])
    built = sorted({v["outcome"] for v in lean["claims"].values()})
    return FormalOutcome(
        claim_id=LEAN_MIRROR, verdict="failed" if problems else "holds", prover="lean",
        theorem="Prunegap", file="lean/",
        outcome="static problems" if problems else "static checks pass",
        statement_pinned=not lean.get("statement_mismatch"), messages=tuple(problems[:5]),
        setting=f"Lean static checks of the {len(lean['claims'])} registered Lean declarations (no toolchain needed): "
                "every registered Lean name is declared, its signature "
                f"equals the pinned one (lean/{LEAN_GOLDEN.name}), no sorry/admit/axiom, the axioms file lists every "
                "theorem, the generated constants file is in sync",
        note="Lean build: " + ", ".join(built) + "." + (f" {len(problems)} static problems in all." if problems
                                                        else ""),
        details=lean)


def _timing(r: dict) -> str:
    if r.get("cpu_seconds") is not None:
        return f"{r['cpu_seconds']:.1f} s of coqc CPU, {r['seconds']:.1f} s wall beside the audit"
    return f"{r['seconds']:.1f} s"


def _side_replay_record(r: dict) -> ExactCheck:
    """The side instances' coverage certificates, kernel-checked by the verified checker (a failure fails coqc)."""
    return ExactCheck(
        claim_id=CHECKER_CLAIM, verdict="holds", instances=r["replayed"], failures=0,
        setting=f"{r['replayed']} coverage certificates of fresh side instances (n={r['n']} {r['law']} samples on "
                f"[{r['interval'][0]}, {r['interval'][1]}] as exact dyadic rationals, eps={r['eps']}, covered ones "
                f"only; {r['instances_drawn']} drawn) kernel-checked by vm_compute through the verified checker "
                f"({_timing(r)})",
        note="These side instances exercise the checker; they are not trials behind any Monte Carlo number "
             f"(those are replayed under `{DECIDE_CLAIM}`).",
        details=r)


def _unavailable(requested: int, rep) -> list:
    why = "coqc is unavailable" if rep is not None else "the Coq build failed or coqc is unavailable"
    return [ExactCheck(claim_id=DECIDE_CLAIM, verdict="unavailable", instances=0,
                       setting=f"The {requested} audited RSS Monte Carlo trials were not re-decided: {why}",
                       note="This is not a pass.", details=rep or {})]


def _verified_replay_records(rep, requested: int) -> list:
    """The RSS trials re-decided by the verified decision ``decide_cover`` (``rep``: its summary, or ``None``).

    ``rss-decide-cover`` gets an :class:`ExactCheck` (instances = trials, failures = disagreements); when a trial
    was mis-decided, ``rss-log-sample-size`` gets a violated one too: its Monte Carlo numbers rest on those trials.
    """
    if rep is None or rep["status"] == "unavailable":
        return _unavailable(requested, rep)
    failures = rep["trials"] - rep["agree"]
    verdict = "holds" if rep["status"] == "verified" else "violated"
    setting = (f"{rep['trials']} trials drawn deterministically (from the run's SeedSequence) from the very trials "
               "behind the rss section's P(n, eps) points and n* thresholds with eps >= 1e-2 "
               f"({rep['covered']} covered, {rep['not_covered']} not covered by the fast decision), exported "
               "exactly, read back, and re-decided by the Coq-verified decision `decide_cover` (both directions "
               f"proved, `Prunegap.Decide.decide_cover_correct`) with vm_compute ({rep['prover']}, {_timing(rep)})")
    note = ("An instance counts as stated when Coq's decision equals the fast decision. "
            + ("DISAGREEMENTS: " + " | ".join(rep["disagreements"][:5]) if rep["disagreements"] else ""))
    out = [ExactCheck(claim_id=DECIDE_CLAIM, verdict=verdict, instances=rep["trials"], failures=failures,
                      setting=setting, note=note.strip(), details=rep)]
    if verdict == "violated":
        out.append(ExactCheck(claim_id=SAMPLE_SIZE_CLAIM, verdict="violated", instances=rep["trials"],
                              failures=failures, setting=setting, note=note.strip(), details=rep))
    return out


def _formal_tables(data: dict) -> list:
    """The per-claim table (Coq theorem and outcome, axioms, Lean declaration and build outcome)."""
    lean = data["lean"]["claims"]
    rows = []
    for cid, d in data["claims"].items():
        lv = lean.get(cid, {})
        rows.append((cid, d["coq"], d["outcome"], ", ".join(d.get("axioms", ())) or None, lv.get("lean"),
                     lv.get("outcome")))
    return [Table(title="Coq and Lean per claim", columns=("claim", "Coq theorem", "Coq", "axioms", "Lean theorem",
                                                             "Lean"),
                  rows=tuple(rows), blank="-",
                  caption="The Coq outcome of each registered theorem in this run's scratch build, its axioms "
                          "(Print Assumptions), and the Lean declaration with its build outcome ('unavailable' "
                          "unless lake was found: no Lean toolchain can be installed on our machines).")]


def _need(where: str, value, keys) -> Mapping:
    """``value`` as a mapping holding ``keys`` (the data of formal_outcomes), or a one-line package error."""
    if not isinstance(value, Mapping):
        raise InvalidType(f"{where} must be a dict of formal_outcomes, got {where}={value!r:.80}")
    missing = [k for k in keys if k not in value]
    if missing:
        raise InvalidArgument(f"{where} must hold {', '.join(keys)}; missing {', '.join(missing)} in {where}="
                              f"{value!r:.80}")
    return value


def _check_data(data) -> None:
    _need("data", data, ("coqc", "claims", "lean", "replay", "verified_replay"))
    for cid, d in _need("data['claims']", data["claims"], ()).items():
        _need(f"data['claims'][{cid!r}]", d, ("coq", "outcome"))
    lean = _need("data['lean']", data["lean"], ("static_problems", "claims"))
    for cid, d in _need("data['lean']['claims']", lean["claims"], ()).items():
        _need(f"data['lean']['claims'][{cid!r}]", d, ("outcome",))
    if data["replay"] is not None:
        _need("data['replay']", data["replay"], ("replayed", "seconds", "n", "eps", "interval", "law",
                                                 "instances_drawn"))
    if data["verified_replay"] is not None:
        _need("data['verified_replay']", data["verified_replay"], ("status", "trials", "covered", "not_covered",
                                                                   "agree", "disagreements", "prover", "seconds"))


def formal_evidence(data, *, audited: int = 0) -> tuple:
    """The formal section's records and tables from ``data`` (the dict of
    :func:`~pybridge.formal.section.formal_outcomes`).

    Parameters
    ----------
    data : dict
        The outcomes of the Coq audit, the replays and the Lean checks.
    audited : int
        How many rss trials were handed to the verified replay (0: the rss section did not run or drew none;
        then no replay record is made).

    Returns
    -------
    (list of Evidence, list of Table)

    Raises
    ------
    InvalidType, InvalidArgument
        ``data`` is not shaped as formal_outcomes returns it, or ``audited`` is not a non-negative integer.
    """
    _check_data(data)
    if isinstance(audited, bool) or not isinstance(audited, int) or audited < 0:
        raise InvalidArgument(f"audited must be a non-negative integer, got audited={audited!r:.80}")
    evidence = _verified_replay_records(data["verified_replay"], audited) if audited else []
    evidence += _coq_records(data)
    if data["replay"]:
        evidence.append(_side_replay_record(data["replay"]))
    evidence.append(_lean_record(data["lean"]))
    return evidence, _formal_tables(data)
