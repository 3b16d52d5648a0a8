r"""Monte Carlo of the pruning gap: success frequencies with Clopper–Pearson intervals.

:func:`run_gap_experiment` estimates :math:`\Pr[\text{error} < \varepsilon]` (or
:math:`\le \varepsilon` for weight-pruning constructions) for one model, law,
dimension, width, target and pruning paradigm (see :mod:`pybridge.gap.trial`), and
compares it with the bound that applies (:func:`applicable_bound`).

Conventions of the RSS engine (:mod:`pybridge.rss.montecarlo`): one root
:class:`~numpy.random.SeedSequence`; trials in fixed chunks of :data:`CHUNK`;
chunk ``i`` draws only from ``child_rng(root, MAIN, i)``, so results are identical
for any number of workers; the root entropy is recorded.

The bound check is one-sided: the claim "Pr[success] <= bound" is rejected only
if the one-sided Clopper–Pearson *lower* bound of the frequency, at false-alarm
rate ``alpha`` (default :data:`ALPHA` = 1e-6), exceeds the bound.

Solver failures (a failed LP/MILP, an undetermined decision) are recorded, never
fatal: the trial counts as a non-success in ``successes``; the interval is also given
with every failure counted as a success (``ci_failures_as_successes``); each failure
is listed with its chunk, its position and its instance (``failed_trials``), so that
:func:`replay_trial` re-runs it from the run's seed.  A bound is reported
``violated`` only if it is violated with failures counted as non-successes; if it
would be violated only with failures counted as successes the verdict is
``undetermined (solver failures)``; more than :data:`MAX_FAILURE_FRACTION` of
failures makes the verdict ``inconclusive (...)``.

Source: theory §3.6, §3.8, §3.9, §5.1 (RECON).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from pybridge.runtime import seeding
from pybridge.errors import InvalidArgument
from pybridge.validation import check_instance, check_int, check_probability, check_sequence
from pybridge.stats.estimate import BinomialEstimate, clopper_pearson, clopper_pearson_lower
from pybridge.gap.bounds import (
    Bound,
    expected_error_lower,
    line_variant_bound,
    theorem_a_bound,
    theorem_a_prime_bound,
)
from pybridge.gap.trial import GapSpec, event_description, gap_spec, run_trial
from pybridge.gap.networks import model_description
from pybridge.runtime.parallel import run_tasks

__all__ = ["CHUNK", "ALPHA", "MAX_FAILURE_FRACTION", "GapResult", "run_gap_experiment", "applicable_bound",
           "run_spec", "replay_trial"]

#: trials per chunk (fixed, so results do not depend on the number of workers)
CHUNK = 16
#: false-alarm rate of every statistical test of a bound
ALPHA = 1e-6
#: a run with more solver failures than this fraction of its trials has an inconclusive verdict
MAX_FAILURE_FRACTION = 0.05


def applicable_bound(spec: GapSpec) -> tuple[Bound | None, Bound | None]:
    r"""The upper bound on the success probability that applies to ``spec``, and a reference.

    Returns
    -------
    bound : Bound or None
        An upper bound on :math:`\Pr[\text{success}]` proved for this model (RECON), or
        ``None`` when none applies.
    reference : Bound or None
        For weight pruning and ``d = 1`` (where no such bound applies): the Theorem A
        formula at the same (n, ε), to show the gap (a frequency above it means the
        paradigm beats every neuron-pruned network of the M0/(G) model).
    """
    check_instance("spec", spec, GapSpec)
    n, eps, d = spec.n, spec.eps, spec.d
    ref = theorem_a_bound(n, eps)
    ref = Bound(ref.value, ref.formula, ref.source, ref.claim,
                "reference only: the neuron-pruning bound of model M0, law G, d >= 2, at the same (n, eps)")
    scheme = spec.scheme
    if d == 1:
        return None, Bound(ref.value, ref.formula, ref.source, "d1-no-gap",
                           "reference only: Theorem A needs d >= 2; d = 1 is random subset sum (no gap)")
    if scheme in ("rf", "neuron") and spec.model == "M0":
        if spec.law == "G":
            return theorem_a_bound(n, eps), None
        if spec.target == "axis":
            return line_variant_bound(n, eps, "U"), None
        return None, ref
    if scheme == "neuron":  # M1
        return (theorem_a_prime_bound(n, eps) if spec.law == "G" else None), None
    if scheme == "masked-rf":
        if spec.law == "G" and spec.target == "diagonal" and math.pi / 4 >= 2 * math.atan(2 * eps):
            b = theorem_a_bound(n, eps)
            return Bound(b.value, b.formula + "; needs arctan(gamma) >= eta_eps, gamma = 1 (diagonal)",
                         "theory §3.9 (RECON; M0, d = 2, law G, non-axis target)", "m0-diagonal-caveat",
                         "upper bound on Pr[some weight pruning has error < eps]"), None
        return None, ref
    return None, ref


@dataclass(frozen=True)
class GapResult:
    r"""A Monte Carlo estimate of a pruning success probability, with its bound.

    Attributes
    ----------
    spec : GapSpec
    estimate : BinomialEstimate
        Successes, trials, two-sided Clopper–Pearson interval, confidence, seed entropy.
    undetermined : int
        Near-ties counted as successes.
    alpha : float
        False-alarm rate of the one-sided bound check.
    ci_low_one_sided : float
        One-sided Clopper–Pearson lower bound at ``alpha``.
    bound, reference : Bound or None
        See :func:`applicable_bound`.
    error_lower, error_upper, certificate : ndarray, shape (trials,)
        Per-trial error bracket and Theorem A certificate (NaN where none).
    spawn_key : tuple
        Spawn key of the root seed sequence (empty for a plain ``--seed``); with
        ``seed_entropy`` it replays the run.
    failures : tuple of dict
        One record per failed trial: ``trial``, ``chunk``, ``position``, ``reason``, ``instance``.
    """

    spec: GapSpec
    estimate: BinomialEstimate
    undetermined: int
    alpha: float
    ci_low_one_sided: float
    bound: Bound | None
    reference: Bound | None
    error_lower: np.ndarray = field(repr=False)
    error_upper: np.ndarray = field(repr=False)
    certificate: np.ndarray = field(repr=False)
    spawn_key: tuple = ()
    failures: tuple = ()

    @property
    def solver_failures(self) -> int:
        return len(self.failures)

    def _lower_with_failures(self) -> float:
        hits = self.estimate.successes + self.solver_failures
        return clopper_pearson_lower(hits, self.estimate.trials, alpha=self.alpha) if hits else 0.0

    @property
    def verdict(self) -> str:
        """``"consistent"``, ``"violated"`` (rejected at ``alpha``), ``"no bound"``, or a failure verdict.

        See the module docstring: ``"undetermined (solver failures)"``, ``"inconclusive (...)"``.
        """
        trials, fails = self.estimate.trials, self.solver_failures
        if fails > MAX_FAILURE_FRACTION * trials:
            return (f"inconclusive ({fails} of {trials} trials are solver failures, more than "
                    f"{MAX_FAILURE_FRACTION:.0%})")
        if self.bound is None or self.bound.value is None:
            return "no bound"
        if self.ci_low_one_sided > self.bound.value:
            return "violated"
        if fails and self._lower_with_failures() > self.bound.value:
            return "undetermined (solver failures)"
        return "consistent"

    def to_dict(self) -> dict:
        e = self.estimate
        s = self.spec
        out = {
            "model": model_description(s.model, s.law, s.d, s.target),
            "n": s.n,
            "eps": s.eps,
            "pruning": s.pruning,
            "scheme": s.scheme,
            **event_description(s),
            "successes": e.successes,
            "trials": e.trials,
            "undetermined": self.undetermined,
            "p_hat": e.p_hat,
            "ci_low": e.ci_low,
            "ci_high": e.ci_high,
            "confidence": e.confidence,
            "ci_method": e.method,
            "alpha": self.alpha,
            "ci_low_one_sided": self.ci_low_one_sided,
            "bound": None if self.bound is None else self.bound.to_dict(),
            "reference": None if self.reference is None else self.reference.to_dict(),
            "verdict": self.verdict,
            "mean_error_upper": _mean(self.error_upper),
            "solver_failures": self.solver_failures,
            "max_failure_fraction": MAX_FAILURE_FRACTION,
            "failures_counted_as": "non-successes in successes, p_hat, ci_low, ci_high",
            "ci_failures_as_successes": list(clopper_pearson(e.successes + self.solver_failures, e.trials,
                                                             confidence=e.confidence)),
            "failed_trials": list(self.failures),
            "seed_entropy": e.seed_entropy,
            "spawn_key": list(self.spawn_key),
            "chunk": CHUNK,
        }
        if s.scheme in ("rf", "neuron") and s.model == "M0" and s.d >= 2:
            cert = self.certificate[np.isfinite(self.certificate)]
            out["mean_certificate"] = float(np.mean(cert)) if cert.size else None
            out["expected_error_lower_bound"] = {
                "value": expected_error_lower(s.n), "formula": "pi / (8 (n + 1))",
                "source": "theory §3.6 corollary (RECON; law G)", "claim": "expected-optimal-error"}
        return out


def _mean(x) -> float | None:
    x = x[np.isfinite(x)]
    return float(np.mean(x)) if x.size else None


def _chunk(spec, entropy, spawn_key, index, size):
    root = np.random.SeedSequence(entropy, spawn_key=spawn_key)
    rng = seeding.child_rng(root, seeding.MAIN, index)
    return [run_trial(spec, rng) for _ in range(size)]


def run_spec(spec: GapSpec, trials: int, root: np.random.SeedSequence, *, workers: int = 1, progress=None) -> list:
    """All trial outcomes of ``spec`` under ``root`` (chunked, worker-count independent)."""
    chunks = [(i, min(CHUNK, trials - i * CHUNK)) for i in range(math.ceil(trials / CHUNK))]
    args = [(spec, root.entropy, tuple(root.spawn_key), i, size) for i, size in chunks]
    parts = run_tasks(_chunk, args, workers=workers, progress=progress)
    return [o for part in parts for o in part]


def replay_trial(spec: GapSpec, seed_entropy, spawn_key, trial: int):
    """Re-run trial number ``trial`` of a run (from its ``seed_entropy`` and ``spawn_key``); its outcome."""
    check_instance("spec", spec, GapSpec)
    trial = check_int("trial", trial, min_value=0, max_value=10**7)
    chunk, pos = divmod(trial, CHUNK)
    text = str(seed_entropy)
    if not re.fullmatch(r"\d{1,200}(,\d{1,200}){0,64}", text):
        raise InvalidArgument(f"seed_entropy must be a run's decimal entropy ('123' or '1,2'), got {text!r:.80}")
    entropy = [int(e) for e in text.split(",")]
    keys = check_sequence("spawn_key", spawn_key)
    keys = tuple(check_int(f"spawn_key[{i}]", k, min_value=0, max_value=2**63) for i, k in enumerate(keys))
    return _chunk(spec, entropy[0] if len(entropy) == 1 else entropy, keys, chunk, pos + 1)[pos]


def _failure_records(outs) -> tuple:
    return tuple({"trial": k, "chunk": k // CHUNK, "position": k % CHUNK, "reason": o.failure,
                  "instance": o.instance} for k, o in enumerate(outs) if o.failed)


def run_gap_experiment(model, law, d, n, eps, *, target="axis", pruning="neuron", trials=200, seed=None,
                       workers=1, confidence=0.95, alpha=ALPHA, progress=None) -> GapResult:
    r"""Monte Carlo of the success probability of one pruning paradigm in one model.

    Parameters
    ----------
    model : {"M0", "M1"}
    law : {"G", "U"}
    d : int >= 1
    n : int >= 1
        Hidden units.
    eps : float in (0, 1/2)
    target : {"axis", "diagonal", "random"}, default "axis"
    pruning : {"neuron", "weight", "rf"}, default "neuron"
    trials : int >= 1, default 200
    seed : int, SeedSequence or None
        Root seed (``None``: fresh entropy, recorded).
    workers : int, default 1
        Worker processes; the result does not depend on it.
    confidence : float, default 0.95
        Two-sided Clopper–Pearson confidence of ``[ci_low, ci_high]``.
    alpha : float, default 1e-6
        False-alarm rate of the one-sided check against the bound.
    progress : callable or None
        Called with the number of chunks just finished.

    Returns
    -------
    GapResult
        ``to_dict()`` gives successes, trials, ci_low, ci_high, confidence, the
        bound (value, formula, source, claim), the model, the event and seed_entropy.

    Raises
    ------
    InvalidArgument, InvalidType
        Bad input (see :func:`pybridge.gap.trial.gap_spec`), ``trials < 1``.
    Solver failures are recorded in the result (``failures``), never raised.

    Notes
    -----
    Claims ``theorem-a``, ``theorem-a-line-uniform``, ``d1-no-gap``,
    ``weight-pruning-b0``, ``weight-pruning-b1``, ``m0-diagonal-caveat``; theory §3 (RECON).

    Examples
    --------
    >>> r = run_gap_experiment("M0", "G", 2, 5, 0.05, pruning="rf", trials=16, seed=1)
    >>> r.to_dict()["verdict"]
    'consistent'
    """
    spec = gap_spec(model, law, d, n, eps, target=target, pruning=pruning)
    trials = check_int("trials", trials, min_value=1, max_value=10**7)
    confidence = check_probability("confidence", confidence)
    alpha = check_probability("alpha", alpha)
    root = seeding.root_seed_sequence(seed)
    outs = run_spec(spec, trials, root, workers=workers, progress=progress)
    hits = sum(o.success for o in outs)
    est = BinomialEstimate.from_counts(hits, trials, confidence=confidence, seed_entropy=seeding.seed_entropy(root))
    bound, ref = applicable_bound(spec)
    return GapResult(
        spec, est, sum(o.undetermined for o in outs), alpha, clopper_pearson_lower(hits, trials, alpha=alpha)
        if hits else 0.0, bound, ref,
        np.array([o.error_lower for o in outs]), np.array([o.error_upper for o in outs]),
        np.array([o.certificate for o in outs]), tuple(int(k) for k in root.spawn_key), _failure_records(outs),
    )
