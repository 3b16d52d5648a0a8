"""Evidence records of the constants section (issue 4; records: issue 20).

Every constant of :mod:`symbolic` becomes a :class:`~pybridge.claims.CertifiedValue` (the closed form's value
enclosed by interval arithmetic, with its independent evaluation in ``setting``); the binomial-entropy bounds
checked on every pair up to ``n_max`` become :class:`~pybridge.claims.ExactCheck` s.  Statements, models and
sources are the registry's (:mod:`pybridge.constants.claims`).
"""

from __future__ import annotations

import symbolic
from pybridge.claims import CertifiedValue, ExactCheck
from symbolic.constants.sum_bounded_constants import EVIDENCE_K_MAX

#: the public API; the record builders are section internals (minutes of work on a wild ``n_max``)
__all__ = ["CLAIM_SCOPE", "DPS"]

#: digits of the value, its independent evaluation and its certified interval
DPS = 50
#: leading digits of the value quoted in the record's setting
QUOTED_DIGITS = 32

#: claims that say more than the value of their closed form, and how far the "more" was checked: their
#: label is "value certified; claim checked for k <= K", never "claim certified" (issue 10 §5)
CLAIM_SCOPE = {
    "const-irwin-hall-cl": (
        f"Claim checked for k <= {EVIDENCE_K_MAX} only: that the infimum over all k of sqrt(k) f_k(sqrt k) equals this "
        f"closed form is checked exactly (strictly decreasing, above the limit) for k <= {EVIDENCE_K_MAX}; no certified "
        f"tail bound covers larger k."),
    "const-irwin-hall-cu": (
        f"Claim checked for k <= {EVIDENCE_K_MAX} only: that the supremum over all k of sqrt(k) f_k(0) is attained at "
        f"k = 2 is checked exactly for k <= {EVIDENCE_K_MAX}; no certified tail bound covers larger k."),
}


def _constant_record(check) -> CertifiedValue:
    d = check.to_dict()
    scope = CLAIM_SCOPE.get(d["claim_id"])
    if scope:
        d = {**d, "claim_scope": scope}
    at = ", ".join(f"{k} = {v}" for k, v in d["params"].items())
    setting = (f"`{d['name']}` = {d['formula']}" + (f" at {at}" if at else "") + f" = {d['value'][:QUOTED_DIGITS]}...; "
               f"independent evaluation ({d.get('independent_method', 'n/a')}) "
               f"{'agrees' if d.get('agrees') else 'DISAGREES'} to {d['dps']} digits; the certified interval "
               f"{'contains' if d.get('contained') else 'DOES NOT contain'} the value")
    return CertifiedValue(claim_id=d["claim_id"], verdict="holds" if check.ok else "violated",
                          quantity=f"`{d['name']}`", low=d["certified"][0], high=d["certified"][1], dps=d["dps"],
                          setting=setting, note=scope or "", details=d)


def constant_records(checks) -> list[CertifiedValue]:
    """One :class:`CertifiedValue` per :func:`symbolic.verify_constants` check."""
    return [_constant_record(c) for c in checks]


def binomial_entropy_records(n_max: int) -> list[ExactCheck]:
    """The two binomial-entropy bounds of RFSS on every pair ``1 <= k < n <= n_max`` (arb, exact fallback)."""
    be = symbolic.check_binomial_entropy_bounds(n_max)
    out = []
    for cid, holds, counter in (("const-rfss-binomial-entropy-upper", be.upper_holds, be.upper_counterexamples),
                                ("const-rfss-binomial-entropy-lower", be.lower_holds, be.lower_counterexamples)):
        out.append(ExactCheck(
            claim_id=cid, verdict="holds" if holds else "violated", instances=be.pairs,
            failures=0 if holds else max(1, len(counter)),
            setting=f"all {be.pairs:,} pairs 1 <= k < n <= {n_max} (arb with exact-integer fallback)"
                    + ("" if holds else f"; fails at {list(counter[:3])}")
                    + f"; equalities at {list(be.lower_equalities)}; smallest upper margin "
                      f"{be.min_upper_margin:.3g} at {be.min_upper_margin_at}",
            note=f"Claim checked for n <= {n_max} only (certified arithmetic on finitely many instances; no tail "
                 "argument for larger n).",
            details={"n_max": n_max, "pairs": be.pairs}))
    return out
