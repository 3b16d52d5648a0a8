r"""Weight pruning's width :math:`n_{1/2}(\varepsilon)` as evidence: ``weight-pruning-b0`` and ``-b1``.

The first-success widths (:func:`pybridge.gap.width.first_success_times`) of each epsilon become one
:class:`~pybridge.claims.records.IntervalEstimate` of :math:`n_{1/2}` with its order-statistic interval.  The
claims are O(log 1/eps) statements, so the verdict is ``consistent`` (data cannot prove an O(.) statement) when
:math:`n_{1/2}` is found at every epsilon and a least-squares line in :math:`\log_{10}(1/\varepsilon)` has a
positive slope, else ``violated``.  The all-scalings cover frequency of B0 draws from its own stream
(:attr:`~pybridge.gap.streams.Stream.B0_ALL_SCALINGS`, issue 20 item 3).

Source: theory §3.8 Theorem B (RECON, assembled from READ-2ND: Pensia et al. 2020 Cor. 1-2 via RFSS).
"""

from __future__ import annotations

import numpy as np

from pybridge.claims.records import IntervalEstimate, Power
from pybridge.gap.bounds import n_half_theorem_a
from pybridge.gap.evidence import verdict_of
from pybridge.gap.networks import make_target, sample_network
from pybridge.gap.streams import Stream
from pybridge.gap.weight_pruning import b0_covers_all_scalings
from pybridge.runtime import seeding

__all__ = ["WIDTH_CRITERION"]

#: the criterion of 'consistent', stated in every width record
WIDTH_CRITERION = ("Criterion for 'consistent': n_1/2 found at every eps and increasing linearly in log(1/eps) "
                   "(a positive least-squares slope); data cannot prove an O(log) statement.")

_POWER_TEXT = ("Power: none as a test of O(log 1/eps): a width beyond n_max at some eps (or a non-increasing fit) "
               "makes the verdict 'violated', but a slower-than-claimed growth within n_max is not rejected; the "
               "order-statistic intervals are the resolution of each n_1/2.")


def width_rows(times_list) -> list:
    """One dict per epsilon: n_1/2 with its interval, the budget, the model and the seed that replays it."""
    rows = []
    for t in times_list:
        nh = t.n_half()
        rows.append({"eps": t.eps, "n_half": nh["point"], "ci_low": nh["ci_low"], "ci_high": nh["ci_high"],
                     "trials": t.trials, "n_max": t.n_max, "law": t.law, "d": t.d, "target": t.target,
                     "theorem_a_n_half": n_half_theorem_a(t.eps), "seed_entropy": t.seed_entropy,
                     "spawn_key": list(t.spawn_key)})
    return rows


def log_fit(rows):
    """Least squares n_1/2 = slope log10(1/eps) + intercept over the rows where n_1/2 was found (None: < 2)."""
    finite = [r for r in rows if r["n_half"] is not None]
    if len(finite) < 2:
        return None
    x = np.log10([1 / r["eps"] for r in finite])
    y = np.array([r["n_half"] for r in finite], dtype=float)
    slope, icpt = np.polyfit(x, y, 1)
    return {"n_half_per_decade": float(slope), "intercept": float(icpt),
            "max_abs_residual": float(np.max(np.abs(y - (slope * x + icpt))))}


def width_records(claim_id: str, times_list, *, setting: str, extra=None) -> list:
    """One :class:`~pybridge.claims.records.IntervalEstimate` of n_1/2 per epsilon (see the module docstring).

    ``extra`` (further measurements of the claim) goes into the first record's ``details``.
    """
    rows = width_rows(times_list)
    fit = log_fit(rows)
    increasing = fit is not None and fit["n_half_per_decade"] > 0
    power = Power(test="n_1/2 found at every eps and a positive log slope", alpha=None,
                  trials=min(r["trials"] for r in rows), detectable={"detectable": None},
                  method="none (measurement)", statement=_POWER_TEXT)
    fit_text = ("" if fit is None else f"Least squares n_1/2 = {fit['n_half_per_decade']:.2f} log10(1/eps) + "
                f"{fit['intercept']:.1f} (max residual {fit['max_abs_residual']:.1f}). ")
    out = []
    for i, r in enumerate(rows):
        out.append(IntervalEstimate(
            claim_id=claim_id, verdict=verdict_of(r["n_half"] is not None and increasing, consistent=True),
            setting=f"{setting}; eps = {r['eps']:g}, widths up to n_max = {r['n_max']}",
            quantity="n_1/2 (median first successful width)", value=r["n_half"], low=r["ci_low"],
            high=r["ci_high"], confidence=0.95, estimator="coupled prefixes, order-statistic interval",
            trials=r["trials"], seed_entropy=r["seed_entropy"], power=power,
            note=(f"{fit_text}Neuron pruning needs n >= {r['theorem_a_n_half']:.0f} at this eps (Theorem A, M0/G). "
                  + WIDTH_CRITERION),
            details={**r, "log_fit": fit, **((extra or {}) if i == 0 else {})}))
    return out


def cover_frequency(trials: int, n: int, eps: float, root) -> dict:
    """How many of ``trials`` networks (M0, law G, d = 2, ``n`` units) B0 covers every axis target at once."""
    rng = seeding.child_rng(root, Stream.B0_ALL_SCALINGS, 0)
    target = make_target("axis", 2)
    hits = sum(b0_covers_all_scalings(sample_network("M0", "G", 2, n, rng=rng), target, eps) for _ in range(trials))
    return {"n": n, "eps": eps, "trials": trials, "covered_all_scalings": int(hits),
            "event": "every axis target relu(w x_1), |w| <= 1, within eps at once (interval recursion, exact)"}
