"""The public API under fuzz: every function of the hardened domains' modules, with plausible values.

:func:`public_functions` lists the functions named in ``__all__`` of every module of the domains
(``rss``, ``gap``, ``constants``, ``formal``, ``rfss``, ``rare``, ``sweep``, ``prunelimit``, ``masks``),
of the ``runtime``, ``stats``, ``claims`` and ``report`` layers, and symbolic's public functions; :data:`EXCLUDED` says why the few that are not fuzzed are left out (they run minutes of
work, run external programs, or write into the repository; each has its own tests).
:data:`PLAUSIBLE` gives, by parameter name, cheap values that pass validation; :data:`PER_FUNCTION`
overrides them where a name means something else, and :data:`ALWAYS` lists parameters that are
always passed (their defaults would run long: ``trials=100`` of a MILP, ``n_max=64``).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
from fractions import Fraction

import numpy as np
from hypothesis import strategies as st

from fuzz.values import floats_in, sample_lists

DOMAINS = ("rss", "gap", "constants", "formal", "stats", "runtime", "rfss", "rare", "sweep", "prunelimit",
           "masks", "claims", "report")

EXCLUDED = {
    # minutes of work on any input: exercised by `prunegap check` and the section tests
    "rss_section", "gap_section", "constants_section", "formal_section", "formal_outcomes", "check_theorem_a",
    "check_line_uniform", "check_d1_no_gap", "check_m0_diagonal_caveat", "neuron_vs_rf_table", "check_gap_ordering",
    "check_kink_angle_law", "lemma_checks_from_ordering", "check_expected_error", "ordering_instance",
    # run external programs (coqc, lake) or any argv: the formal tests and the signal tests
    "run_tool", "build_coq", "audit_coq", "replay_certificates", "lean_build_and_audit", "coq_version", "find_tool",
    "find_lake", "coq_required", "lean_required", "lean_sources", "lean_static_checks", "scan_forbidden",
    "expected_generated_constants", "run_statement_file", "coq_statements", "pin_statements", "replay_decisions",
    "start_tool", "start_audit", "start_replay_certificates", "start_replay_decisions",
    # write files (the repository's generated Lean file, report figures) or mutate global registries
    "write_generated_constants", "write_golden", "write_gap_figure", "write_success_figure", "register_law", "add_command",
    # CLI plumbing and worker-pool internals (fuzzed through the CLI)
    "run_tasks", "default_workers", "make_backend", "chunk_policy", "guarded", "claim_check", "die_with_parent", "make_scratch_dir", "sweep_stale",
    "sigterm_raises", "enforce", "run_spec", "rss_budget", "gap_steps", "lueker_rows",
    # the later domains' sections and whole-experiment checks (seconds to minutes on any input): their own tests
    "rfss_section", "rare_section", "masks_section", "sweep_section", "prunelimit_section", "exact_cases",
    "ci_coverage", "kinematic_bounds_hold", "quadratic_truth_consistent", "statdim_certified_holds",
    "statdim_mc_agrees", "prediction_table", "resume_is_bit_identical", "resume_report", "run_mlp",
    "load_digits_data", "kinematic_curve",
    # write files (figures, tables, reports: a wild path would land anywhere) or run the CLI / a pool
    "plot_fixed_curves", "plot_fixed_thresholds", "plot_factor", "plot_engine", "plot_cover_curves",
    "plot_thresholds", "write_table", "write_report", "draw_dependency_graph", "check_out_dir", "run", "run_sweep",
    # the package plotting style: takes and writes matplotlib figures (a wild path would land anywhere)
    "new_figure", "save_figure", "plain_log_ticks",
    # symbolic: whole-table runs (seconds to minutes each), covered by the constants tests
    "evaluate_all", "verify_constants", "crosscheck", "export_records", "tight_constants", "verify_constant",
    "rational_bounds_for_export",
}

#: constants cheap enough at 15-30 digits for thousands of calls (statdim-circular and the Gaussian weights
#: take seconds)
CHEAP_CONSTANTS = ["q-eps", "eta-eps", "n-half", "lueker-kappa", "pensia-uniform-weight", "irwin-hall-cu",
                   "line-q-uniform", "expected-eta-min", "theorem-a-prime-rho", "allasia-c18"]


def public_functions() -> list:
    """``(qualified name, function)`` of every fuzzed public function, sorted by name."""
    import symbolic

    seen = {}
    for dom in DOMAINS:
        pkg = importlib.import_module(f"pybridge.{dom}")
        for info in pkgutil.iter_modules(pkg.__path__):
            mod = importlib.import_module(f"pybridge.{dom}.{info.name}")
            for name in getattr(mod, "__all__", ()):
                fn = getattr(mod, name, None)
                if inspect.isfunction(fn) and fn.__module__ == mod.__name__ and name not in EXCLUDED:
                    seen[f"{mod.__name__}.{name}"] = fn
    for name in symbolic.__all__:
        fn = getattr(symbolic, name)
        if inspect.isfunction(fn) and name not in EXCLUDED:
            seen[f"symbolic.{name}"] = fn
    return sorted(seen.items())


# ----------------------------------------------------------------------------- plausible values by name

def _rng():
    return st.integers(0, 2**32 - 1).map(np.random.default_rng)


def _seedseq():
    return st.integers(0, 2**32 - 1).map(np.random.SeedSequence)


def _certificate():
    from pybridge.rss import build_certificate

    def make(seed):
        rng = np.random.default_rng(seed)
        for _ in range(50):
            xs = rng.uniform(-1, 1, 10).tolist()
            try:
                return build_certificate(xs, 0.1)
            except Exception:  # not covered: try another draw
                continue
        return build_certificate([1.0, 0.5, 0.25, 0.125, 0.0625, -1.0], 0.1)
    return st.integers(0, 1000).map(make)


def _gap_spec():
    from pybridge.gap.trial import gap_spec

    return st.builds(lambda m, law, d, n, eps, t, p: _try_spec(gap_spec, m, law, d, n, eps, t, p),
                     st.sampled_from(["M0", "M1"]), st.sampled_from(["G", "U"]), st.integers(1, 3),
                     st.integers(1, 6), floats_in(0.05, 0.45), st.sampled_from(["axis", "diagonal", "random"]),
                     st.sampled_from(["neuron", "weight", "rf"]))


def _try_spec(gap_spec, *a):
    try:
        return gap_spec(*a[:5], target=a[5], pruning=a[6])
    except Exception:
        return gap_spec("M0", "G", 2, 4, 0.1)


def _network():
    from pybridge.gap.networks import sample_network

    return st.builds(lambda m, d, n, s: sample_network(m, "G", d, n, rng=np.random.default_rng(s)),
                     st.sampled_from(["M0", "M1"]), st.integers(1, 3), st.integers(1, 6), st.integers(0, 99))


def _target():
    from pybridge.gap.networks import make_target

    return st.builds(lambda k, d, s: make_target(k, d, rng=np.random.default_rng(s)),
                     st.sampled_from(["axis", "diagonal", "random"]), st.integers(1, 3), st.integers(0, 99))


def _plane(n_max=6):
    return st.integers(1, n_max).flatmap(lambda n: st.tuples(
        st.lists(floats_in(-1, 1), min_size=n, max_size=n).map(np.array),
        st.lists(floats_in(-1, 1), min_size=n, max_size=n).map(np.array)))


vec = st.lists(floats_in(-1, 1), min_size=1, max_size=6).map(np.array)

# ----------------------------------------------------------------------------- the later domains' objects

def _rfss_target():
    from pybridge.rfss import point_target, rational_target, sqrt_target

    return st.one_of(st.integers(1, 4).map(sqrt_target), st.just(rational_target(-1, 1)),
                     floats_in(-1, 1).map(point_target))


def _rfss_certificate():
    from pybridge.rfss import as_target, build_fixed_certificate

    def make(seed):
        rng = np.random.default_rng(seed)
        for _ in range(50):
            xs = rng.uniform(-1, 1, 8).tolist()
            try:
                return build_fixed_certificate(xs, 2, 0.2, as_target(2, (-0.5, 0.5)))
            except Exception:  # not covered: another draw
                continue
        return build_fixed_certificate([0.25, -0.25, 0.1, -0.1, 0.0], 2, 0.3, as_target(2, (-0.5, 0.5)))
    return st.integers(0, 200).map(make)


def _level_plan():
    from pybridge.rare import LevelPlan

    return st.builds(lambda m, s, f: LevelPlan((m, m + 2, m + 4), (s, s), (f, 1 / s, 1 / s), 200),
                     st.integers(2, 6), floats_in(1.0, 20.0), floats_in(0.0, 1.0))


def _rare_estimate():
    from pybridge.rare import estimate_failure_probability

    return st.sampled_from([6, 8]).map(lambda n: estimate_failure_probability(
        n, 0.2, replications=2, runs=5, pilot_particles=20, seed=n))


@functools.cache
def _registry():
    from pybridge.domains import registry

    return registry()


def _claims_mapping():
    return st.integers(0, 3).map(lambda i: {cid: c for j, (cid, c) in enumerate(_registry().items()) if j % 4 == i}
                                 if i else dict(_registry().items()))


def _statuses():
    from pybridge.claims import STATUSES

    return st.integers(0, 2**16).map(lambda seed: {cid: sorted(STATUSES)[(seed + j) % len(STATUSES)]
                                                   for j, cid in enumerate(_registry())})


def _backing():
    from pybridge.claims import derive_backing

    return _statuses().map(lambda s: derive_backing(s, _registry()))


def _claim():
    return st.integers(0, 500).map(lambda i: list(_registry().values())[i % len(_registry())])


def _claim_id():
    return st.one_of(_claim().map(lambda c: c.id), st.sampled_from(["nope", ""]))


def _kinematic_points():
    from pybridge.prunelimit.kinematic import KinematicPoint

    return st.lists(st.builds(lambda d, m, k: KinematicPoint("circular", d, min(m, d), k, 10, 0.1, 0.9, 0.5),
                              st.integers(2, 8), st.integers(0, 8), st.integers(0, 10)), max_size=4)


def _spd(n_max=5):
    def make(n, seed):
        a = np.random.default_rng(seed).standard_normal((n, n))
        return a @ a.T + n * np.eye(n)
    return st.builds(make, st.integers(1, n_max), st.integers(0, 99))


def _rows():
    from pybridge.sweep.run import Row
    from pybridge.sweep.spec import Point

    def make(n, s):
        pt = Point(0, "rss", {"dist": "uniform", "n": n, "eps": 0.1, "interval": (-1.0, 1.0), "density": None,
                              "trials": 10, "half_width": None, "confidence": 0.95, "seed": 1})
        return Row(pt, s, 10, 0.0, 1.0, 0.95, "1", 0.0)
    return st.lists(st.builds(make, st.integers(1, 9), st.integers(0, 10)), max_size=3)


_times = st.lists(st.integers(1, 12), min_size=1, max_size=40).map(lambda v: np.array(v, dtype=np.int64))


PLAUSIBLE = {
    "xs": sample_lists, "values": st.lists(st.fractions(max_denominator=16), max_size=6), "x": floats_in(-1, 1),
    "eps": floats_in(0.05, 0.5), "eps2": floats_in(0.05, 0.5), "a": st.just(-1.0), "b": st.just(1.0),
    "interval": st.just((-1.0, 1.0)), "exact": st.booleans(), "certificate": st.booleans(),
    "mask": st.integers(0, 511), "z": floats_in(-1, 1), "max_n": st.integers(0, 12),
    "n": st.integers(0, 10), "dist": st.sampled_from(["uniform", "normal", "product", "pensia"]),
    "trials": st.integers(1, 5), "half_width": floats_in(0.2, 0.5), "confidence": floats_in(0.5, 0.99),
    "seed": st.integers(0, 2**32), "workers": st.just(1), "density": floats_in(0.3, 1.0), "n_max": st.integers(1, 8),
    "name": st.sampled_from(["uniform", "normal", "product", "pensia"]), "law": st.sampled_from(["G", "U"]),
    "model": st.sampled_from(["M0", "M1"]), "d": st.integers(1, 3), "target": st.sampled_from(["axis", "diagonal"]),
    "pruning": st.sampled_from(["neuron", "weight", "rf"]), "paradigm": st.sampled_from(["neuron", "weight"]),
    "alpha": floats_in(1e-6, 0.1), "successes": st.integers(0, 5), "p_low": st.just(0.0), "p_high": st.just(1.0),
    "max_trials": st.just(10**6), "dps": st.integers(15, 30), "names": st.just(None), "cert": _certificate(),
    "spec": _gap_spec(), "net": _network(), "rng": _rng(), "root": _seedseq(), "seed_root": _seedseq(),
    "ss": _seedseq(), "namespace": st.integers(0, 5), "index": st.integers(0, 5), "count": st.integers(0, 3),
    "text": st.text(max_size=40), "grid": st.integers(8, 64), "tol": floats_in(1e-9, 1e-5), "samples": st.integers(8, 64),
    "coef": vec, "v": vec, "u": vec, "p": vec, "q": vec, "w": vec, "theta": vec, "eta": floats_in(0.01, 1.0),
    "method": st.sampled_from(["auto", "exhaustive"]), "time_limit": st.just(5.0), "max_iter": st.just(5),
    "w_sign": st.sampled_from([1.0, -1.0]), "kind": st.sampled_from(["axis", "diagonal", "random"]),
    "shape": st.tuples(st.integers(0, 4), st.integers(0, 3)), "with_lower": st.booleans(),
    "lo": st.integers(0, 5), "hi": st.integers(5, 10), "gallop": st.booleans(),
    "pred": st.just(lambda k: k >= 3), "delta": floats_in(0.01, 0.5), "eps_values": st.just([0.1, 0.05, 0.02]),
    "n_stars": st.just([5, 7, 9]), "k": st.integers(1, 4), "C": st.integers(0, 3), "kappa": floats_in(8.5, 20),
    # the later domains (rfss, rare, masks, prunelimit, sweep, claims, report)
    "width": st.one_of(st.none(), floats_in(0.0, 4.0)), "c_hyp": st.integers(1, 3), "updates": st.integers(1, 8),
    "plan": _level_plan(), "replications": st.integers(2, 20), "runs": st.integers(1, 100),
    "rel_error": st.booleans(), "planning": st.booleans(), "max_replications": st.integers(2, 100),
    "est": _rare_estimate(), "m_from": st.one_of(st.none(), st.integers(2, 8)), "fixed": st.none(),
    "particles": st.integers(2, 20), "p0": floats_in(0.05, 0.5), "steps": st.integers(1, 3),
    "every_level": st.booleans(), "successes_fail": st.integers(0, 5), "quick": st.booleans(),
    "times": _times, "ps": st.lists(floats_in(0.2, 1.0), min_size=1, max_size=3), "s_min": st.none(),
    "atoms": st.lists(st.fractions(-1, 1, max_denominator=8), min_size=1, max_size=3), "mean1": floats_in(0, 1),
    "mean2": floats_in(0, 1), "n1": st.integers(1, 100), "n2": st.integers(1, 100), "bootstrap": st.integers(0, 5),
    "cone": st.sampled_from(["orthant", "subspace", "circular", "l1-descent"]), "angle": floats_in(0.1, 1.4),
    "s": st.integers(1, 3), "m": st.integers(0, 4), "points": _kinematic_points(), "delta_low": floats_in(0, 4),
    "delta_high": floats_in(0, 8), "spectrum": st.sampled_from(["flat", "power", "spiked"]),
    "weights": st.sampled_from(["gauss", "heavy"]), "rotated": st.booleans(),
    "eigenvalues": st.lists(floats_in(0.01, 10), min_size=1, max_size=8).map(np.array),
    "radius": st.one_of(floats_in(0, 5), st.lists(floats_in(0, 5), max_size=6).map(np.array)),
    "density_weights": st.none(), "matvec": st.just(lambda v: 2.0 * v), "nodes": vec.map(lambda v: v[None, :]),
    "wts": vec.map(lambda v: np.abs(v[None, :]) + 0.1), "num_bins": st.integers(2, 200),
    "sigma_squared": floats_in(1e-6, 1e-2), "overhead": floats_in(0, 0.1), "g": st.integers(1, 6).map(
        lambda d: np.random.default_rng(d).standard_normal((4, d))), "H": _spd(), "w0": vec, "lam": vec.map(np.abs),
    "removed": st.lists(st.integers(0, 4), max_size=3, unique=True), "refit": st.booleans(),
    "L": st.lists(floats_in(1, 20), min_size=1, max_size=6), "Y": st.lists(floats_in(1, 400), min_size=1, max_size=6),
    "candidates": st.just((1.0, 2.0)), "X": st.lists(st.integers(-50, 50), max_size=6), "E": st.integers(1, 20),
    "A_out": st.just(-40), "B_out": st.just(40), "A_in": st.just(-40), "B_in": st.just(40),
    "claims": _claims_mapping(), "statuses": _statuses(), "backing": _backing(), "claim": _claim(),
    "claim_id": _claim_id(), "status": st.sampled_from(["proved in Coq", "violated", "not run", "odd"]),
    "checks": st.just(()), "formal": st.none(), "domain_of": st.none(), "rows": _rows(),
    "lo_text": st.text(max_size=40), "hi_text": st.text(max_size=40), "hi": st.integers(5, 10), "digits": st.integers(1, 30),
    "qualified": st.sampled_from(["Prunegap.Counting.counting_bound", "Prunegap.x", None, "a.b.c"]),
    "latex": st.text(max_size=30), "report_dir": st.sampled_from(["/nonexistent-prunegap", "."]),
    "data": st.just({"sweep": [{"engine": "rss", "n": [4, 5], "eps": 0.2, "trials": 3, "seed": 1}]}),
    "path": st.sampled_from(["/nonexistent/spec.toml", "x.csv", "/proc/x.parquet", "."]),
    "engine": st.sampled_from(["rss", "rfss", "gap"]), "sub": st.none(),
}


def _cheap_constant_kwargs():
    return st.sampled_from(CHEAP_CONSTANTS)


PER_FUNCTION = {
    "symbolic.evaluate": {"name": _cheap_constant_kwargs()},
    "symbolic.default_params": {"name": _cheap_constant_kwargs()},
    "pybridge.constants.section.constants_table": {"names": st.lists(_cheap_constant_kwargs(), min_size=1,
                                                                     max_size=2)},
    "pybridge.gap.networks.plane_coordinates": {"u": st.integers(1, 5).map(lambda n: np.ones((n, 2)) / 2),
                                                "target": _target()},
    "pybridge.gap.trial.masked_features": {"u": st.integers(1, 5).map(lambda n: np.ones((n, 2)) / 2),
                                           "target": _target()},
    "pybridge.gap.networks.model_description": {"target": _target()},
    "pybridge.gap.weight_pruning.prune_b0": {"target": _target()},
    "pybridge.gap.weight_pruning.prune_b1": {"target": _target()},
    "pybridge.gap.weight_pruning.b0_covers_all_scalings": {"target": _target()},
    "pybridge.gap.weight_pruning.certified_sqrt": {"x": st.fractions(min_value=0, max_denominator=50)},
    "pybridge.gap.width.first_success_times": {"n_max": st.integers(1, 6), "trials": st.integers(1, 3),
                                               "d": st.integers(1, 2)},
    "pybridge.gap.montecarlo.run_gap_experiment": {"n": st.integers(1, 6), "target": st.sampled_from(["axis"])},
    "pybridge.gap.trial.gap_spec": {"n": st.integers(1, 6)},
    "pybridge.rss.montecarlo.coverage_times": {"trials": st.integers(1, 5)},
    "pybridge.rss.montecarlo.estimate_cover_probability": {"n": st.integers(0, 12)},
    "pybridge.runtime.seeding.parse_seed": {"text": st.one_of(st.integers(0, 10**6).map(str),
                                                              st.text(max_size=10))},
    "pybridge.formal.twins.bernoulli_amplification": {"q": floats_in(0.01, 0.99), "n": st.integers(1, 20)},
    "pybridge.formal.twins.theorem_a_union_bound": {"q": floats_in(0.01, 0.99), "n": st.integers(1, 20)},
    "pybridge.formal.section.replay_instances": {"n": st.integers(1, 8), "count": st.integers(0, 2)},
    "symbolic.thm5_min_n": {"k": st.integers(1, 4)},
}
_RFSS_TARGET = {"target": _rfss_target()}
for _q in ("pybridge.rfss.certificate.build_fixed_certificate", "pybridge.rfss.certificate.verify_fixed_certificate",
           "pybridge.rfss.decide.fixed_decide_float", "pybridge.rfss.montecarlo.counting_bound_n_fixed"):
    PER_FUNCTION[_q] = dict(_RFSS_TARGET)
PER_FUNCTION["pybridge.rfss.certificate.verify_fixed_certificate"]["cert"] = _rfss_certificate()
PER_FUNCTION["pybridge.rfss.decide.fixed_decide_float"]["xs"] = sample_lists.map(np.array)
PER_FUNCTION["pybridge.rfss.montecarlo.estimate_fixed_probability"] = {"n": st.integers(0, 10),
                                                                      "target": st.one_of(st.none(), floats_in(-1, 1))}
PER_FUNCTION["pybridge.rfss.montecarlo.fixed_coverage_times"] = {"n_max": st.integers(1, 8), "trials": st.integers(1, 4)}
PER_FUNCTION["pybridge.rare.splitting.first_cover_length"] = {"x": sample_lists.map(np.array)}
PER_FUNCTION["pybridge.rare.splitting.plan_levels"] = {"n": st.integers(1, 8), "particles": st.integers(2, 20),
                                                       "law": st.sampled_from(["uniform", "normal"]).map(
                                                           lambda nm: __import__("pybridge.rss", fromlist=["x"]).get_law(nm)),
                                                       "updates": st.integers(1, 3), "steps": st.integers(1, 2)}
PER_FUNCTION["pybridge.rare.splitting.estimate_failure_probability"] = {
    "n": st.integers(1, 8), "replications": st.integers(2, 3), "runs": st.integers(1, 5),
    "pilot_particles": st.integers(20, 30), "updates": st.integers(1, 3), "max_replications": st.integers(2, 4)}
PER_FUNCTION["pybridge.rare.checks.agreement"] = {"split_est": _rare_estimate().map(lambda e: e.to_dict()),
                                                  "trials": st.integers(1, 100)}
PER_FUNCTION["pybridge.prunelimit.kinematic.decide_meets"] = {"cone": st.sampled_from(["circular", "subspace",
                                                                                      "orthant", "l1-descent"]),
                                                              "basis": st.integers(2, 5).map(
                                                                  lambda d: np.random.default_rng(d).standard_normal((d, 2)))}
PER_FUNCTION["pybridge.prunelimit.kinematic.exact_meet_probability"] = {"d": st.integers(2, 8), "m": st.integers(0, 8)}
PER_FUNCTION["pybridge.prunelimit.projections.estimate_statdim"] = {"d": st.integers(2, 8), "trials": st.integers(2, 50)}
PER_FUNCTION["pybridge.prunelimit.prediction.slq_density"] = {"d": st.integers(1, 8), "steps": st.integers(1, 5),
                                                              "probes": st.integers(1, 3)}
PER_FUNCTION["pybridge.prunelimit.prediction.smoothed_ratio"] = {"num_bins": st.integers(2, 200)}
PER_FUNCTION["pybridge.prunelimit.checks.make_instance"] = {"d": st.integers(1, 6),
                                                            "weights": st.sampled_from(["gauss", "heavy"])}
PER_FUNCTION["pybridge.masks.mixture.mixture_identity_exact"] = {"n": st.integers(0, 3)}
PER_FUNCTION["pybridge.masks.factor.factor_table"] = {"bootstrap": st.integers(0, 5), "n_max": st.integers(1, 12)}

#: parameters always passed: their defaults are expensive (the default of the signature would run long)
ALWAYS = {
    "pybridge.gap.width.first_success_times": {"n_max", "trials"},
    "pybridge.gap.montecarlo.run_gap_experiment": {"trials"},
    "pybridge.rss.montecarlo.estimate_cover_probability": {"trials"},
    "pybridge.gap.neuron_pruning.best_neuron_subset": {"time_limit", "max_iter"},
    "symbolic.evaluate": {"dps"},
    "pybridge.constants.section.constants_table": {"dps", "names"},
}

#: plausible-only parameters: a wild value here would not be refused by design but would run long (a
#: callable predicate, a worker count beyond the machine's cores)
PLAUSIBLE_ONLY = {"workers", "progress", "pred", "on_plan", "time_limit", "max_iter"}


def plausible_for(qualname: str, param: str):
    """The plausible strategy of ``param`` in ``qualname`` (``None``: no plausible value known)."""
    over = PER_FUNCTION.get(qualname, {})
    if param in over:
        return over[param]
    return PLAUSIBLE.get(param)


__all__ = ["public_functions", "plausible_for", "ALWAYS", "PLAUSIBLE_ONLY", "EXCLUDED", "Fraction"]
