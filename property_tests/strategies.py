"""Hypothesis strategies shared by the property tests (plural nouns, built valid by construction)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st


def samples(*, min_size: int = 0, max_size: int = 12, bound: float = 1.0):
    """Lists of finite floats in [-bound, bound] (subnormals excluded)."""
    return st.lists(
        st.floats(-bound, bound, allow_nan=False, allow_infinity=False, allow_subnormal=False),
        min_size=min_size, max_size=max_size,
    )


def dyadic_samples(*, min_size: int = 0, max_size: int = 10, denom_log2: int = 5):
    """Lists of dyadic rationals k / 2**denom_log2 in [-1, 1] as floats (exact in binary: ties occur)."""
    d = 2**denom_log2
    return st.lists(st.integers(-d, d).map(lambda k: k / d), min_size=min_size, max_size=max_size)


def radii(*, min_value: float = 1e-3, max_value: float = 0.5):
    return st.floats(min_value, max_value, allow_nan=False, allow_infinity=False)


def dyadic_radii(*, denom_log2: int = 6):
    """eps = k / 2**denom_log2 > 0 (so 2*eps gaps between dyadic sums happen exactly)."""
    d = 2**denom_log2
    return st.integers(1, d // 2).map(lambda k: k / d)


def intervals(*, bound: float = 2.0):
    return st.tuples(st.floats(-bound, bound, allow_nan=False), st.floats(0.01, 2 * bound, allow_nan=False)).map(
        lambda t: (t[0], t[0] + t[1])
    )


def rationals(*, max_denominator: int = 64, bound: int = 4):
    return st.builds(Fraction, st.integers(-bound * max_denominator, bound * max_denominator),
                     st.integers(1, max_denominator))


def seeds():
    return st.integers(0, 2**32 - 1)


# --------------------------------------------------------------------------- evidence records (issue 20)

from pybridge.claims import records as R  # noqa: E402

_text = st.text(max_size=30)
_float = st.floats(allow_nan=False, allow_infinity=False, width=64)
_prob = st.floats(0, 1)
_count = st.integers(0, 10**9)
_json = st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | _float | _text,
                     lambda c: st.lists(c, max_size=3) | st.dictionaries(_text, c, max_size=3), max_leaves=10)
_power = st.builds(R.Power, test=_text, alpha=_prob | st.none(), trials=_count | st.none(), level=_prob,
                   detectable=st.dictionaries(_text, _float | st.none(), max_size=3), method=_text,
                   statement=_text)
_base = dict(claim_id=_text, verdict=st.sampled_from(R.VERDICTS), setting=_text, note=_text,
             details=st.dictionaries(_text, _json, max_size=3))


def _exact():
    return st.integers(0, 100).flatmap(lambda n: st.builds(
        R.ExactCheck, claim_id=_text, verdict=st.sampled_from([v for v in R.VERDICTS if v != "holds"]),
        instances=st.just(n), failures=st.integers(0, n)))


def _interval():
    return st.tuples(_float, _float).map(sorted).flatmap(lambda lh: st.builds(
        R.IntervalEstimate, **_base, quantity=_text, value=_float | st.none(), low=st.just(lh[0]),
        high=st.just(lh[1]), confidence=_prob | st.none(), estimator=_text, trials=_count | st.none(),
        seed_entropy=_text | st.none(), power=_power | st.none()))


def evidence_records():
    """Every kind of evidence record (issue 20 item 1), with valid fields."""
    return st.one_of(
        st.builds(R.FormalOutcome, **_base, prover=st.sampled_from(["coq", "lean"]), theorem=_text,
                  outcome=_text, file=_text | st.none(), statement_pinned=st.booleans() | st.none(),
                  axioms=st.lists(_text, max_size=3), tool=_text, messages=st.lists(_text, max_size=2)),
        st.builds(R.CertifiedClaim, **_base, certified=st.lists(_text, max_size=3)),
        st.builds(R.CertifiedValue, **_base, quantity=_text, low=_text, high=_text, dps=_count | st.none()),
        _exact(),
        st.builds(R.BoundTest, **_base, quantity=_text, bound=_float,
                  direction=st.sampled_from(["at most", "at least"]), trials=_count, alpha=_prob,
                  events=_count | st.none(), estimate=_float | st.none(), p_value=_prob | st.none(), test=_text,
                  power=_power | st.none()),
        st.builds(R.AgreementTest, **_base, quantity=_text, first=_text, first_value=_float, second=_text,
                  second_value=_float, alpha=_prob, first_trials=_count | st.none(),
                  second_trials=_count | st.none(), difference=_float | st.none(), threshold=_float | st.none(),
                  p_value=_prob | st.none(), test=_text, power=_power | st.none()),
        _interval(),
        st.builds(R.BenchmarkResult, **_base, source=_text, command=_text, rows=st.lists(_json, max_size=3),
                  seed_entropy=_text | st.none()),
    )


def synthetic_record(claim_id: str, verdict: str, method: str, *, setting: str = "synthetic"):
    """A minimal evidence record of ``method`` (the status input) for report and status tests."""
    base = dict(claim_id=claim_id, verdict=verdict, setting=setting)
    if method == "exact":
        return R.ExactCheck(**base, instances=1, failures=1 if verdict == "violated" else 0)
    if method == "monte-carlo":
        return R.IntervalEstimate(**base, quantity="q", value=None, low=None, high=None)
    if method == "certified":
        return R.CertifiedValue(**base, quantity="q", low="0", high="1")
    if method == "claim-certified":
        return R.CertifiedClaim(**base)
    if method == "formal":
        return R.FormalOutcome(**base, prover="coq", theorem="T", outcome="proved" if verdict == "holds" else verdict)
    if method == "static":
        return R.FormalOutcome(**base, prover="lean", theorem="T", outcome="proof-written")
    raise ValueError(f"no synthetic record for method={method!r}")
