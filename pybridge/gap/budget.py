r"""The budget of one run of the pruning-gap section: trial counts and instance parameters, named.

:class:`GapBudget` is a frozen keyword-built dataclass; :meth:`GapBudget.quick` (about 20 s on 2 shared
cores) and :meth:`GapBudget.full` (about 3 minutes) are the two budgets of ``prunegap check``, and
:meth:`GapBudget.for_plan` picks one for a :class:`~pybridge.claims.section.CheckPlan`.  Every number the
section's checks use is a field here (or a module constant of the check it belongs to), with what it is and
why it has that value.

Source: theory §3 (RECON); issue 3, issue 10 §4, issue 20 item 8.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TABLE_EPS", "D1_IDENTITY_NETWORKS", "D1_IDENTITY_MAX_UNITS", "GapBudget", "QUICK", "FULL"]

#: the epsilons of the report's n_1/2 table (and of the full run's law-U and d = 3 width rows)
TABLE_EPS = (1e-1, 1e-2, 1e-3, 1e-4)

#: ``d1-no-gap``: networks on which the exact neuron-pruning error must equal the B0 subset-sum error
D1_IDENTITY_NETWORKS = 20
#: ``d1-no-gap``: units of those networks, at most 24 so that B0's exhaustive subset search stays cheap
D1_IDENTITY_MAX_UNITS = 24


@dataclass(frozen=True, kw_only=True)
class GapBudget:
    """What one run of the gap section computes (see :data:`QUICK` and :data:`FULL`).

    Attributes
    ----------
    ordering_instances, ordering_n_max : int
        ``gap-ordering``: random M0 instances and their largest width (exhaustive neuron pruning: <= 16).
    rf_specs : tuple of (d, n, eps, trials)
        ``theorem-a``: the RF Monte Carlo rows.
    neuron_spec : (n, eps, trials)
        ``theorem-a``: the neuron-pruning row.  eps = 0.35 (quick) / 0.3 (full) so that the success frequency
        is pinned neither at 0 (as at eps = 0.1: 0/320) nor at 1 (measured ~14% at n = 8, eps = 0.35 and ~16%
        at n = 12, eps = 0.3; issue 10 §4); the Theorem A bound there is ~1, so the full-power test of Theorem
        A is the certificate-event test, not this row.
    certificate_event_n, certificate_event_eps, certificate_event_trials : int, float, int
        ``theorem-a``: the certificate-event two-sided test (at 2000 networks a frequency 0.07 or more
        away from the exact value is rejected with probability >= 0.9; issue 10 §4).
    line_spec : (n, eps, trials)
        ``theorem-a-line-uniform``.
    ks_samples : int
        ``kink-angle-law``: angles per Kolmogorov-Smirnov test.
    d1_spec : (n, eps, trials)
        ``d1-no-gap``; ``d1_identity_networks``, ``d1_identity_max_units``: the neuron = B0 identity networks
        (:data:`D1_IDENTITY_NETWORKS`, :data:`D1_IDENTITY_MAX_UNITS`).
    caveat_ns, caveat_reps, caveat_mc : tuple, int, (n, eps, trials)
        ``m0-diagonal-caveat``: widths and networks per width of the masked-feature LP table, and its Monte
        Carlo row.
    weight_eps, weight_trials : tuple, int
        ``weight-pruning-b0``/``-b1``: the epsilons and trials per epsilon of the width Monte Carlo.
    b0_n_max, b1_n_max, b1_d3_n_max : int
        The widest prefix searched for B0 (96; quick run, seed 5: B0's n_1/2 is 28 at eps = 1e-4), B1 in
        d = 2 (192; B1's n_1/2 is 72 there) and B1 in d = 3 (288).
    rf_eps, rf_trials, rf_n_max : tuple, int, int
        The RF width Monte Carlo of the n_1/2 table (a lower bound on neuron pruning's width).
    b0_uniform : bool
        Also measure B0's widths under law U at :data:`TABLE_EPS` (full run).
    b1_d3_trials : int
        Trials of B1's widths in d = 3 with a random target at :data:`TABLE_EPS` (0: not run).
    cover_trials, cover_n, cover_eps : int, int, float
        ``weight-pruning-b0``: frequency of networks of ``cover_n`` units on which B0 covers every axis target
        relu(w x_1), |w| <= 1, within ``cover_eps`` at once (48 units: above B0's n_1/2 at 1e-2).
    compare_ns, compare_reps : tuple, int
        The neuron-vs-RF table: widths and networks per width (a MILP beyond 16 units).
    """

    ordering_instances: int
    ordering_n_max: int
    rf_specs: tuple
    neuron_spec: tuple
    certificate_event_n: int = 10
    certificate_event_eps: float = 0.05
    certificate_event_trials: int
    line_spec: tuple
    ks_samples: int
    d1_spec: tuple
    d1_identity_networks: int = D1_IDENTITY_NETWORKS
    d1_identity_max_units: int = D1_IDENTITY_MAX_UNITS
    caveat_ns: tuple
    caveat_reps: int
    caveat_mc: tuple
    weight_eps: tuple
    weight_trials: int
    b0_n_max: int = 96
    b1_n_max: int = 192
    b1_d3_n_max: int = 288
    rf_eps: tuple
    rf_trials: int
    rf_n_max: int
    b0_uniform: bool
    b1_d3_trials: int
    cover_trials: int
    cover_n: int = 48
    cover_eps: float = 1e-2
    compare_ns: tuple = (8, 16)
    compare_reps: int = 3

    @classmethod
    def quick(cls) -> "GapBudget":
        """The ``--quick`` budget (about 20 s)."""
        return QUICK

    @classmethod
    def full(cls) -> "GapBudget":
        """The full budget (about 3 minutes on 2 cores)."""
        return FULL

    @classmethod
    def for_plan(cls, plan) -> "GapBudget":
        """:data:`QUICK` or :data:`FULL` for a plan with a ``quick`` flag."""
        return QUICK if plan.quick else FULL

    def steps(self) -> int:
        """Progress-bar steps of one run: 12 parts, plus the optional law-U and d = 3 width rows."""
        return 12 + bool(self.b0_uniform) + bool(self.b1_d3_trials)


#: the quick budget: 32 weight-pruning and 16 RF width trials per eps, 2 networks per n in the neuron-vs-RF
#: table and 40 RF networks in the Theorem A / line-variant bound rows (trimmed from 48/24/3/64 for the 60 s
#: quick budget: those bound rows have no power at 64 networks either; the Theorem A full-power test keeps its
#: 2000 networks and the neuron row its 64)
QUICK = GapBudget(
    ordering_instances=10, ordering_n_max=8, rf_specs=((2, 20, 0.05, 40),), neuron_spec=(8, 0.35, 64),
    certificate_event_trials=2000, line_spec=(20, 0.05, 40), ks_samples=5000, d1_spec=(40, 1e-3, 64),
    caveat_ns=(10, 20, 40), caveat_reps=2, caveat_mc=(20, 0.05, 32), weight_eps=TABLE_EPS, weight_trials=32,
    rf_eps=(1e-1, 3e-2), rf_trials=16, rf_n_max=160, b0_uniform=False, b1_d3_trials=0, cover_trials=16,
    compare_ns=(8, 16), compare_reps=2)

#: the full budget
FULL = GapBudget(
    ordering_instances=48, ordering_n_max=12,
    rf_specs=((2, 20, 0.05, 400), (2, 40, 0.02, 160), (3, 20, 0.05, 160)), neuron_spec=(12, 0.3, 320),
    certificate_event_trials=5000, line_spec=(20, 0.05, 320), ks_samples=50000, d1_spec=(40, 1e-3, 320),
    caveat_ns=(10, 20, 40, 80), caveat_reps=8, caveat_mc=(20, 0.05, 160),
    weight_eps=(1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4), weight_trials=200, rf_eps=(1e-1, 3e-2, 1e-2, 3e-3),
    rf_trials=48, rf_n_max=480, b0_uniform=True, b1_d3_trials=48, cover_trials=64, compare_ns=(8, 16, 32),
    compare_reps=8)
