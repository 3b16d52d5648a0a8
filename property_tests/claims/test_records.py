"""The evidence records (issue 20 item 1): a closed family, frozen, validated, and exact JSON round trips."""

from __future__ import annotations

import json
import pickle
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given

from pybridge.claims import records as R
from pybridge.errors import InvalidArgument, InvalidType, PrunegapError
from strategies import evidence_records

RECORDS = evidence_records()


@given(RECORDS)
def test_every_record_round_trips_exactly_through_json(record):
    d = record.to_dict()
    again = R.record_from_dict(json.loads(json.dumps(d)))
    assert again == record
    assert type(again) is type(record)
    assert again.to_dict() == d
    assert d["kind"] == record.kind and d["method"] == record.method


@given(RECORDS)
def test_records_are_frozen_and_picklable(record):
    with pytest.raises((AttributeError, TypeError)):
        record.verdict = "violated"
    with pytest.raises(TypeError):
        record.details["x"] = 1
    assert pickle.loads(pickle.dumps(record)) == record


def test_the_family_is_closed_and_its_methods_are_the_status_inputs():
    assert set(R.RECORD_KINDS) == {"formal-outcome", "certified-claim", "certified-value", "exact-check",
                                   "bound-test", "agreement-test", "interval-estimate", "benchmark-result"}
    method = {k: c.method for k, c in R.RECORD_KINDS.items() if k != "formal-outcome"}
    assert method == {"certified-claim": "claim-certified", "certified-value": "certified", "exact-check": "exact",
                      "bound-test": "monte-carlo", "agreement-test": "monte-carlo",
                      "interval-estimate": "monte-carlo", "benchmark-result": "monte-carlo"}
    coq = R.FormalOutcome(claim_id="a", verdict="holds", prover="coq", theorem="T", outcome="proved")
    lean = R.FormalOutcome(claim_id="a", verdict="holds", prover="lean", theorem="T", outcome="proof-written")
    assert (coq.method, lean.method) == ("formal", "static")
    with pytest.raises(InvalidType):
        R.Evidence(claim_id="a", verdict="holds")


def test_details_are_canonical_json():
    r = R.ExactCheck(claim_id="a", verdict="holds", instances=2,
                     details={"rows": [(1, np.int64(2)), {"x": np.float64(0.5), "q": Fraction(1, 3)}],
                              "arr": np.arange(3)})
    assert r.to_dict()["details"] == {"rows": [[1, 2], {"x": 0.5, "q": "1/3"}], "arr": [0, 1, 2]}
    with pytest.raises(InvalidType, match=r"details\['bad'\]"):
        R.ExactCheck(claim_id="a", verdict="holds", instances=1, details={"bad": {1, 2}})


@pytest.mark.parametrize("kwargs, match", [
    (dict(verdict="fine"), "verdict must be one of"),
    (dict(instances=-1), "instances must be a non-negative integer"),
    (dict(instances=2, failures=3), "failures must be <= instances=2"),
    (dict(instances=2, failures=1), "cannot hold"),
])
def test_exact_check_refuses_inconsistent_counts(kwargs, match):
    args = dict(claim_id="a", verdict="holds", instances=1) | kwargs
    with pytest.raises(InvalidArgument, match=match):
        R.ExactCheck(**args)


@pytest.mark.parametrize("cls, kwargs, exc, match", [
    (R.BoundTest, dict(quantity="q", bound=0.1, direction="below", trials=1, alpha=0.1), InvalidArgument, "direction"),
    (R.BoundTest, dict(quantity="q", bound=0.1, direction="at most", trials=1, alpha=1.5), InvalidArgument, "alpha"),
    (R.BoundTest, dict(quantity="q", bound="x", direction="at most", trials=1, alpha=0.1), InvalidType, "bound"),
    (R.IntervalEstimate, dict(quantity="q", value=1.0, low=2.0, high=1.0), InvalidArgument, "low must be <= high"),
    (R.FormalOutcome, dict(prover="isabelle", theorem="T", outcome="proved"), InvalidArgument, "prover"),
    (R.AgreementTest, dict(quantity="q", first="a", first_value=1, second="b", second_value=1, alpha=0.1,
                           power="x"), InvalidType, "power"),
])
def test_records_refuse_bad_fields_with_the_field_named(cls, kwargs, exc, match):
    with pytest.raises(exc, match=match) as info:
        cls(claim_id="a", verdict="holds", **kwargs)
    assert isinstance(info.value, PrunegapError)


def test_from_dict_refuses_unknown_kind_and_wrong_method():
    good = R.ExactCheck(claim_id="a", verdict="holds", instances=1).to_dict()
    with pytest.raises(InvalidArgument, match="kind must be one of"):
        R.record_from_dict(good | {"kind": "opinion"})
    with pytest.raises(InvalidArgument, match="does not match kind"):
        R.record_from_dict(good | {"method": "monte-carlo"})
    with pytest.raises(InvalidType):
        R.record_from_dict([good])


def test_power_from_a_power_record_keeps_its_figures():
    from pybridge.stats.power import power_record

    rec = power_record("t", alpha=1e-6, trials=100, text="Power: x.", method="closed form", above=0.1, below=None)
    p = R.Power.from_record(rec)
    assert p.detectable == {"above": 0.1, "below": None} and p.statement == "Power: x." and p.level == rec["power"]
    assert not p.no_power
    assert R.Power.from_record(power_record("t", alpha=None, trials=None, text="", method="none", x=None)).no_power


def test_power_from_a_record_keeps_its_stated_no_power_even_with_figures():
    """A power record may carry figures (a floor, the trials any power would need) and still have no power."""
    from pybridge.stats.power import power_record

    rec = power_record("t", alpha=1e-6, trials=10, text="Power: none.", method="closed form", no_power=True,
                       bound_floor=0.3, trials_needed_for_any_power=5000)
    p = R.Power.from_record(rec)
    assert p.no_power is True and p.detectable["bound_floor"] == 0.3
    assert R.Power.from_dict(p.to_dict()) == p
    with pytest.raises(InvalidType, match="no_power"):
        R.Power(test="t", alpha=None, trials=None, no_power="yes")
