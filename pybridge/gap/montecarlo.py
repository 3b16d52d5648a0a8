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

Source: theory §3.6, §3.8, §3.9, §5.1 (RECON).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from pybridge.runtime import seeding
from pybridge.validation import check_instance, check_int, check_probability
from pybridge.stats.estimate import BinomialEstimate, clopper_pearson_lower
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

__all__ = ["CHUNK", "ALPHA", "GapResult", "run_gap_experiment", "applicable_bound", "run_spec"]

#: trials per chunk (fixed, so results do not depend on the number of workers)
CHUNK = 16
#: false-alarm rate of every statistical test of a bound
ALPHA = 1e-6


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

    @property
    def verdict(self) -> str:
        """``"consistent"``, ``"violated"`` (the bound is rejected at ``alpha``) or ``"no bound"``."""
        if self.bound is None or self.bound.value is None:
            return "no bound"
        return "violated" if self.ci_low_one_sided > self.bound.value else "consistent"

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
            "mean_error_upper": float(np.mean(self.error_upper)),
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
    SolverError
        An LP/MILP failed or hit its limit (never reported as a number).

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
        np.array([o.certificate for o in outs]), tuple(int(k) for k in root.spawn_key),
    )
