"""Mutation testing of the trust-critical modules (issue 10 §3) with mutmut. Not run in CI (slow).

Run (needs the ``dev`` extra, which includes mutmut)::

    python benchmarks/mutation.py [--only NAME ...] [--max-children 1] [--keep]   # run mutants, store statuses
    python benchmarks/mutation.py --only NAME --rerun                              # re-run only the stored
                                                                                   # survivors / no-tests
    python benchmarks/mutation.py --summary [--write-md]                           # table + overall score

Each target is one module with the fast tests that exercise it (and, for modules that mix decision rules with
slow Monte Carlo drivers, the functions whose mutants are scored).  For each target the script copies the
working tree (without .venv, build products) to a scratch directory, writes a ``[tool.mutmut]`` table
(``source_paths`` = the module, ``pytest_add_cli_args_test_selection`` = the targeted tests, ``also_copy`` =
the rest of the tree), runs ``mutmut run`` there, and stores every mutant's status (and the diff of every
survivor) in ``benchmarks/mutation_status.json``.  ``--rerun`` runs only the stored survivors and "no tests"
mutants not judged equivalent against the current tests (killed mutants stay killed: tests are only ever added).

``--summary`` prints, per module: mutants, killed, survived, equivalent (judged by hand, with the reason, in
:data:`EQUIVALENT`), timeouts, no tests, and the score = (killed + timeout) / (mutants - equivalent); and the
overall score over every module.  ``--write-md`` also writes ``benchmarks/mutation_results.md``.

Decorated functions (the ``@njit`` float kernels) are not mutated by mutmut; ``strip_njit`` targets remove the
decorator in the scratch copy only, so the kernel runs (slowly) as plain Python and is mutated like any function.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATUS_FILE = ROOT / "benchmarks" / "mutation_status.json"
RESULTS_MD = ROOT / "benchmarks" / "mutation_results.md"

_KNOWN = "property_tests/rss/test_known_holes.py"
_EXP = "property_tests/formal/test_exporters.py"
_REPLAY = "property_tests/formal/test_replay.py::"
_PINS = "property_tests/formal/test_pins.py::"
_COQ = "property_tests/formal/test_coq.py::"


def _t(module, tests, functions=None, strip_njit=False):
    return {"module": module, "tests": tests, "functions": functions, "strip_njit": strip_njit}


#: target -> module, targeted fast tests, scored functions (None: all), strip @njit in the scratch copy
TARGETS = {
    "estimate": _t("pybridge/stats/estimate.py", [_KNOWN, "property_tests/rss/test_estimate_rules.py",
                                                   "property_tests/rss/test_trial_planning.py"]),
    "power": _t("pybridge/stats/power.py", ["property_tests/gap/test_power_rules.py",
                                            "property_tests/gap/test_power.py"]),
    "rss-certificate": _t("pybridge/rss/certificate.py", [_KNOWN, "property_tests/rss/test_certificate.py",
                                                          "property_tests/rss/test_certificate_contract.py"]),
    "rfss-certificate": _t("pybridge/rfss/certificate.py", ["property_tests/rfss/test_certificate.py",
                                                            "property_tests/rfss/test_certificate_contract.py"]),
    "decide": _t("pybridge/rss/decide.py", ["property_tests/rss/test_decision_brute_force.py",
                                            "property_tests/rss/test_decision_at_scale.py"]),
    "coverage": _t("pybridge/rss/coverage.py", ["property_tests/rss/test_decision_brute_force.py",
                                                "property_tests/rss/test_float_kernel_contract.py"],
                   strip_njit=True),
    "radius": _t("pybridge/rss/radius.py", ["property_tests/rss/test_radius_brute_force.py",
                                            "property_tests/rss/test_radius.py",
                                            "property_tests/rss/test_radius_floor_boundary.py"], strip_njit=True),
    # the exact interval-union pass (union_pass_int) shared by the decision and the radius
    "intervals": _t("pybridge/rss/intervals.py", ["property_tests/rss/test_decision_brute_force.py",
                                                  "property_tests/rss/test_radius.py",
                                                  "property_tests/rss/test_radius_floor_boundary.py"]),
    # the compiled kernels around the one merge step (rss float pass, prefix status, rfss fixed-size pass, rare
    # Gibbs and leave-one-out pieces; moved here from rss/intervals.py, rss/radius.py, rfss/kernel.py, rare/loo.py
    # and rare/splitting.py)
    "interval-union": _t("pybridge/kernels/interval_union.py",
                         ["property_tests/rss/test_decision_brute_force.py",
                          "property_tests/rss/test_float_kernel_contract.py", "property_tests/rss/test_radius.py",
                          "property_tests/rss/test_radius_floor_boundary.py", "property_tests/rfss/test_decide.py",
                          "property_tests/rare/test_loo.py"], strip_njit=True),
    "gap-bounds": _t("pybridge/gap/bounds.py", ["property_tests/gap/test_bounds.py",
                                                "property_tests/gap/test_bounds_closed_forms.py",
                                                "property_tests/gap/test_known_holes.py"]),
    # the gap checks' decision rules (moved from gap/checks.py with issue 20: re-run before citing old figures)
    "gap-checks": _t("pybridge/gap/theorem_a_checks.py", ["property_tests/gap/test_decision_rules.py",
                                                          "property_tests/gap/test_bernstein_inputs.py",
                                                          "property_tests/gap/test_known_holes.py",
                                                          "property_tests/gap/test_theorem_a_power.py",
                                                          "property_tests/gap/test_check_reports.py"],
                     functions=["empirical_bernstein_upper", "_expected_error_power", "check_expected_error",
                                "check_theorem_a_certificate_event"]),
    "gap-evidence": _t("pybridge/gap/evidence.py", ["property_tests/gap/test_decision_rules.py",
                                                    "property_tests/gap/test_known_holes.py",
                                                    "property_tests/gap/test_power_stated.py"],
                       functions=["verdict_of", "power_text", "row_power"]),
    "rare-checks": _t("pybridge/rare/checks.py", ["property_tests/rare/test_decision_rules.py",
                                                  "property_tests/rare/test_decision_boundaries.py"],
                      functions=["lueker_kappa", "radius_criterion", "agreement", "n1_failure_probability",
                                 "threshold_delta_eps", "fit_slope_ln", "tail_rate"]),
    "prunelimit-checks": _t("pybridge/prunelimit/checks.py", ["property_tests/prunelimit/test_decision_rules.py"],
                            functions=["kinematic_violations"]),
    "replay": _t("pybridge/formal/replay.py", [_EXP, "property_tests/formal/test_replay_stand_in.py",
                                               _REPLAY + "test_round_trip_is_exact",
                                               _REPLAY + "test_round_trip_catches_a_2eps_exporter"]),
    "pin": _t("pybridge/formal/pin.py", [_EXP, _PINS + "test_parse_statements_blocks",
                                         _PINS + "test_lean_pins_match_the_sources",
                                         _PINS + "test_lean_tampers_are_statement_mismatches",
                                         _PINS + "test_lean_signature_ignores_comments_and_proof",
                                         "property_tests/formal/test_pin_inputs.py"],
              functions=["claim_list", "normalize_statement", "read_golden", "write_golden", "statement_file_lines",
                         "parse_statements"]),
    # the Lean source parser moved here from pin.py and lean.py (issue 20 item 5)
    "formal-sources": _t("pybridge/formal/sources.py", [_EXP, _PINS + "test_lean_signature_ignores_comments_and_proof",
                                                        "property_tests/formal/test_pin_inputs.py",
                                                        "property_tests/formal/test_lean_audit_units.py"],
                         functions=["lean_sources", "strip_lean_comments", "_declaration", "_check_sources",
                                    "lean_declared", "lean_signature"]),
    "coq-audit": _t("pybridge/formal/coq.py", [_EXP, _COQ + "test_no_forbidden_vernacular_in_theories",
                                               _COQ + "test_parse_assumptions_handles_closed_and_axioms",
                                               _COQ + "test_scan_forbidden_catches_guard_checking_tricks",
                                               _COQ + "test_missing_coqc_is_unavailable_not_passed",
                                               "property_tests/formal/test_coq_audit_parsing.py"],
                    functions=["scan_forbidden", "_norm", "parse_assumptions", "AuditResult", "_q",
                               "certificate_to_coq"]),
    "lean-audit": _t("pybridge/formal/lean.py", ["property_tests/formal/test_lean.py",
                                                 "property_tests/formal/test_lean_audit_units.py",
                                                 _PINS + "test_lean_pins_match_the_sources",
                                                 _PINS + "test_lean_tampers_are_statement_mismatches",
                                                 "property_tests/formal/test_pin_inputs.py"]),
    "claim-records": _t("pybridge/claims/records.py", ["property_tests/claims/test_records.py",
                                                       "property_tests/claims/test_section_protocol.py"]),
    "claim-section": _t("pybridge/claims/section.py", ["property_tests/claims/test_section_protocol.py"]),
    "report-evidence": _t("pybridge/report/evidence.py", ["property_tests/claims/test_section_protocol.py",
                                                          "property_tests/report/test_html.py"]),
    "claim-status": _t("pybridge/claims/registry.py", ["property_tests/claims/test_status.py"],
                       functions=["derive_status"]),
}

#: mutant name -> why it is equivalent (no observable behaviour differs), judged by reading the diff
EQUIVALENT: dict[str, str] = {
    # --- pybridge/stats/estimate.py
    "pybridge.stats.estimate.x_clopper_pearson__mutmut_18": "method='exact' is scipy's default for proportion_ci",
    "pybridge.stats.estimate.x_clopper_pearson_upper__mutmut_17": "method='exact' is scipy's default for proportion_ci",
    "pybridge.stats.estimate.x_clopper_pearson_lower__mutmut_17": "method='exact' is scipy's default for proportion_ci",
    "pybridge.stats.estimate.x_trials_for_half_width__mutmut_64":
        "'or True': when 1/2 is outside [p_low, p_high], min(max(1/2, p_low), p_high) is the else branch's p",
    "pybridge.stats.estimate.x_trials_for_half_width__mutmut_79":
        "'p_low >= 0.5' in the else branch: reached only when 1/2 is outside [p_low, p_high], so p_low != 1/2",
    "pybridge.stats.estimate.x_trials_for_half_width__mutmut_83":
        "ppf(1/2 - c/2) = -ppf(1/2 + c/2) and z enters only as z*z",
    "pybridge.stats.estimate.x_trials_for_half_width__mutmut_102":
        "'n <= max_trials': at n == max_trials the loop's check is the cap branch's check (same k, same interval)",
    "pybridge.stats.estimate.x_trials_for_half_width__mutmut_76":
        "'0.5 < p_high': with p_high = 1/2 the else branch also picks p = p_high = 1/2",
    "pybridge.stats.estimate.x_format_confidence__mutmut_13":
        "a confidence in (0, 1) never prints as '0' with %.12g (tiny values print with an exponent)",
    "pybridge.stats.estimate.x_format_confidence__mutmut_18":
        "the branch only sees levels within 5e-13 of 1, whose Decimal prints without an exponent either way",
    "pybridge.stats.estimate.x_format_confidence__mutmut_24": "'F' differs from 'f' only for inf/nan, never formatted",
    # --- pybridge/rss/coverage.py (after the interval-union kernel moved to intervals.py)
    "pybridge.rss.coverage.x__covers_int__mutmut_18":
        "prune=False: the window pruning only saves work (the union pass without it is exact, tested in intervals)",
    "pybridge.rss.coverage.x_kernel_unchecked__mutmut_2":
        "errstate invalid: the only numpy operations in the block are abs and sum of finite floats (never invalid)",
    "pybridge.rss.coverage.x_kernel_unchecked__mutmut_4":
        "errstate invalid: the only numpy operations in the block are abs and sum of finite floats (never invalid)",
    # --- pybridge/formal/coq.py
    "pybridge.formal.coq.x_parse_assumptions__mutmut_9": "in_axioms = None: every use is a truth test, None is False",
    "pybridge.formal.coq.x_parse_assumptions__mutmut_69": "in_axioms = None: every use is a truth test, None is False",
    "pybridge.formal.coq.x_parse_assumptions__mutmut_10":
        "initial in_axioms = True: lines before the first AUDIT marker are skipped and AUDIT resets in_axioms",
    "pybridge.formal.coq.x_parse_assumptions__mutmut_11":
        "initial last = '': lines before the first AUDIT marker are skipped (current is None) and AUDIT resets last",
    "pybridge.formal.coq.x_parse_assumptions__mutmut_16":
        "in_axioms after STATEMENT: current is None until the next AUDIT marker, which resets in_axioms",
    "pybridge.formal.coq.x_parse_assumptions__mutmut_22":
        "rsplit(maxsplit=2): the audit writes markers 'AUDIT <claim id> <Coq name>', exactly three tokens",
    "pybridge.formal.coq.x_parse_assumptions__mutmut_23":
        "split(maxsplit=3): the audit writes markers 'AUDIT <claim id> <Coq name>', exactly three tokens",
    "pybridge.formal.coq.x_scan_forbidden__mutmut_23": "codec name case: 'UTF-8' and 'utf-8' are the same codec",
    # --- pybridge/rss/decide.py
    "pybridge.rss.decide.x__display__mutmut_4": "_display only sees values whose float() overflows (|q| > 1e308): "
                                                 "q >= 0 and q > 0 agree there",
    "pybridge.rss.decide.x__display__mutmut_5": "_display only sees values whose float() overflows (|q| > 1e308): "
                                                 "q > 1 and q > 0 agree there",
    "pybridge.rss.decide.x__all_floats__mutmut_3": "a float array then takes the per-element test, where every "
                                                   "np.float64 is float-like: same answer",
    "pybridge.rss.decide.x__all_floats__mutmut_4": "a float array then takes the per-element test, where every "
                                                   "np.float64 is float-like: same answer",
    "pybridge.rss.decide.x_covers__mutmut_1": "covers returns only .covered, and float and exact mode return the same "
                                              "answer (the module's guarantee, tested against brute force)",
    "pybridge.rss.decide.x_covers__mutmut_9": "covers returns only .covered, and float and exact mode return the same "
                                              "answer (the module's guarantee, tested against brute force)",
}
_PERF = ("performance only: the answer is unchanged because {}; the window pruning and the early exits only "
         "save work (the recursion without them is exact)")
# pybridge/rss/coverage.py as it stands after the interval-union kernel moved to intervals.py (mutants renumbered;
# the kernel's own equivalents are listed under intervals below)
_COV = "pybridge.rss.coverage."
EQUIVALENT.update({
    _COV + "x__covers_int__mutmut_8": _PERF.format("prune=None is falsy: the union pass runs without window pruning"),
    _COV + "x__order__mutmut_2": "the processing order does not change the answer (documented; permutation-tested)",
    _COV + "x__order__mutmut_4": "the processing order does not change the answer (documented; permutation-tested)",
})
_POW = "pybridge.stats.power."
_CENTRE = "k = p0 N (an integer) is the median: both tails are >= 1/2 > alpha/2, so it is never rejected"
for _name, _why in {
    "x_detectable_deviation__mutmut_98": _CENTRE, "x_detectable_deviation__mutmut_100": _CENTRE,
    "x_detectable_deviation__mutmut_106": _CENTRE, "x_detectable_deviation__mutmut_108": _CENTRE,
    "x_detectable_deviation__mutmut_109": "the lower rejection region is a tail {0..k}: it is non-empty iff it holds "
                                          "k = 0, the only count below p0/N < 1 (p0 = 0: both empty)",
    "x_detectable_deviation__mutmut_71": "k = N + 1 is 'rejected' (sf(N) = 0) but the upper minimum is then N + 1 only "
                                         "when no real count is rejected, and sf(N) - power < 0 gives None as before",
    "x_detectable_deviation__mutmut_129": "f(1) = Pr_1[X >= k] - power = 1 - power > 0 always",
    "x_detectable_deviation__mutmut_163": "g(0) = Pr_0[X <= k] - power = 1 - power > 0 always",
    "x_detectable_deviation__mutmut_148": "f(p0) = 0 makes brentq return p0: excess 0.0, the else value",
    "x_detectable_deviation__mutmut_182": "g(p0) = 0 makes brentq return p0: deficit 0.0, the else value",
    "x_detectable_deviation__mutmut_144": "brentq's default xtol (2e-12) instead of 1e-12: the excess moves by < 2e-12, "
                                          "far below the 3 decimals it is reported with",
    "x_detectable_deviation__mutmut_178": "brentq's default xtol (2e-12) instead of 1e-12: the deficit moves by < 2e-12",
    "x_detectable_excess__mutmut_69": "brentq's default xtol (2e-12) instead of 1e-12: the excess moves by < 2e-12",
    "x_detectable_excess__mutmut_24": "bound is checked again, same name and range, by rejection_threshold",
    "x_detectable_excess__mutmut_25": "bound is checked again, same name and range, by rejection_threshold",
    "x_detectable_excess__mutmut_28": "bound is checked again, same name and range, by rejection_threshold",
    "x_detectable_excess__mutmut_29": "bound is checked again, same name and range, by rejection_threshold",
    "x_detectable_excess__mutmut_33": "bound is checked again, same name and range, by rejection_threshold",
    "x_detectable_excess__mutmut_54": "f(1) = 1 - power > 0 always, so the 'no power' test never fires (f(2) is NaN: "
                                      "never < 0 either)",
    "x_detectable_excess__mutmut_55": "f(1) = 1 - power > 0 always",
    "x_detectable_excess__mutmut_58": "f(bound) = 0 makes brentq return bound: excess 0.0, the same value",
    "x_rejection_threshold__mutmut_49": "k = 0 is never rejected (Pr[X >= 0] = 1 > alpha): starting at 1 is the same",
    "x_rejection_threshold__mutmut_50": "hi is reassigned to trials before it is read",
    "x_rejection_threshold__mutmut_51": "hi is reassigned to trials before it is read",
}.items():
    EQUIVALENT[_POW + _name] = _why
for _k in (2, 8, 12, 13, 14, 18, 19, 20, 24, 25, 27, 31, 32):
    EQUIVALENT[f"pybridge.rss.certificate.x_chain_verifies__mutmut_{_k}"] = (
        "an argument-name string inside check_exact, whose errors chain_verifies catches and turns into False")
for _name in ("x_fit_slope_ln__mutmut_16", "x_fit_slope_ln__mutmut_18", "x_tail_rate__mutmut_46",
              "x_tail_rate__mutmut_48", "x_tail_rate__mutmut_51", "x_tail_rate__mutmut_53"):
    EQUIVALENT["pybridge.rare.checks." + _name] = (
        "dtype=float dropped: the inputs are lists of Python floats/ints (levels: ints), whose values (and what "
        "numpy's mean, log and polyfit compute from them) are the same either way")
_RC = "pybridge.rare.checks."
EQUIVALENT[_RC + "x_lueker_kappa__mutmut_14"] = "1e+300 is the same float literal as 1e300"
EQUIVALENT[_RC + "x_n1_failure_probability__mutmut_8"] = (
    "q is continuous at eps = 1/3: the middle branch gives (3 - 1)/2 = 1, the same value")
EQUIVALENT[_RC + "x_n1_failure_probability__mutmut_17"] = (
    "q is continuous at eps = 1/2: the last branch gives 1 - 1/4 = 3/4 = (3 - 3/2)/2, the same value")
EQUIVALENT[_RC + "x_tail_rate__mutmut_92"] = (
    "lam is NaN or finite (a slope of finite logs), and exp(NaN) is NaN: the guard changes nothing")
for _k in (38, 42, 43, 45, 49, 50):
    EQUIVALENT[f"pybridge.rfss.certificate.x_verify_fixed_certificate__mutmut_{_k}"] = (
        "an argument-name string of check_exact on cert.a / cert.b, which chain_verifies has already checked "
        "exactly (so this check_exact never raises)")
EQUIVALENT["pybridge.rfss.certificate.x__by_count__mutmut_4"] = "one more (empty) row for size k + 1, never read"
EQUIVALENT["pybridge.rfss.certificate.x__by_count__mutmut_25"] = (
    "size i + 2 after i samples extends the still-empty row i + 1: adds nothing")
for _k in (11, 12, 15, 16, 20):  # the float branch of decide_cover (mutants 87, 88, 91, 92, 96 before the split)
    EQUIVALENT[f"pybridge.rss.decide.x__float_decision__mutmut_{_k}"] = (
        "eps <= 0 is then refused by the exact fallback's check (kernel returns undetermined for eps_in <= 0): same "
        "error type and argument name, message '> 0' instead of '> 0.0'")

_INT = "pybridge.rss.intervals."
for _name, _why in {
    # exact pass (union_pass_int); the float pass (union_pass) mirrors coverage.py's former _kernel entries
    "x_union_pass_int__mutmut_7": _PERF.format("3E 2^n < width implies 2E 2^n < width: the counting exit only "
                                              "becomes rarer"),
    "x_union_pass_int__mutmut_9": _PERF.format("2E 2^(n+1) < width implies 2E 2^n < width: the counting exit "
                                              "only becomes rarer"),
    "x_union_pass_int__mutmut_11": "the step index k returned with NOT_COVERED is never read (callers read k only "
                                   "for CAP_EXCEEDED messages)",
    "x_union_pass_int__mutmut_12": "the step index k returned with NOT_COVERED is never read (callers read k only "
                                   "for CAP_EXCEEDED messages)",
    "x_union_pass_int__mutmut_151": "the step index k returned with OPEN is never read (callers read k only for "
                                    "CAP_EXCEEDED messages)",
    "x_union_pass_int__mutmut_152": "the step index k returned with OPEN is never read (callers read k only for "
                                    "CAP_EXCEEDED messages)",
    "x_union_pass_int__mutmut_17": "one more zero at the end of the suffix sums, never read",
    "x_union_pass_int__mutmut_22": "one more zero at the end of the suffix sums, never read",
    "x_union_pass_int__mutmut_27": "one more zero at the end of the suffix maxima, never read",
    "x_union_pass_int__mutmut_25": _PERF.format("suffix maxima at least 1: every scaled interval has length 2E >= 2, "
                                                "so the block-extension length test is unchanged where it matters"),
    "x_union_pass_int__mutmut_90": "which of two intervals with the same left end is merged first does not change "
                                   "the union",
    "x_union_pass_int__mutmut_102": _PERF.format("'r < wl and l > wr' never holds (r >= l, wl <= wr): nothing is "
                                                 "pruned"),
    "x_union_pass_int__mutmut_103": "an interval ending exactly at wl = WA - P reaches at most WA: in the decision "
                                    "(WA = A < B) a closed cover of (A, B] by the other intervals also covers A; in "
                                    "the radius (WA = A - R0) it is at distance >= R0 from [A, B], and 0 (the empty "
                                    "sum) is within R0",
    "x_union_pass_int__mutmut_104": "an interval starting exactly at wr = WB + N reaches at least WB: symmetric to "
                                    "mutant 103",
    "x_union_pass_int__mutmut_110": "'r >= nhi[-1]' then assigns the same value",
    "x_union_pass_int__mutmut_135": _PERF.format("a stricter block-extension test defers the answer to a later "
                                                 "step's containment test (the block grows to [l - N, r + P])"),
    "x_union_pass_int__mutmut_136": _PERF.format("l + N <= A implies l - N <= A: a stricter block-extension test "
                                                 "defers the answer to a later step's containment test"),
    "x_union_pass_int__mutmut_137": _PERF.format("a stricter block-extension test defers the answer to a later "
                                                 "step's containment test (non-strict there)"),
    "x_union_pass_int__mutmut_138": _PERF.format("r - P >= B implies r + P >= B: a stricter block-extension test "
                                                 "defers the answer to a later step's containment test"),
    "x_union_pass_int__mutmut_139": _PERF.format("a stricter block-extension test defers the answer to a later "
                                                 "step's containment test (non-strict there)"),
    "x_union_pass_int__mutmut_146": _PERF.format("a doubled factor only makes the measure exit rarer"),
    "x_union_pass_int__mutmut_147": _PERF.format("a larger factor only makes the measure exit rarer"),
    "x_union_pass_int__mutmut_148": _PERF.format("n + k - 1 >= n - k - 1: a larger factor only makes the measure "
                                                 "exit rarer"),
}.items():
    EQUIVALENT[_INT + _name] = _why

# functions moved unchanged into pybridge/kernels/interval_union.py keep their mutant numbers (mutmut numbers the
# mutants of each function on its own)
_KER = "pybridge.kernels.interval_union."
for _name, _why in {
    "x_radius_kernel__mutmut_10": "prune=None is falsy like False (only 'if prune and ...' reads it)",
    "x_radius_kernel__mutmut_23": "the empty arrays are returned only with status 1 or -2, whose caller never reads "
                                  "them",
    "x_radius_kernel__mutmut_25": "the empty arrays are returned only with status 1 or -2, whose caller never reads "
                                  "them",
}.items():
    EQUIVALENT[_KER + _name] = _why

# STALE until the next run of the 'interval-union' target: judgments of the float pass as it stood in
# pybridge/rss/intervals.py before the merge step was shared (union_pass and decide_kernel were split into
# merge_step, _suffix_sums, _room, _pass_exits and _gap_free, so these numbers name no current mutant; they are kept
# under the old module path, where they match nothing and count nothing, as the reasons to re-judge from)
for _name, _why in {
    # float pass (union_pass, run as plain Python in the scratch copy): as coverage.py's former _kernel entries
    "x_union_pass__mutmut_6": "one more zero at the end of the suffix sums, never read",
    "x_union_pass__mutmut_10": "one more zero at the end of the suffix sums, never read",
    "x_union_pass__mutmut_14": "one more zero at the end of the suffix maxima, never read",
    "x_union_pass__mutmut_27": _PERF.format("a NaN suffix sum makes every window and block-extension comparison "
                                            "false: no pruning"),
    "x_union_pass__mutmut_36": _PERF.format("a NaN suffix sum makes every window and block-extension comparison "
                                            "false: no pruning"),
    "x_union_pass__mutmut_46": _PERF.format("a NaN suffix maximum makes the block-extension test false: no early "
                                            "exit"),
    "x_union_pass__mutmut_59": "the initial array capacity (arrays grow on demand)",
    "x_union_pass__mutmut_70": "the n < 1000 guard only avoids 2.0**n overflowing (n >= 1024); n = 1000 is finite",
    "x_union_pass__mutmut_71": "the n < 1000 guard only avoids 2.0**n overflowing (n >= 1024); n = 1000 is finite",
    "x_union_pass__mutmut_74": _PERF.format("a larger left side only makes the counting exit rarer"),
    "x_union_pass__mutmut_77": _PERF.format("3^n > 2^n: the counting exit only becomes rarer"),
    "x_union_pass__mutmut_78": "equality needs 2(tau + margin) 2^n = width, and then the exact set cannot cover "
                               "either (margin > rounding): 'not covered' is right",
    "x_union_pass__mutmut_79": "the interval count returned with NOT_COVERED is never read (decide_kernel returns "
                               "only the status; radius_kernel never prunes)",
    "x_union_pass__mutmut_98": _PERF.format("2/margin is huge: the left window edge moves to -inf, nothing is pruned "
                                            "on the left"),
    "x_union_pass__mutmut_99": _PERF.format("a wider left window prunes less"),
    "x_union_pass__mutmut_103": _PERF.format("2/margin is huge: the right window edge moves to +inf"),
    "x_union_pass__mutmut_104": _PERF.format("a wider right window prunes less"),
    "x_union_pass__mutmut_109": "the arrays grow one step earlier",
    "x_union_pass__mutmut_111": "the arrays grow one step earlier (3m >= 2m)",
    "x_union_pass__mutmut_122": "a larger new capacity",
    "x_union_pass__mutmut_123": "the new capacity is then 2m, which suffices",
    "x_union_pass__mutmut_124": "a larger new capacity",
    "x_union_pass__mutmut_135": "reads one slot past the list: i = m + 1 and i = m both mean 'no interval left'",
    "x_union_pass__mutmut_136": "an interval ending exactly at wl = wa - P - 2 margin reaches at most wa - 2 margin: "
                                "< a in the decision, farther than R0 (the distance to the empty sum) in the radius",
    "x_union_pass__mutmut_143": "an interval ending exactly at wl = wa - P - 2 margin reaches at most wa - 2 margin: "
                                "< a in the decision, farther than R0 (the distance to the empty sum) in the radius",
    "x_union_pass__mutmut_188": "an interval starting exactly at wr = wb + N + 2 margin stays beyond wb + 2 margin: "
                                "symmetric to mutant 136",
    "x_union_pass__mutmut_149": "the initial cl is overwritten before it is read (have is False)",
    "x_union_pass__mutmut_150": "the initial cl is overwritten before it is read (have is False)",
    "x_union_pass__mutmut_153": "None is falsy like False",
    "x_union_pass__mutmut_167": "which of two intervals with the same left end is merged first does not change the "
                                "union",
    "x_union_pass__mutmut_191": "'r >= cr' then assigns the same value",
    "x_decide_kernel__mutmut_10": _PERF.format("prune=None (falsy) drops only the 'not covered' early exits of the "
                                               "pass; the final sweep decides the same"),
    "x_decide_kernel__mutmut_20": _PERF.format("prune=False drops only the 'not covered' early exits of the pass; "
                                               "the final sweep decides the same"),
    "x_decide_kernel__mutmut_28": "an interval ending exactly at covered_to (so starting at or before it) extends "
                                  "nothing: skipping it changes nothing",
}.items():
    EQUIVALENT[_INT + _name] = _why

_DEFER = ("a stricter {} test defers the answer: the float decision's final sweep then returns undetermined and "
          "the exact fallback decides; the float radius reads distance 0 from the final list and censors the same")
for _name, _why in {
    "x_union_pass__mutmut_217": _PERF.format("a larger total only makes the measure exit rarer"),
    "x_union_pass__mutmut_225": _DEFER.format("containment"),
    "x_union_pass__mutmut_226": _DEFER.format("containment"),
    "x_union_pass__mutmut_229": _DEFER.format("block-extension"),
    "x_union_pass__mutmut_231": _DEFER.format("block-extension (lo + N <= a - margin implies lo - N <= a - margin)"),
    "x_union_pass__mutmut_232": _DEFER.format("block-extension"),
    "x_union_pass__mutmut_234": _DEFER.format("block-extension (hi - P >= b + margin implies hi + P >= b + margin)"),
    "x_union_pass__mutmut_235": _DEFER.format("block-extension"),
    "x_union_pass__mutmut_240": _PERF.format("2/margin is huge: the measure exit never fires"),
    "x_union_pass__mutmut_241": _PERF.format("a larger total only makes the measure exit rarer"),
    "x_union_pass__mutmut_243": _PERF.format("a larger exponent only makes the measure exit rarer"),
    "x_union_pass__mutmut_244": _PERF.format("n + k - 1 >= n - k - 1: a larger exponent only makes the measure exit "
                                             "rarer"),
    "x_union_pass__mutmut_248": "the rem < 1000 guard only avoids 2.0**rem overflowing (rem >= 1024)",
    "x_union_pass__mutmut_249": "the rem < 1000 guard only avoids 2.0**rem overflowing (rem >= 1024)",
    "x_union_pass__mutmut_252": _PERF.format("3^rem >= 2^rem: the measure exit only becomes rarer"),
    "x_union_pass__mutmut_253": "equality needs total 2^rem = width, where total over-counts every interval by "
                                "2 margin (> the rounding): the exact measure is then < width, 'not covered' is right",
}.items():
    EQUIVALENT[_INT + _name] = _why

EQUIVALENT["pybridge.gap.bounds.x_line_variant_q__mutmut_42"] = (
    "at r = 1 both branches give 1/2 (r/2 = 1 - 1/(2r)): the piecewise form is continuous")
EQUIVALENT["pybridge.gap.bounds.x_check_theorem_a_core__mutmut_113"] = "val >= 0 also adds fc * 0 = 0 when val = 0"

# gap-checks: the equivalent mutants of check_theorem_a_certificate_event (numbered 57 and 138 in
# pybridge/gap/checks.py before issue 20) must be re-identified in pybridge/gap/theorem_a_checks.py by a new run

EQUIVALENT["pybridge.formal.pin.x_read_golden__mutmut_13"] = "'UTF-8' and 'utf-8' name the same codec"
EQUIVALENT["pybridge.formal.pin.x_write_golden__mutmut_18"] = "'UTF-8' and 'utf-8' name the same codec"
_PIN = "pybridge.formal.pin."
for _name, _why in {
    "x_lean_signature__mutmut_43": "end = clean.find(':=', m.end()) is -1 or >= m.end() > 0 (the match holds "
                                   "'theorem <name>'): end == 0 never happens",
    "x_lean_signature__mutmut_44": "end = clean.find(':=', m.end()) is -1 or >= m.end() > 0: end < 1 iff end < 0",
    "x_parse_statements__mutmut_35": "rsplit('.') and rsplit('.', 1) have the same last element",
    "x_parse_statements__mutmut_38": "rsplit('.', 2) and rsplit('.', 1) have the same last element",
    "x_parse_statements__mutmut_48": "marker lines are written by statement_file_lines as 'STATEMENT <claim id> <Coq "
                                     "name>', three tokens without white space inside (kebab-case id, qualified "
                                     "name): split and rsplit (maxsplit 2) give the same three",
    "x_parse_statements__mutmut_49": "marker lines have exactly three tokens (see mutant 48): maxsplit 3 splits "
                                     "nothing more",
}.items():
    EQUIVALENT[_PIN + _name] = _why

for _name, _why in {
    "x_replay_decisions__mutmut_1": "the default coqc time limit 601 s instead of 600 s: differs only for a coqc run "
                                    "lasting between 600 and 601 s",
    "x_start_replay_decisions__mutmut_1": "the default coqc time limit 601 s instead of 600 s: differs only for a "
                                          "coqc run lasting between 600 and 601 s",
    "x_start_replay_decisions__mutmut_12": "a PendingDecisions without a process never reads its instances (wait "
                                           "returns the summary as it is)",
}.items():
    EQUIVALENT["pybridge.formal.replay." + _name] = _why

_LEAN = "pybridge.formal.lean."
for _name, _why in {
    "x_lean_sources__mutmut_5": "'UTF-8' and 'utf-8' name the same codec",
    "x_lean_static_checks__mutmut_60": "'UTF-8' and 'utf-8' name the same codec",
    "x_lean_static_checks__mutmut_18": "a missing axioms file read as 'XXXX' instead of '': neither holds a "
                                       "'#print axioms' line",
    "x_lean_build_and_audit__mutmut_22": "check=None: run_tool tests 'if check and ...', None is as false as False",
    "x_lean_build_and_audit__mutmut_44": "check=None: run_tool tests 'if check and ...', None is as false as False",
    "x_lean_build_and_audit__mutmut_1": "default timeout 3601 s instead of 3600 s: differs only for a lake run "
                                        "lasting an hour (tests pass explicit timeouts)",
}.items():
    EQUIVALENT[_LEAN + _name] = _why

for _k in (130, 131):
    EQUIVALENT[f"pybridge.rss.intervals.x_union_pass_int__mutmut_{_k}"] = (
        "a stricter containment test: the interval containing [A, B] keeps containing it, and in the last step "
        "(biggest = 0, N = P = 0) the non-strict block-extension test is the containment test and fires")

_RAD = "pybridge.rss.radius."
_RORDER = ("the processing order of the samples: the final interval union (and so the radius or the decision) does "
           "not depend on it; only the work and the sizes of intermediate unions do")
_SCALE = ("a common integer scale of all inputs: {}; the radius, the floor and every candidate are the same "
          "rationals")
_NOGAP = "a gap whose clipped distance is <= 0 (so it never raises the maximum above 0 and the rest)"
_INF = ("np.where's explicit infinite value equals the arithmetic one: the other operand of the only infinite "
        "gap end is a finite interval end")
_FLOOR = ("floor <= 0 then passes check_real and is refused by the exact fallback (tau_in <= 0): the same "
          "InvalidArgument naming floor, message '> 0' instead of '> 0.0'")
for _name, _why in {
    "x__exact_radius__mutmut_18": _SCALE.format("4 instead of 1 with a floor (E scales with D)"),
    "x__exact_radius__mutmut_19": _SCALE.format("5 instead of 4 without a floor: tau = 1/(5D) is still below "
                                                "the smallest possible radius 1/(2D), so nothing is censored"),
    "x__exact_radius__mutmut_21": _SCALE.format("2 instead of 1 with a floor (E scales with D)"),
    "x__exact_radius__mutmut_28": _RORDER, "x__exact_radius__mutmut_30": _RORDER,
    "x__floats__mutmut_13": "a float array then takes the per-element test, where every np.floating passes: "
                            "same answer",
    "x__floats__mutmut_14": "a float array then takes the per-element test, where every np.floating passes: "
                            "same answer",
    "x__max_distance2_int__mutmut_2": "the pass returns a list only when no interval contains [A, B], so some gap "
                                      "meets it and twice the distance is an integer >= 1: max(1, d2) = d2",
    "x__max_distance2_int__mutmut_11": "'or' also admits " + _NOGAP,
    "x__max_distance2_int__mutmut_14": "l == A admits " + _NOGAP,
    "x__max_distance2_int__mutmut_17": "gl == B admits " + _NOGAP,
    "x__max_distance2_int__mutmut_30": "at mid2 == 2A both branches give l - gl (= 2(l - A))",
    "x__max_distance2_int__mutmut_37": "at mid2 == 2B both branches give l - gl (= 2(B - gl))",
    "x__max_distance_float__mutmut_6": "no gap filter: every gap not meeting (a, b) has clipped distance <= 0",
    "x__max_distance_float__mutmut_7": "'|' also admits " + _NOGAP,
    "x__max_distance_float__mutmut_8": "l == a admits " + _NOGAP,
    "x__max_distance_float__mutmut_9": "r == b admits " + _NOGAP,
    "x__max_distance_float__mutmut_14": "errstate(invalid=None) keeps the caller's setting: no invalid operation "
                                        "occurs (the list is non-empty, so no gap has two infinite ends)",
    "x__max_distance_float__mutmut_43": "errstate(invalid=None) keeps the caller's setting: no invalid operation "
                                        "occurs (the list is non-empty, so no gap has two infinite ends)",
    "x__max_distance_float__mutmut_18": _INF, "x__max_distance_float__mutmut_26": _INF,
    "x__max_distance_float__mutmut_51": _INF, "x__max_distance_float__mutmut_59": _INF,
    "x__radius_int__mutmut_16": "prune=None is falsy like False (union_pass_int reads it only in 'if prune ...')",
    "x__float_radius__mutmut_11": _FLOOR, "x__float_radius__mutmut_12": _FLOOR,
    "x__float_radius__mutmut_15": _FLOOR, "x__float_radius__mutmut_16": _FLOOR,
    "x__float_radius__mutmut_20": _FLOOR,
    "x__float_radius__mutmut_36": _RORDER + " (ties in |x| only)",
    "x__float_radius__mutmut_38": _RORDER + " (ties in |x| only)",
    "x__float_radius__mutmut_41": _RORDER + " (numpy reads kind case-insensitively)",
    "x__float_radius__mutmut_43": "no invalid operation can occur (finite samples, sums of absolute values)",
    "x__float_radius__mutmut_45": "no invalid operation can occur (finite samples, sums of absolute values)",
    "x_covering_radius__mutmut_23": "a 2-D array then reaches check_samples / check_sequence, which refuse it with "
                                    "the same message ('xs must be one-dimensional')",
    "x_covering_radius__mutmut_24": "a 2-D array then reaches check_samples / check_sequence, which refuse it with "
                                    "the same message ('xs must be one-dimensional')",
    "x_covering_radius__mutmut_66": "the radius argument of check_exact_instance is discarded (1 and 2 both pass)",
    "x_radius_exceeds__mutmut_26": "eps == high then reaches the exact decision, which covers (high >= rho): "
                                   "False as before",
    "x_radius_exceeds__mutmut_29": "the shortcut then never fires (uncensored results skip it, censored ones have "
                                   "low = 0 < eps); the exact decision answers the same",
    "x_radius_exceeds__mutmut_30": "eps == low hits 'eps >= high' first in exact mode (low == high); a float "
                                   "bracket's low is rho_hat - 2 delta < rho (the bound is delta), so rho > eps "
                                   "holds there",
}.items():
    EQUIVALENT[_RAD + _name] = _why
for _k in (4, 6):  # prefix_covers_status moved unchanged from radius.py into the kernels file
    EQUIVALENT[f"{_KER}x_prefix_covers_status__mutmut_{_k}"] = _RORDER + " (ties in |x| only)"
EQUIVALENT[_KER + "x_prefix_covers_status__mutmut_9"] = _RORDER + " (numpy reads kind case-insensitively)"

#: caveats printed with the results (what the table does not cover)
NOTES = [
    "'not checked': the run was stopped early (CPU budget of a shared 2-core machine); those mutants are not scored.",
    "The `@njit` float kernels are mutated as plain Python (the decorator is removed in the scratch copy only); "
    "mutmut does not mutate other decorated functions either, e.g. the `@property` `GapResult.verdict` of "
    "`pybridge/gap/montecarlo.py` (its rule is tested in `property_tests/gap/test_known_holes.py`).",
    "Formal targets score only their pure-Python functions; the coqc-driven ones (`build_coq`, `audit_coq`, "
    "`replay_certificates`, `coq_statements`, `pin_statements`) would rebuild the Coq development for every "
    "mutant and are tested with the real Coq by `property_tests/formal/test_coq.py`, `test_pins.py`, "
    "`test_replay.py`. `replay_decisions` is scored, through a stand-in coqc that prints a chosen answer list.",
    "replay: scored through a strict stand-in coqc (`property_tests/formal/coqc_stand_in.py`: parses argv like "
    "coqc, compiles a project file only when its `Prunegap` requires are compiled and bound, accepts only a "
    "well-formed replay file, decides each item by brute force over subset sums), so wrong command lines, scratch "
    "files and replay text fail without Coq.",
    "radius: all 716 mutants checked, with strip_njit (so `prefix_covers_status`, then in radius.py and now in "
    "`pybridge/kernels/interval_union.py`, was mutated as plain Python); its "
    "float-margin constants are killed by tests of the documented bracket half-width 2 delta, of the float-range "
    "guard ulp by ulp, of floors whose inner radius is exactly 0.0, and by comparing `prefix_covers_status` with "
    "`covers_float_kernel` near ties (its documented 'same margins and statuses').",
    "radius, decide (2026-12-08): covering_radius's float path moved to _float_radius and decide_cover's float "
    "branch to _float_decision (issue 20 item 8, no behaviour change). The stored statuses of those two functions were "
    "renamed, not re-run: each old mutant was matched to the new mutant with the identical code change, both "
    "generated by mutmut 3.8.1's own mutator (481 matched; decide_cover's 'q = None' on a removed line has no twin "
    "and was dropped); the 17 new mutants (the arguments of the two new calls) are not in the file until the next run.",
    "interval-union (new target, not run yet): the compiled kernels moved out of rss/intervals.py, rss/radius.py, "
    "rfss/kernel.py, rare/loo.py and rare/splitting.py around one shared merge step; the union_pass / decide_kernel "
    "equivalents below are stale (see EQUIVALENT) and radius_kernel / prefix_covers_status keep theirs.",
    "intervals (before the kernel moved): the decide_kernel final-sweep comparisons (mutants 29, 30, 32, 34), the window-narrowing mutants "
    "96/101, 157/158 (reading lo[m]), 190 (touching intervals not merged) and 230 (looser block length) change "
    "answers only at float ties of size margin and were not judged equivalent; 57/207 change the reported "
    "interval_ops work counter; union_pass_int 121 is the cap boundary (len == MAX_EXACT_INTERVALS, millions).",
    "gap-checks: the one survivor left wraps the first half of the certificate-event check's statement in 'XX' "
    "(only a test restating the literal would catch it). The survivors were killed by "
    "`property_tests/gap/test_check_reports.py` (data keys, evidence and power numbers computed by hand, verdict "
    "and power boundaries, reproduction from the recorded seed, statement/model/source/tag against the registry).",
    "rss-certificate / rfss-certificate: survivors killed by `property_tests/rss/test_certificate_contract.py` "
    "(chain_verifies on wrong sums, a gap of 2 eps + delta vs exactly 2 eps, masks and sizes of wrong length/type, "
    "exactly-size masks over all masks; greedy_chain against a brute-force greedy over all subset sums, an empty "
    "right group, the tie rule, argument names; n = 36 accepted and 37 refused) and "
    "`property_tests/rfss/test_certificate_contract.py` (exactly k bits per mask, n = 36 with k = 1 and k = 18, "
    "argument names, the exact to_dict).",
    "lean-audit: re-run in full after three fixes (static checks: `private axiom`, or `axiom` with the name "
    "on the next line, was not forbidden; a commented-out `#print axioms` counted as audited; build: a failed "
    "`lake build` without a file:line:col diagnostic rejected claims with no message); "
    "`lean_build_and_audit` is scored through a stand-in lake (`property_tests/formal/test_lean_audit_units.py`) "
    "that checks its argv and cwd and prints chosen diagnostics and `#print axioms` output.",
    "coverage: re-run in full on the module as it stands after the interval-union kernel moved to intervals.py "
    "(the old equivalents, keyed by the old numbering, were removed); the float kernel's documented margins are "
    "killed by `property_tests/rss/test_float_kernel_contract.py` (the undetermined band (eps - 2 rho, eps + rho] "
    "on a one-sample instance, the overflow guard 4 (mag + 4 rho), argument errors, the stable processing order, "
    "the exact cap message). Left: reach +- 4 rho -> 5 rho / - 4 rho and eps_in < 0 vs <= 0 (exact float ties only).",
    "coq-audit: its pure-Python functions, killed by `property_tests/formal/test_coq_audit_parsing.py` (Print "
    "Assumptions sections, scan_forbidden line numbers across comments, certificate_to_coq names, "
    "AuditResult.to_dict); left: `read_text(encoding=None)`, visible only under a non-UTF-8 locale.",
    "rare-checks: re-run in full; killed by `property_tests/rare/test_decision_boundaries.py` (lueker_kappa as the "
    "root of its quadratic, n1_failure_probability against exact measures, agreement at touching intervals, "
    "fit_slope_ln against hand-computed t intervals and linregress, tail_rate's jackknife, radius_criterion "
    "through a stand-in covering_radius).",
    "pin: re-run in full after two fixes (golden files written as UTF-8 whatever the locale, as they are read; "
    "`markers[i]` errors name the index); survivors killed by `property_tests/formal/test_pin_inputs.py`.",
]

_SKIP = shutil.ignore_patterns(".venv", "mutants", ".git", "__pycache__", "*.vo", "*.vok", "*.vos", "*.glob",
                               ".hypothesis", ".pytest_cache", "Makefile.coq*", ".*.aux")


def _config(module: str, tests: list) -> str:
    others = sorted(str(p.relative_to(ROOT)) for p in ROOT.iterdir()
                    if p.name not in (".venv", ".git", "mutants") and not p.name.startswith("."))
    return ("\n[tool.mutmut]\n"
            f"source_paths = [{module!r}]\n"
            f"pytest_add_cli_args_test_selection = {tests!r}\n"
            "pytest_add_cli_args = ['-x', '-q', '-p', 'no:cacheprovider']\n"
            f"also_copy = {others!r}\n").replace("'", '"')


def _function_of(mutant: str) -> str:
    """``pybridge.x.y.x_fn__mutmut_3`` / ``pybridge.x.y.xǁClassǁmethod__mutmut_3`` -> ``fn`` / ``Class.method``."""
    tail = mutant.rsplit(".", 1)[-1]
    tail = re.sub(r"__mutmut_\d+$", "", tail)
    if "ǁ" in tail:
        parts = [p for p in tail.split("ǁ") if p]
        return ".".join(parts[1:]) if parts and parts[0] == "x" else ".".join(parts)
    return tail[2:] if tail.startswith("x_") else tail


def load_status() -> dict:
    return json.loads(STATUS_FILE.read_text()) if STATUS_FILE.exists() else {}


def run_target(name: str, max_children: int, keep: bool, only_mutants=None) -> dict:
    t = TARGETS[name]
    module, tests = t["module"], t["tests"]
    work = Path(tempfile.mkdtemp(prefix=f"prunegap-mut-{name}-"))
    shutil.copytree(ROOT, work / "tree", ignore=_SKIP)
    tree = work / "tree"
    if t["strip_njit"]:
        src = tree / module
        src.write_text(re.sub(r"^@njit\(.*\)\n", "", src.read_text(), flags=re.M))
    with open(tree / "pyproject.toml", "a") as fh:
        fh.write(_config(module, tests))
    mutmut = [sys.executable, "-m", "mutmut"]
    subprocess.run([*mutmut, "run", "--max-children", str(max_children), *(only_mutants or [])], cwd=tree,
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    status = collect(tree, only_mutants, t["functions"])
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    return {"module": module, "status": status, "dir": str(tree) if keep else None}


def collect(tree: Path, only_mutants=None, functions=None) -> dict:
    """Every mutant's status in a mutmut scratch tree (and the diff of each survivor / no-tests mutant)."""
    mutmut = [sys.executable, "-m", "mutmut"]
    res = subprocess.run([*mutmut, "results", "--all", "true"], cwd=tree, capture_output=True, text=True)
    status: dict = {}
    for line in res.stdout.splitlines():
        m = re.match(r"\s*(\S+):\s*(.+)$", line)
        if m:
            status[m.group(1)] = {"status": m.group(2).strip()}
    funcs_cache: dict = {}
    for mut, rec in status.items():
        scored = functions is None or _function_of(mut) in functions or _function_of(mut).split(".")[0] in functions
        if rec["status"] in ("survived", "no tests") and (only_mutants is None or mut in only_mutants) and scored:
            diff = _local_diff(tree, mut, funcs_cache)
            if diff is None:  # fall back to mutmut (one subprocess per mutant: slow)
                out = subprocess.run([*mutmut, "show", mut], cwd=tree, capture_output=True, text=True).stdout
                diff = [ln for ln in out.splitlines() if ln[:1] in "+-" and ln[:3] not in ("+++", "---")]
            rec["diff"] = diff
    return status


def _local_diff(tree: Path, mut: str, cache: dict):
    """The changed lines of a mutant, read from mutmut's mutated source (``x_f__mutmut_orig`` vs ``x_f__mutmut_N``)."""
    import ast
    import difflib
    module, name = mut.rsplit(".", 1)
    path = tree / "mutants" / (module.replace(".", "/") + ".py")
    if path not in cache:
        try:
            src = path.read_text()
            lines = src.splitlines()
            cache[path] = {n.name: lines[n.lineno - 1:n.end_lineno] for n in ast.walk(ast.parse(src))
                           if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        except (OSError, SyntaxError):
            cache[path] = {}
    funcs = cache[path]
    orig = re.sub(r"__mutmut_\d+$", "__mutmut_orig", name)
    if name not in funcs or orig not in funcs:
        return None
    base = re.sub(r"__mutmut_orig$", "", orig)  # the def line with the original name (a mutated default shows)
    d = difflib.unified_diff([funcs[orig][0].replace(orig, base)] + funcs[orig][1:],
                             [funcs[name][0].replace(name, base)] + funcs[name][1:], lineterm="", n=0)
    return [ln for ln in d if ln[:1] in "+-" and ln[:3] not in ("+++", "---")]


def _scored(name: str, status: dict) -> dict:
    funcs = TARGETS[name]["functions"]
    if funcs is None:
        return status
    return {k: v for k, v in status.items() if _function_of(k) in funcs or _function_of(k).split(".")[0] in funcs}


def summarize(stored: dict) -> tuple[list[dict], dict]:
    rows = []
    for name in TARGETS:
        if name not in stored:
            rows.append({"target": name, "module": TARGETS[name]["module"], "run": False})
            continue
        st = _scored(name, stored[name]["status"])
        c = {"killed": 0, "survived": 0, "timeout": 0, "no tests": 0, "equivalent": 0, "other": 0, "not checked": 0}
        for mut, rec in st.items():
            s = rec["status"]
            if mut in EQUIVALENT and s in ("survived", "no tests"):
                c["equivalent"] += 1
            elif s in ("killed", "segfault", "caught by type check"):
                c["killed"] += 1
            elif s in c:
                c[s] += 1
            else:
                c["other"] += 1
        total = len(st) - c["not checked"]  # a run stopped early leaves mutants "not checked": not scored
        denom = total - c["equivalent"]
        rows.append({"target": name, "module": TARGETS[name]["module"], "run": True, "date": stored[name]["date"],
                     "mutants": total, **c,
                     "score": (c["killed"] + c["timeout"]) / denom if denom else None})
    done = [r for r in rows if r["run"]]
    tot = {k: sum(r[k] for r in done) for k in ("mutants", "killed", "survived", "equivalent", "timeout",
                                                 "no tests", "other", "not checked")}
    denom = tot["mutants"] - tot["equivalent"]
    tot["score"] = (tot["killed"] + tot["timeout"]) / denom if denom else None
    return rows, tot


def _table(rows, tot) -> str:
    head = ("| target | module | mutants | killed | survived | equivalent | timeout | no tests | other | not checked "
            "| score |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    body = ""
    for r in rows:
        if not r["run"]:
            body += f"| {r['target']} | `{r['module']}` | not run | | | | | | | | |\n"
            continue
        body += (f"| {r['target']} | `{r['module']}` | {r['mutants']} | {r['killed']} | {r['survived']} | "
                 f"{r['equivalent']} | {r['timeout']} | {r['no tests']} | {r['other']} | {r['not checked']} | "
                 f"{100 * r['score']:.1f}% |\n")
    body += (f"| **all run** | | {tot['mutants']} | {tot['killed']} | {tot['survived']} | {tot['equivalent']} | "
             f"{tot['timeout']} | {tot['no tests']} | {tot['other']} | {tot['not checked']} | "
             f"**{100 * tot['score']:.1f}%** |\n" if tot["score"] is not None else "")
    return head + body


def markdown(stored: dict) -> str:
    rows, tot = summarize(stored)
    version = metadata.version("mutmut")
    out = [f"# Mutation testing results (issue 10 §3)\n\n",
           f"Tool: mutmut {version}, one or two child processes (`--max-children`), via `python benchmarks/mutation.py`; "
           f"written {datetime.date.today().isoformat()}. Score = (killed + timeout) / (mutants − equivalent); "
           "a 'no tests' mutant (no selected test reaches it) counts as not killed. Targets with a function filter "
           "score only the decision-rule functions listed in `TARGETS` (their other functions drive slow Monte "
           "Carlo runs).\n\n",
           _table(rows, tot),
           "\n## Notes\n\n" + "".join(f"- {n}\n" for n in NOTES),
           "\nPer-target run dates: " + ", ".join(f"{r['target']} {r['date']}" for r in rows if r["run"]) + ".\n",
           "\n## Survivors judged equivalent\n"]
    for name in TARGETS:
        if name not in stored:
            continue
        st = _scored(name, stored[name]["status"])
        eq = [m for m in st if m in EQUIVALENT and st[m]["status"] in ("survived", "no tests")]
        if eq:
            out.append(f"\n### {name}\n")
            for m in eq:
                diff = " / ".join(d.strip() for d in st[m].get("diff", []))
                out.append(f"- `{m}`: {EQUIVALENT[m]}  \n  `{diff[:300]}`\n")
    out.append("\n## Survivors not killed and not judged equivalent\n")
    for name in TARGETS:
        if name not in stored:
            continue
        st = _scored(name, stored[name]["status"])
        left = [m for m in st if m not in EQUIVALENT and st[m]["status"] in ("survived", "no tests")]
        if left:
            out.append(f"\n### {name}\n")
            for m in left:
                diff = " / ".join(d.strip() for d in st[m].get("diff", []))
                out.append(f"- `{m}` ({st[m]['status']}): `{diff[:300]}`\n")
    return "".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="+", choices=sorted(TARGETS))
    ap.add_argument("--max-children", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the scratch tree (to run `mutmut show`)")
    ap.add_argument("--rerun", action="store_true",
                    help="re-run only the stored survivors and no-tests mutants (not those a stopped run left unchecked)")
    ap.add_argument("--import-tree", metavar="DIR", help="with one --only NAME: store the statuses of a kept tree")
    ap.add_argument("--summary", action="store_true", help="print the per-module table from the stored statuses")
    ap.add_argument("--write-md", action="store_true", help=f"with --summary: also write {RESULTS_MD.name}")
    args = ap.parse_args(argv)
    if args.summary:
        stored = load_status()
        rows, tot = summarize(stored)
        print(f"mutmut {metadata.version('mutmut')}")
        print(_table(rows, tot))
        if args.write_md:
            RESULTS_MD.write_text(markdown(stored))
            print(f"wrote {RESULTS_MD.relative_to(ROOT)}")
        return
    for name in args.only or TARGETS:
        if args.import_tree:
            stored = load_status()
            stored[name] = {"module": TARGETS[name]["module"], "date": datetime.date.today().isoformat(),
                            "mutmut": metadata.version("mutmut"),
                            "status": collect(Path(args.import_tree), None, TARGETS[name]["functions"])}
            STATUS_FILE.write_text(json.dumps(stored, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
            continue
        stored = load_status()
        only = None
        if args.rerun:
            if name not in stored:
                raise SystemExit(f"--rerun needs a stored run of {name}")
            only = [m for m, r in _scored(name, stored[name]["status"]).items()
                    if r["status"] in ("survived", "no tests") and m not in EQUIVALENT]  # equivalents stay survived
            if not only:
                continue
        r = run_target(name, args.max_children, args.keep, only)
        if only is not None:
            merged = dict(stored[name]["status"])
            for m in only:
                if m in r["status"]:
                    merged[m] = r["status"][m]
            r["status"] = merged
        stored = load_status()  # another invocation may have stored a target meanwhile
        stored[name] = {"module": r["module"], "date": datetime.date.today().isoformat(),
                        "mutmut": metadata.version("mutmut"), "status": r["status"]}
        STATUS_FILE.write_text(json.dumps(stored, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
        counts: dict = {}
        for rec in r["status"].values():
            counts[rec["status"]] = counts.get(rec["status"], 0) + 1
        print(f"{name} ({r['module']}): mutmut, mutants {len(r['status'])}, {counts}"
              + (f"; scratch {r['dir']}" if r["dir"] else ""), flush=True)
        for m, rec in r["status"].items():
            if rec["status"] in ("survived", "no tests"):
                print(f"  {rec['status']}: {m}", flush=True)


if __name__ == "__main__":
    main()
