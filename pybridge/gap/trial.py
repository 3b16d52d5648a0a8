r"""One trial of a pruning-gap experiment: sample a network, prune it, decide success.

A *specification* (:class:`GapSpec`) fixes the model, law, dimension, width, ε,
target kind and pruning paradigm; :func:`run_trial` samples one network from an
explicit ``rng`` and returns a :class:`TrialOutcome`.  What "success" means, and
how exact it is, depends on the paradigm (:func:`event_description`):

* ``rf`` (M0): the RF optimum (LP + cutting planes) is below ε.  For ``d > 2`` the
  plane RF optimum is a lower bound, so the measured event *contains* the true
  success event (its frequency over-estimates: conservative against upper bounds).
* ``neuron``: the best neuron-pruned error is below ε: exhaustive search (n <= 16),
  subset sum (d = 1), and for model M0 beyond n = 16 the exact decision of
  :mod:`pybridge.gap.neuron_decision` (same remark for ``d > 2``).
* ``weight``: B0 (M0, axis target; exact error <= ε); B1 (M1; certified bound <= ε,
  an event *contained in* the true success event); §3.9 (M0, non-axis target,
  ``d = 2``): the RF optimum over all masked features is below ε, an event that
  *contains* every weight-pruning success.

A near-tie (the bracket of an LP/MILP straddles ε) is counted as a success and
reported as ``undetermined``: conservative for the upper-bound checks.

A trial whose solver fails, or whose decision is undetermined within
:data:`NEURON_TIME_LIMIT`, is a *failure*: recorded (``failed``, the reason and the
instance itself, so it can be re-run), never fatal and never a success.

Source: theory §3 (RECON).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pybridge.validation import check_choice, check_instance, check_int, check_matrix, check_real, check_rng
from pybridge.errors import InvalidArgument, ResourceLimitError, SolverError
from pybridge.gap.bounds import theorem_a_certificate
from pybridge.gap.networks import (GAP_LAWS, MAX_D, MODELS, TARGET_KINDS, Network, Target, make_target,
                                   plane_coordinates, sample_network)
from pybridge.gap.neuron_decision import UNDETERMINED, YES, decide_neuron_pruning
from pybridge.gap.neuron_pruning import EXHAUSTIVE_MAX, best_neuron_subset, best_neuron_subset_line
from pybridge.gap.rf_lp import rf_optimum
from pybridge.rss import MAX_MITM_N
from pybridge.gap.weight_pruning import prune_b0, prune_b1

__all__ = ["PRUNINGS", "GapSpec", "TrialOutcome", "gap_spec", "run_trial", "evaluate_trial", "event_description",
           "masked_features", "NEURON_TIME_LIMIT", "DECISION_MAX",
           "MAX_D", "MAX_N", "MAX_ENTRIES"]

PRUNINGS = ("neuron", "weight", "rf")
#: RF LPs refuse wider networks (time)
RF_MAX = 1000
#: M0 neuron pruning (exact decision) refuses wider networks
DECISION_MAX = 1000
#: seconds allowed to one trial's neuron-pruning decision before it is a recorded failure
NEURON_TIME_LIMIT = 5.0
#: largest hidden width accepted (memory: one network is n * d floats; MAX_D is the networks module's)
MAX_N = 10**6
#: largest n * d (one network's first-layer weights: 8e8 bytes)
MAX_ENTRIES = 10**8


@dataclass(frozen=True)
class GapSpec:
    """A validated experiment specification (see :func:`gap_spec`)."""

    model: str
    law: str
    d: int
    n: int
    eps: float
    target: str
    pruning: str

    @property
    def scheme(self) -> str:
        """``rf``, ``neuron``, ``b0``, ``b1`` or ``masked-rf`` (§3.9)."""
        if self.pruning != "weight":
            return self.pruning
        if self.model == "M1":
            return "b1"
        return "b0" if self.target == "axis" else "masked-rf"


def gap_spec(model, law, d, n, eps, *, target="axis", pruning="neuron") -> GapSpec:
    r"""Validate an experiment specification (one-line :class:`~pybridge.errors.InvalidArgument` on bad input).

    Raises
    ------
    InvalidArgument, InvalidType
        ``d < 1``; ε outside (0, ½) or not finite; ``n < 1``; unknown model, law,
        target or pruning; a combination without a method (RF in M1; M1 neuron
        pruning beyond n = 16; weight pruning in M0 of a non-axis target with
        ``d != 2``; ``d = 1`` neuron pruning beyond n = 48; RF beyond n = 1000).
    """
    check_choice("model", model, MODELS)
    check_choice("law", law, GAP_LAWS)
    d = check_int("d", d, min_value=1, max_value=MAX_D)
    n = check_int("n", n, min_value=1, max_value=MAX_N)
    if n * d > MAX_ENTRIES:
        raise ResourceLimitError(f"n * d must be <= {MAX_ENTRIES:.0e} (the weights of one network), got n={n}, "
                                 f"d={d}")
    eps = check_real("eps", eps, min_value=0.0, max_value=0.5, min_open=True, max_open=True)
    check_choice("target", target, TARGET_KINDS)
    check_choice("pruning", pruning, PRUNINGS)
    if d == 1 and target != "axis":
        target = "axis"  # in d = 1 every unit target is +-e_1; "diagonal" is e_1
    if pruning == "rf":
        if model != "M0":
            raise InvalidArgument("pruning='rf' (free output coefficients) is defined for model M0 only")
        if n > RF_MAX:
            raise InvalidArgument(f"pruning='rf' needs n <= {RF_MAX}, got n={n}")
    if pruning == "neuron":
        if d == 1 and n > MAX_MITM_N:
            raise InvalidArgument(f"d = 1 neuron pruning (subset sum) needs n <= {MAX_MITM_N}, got n={n}")
        if d >= 2 and model == "M1" and n > EXHAUSTIVE_MAX:
            raise InvalidArgument(f"M1 neuron pruning is exhaustive only: needs n <= {EXHAUSTIVE_MAX}, got n={n}")
        if d >= 2 and model == "M0" and n > DECISION_MAX:
            raise InvalidArgument(f"M0 neuron pruning (exact decision) needs n <= {DECISION_MAX}, got n={n}")
    if pruning == "weight" and model == "M0" and target != "axis" and d != 2:
        raise InvalidArgument("weight pruning in M0 of a non-axis target is computed for d = 2 only "
                              "(the masked-feature RF of theory §3.9); use --model M1 for construction B1")
    return GapSpec(model, law, d, n, eps, target, pruning)


@dataclass(frozen=True)
class TrialOutcome:
    """One trial: success flag, near-tie flag, error bracket and Theorem A certificate (NaN if none).

    ``failed`` marks a solver failure or an undetermined decision (never a success);
    ``failure`` then holds the reason and ``instance`` the sampled network
    (``{"w", "u", "v"}``, JSON-safe) so the trial can be re-run.
    """

    success: bool
    undetermined: bool
    error_lower: float
    error_upper: float
    certificate: float
    eta_min: float
    failed: bool = False
    failure: str = ""
    instance: dict | None = None


def _failed(reason, target, net, cert=float("nan"), eta=float("nan"), lower=float("nan"), upper=float("nan")):
    inst = {"w": [float(x) for x in target.w], "u": net.u.tolist(), "v": net.v.tolist()}
    return TrialOutcome(False, False, lower, upper, cert, eta, True, reason, inst)


def masked_features(u: np.ndarray, target) -> tuple[np.ndarray, np.ndarray]:
    r"""Plane coordinates of all masked features :math:`\{u_i, (u_{i1}, 0), (0, u_{i2})\}` (d = 2, theory §3.9)."""
    u = check_matrix("u", u, columns=2)
    m1 = u * np.array([1.0, 0.0])
    m2 = u * np.array([0.0, 1.0])
    allu = np.vstack([u, m1, m2])
    return plane_coordinates(allu, target)


def _decide(lower: float, upper: float, eps: float, strict: bool = True):
    if (upper < eps) if strict else (upper <= eps):
        return True, False
    if (lower >= eps) if strict else (lower > eps):
        return False, False
    return True, True


def run_trial(spec: GapSpec, rng: np.random.Generator) -> TrialOutcome:
    """Sample one network (target first, then u, then v) and evaluate the paradigm of ``spec``.

    A :class:`~pybridge.errors.SolverError` (or an undetermined decision) gives a failed
    outcome carrying the instance; the random stream is the same as for a solved trial.
    """
    check_instance("spec", spec, GapSpec)
    rng = check_rng("rng", rng, allow_none=False)
    target = make_target(spec.target, spec.d, rng=rng)
    net = sample_network(spec.model, spec.law, spec.d, spec.n, rng=rng)
    try:
        return evaluate_trial(spec, target, net, rng)
    except SolverError as exc:
        return _failed(f"solver failure: {exc}", target, net)


def _decision_outcome(spec, target, net, p, q, cert, eta):
    r = decide_neuron_pruning(p, q, net.v, spec.eps, time_limit=NEURON_TIME_LIMIT)
    if r.answer == UNDETERMINED:
        return _failed(f"undetermined: {r.reason}", target, net, cert, eta, r.lower, r.upper)
    ok = r.answer == YES
    return TrialOutcome(ok, False, r.lower if ok else max(r.lower, spec.eps), r.upper, cert, eta)


def evaluate_trial(spec: GapSpec, target, net, rng: np.random.Generator) -> TrialOutcome:
    """Evaluate the paradigm of ``spec`` on a given target and network (``rng``: B1's sampled lower bound)."""
    check_instance("spec", spec, GapSpec)
    check_instance("target", target, Target)
    check_instance("net", net, Network)
    if (net.model, net.n, net.d, target.d) != (spec.model, spec.n, spec.d, spec.d):
        raise InvalidArgument(f"net (model {net.model}, n={net.n}, d={net.d}) and target (d={target.d}) must match "
                              f"spec (model {spec.model}, n={spec.n}, d={spec.d})")
    rng = check_rng("rng", rng, allow_none=False)
    nan = float("nan")
    scheme = spec.scheme
    if spec.d == 1:
        w = float(target.w[0])
        if scheme == "rf":
            err = 0.0 if np.any(net.u[:, 0] * w > 0) else 1.0
            return TrialOutcome(err < spec.eps, False, err, err, nan, nan)
        if scheme == "neuron":
            r = best_neuron_subset_line(net.u[:, 0], net.v, w, model=spec.model)
            return TrialOutcome(r.error < spec.eps, False, r.error, r.error, nan, nan)
    if scheme in ("rf", "neuron", "masked-rf"):
        p, q = masked_features(net.u, target) if scheme == "masked-rf" else plane_coordinates(net.u, target)
        eta, cert = theorem_a_certificate(p, q) if spec.model == "M0" else (nan, nan)
        if scheme == "neuron" and spec.model == "M0" and spec.n > EXHAUSTIVE_MAX:
            return _decision_outcome(spec, target, net, p, q, cert, eta)
        if scheme == "neuron":
            r = best_neuron_subset(p, q, net.v, model=spec.model, d=spec.d)
            ok, und = _decide(r.lower, r.error, spec.eps)
            return TrialOutcome(ok, und, r.lower, r.error, cert, eta)
        r = rf_optimum(p, q)
        ok, und = _decide(r.lp_value, r.upper, spec.eps)
        return TrialOutcome(ok, und, r.lp_value, r.upper, cert, eta)
    if scheme == "b0":
        r = prune_b0(net, target)
        return TrialOutcome(r.error <= spec.eps, False, r.error, r.error, nan, nan)
    r = prune_b1(net, target, rng=rng, samples=1024)
    return TrialOutcome(r.error <= spec.eps, False, r.lower.value, r.error, nan, nan)


def event_description(spec: GapSpec) -> dict:
    """What a success is for ``spec``, and how the measured event relates to the true one."""
    check_instance("spec", spec, GapSpec)
    plane = spec.d > 2
    scheme = spec.scheme
    if scheme == "rf":
        text = "RF optimum < eps (LP + cutting planes; near-ties counted as successes)"
        rel = ("contains the true event: the plane RF optimum is a lower bound for d > 2" if plane
               else "exact up to the LP tolerance")
    elif scheme == "neuron":
        text = "best neuron-pruned sup error < eps (exhaustive / exact decision / subset sum)"
        rel = ("contains the true event: the plane error is a lower bound for d > 2" if plane
               else "exact (float64; MILP tolerance)")
        if spec.model == "M0" and spec.n > EXHAUSTIVE_MAX and spec.d >= 2:
            rel += ("; exact decision (yes: rational sup of the subset found; no: Theorem A certificate or "
                    f"HiGHS infeasibility with margin 1e-5); undetermined within {NEURON_TIME_LIMIT:g} s: a "
                    "recorded solver failure")
    elif scheme == "b0":
        text = "construction B0 error <= eps (exact error |Sigma_S - 1|)"
        rel = "exact; B0 is one weight pruning, so the event is contained in the best weight pruning's success"
    elif scheme == "b1":
        text = "construction B1 certified bound <= eps (Cauchy-Schwarz over exact per-coordinate errors)"
        rel = "contained in the true success event of the construction (certified upper bound)"
    else:
        text = "RF optimum over all masked features < eps (theory §3.9)"
        rel = "contains every weight-pruning success (each lies in the masked-feature RF span)"
    return {"success_event": text, "exactness": rel}
