"""The public API under fuzz: every function of the hardened domains' modules, with plausible values.

:func:`public_functions` lists the functions named in ``__all__`` of every module of the domains
(``rss``, ``gap``, ``constants``, ``formal``, ``rfss``, ``rare``, ``sweep``, ``prunelimit``, ``masks``),
of the ``stats``, ``claims`` and ``report`` layers, and symbolic's public functions; :data:`EXCLUDED` says why the few that are not fuzzed are left out (they run minutes of
work, run external programs, or write into the repository; each has its own tests).
:data:`PLAUSIBLE` gives, by parameter name, cheap values that pass validation; :data:`PER_FUNCTION`
overrides them where a name means something else, and :data:`ALWAYS` lists parameters that are
always passed (their defaults would run long: ``trials=100`` of a MILP, ``n_max=64``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from fractions import Fraction

import numpy as np
from hypothesis import strategies as st

from fuzz.values import floats_in, sample_lists

DOMAINS = ("rss", "gap", "constants", "formal", "stats", "rfss", "rare", "sweep", "prunelimit", "masks", "claims",
           "report")

EXCLUDED = {
    # minutes of work on any input: exercised by `prunegap check` and the section tests
    "rss_section", "gap_section", "constants_section", "formal_section", "formal_outcomes", "check_theorem_a",
    "check_line_uniform", "check_d1_no_gap", "check_m0_diagonal_caveat", "neuron_vs_rf_table", "check_gap_ordering",
    "check_kink_angle_law", "lemma_checks_from_ordering", "check_expected_error", "ordering_instance",
    # run external programs (coqc, lake) or any argv: the formal tests and the signal tests
    "run_tool", "build_coq", "audit_coq", "replay_certificates", "lean_build_and_audit", "coq_version", "find_tool",
    "find_lake", "coq_required", "lean_required", "lean_sources", "lean_static_checks", "scan_forbidden",
    "expected_generated_constants", "run_statement_file", "coq_statements", "pin_statements", "replay_decisions",
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
    "pybridge.stats.seeding.parse_seed": {"text": st.one_of(st.integers(0, 10**6).map(str), st.text(max_size=10))},
    "pybridge.formal.twins.bernoulli_amplification": {"q": floats_in(0.01, 0.99), "n": st.integers(1, 20)},
    "pybridge.formal.twins.theorem_a_union_bound": {"q": floats_in(0.01, 0.99), "n": st.integers(1, 20)},
    "pybridge.formal.section.replay_instances": {"n": st.integers(1, 8), "count": st.integers(0, 2)},
    "symbolic.thm5_min_n": {"k": st.integers(1, 4)},
}

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
