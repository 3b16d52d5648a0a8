r"""The width :math:`n_{1/2}(\varepsilon)` at which pruning succeeds with probability ½, by coupled Monte Carlo.

Each trial draws one target and one network of ``n_max`` units and records the
first width :math:`T` at which its prefix succeeds (binary search: success is
monotone in n for nested networks, because a wider network offers a superset of
subnetworks / features / subset sums).  Then for every n at once
:math:`\hat p(n) = \#\{T \le n\}/N`, and :math:`n_{1/2}` is the median of
:math:`T`, with a distribution-free order-statistic confidence interval.

Paradigms (success events as in :mod:`pybridge.gap.trial`):

* ``"rf"`` — model M0, RF optimum < ε.  Since the RF optimum is at least the
  Theorem A certificate (deterministic lemma ``theorem-a-core``, checked on every
  instance of the ``gap-ordering`` tests), the search starts at the first width
  whose certificate is below ε.  RF is a relaxation of neuron pruning, so its
  :math:`n_{1/2}` is a LOWER bound on neuron pruning's.
* ``"b0"`` — model M0, axis target, construction B0 (exact error <= ε).
* ``"b1"`` — model M1, construction B1 (certified bound <= ε; the bound is monotone
  in n because each per-coordinate subset-sum error is).

Randomness: trial chunks of :data:`CHUNK` draw from ``child_rng(root, AUX, i)``,
so results do not depend on the number of workers.

Source: theory §3.6 corollary (:math:`n_{1/2}`), §3.8 (RECON).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pybridge.runtime import seeding
from pybridge.stats.monotone_search import first_true
from pybridge.validation import check_choice, check_int, check_real
from pybridge.stats.first_passage import FirstSuccessTimes, chunk_sizes, times_array
from pybridge.gap.bounds import eta_eps, kink_angles
from pybridge.gap.networks import make_target, model_description, plane_coordinates, sample_network
from pybridge.runtime.parallel import run_tasks
from pybridge.gap.rf_lp import rf_optimum
from pybridge.gap.weight_pruning import prune_b0, prune_b1

__all__ = ["CHUNK", "WIDTH_PARADIGMS", "WidthTimes", "first_success_times"]

CHUNK = 8
WIDTH_PARADIGMS = {"rf": "M0", "b0": "M0", "b1": "M1"}


def _success(paradigm, net, target, eps, n):
    sub = net.prefix(n)
    if paradigm == "rf":
        p, q = plane_coordinates(sub.u, target)
        return rf_optimum(p, q).upper < eps
    if paradigm == "b0":
        return prune_b0(sub, target).error <= eps
    return prune_b1(sub, target, with_lower=False).error <= eps


def _first_time(paradigm, net, target, eps, n_max):
    lo = 1
    if paradigm == "rf":
        p, q = plane_coordinates(net.u, target)
        small = np.flatnonzero(kink_angles(p, q) < eta_eps(eps))
        if small.size == 0:
            return n_max + 1
        lo = int(small[0]) + 1
    # exponential search upward from lo, then bisection: cheap when the first success is small
    return first_true(lambda n: _success(paradigm, net, target, eps, n), lo, n_max, gallop=True)


def _chunk(paradigm, law, d, target_kind, eps, n_max, entropy, spawn_key, index, size):
    root = np.random.SeedSequence(entropy, spawn_key=spawn_key)
    rng = seeding.child_rng(root, seeding.AUX, index)
    out = []
    for _ in range(size):
        target = make_target(target_kind, d, rng=rng)
        net = sample_network(WIDTH_PARADIGMS[paradigm], law, d, n_max, rng=rng)
        out.append(_first_time(paradigm, net, target, eps, n_max))
    return out


@dataclass(frozen=True, kw_only=True)
class WidthTimes(FirstSuccessTimes):
    r"""First successful width of each trial for one paradigm, model and ε
    (:class:`pybridge.stats.first_passage.FirstSuccessTimes`: ``times``, ``n_max``, ``n_half``, ``curve``).

    Attributes
    ----------
    paradigm, model, law, d, target, eps
        The experiment (``model`` is the paradigm's model, M0 or M1).
    spawn_key
        The root seed sequence's spawn key (replay, with ``seed_entropy``).
    """

    paradigm: str
    model: str
    law: str
    d: int
    target: str
    eps: float
    spawn_key: tuple = ()

    def to_dict(self) -> dict:
        return {"paradigm": self.paradigm, "model": model_description(self.model, self.law, self.d, self.target),
                "eps": self.eps, "n_max": self.n_max, "trials": self.trials, "n_half": self.n_half(),
                "seed_entropy": self.seed_entropy, "spawn_key": list(self.spawn_key)}


def first_success_times(paradigm, eps, *, law="G", d=2, target="axis", n_max=64, trials=100, seed=None,
                        workers=1, progress=None) -> WidthTimes:
    r"""Coupled Monte Carlo of the first successful width, for :math:`n_{1/2}(\varepsilon)`.

    Parameters
    ----------
    paradigm : {"rf", "b0", "b1"}
        RF in M0, construction B0 in M0 (axis target) or B1 in M1.
    eps : float in (0, 1/2)
    law : {"G", "U"}, default "G"
    d : int >= 1 (>= 2 for "rf"), default 2
    target : {"axis", "diagonal", "random"}, default "axis" (must be "axis" for "b0")
    n_max : int >= 1, default 64
        Widest network searched (larger T are censored).
    trials : int >= 1, default 100
    seed : int, SeedSequence or None
    workers : int, default 1

    Returns
    -------
    WidthTimes

    Raises
    ------
    InvalidArgument
        Bad arguments or combinations.
    SolverError
        An RF LP failed.

    Notes
    -----
    Claims ``theorem-a`` (RF), ``weight-pruning-b0``, ``weight-pruning-b1``; theory §3.6, §3.8 (RECON).
    """
    from pybridge.errors import InvalidArgument

    check_choice("paradigm", paradigm, WIDTH_PARADIGMS)
    eps = check_real("eps", eps, min_value=0.0, max_value=0.5, min_open=True, max_open=True)
    check_choice("law", law, ("G", "U"))
    d = check_int("d", d, min_value=2 if paradigm == "rf" else 1)
    check_choice("target", target, ("axis", "diagonal", "random"))
    if paradigm == "b0" and target != "axis":
        raise InvalidArgument("paradigm 'b0' needs target='axis' (theory §3.9)")
    n_max = check_int("n_max", n_max, min_value=1, max_value=1000)
    trials = check_int("trials", trials, min_value=1)
    root = seeding.root_seed_sequence(seed)
    args = [(paradigm, law, d, target, eps, n_max, root.entropy, tuple(root.spawn_key), i, size)
            for i, size in chunk_sizes(trials, CHUNK)]
    times = times_array(run_tasks(_chunk, args, workers=workers, progress=progress))
    return WidthTimes(times=times, n_max=n_max, seed_entropy=seeding.seed_entropy(root), paradigm=paradigm,
                      model=WIDTH_PARADIGMS[paradigm], law=law, d=d, target=target, eps=eps,
                      spawn_key=tuple(int(k) for k in root.spawn_key))
