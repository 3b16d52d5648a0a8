r"""The pruning-gap section of ``prunegap check``: claims, the :math:`n_{1/2}` table and figure data.

:data:`SECTION` runs every check of :mod:`pybridge.gap.checks` and :mod:`pybridge.gap.theorem_a_checks` and
the width Monte Carlo of :mod:`pybridge.gap.width` within a :class:`~pybridge.gap.budget.GapBudget`
(``quick``: about 20 s; full: about 3 min on 2 cores), and returns a
:class:`~pybridge.claims.section.SectionResult`: the evidence records, the table of
:math:`n_{1/2}(\varepsilon)` for both paradigms (with the model of each column), the neuron-vs-RF table, two
figures and their data.  All randomness comes from the section's named streams
(:mod:`pybridge.gap.streams`), whose root entropy is recorded.

Source: theory §3 (RECON); issue 3, issue 20.
"""

from __future__ import annotations

import time

from pybridge.claims.section import CheckPlan, Figure, SectionContext, SectionResult, SectionSpec, Streams
from pybridge.errors import SolverError
from pybridge.gap import tables
from pybridge.gap.budget import FULL, QUICK, TABLE_EPS, GapBudget
from pybridge.gap.checks import (
    check_d1_no_gap,
    check_expected_error,
    check_gap_ordering,
    check_kink_angle_law,
    check_line_uniform,
    check_m0_diagonal_caveat,
    check_theorem_a,
    check_theorem_a_certificate_event,
    lemma_checks_from_ordering,
)
from pybridge.gap.evidence import guarded
from pybridge.gap.montecarlo import ALPHA
from pybridge.gap.streams import Stream
from pybridge.gap.width import first_success_times
from pybridge.gap.width_checks import cover_frequency, width_records
from pybridge.runtime import seeding

__all__ = ["QUICK", "FULL", "TABLE_EPS", "COLUMN_MODELS", "gap_section", "gap_steps", "SECTION"]

COLUMN_MODELS = tables.COLUMN_MODELS

_TITLE = "The pruning gap: neuron vs weight pruning"
_INTRO = ("All theorems here are our reconstructions (theory §3, RECON); the body of arXiv 2603.02234 is not "
          "available. Every number names its model (model, law, d, target; domain the unit ball B^d, sup norm).")


def gap_steps(quick: bool) -> int:
    """Number of ``progress(1)`` calls one run makes (for a progress bar total)."""
    return (QUICK if quick else FULL).steps()


class _Timed:
    """Runs the parts of the section: times each (``timings``) and advances the progress bar."""

    def __init__(self, ctx: SectionContext):
        self.ctx, self.timings = ctx, {}

    def __call__(self, name, fn, *args, **kwargs):
        t = time.perf_counter()
        out = fn(*args, **kwargs)
        self.timings[name] = round(time.perf_counter() - t, 3)
        self.ctx.tick()
        return out


def _theorem_evidence(b: GapBudget, root, timed: _Timed, kw: dict) -> list:
    """The ordering, Theorem A, kink-law, expected-error and d = 1 records, in report order."""
    ordering = timed("gap-ordering", guarded, "gap-ordering", check_gap_ordering, b.ordering_instances,
                     b.ordering_n_max, root, **kw)
    out = [*ordering, *lemma_checks_from_ordering(ordering)]
    ta = timed("theorem-a", guarded, "theorem-a", check_theorem_a, b.rf_specs, b.neuron_spec, root, **kw)
    ta, ta_results = ta if isinstance(ta, tuple) else (ta, None)
    out += [*ta, *timed("theorem-a-line-uniform", guarded, "theorem-a-line-uniform", check_line_uniform,
                        b.line_spec, root, **kw),
            *timed("kink-angle-law", check_kink_angle_law, b.ks_samples, root),
            *timed("theorem-a-certificate-event", guarded, "theorem-a", check_theorem_a_certificate_event,
                   b.certificate_event_n, b.certificate_event_eps, b.certificate_event_trials, root)]
    if ta_results is not None:
        out += check_expected_error(ta_results[0])
    out += timed("d1-no-gap", guarded, "d1-no-gap", check_d1_no_gap, b.d1_spec, root,
                 identity_networks=b.d1_identity_networks, identity_max_units=b.d1_identity_max_units, **kw)
    return out


def _widths(timed: _Timed, root, paradigm: str, eps_list, stream: Stream, workers: int, **opts) -> list:
    """First-success times of one paradigm at each eps, eps number ``k`` from ``child_seed(root, stream, k)``."""
    return timed(f"widths-{paradigm}-{int(stream)}", lambda: [
        first_success_times(paradigm, e, seed=seeding.child_seed(root, stream, k), workers=workers, **opts)
        for k, e in enumerate(eps_list)])


def _width_evidence(b: GapBudget, root, timed: _Timed, workers: int) -> tuple:
    """The width Monte Carlo of B0, B1 and RF, and the records of ``weight-pruning-b0`` and ``-b1``."""
    w = {"b0": _widths(timed, root, "b0", b.weight_eps, Stream.WIDTHS_B0, workers, law="G", target="axis",
                       n_max=b.b0_n_max, trials=b.weight_trials),
         "b1": _widths(timed, root, "b1", b.weight_eps, Stream.WIDTHS_B1, workers, law="G", d=2,
                       target="diagonal", n_max=b.b1_n_max, trials=b.weight_trials)}
    try:
        w["rf"] = _widths(timed, root, "rf", b.rf_eps, Stream.WIDTHS_RF, workers, law="G", d=2, target="axis",
                          n_max=b.rf_n_max, trials=b.rf_trials)
    except SolverError as exc:  # reported, never as a number
        w["rf"] = []
        timed.timings["rf-widths-solver-failure"] = str(exc)
    extra_b0 = {"all_scalings": timed("b0-all-scalings", cover_frequency, b.cover_trials, b.cover_n, b.cover_eps,
                                      root)}
    if b.b0_uniform:
        b0u = _widths(timed, root, "b0", TABLE_EPS, Stream.WIDTHS_B0_LAW_U, workers, law="U", target="axis",
                      n_max=b.b0_n_max, trials=b.weight_trials)
        extra_b0["law_U"] = [{"eps": t.eps, **t.n_half()} for t in b0u]
    extra_b1 = {}
    if b.b1_d3_trials:
        b1d3 = _widths(timed, root, "b1", TABLE_EPS, Stream.WIDTHS_B1_D3, workers, law="G", d=3, target="random",
                       n_max=b.b1_d3_n_max, trials=b.b1_d3_trials)
        extra_b1["d3_random_target"] = [{"eps": t.eps, **t.n_half()} for t in b1d3]
    records = [*width_records("weight-pruning-b0", w["b0"], setting="construction B0, M0, law G, w* = e1",
                              extra=extra_b0),
               *width_records("weight-pruning-b1", w["b1"], setting="construction B1 (certified bound), M1, law G, "
                              "d = 2, w* = (1,1)/sqrt2", extra=extra_b1)]
    return w, records


def _comparison(b: GapBudget, root, timed: _Timed) -> tuple:
    """The neuron-vs-RF rows, and the solver failure that stopped them (``None``)."""
    try:
        return timed("neuron-vs-rf", tables.neuron_vs_rf_table, b.compare_ns, b.compare_reps, root), None
    except SolverError as exc:  # reported, never as a number
        timed.timings["neuron-vs-rf-solver-failure"] = str(exc)
        return [], str(exc)


def _figures(data) -> tuple:
    from pybridge.gap.figure import write_gap_figure, write_success_figure

    return (Figure(file="gap_width.png", draw=lambda path: write_gap_figure(data, path), alt="n_1/2 against 1/eps",
                   caption="Width n_1/2 for success probability 1/2 against 1/eps (log-log): Theorem A's necessary "
                           "width for neuron pruning (M0, law G) and the Monte Carlo of RF (M0), B0 (M0, axis "
                           "target) and B1 (M1, diagonal target) with 95% order-statistic intervals; data: this "
                           "section's width Monte Carlo."),
            Figure(file="gap_success.png", draw=lambda path: write_success_figure(data, path),
                   alt="success probability against n",
                   caption="Coupled success frequency against the width n with 95% Clopper-Pearson bands (RF and "
                           "B0 in M0, B1 in M1, law G), against Theorem A's upper bound on neuron pruning; data: "
                           "this section's width Monte Carlo."))


def run(ctx: SectionContext) -> SectionResult:
    """Run the gap section under ``ctx`` (see the module docstring).

    An LP or MILP that fails or hits its time limit does not raise: its claim's verdict becomes ``"failed"``
    (reported, never as a number).  Claims ``gap-ordering``, ``theorem-a``, ``theorem-a-line-uniform``,
    ``kink-angle-law``, ``expected-optimal-error``, ``d1-no-gap``, ``weight-pruning-b0``,
    ``weight-pruning-b1``, ``m0-diagonal-caveat``, and exact-instance evidence for the formal lemmas
    ``theorem-a-core`` and ``kink-arc-three-point``; theory §3 (RECON).
    """
    t0 = time.perf_counter()
    b, root, kw, timed = GapBudget.for_plan(ctx.plan), ctx.streams.root, {"workers": ctx.workers}, _Timed(ctx)
    evidence = _theorem_evidence(b, root, timed, kw)
    widths, width_evidence = _width_evidence(b, root, timed, ctx.workers)
    evidence += width_evidence
    evidence += timed("m0-diagonal-caveat", guarded, "m0-diagonal-caveat", check_m0_diagonal_caveat, b.caveat_ns,
                      b.caveat_reps, b.caveat_mc, root, **kw)
    comparison, failure = _comparison(b, root, timed)
    rows = tables.table_rows(widths)
    note = tables.closing_note(rows)
    data = {"quick": ctx.quick, "seed_entropy": seeding.seed_entropy(root), "alpha": ALPHA, "table": rows,
            "column_models": dict(COLUMN_MODELS), "figure": tables.figure_data(widths), "note": note,
            "timings_seconds": timed.timings, "neuron_vs_rf": comparison}
    return SectionResult(name="gap", title=_TITLE, evidence=evidence, intro=_INTRO, data=data,
                         tables=(tables.n_half_table(rows, note), tables.comparison_table(comparison, failure)),
                         figures=_figures(data), seconds=time.perf_counter() - t0)


def gap_section(quick: bool = True, *, seed=None, workers: int = 1, progress=None) -> SectionResult:
    """Run the section outside ``prunegap check``: root ``seed`` (``None``: fresh entropy), ``workers`` processes
    (results do not depend on them), ``progress(1)`` after each of the :func:`gap_steps` parts."""
    streams = Streams(seeding.root_seed_sequence(seed), Stream)
    return run(SectionContext(plan=CheckPlan(quick=quick, workers=workers), streams=streams, progress=progress))


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): measured 16.7 s quick on 2 shared cores (with
    margin); the full run within the budget of the four original sections (about 6 minutes together)."""
    return 20.0 if plan.quick else 170.0


SECTION = SectionSpec(name="gap", title=_TITLE, run=run, seed_key=4, streams=Stream,
                      steps=lambda plan: GapBudget.for_plan(plan).steps(), seconds=_seconds)
