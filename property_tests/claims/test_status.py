"""Claim-status derivation over every combination of evidence, and the evidence records themselves.

The expected status is the documented order of strength (violated, check failed, proved in Coq, claim
certified, value certified, checked exactly, checked by Monte Carlo, stated only), applied by ranking each piece
of evidence separately and taking the strongest, over all pairs of checks from every verdict x method and every
formal outcome (itertools.product).  Targeted tests of ``benchmarks/mutation.py --only claim-status
claim-records``.
"""

from __future__ import annotations

import itertools

import pytest

from pybridge.claims import STATUSES, VERDICTS, derive_status
from pybridge.claims.section import CheckPlan, SectionSpec
from strategies import synthetic_record

#: the records' status inputs ("static": a Lean static audit, which supports nothing)
METHODS = ("claim-certified", "certified", "exact", "monte-carlo", "static")
SUPPORT = {"claim-certified": "claim certified", "certified": "value certified",
           "exact": "checked exactly on instances", "monte-carlo": "checked by Monte Carlo"}


def rank_of(check) -> str:
    if check.verdict == "violated":
        return "violated"
    if check.verdict == "failed":
        return "check failed"
    if check.verdict in ("holds", "consistent"):
        return SUPPORT.get(check.method, "stated only")
    return "stated only"  # undetermined / unavailable support nothing


def expected(checks, formal_outcome):
    ranks = [rank_of(c) for c in checks if c.claim_id == "c"]
    if formal_outcome == "proved":
        ranks.append("proved in Coq")
    ranks.append("stated only")
    return min(ranks, key=STATUSES.index)


def test_statuses_are_ordered_as_documented():
    assert STATUSES == ("violated", "check failed", "proved in Coq", "claim certified", "value certified",
                        "checked exactly on instances", "checked by Monte Carlo", "stated only")


def test_status_of_every_pair_of_checks_and_formal_outcome():
    singles = [synthetic_record(cid, v, m) for cid in ("c", "other") for v in VERDICTS for m in METHODS]
    seen = set()
    for formal_outcome in (None, "proved", "failed", "unavailable", "statement mismatch"):
        formal = None if formal_outcome is None else {"c": formal_outcome, "other": "proved"}
        for pair in itertools.product(singles, repeat=2):
            got = derive_status("c", checks=list(pair), formal=formal)
            want = expected(pair, formal_outcome)
            assert got == want, (pair, formal_outcome)
            seen.add(got)
    assert seen == set(STATUSES)


def test_status_without_evidence_and_with_an_iterator():
    assert derive_status("c") == "stated only"
    assert derive_status("c", formal={}) == "stated only"
    assert derive_status("c", formal={"other": "proved"}) == "stated only"
    checks = (synthetic_record("c", "holds", m) for m in ("monte-carlo", "exact"))
    assert derive_status("c", checks=checks) == "checked exactly on instances"


def test_coq_records_give_the_formal_status_when_no_outcomes_are_passed():
    """Without ``formal=``, the Coq outcomes are read from the FormalOutcome records (issue 20: no second channel)."""
    proved = synthetic_record("c", "holds", "formal")
    assert derive_status("c", checks=[proved]) == "proved in Coq"
    assert derive_status("c", checks=[synthetic_record("c", "holds", "static")]) == "stated only"
    assert derive_status("c", checks=[proved, synthetic_record("c", "violated", "exact")]) == "violated"
    assert derive_status("c", checks=[synthetic_record("other", "holds", "formal")]) == "stated only"
    assert derive_status("c", checks=[proved], formal={}) == "stated only"  # an explicit map wins


def test_plan_steps_and_section_estimates():
    plan, full = CheckPlan(quick=True, workers=1), CheckPlan(quick=False, workers=1)
    spec = SectionSpec(name="s", title="S", run=None, seed_key=1)
    assert spec.count_steps(plan) == 0
    assert spec.estimate_seconds(plan) == 5.0 and spec.estimate_seconds(full) == 40.0
    timed = SectionSpec(name="s", title="S", run=None, seed_key=1, steps=lambda p: 7.0,
                        seconds=lambda p: 2 if p.quick else 9)
    assert timed.count_steps(plan) == 7 and isinstance(timed.count_steps(plan), int)
    assert timed.estimate_seconds(plan) == 2.0 and timed.estimate_seconds(full) == 9.0
    by_plan = SectionSpec(name="s", title="S", run=None, seed_key=1, steps=lambda p: 3 if p.quick else 12)
    assert by_plan.count_steps(plan) == 3 and by_plan.count_steps(full) == 12
