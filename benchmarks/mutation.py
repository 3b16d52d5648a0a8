"""Mutation testing of the trust-critical modules (issue 10 §3) with mutmut. Not run in CI (slow).

Run: ``python benchmarks/mutation.py [--only NAME ...] [--max-children 1]`` (needs the ``dev`` extra: mutmut).
Each target is one module with the fast tests that exercise it; for each target the script copies the
working tree (without .venv, build products) to a scratch directory, writes a ``[tool.mutmut]`` table
(``paths_to_mutate`` = the module, ``pytest_add_cli_args_test_selection`` = the targeted tests, ``also_copy``
= the rest of the package, tests and Coq sources), runs ``mutmut run`` there and prints per module: mutants,
killed, survived (and the other mutmut outcomes), from ``mutmut results``.  Survivors are listed with
``mutmut show <name>`` in the printed scratch directory (kept with ``--keep``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: module -> targeted fast tests (most important first)
TARGETS = {
    "estimate": ("pybridge/stats/estimate.py", ["property_tests/rss/test_known_holes.py",
                                                "property_tests/rss/test_estimate_rules.py",
                                                "property_tests/rss/test_statistics.py"]),
    "certificate": ("pybridge/rss/certificate.py", ["property_tests/rss/test_known_holes.py",
                                                    "property_tests/rss/test_properties.py"]),
    "replay": ("pybridge/formal/replay.py", ["property_tests/formal/test_replay.py"]),
    "coverage": ("pybridge/rss/coverage.py", [
        "property_tests/rss/test_properties.py",
        "property_tests/formal/test_replay.py::test_exact_decision_matches_verified_procedure"]),
    "intervals": ("pybridge/rss/intervals.py", ["property_tests/rss/test_properties.py",
                                                "property_tests/rss/test_radius.py"]),
    "decide": ("pybridge/rss/decide.py", ["property_tests/rss/test_properties.py"]),
    "gap-bounds": ("pybridge/gap/bounds.py", ["property_tests/gap/test_bounds.py",
                                              "property_tests/gap/test_known_holes.py"]),
    "coq-audit": ("pybridge/formal/coq.py", ["property_tests/formal/test_coq.py"]),
    "lean-audit": ("pybridge/formal/lean.py", ["property_tests/formal/test_lean.py"]),
    "claim-status": ("pybridge/claims/evidence.py", ["property_tests/claims/test_registry.py",
                                                     "property_tests/test_check_report.py"]),
}

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


def run_target(name: str, max_children: int, keep: bool) -> dict:
    module, tests = TARGETS[name]
    work = Path(tempfile.mkdtemp(prefix=f"prunegap-mut-{name}-"))
    shutil.copytree(ROOT, work / "tree", ignore=_SKIP)
    tree = work / "tree"
    with open(tree / "pyproject.toml", "a") as fh:
        fh.write(_config(module, tests))
    mutmut = [sys.executable, "-m", "mutmut"]
    subprocess.run([*mutmut, "run", "--max-children", str(max_children)], cwd=tree, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    res = subprocess.run([*mutmut, "results", "--all", "true"], cwd=tree, capture_output=True, text=True)
    counts: dict = {}
    survivors = []
    for line in res.stdout.splitlines():
        m = re.match(r"\s*(\S+):\s*(.+)$", line)
        if m:
            counts[m.group(2).strip()] = counts.get(m.group(2).strip(), 0) + 1
            if m.group(2).strip() == "survived":
                survivors.append(m.group(1))
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    return {"module": module, "mutants": sum(counts.values()), "counts": counts, "survivors": survivors,
            "dir": str(tree) if keep else None}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="+", choices=sorted(TARGETS))
    ap.add_argument("--max-children", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the scratch tree (to run `mutmut show`)")
    args = ap.parse_args(argv)
    for name in args.only or TARGETS:
        r = run_target(name, args.max_children, args.keep)
        killed = r["counts"].get("killed", 0)
        surv = r["counts"].get("survived", 0)
        print(f"{name} ({r['module']}): tool mutmut, mutants {r['mutants']}, killed {killed}, survived {surv}, "
              f"other {{{', '.join(f'{k}: {v}' for k, v in r['counts'].items() if k not in ('killed', 'survived'))}}}"
              + (f"; scratch {r['dir']}" if r["dir"] else ""), flush=True)
        for s in r["survivors"]:
            print(f"  survived: {s}", flush=True)


if __name__ == "__main__":
    main()
