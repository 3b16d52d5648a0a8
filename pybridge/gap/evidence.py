"""Building the gap checks' evidence records: the verdict rule, bound-test rows, their power, solver failures.

The checks of :mod:`pybridge.gap.checks` return records of :mod:`pybridge.claims.records`; the report renders
them and reads each claim's statement, model and source from the registry (:mod:`pybridge.gap.claims`), so no
record here repeats them.  A row of a Monte Carlo against a bound (:class:`~pybridge.gap.montecarlo.GapResult`)
becomes one :class:`~pybridge.claims.records.BoundTest` with its figures in typed fields and the row, with the
seed that replays it, in ``details``.
"""

from __future__ import annotations

import numpy as np

from pybridge.claims.records import BoundTest, ExactCheck, Power
from pybridge.errors import InvalidType, SolverError
from pybridge.gap.montecarlo import ALPHA
from pybridge.stats.power import detectable_excess

__all__ = ["BINOMIAL_TAILS", "ONE_SIDED_CP", "verdict_of"]

#: how the binomial tests' power figures are computed
BINOMIAL_TAILS = "exact binomial tails"
#: the rule of every bound row: Theorem A (or its line variant) is rejected only by this
ONE_SIDED_CP = "one-sided Clopper-Pearson: reject if the lower bound exceeds the bound"


def verdict_of(ok, *, consistent: bool = False) -> str:
    """``"holds"`` (or ``"consistent"`` for an asymptotic claim) when ``ok``, else ``"violated"``.

    Raises
    ------
    InvalidType
        ``ok`` or ``consistent`` is not a bool (a NumPy bool is one).
    """
    for name, value in (("ok", ok), ("consistent", consistent)):
        if not isinstance(value, (bool, np.bool_)):
            raise InvalidType(f"{name} must be a bool, got {name}={value!r:.80} (type={type(value).__name__})")
    return ("consistent" if consistent else "holds") if ok else "violated"


def failed_records(claim_id: str, exc: Exception) -> list:
    """An LP/MILP failure as evidence: verdict ``failed``, the solver's message, never a number."""
    return [ExactCheck(claim_id=claim_id, verdict="failed", instances=0, note=f"solver failure: {exc}",
                       details={"error": str(exc)})]


def guarded(claim_id: str, fn, *args, **kwargs):
    """Run a check; an LP/MILP failure becomes :func:`failed_records` (never a number)."""
    try:
        return fn(*args, **kwargs)
    except SolverError as exc:
        return failed_records(claim_id, exc)


def bound_rows(results) -> list:
    """One dict per Monte Carlo result: the sample, the one-sided bound, the seed and the power figure."""
    return [{"n": r.spec.n, "d": r.spec.d, "eps": r.spec.eps, "law": r.spec.law, "pruning": r.spec.pruning,
             "successes": r.estimate.successes, "trials": r.estimate.trials, "undetermined": r.undetermined,
             "p_hat": r.estimate.p_hat, "ci_low": r.estimate.ci_low, "ci_high": r.estimate.ci_high,
             "ci_low_one_sided": r.ci_low_one_sided, "bound": r.bound.value, "verdict": r.verdict,
             "seed_entropy": r.estimate.seed_entropy, "spawn_key": list(r.spawn_key),
             # power (issue 10 §4): smallest true-frequency excess over the bound rejected with prob >= 0.9
             "detectable_excess_p90": detectable_excess(min(max(r.bound.value, 0.0), 1.0), r.estimate.trials,
                                                        alpha=ALPHA, power=0.9)} for r in results]


def power_text(excess) -> str:
    """The power of one bound row in words (``excess`` ``None``: no power at this budget)."""
    if excess is None:
        return "no power: no true frequency <= 1 is rejected with probability 0.9 at this budget"
    return f"power: rejects with probability >= 0.9 if the true frequency exceeds the bound by >= {excess:.3f}"


def row_power(row) -> Power:
    """The :class:`~pybridge.claims.records.Power` of one bound row."""
    excess = row["detectable_excess_p90"]
    what = ("none at this budget: no true frequency <= 1 is rejected with probability 0.9" if excess is None else
            f"rejects with probability >= 0.9 if the true frequency exceeds the bound by >= {excess:.3f}")
    return Power(test=ONE_SIDED_CP, alpha=ALPHA, trials=row["trials"], detectable={"detectable_excess_p90": excess},
                 method=BINOMIAL_TAILS, statement=f"Power: {what} (one-sided Clopper-Pearson at alpha = {ALPHA:g}, "
                                                  f"{BINOMIAL_TAILS}).")


def bound_records(claim_id: str, results, *, setting: str, note: str = "", ok: bool = True,
                  extra=None) -> list:
    """One :class:`~pybridge.claims.records.BoundTest` per result: its success frequency at most its bound.

    A row holds when its one-sided Clopper-Pearson lower bound does not exceed the bound (``GapResult.verdict``
    ``"consistent"``) and ``ok`` (the check's other, non-statistical conditions) is true.  ``extra`` is added
    to the first record's ``details``.
    """
    out = []
    for i, (r, row) in enumerate(zip(results, bound_rows(results))):
        s = r.spec
        out.append(BoundTest(
            claim_id=claim_id, verdict=verdict_of(ok and r.verdict == "consistent"),
            setting=f"{setting}; {s.pruning} pruning, law {s.law}, d = {s.d}, n = {s.n}, eps = {s.eps:g}",
            note=note, quantity=f"Pr[{s.pruning}-pruned error < eps]", bound=row["bound"], direction="at most",
            trials=row["trials"], alpha=ALPHA, events=row["successes"], estimate=row["p_hat"],
            test=f"one-sided Clopper-Pearson, lower bound {row['ci_low_one_sided']:.3f}", power=row_power(row),
            details={**row, **((extra or {}) if i == 0 else {})}))
    return out
