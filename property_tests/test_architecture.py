"""The package tree is the architecture (issue 9): imports flow one way, domains meet only through ``__init__``.

Rules checked on the source (``ast``; nothing is imported):

* ``symbolic`` never imports ``pybridge``;
* the layers: ``errors``/``validation`` import no other ``pybridge`` module except each other; the shared
  layers (``stats``, ``tools``, ``claims``, ``report``, ``kernels``) import no domain and nothing from the top (``cli``,
  ``check``, ``domains``, ``cliargs``); ``tools`` (the one subprocess boundary) sits below ``claims`` and
  ``report``: it imports only ``stats`` and the basic layer; a domain imports nothing from the top except
  ``cliargs`` (its command parser);
* a domain uses another domain only through that domain's package (``from pybridge.rss import ...``), never a
  submodule or a ``_private`` name;
* the subpackage graph has no cycle; ``pybridge/`` holds at most 8 top-level modules.

Run ``python property_tests/test_architecture.py [ROOT]`` to print the module-level import graph's size
(modules, edges, longest import chain) for the closing note of a layout change.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOP = {"cli", "check", "domains", "cliargs", "__init__"}
BASICS = {"errors", "validation"}
SHARED = {"stats", "tools", "claims", "report", "kernels"}
#: shared layers with a lower bound: the units each may import besides the basic layer
BELOW = {"tools": {"stats"}}


def module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path, root: Path) -> list[tuple[str, list[str]]]:
    """``(imported module, imported names)`` for every import in the file (relative imports resolved)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    me = module_name(path, root)
    pkg = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = pkg.split(".")
                up = up[: len(up) - (node.level - 1)]
                base = ".".join(up + ([base] if base else []))
            out.append((base, [a.name for a in node.names]))
    return out


def import_graph(root: Path = ROOT, package: str = "pybridge") -> dict[str, set[str]]:
    """Module -> the modules of ``package`` it imports (``from pkg import sub`` counts as ``pkg.sub``)."""
    files = sorted((root / package).rglob("*.py"))
    mods = {module_name(f, root): f for f in files}
    graph = {m: set() for m in mods}
    for m, f in mods.items():
        for target, names in imports_of(f, root):
            if not (target == package or target.startswith(package + ".")):
                continue
            hit = False
            for n in names:
                if f"{target}.{n}" in mods:
                    graph[m].add(f"{target}.{n}")
                    hit = True
            if not hit and target in mods:
                graph[m].add(target)
            graph[m].discard(m)
    return graph


def longest_chain(graph: dict[str, set[str]]) -> int:
    """Length (in modules) of the longest acyclic import chain (depth of the import graph)."""
    memo: dict[str, int] = {}

    def depth(m, stack):
        if m in memo:
            return memo[m]
        best = 1
        for t in graph.get(m, ()):
            if t not in stack:
                best = max(best, 1 + depth(t, stack | {t}))
        memo[m] = best
        return best

    return max((depth(m, {m}) for m in graph), default=0)


def _unit(module: str) -> str:
    """The architectural unit of a ``pybridge`` module: its subpackage, or the top-level module itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def package_graph(graph) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m, ts in graph.items():
        u = _unit(m)
        out.setdefault(u, set())
        for t in ts:
            if _unit(t) != u:
                out[u].add(_unit(t))
    return out


def find_cycle(graph: dict[str, set[str]]):
    """One cycle of ``graph`` as a list of nodes, or ``None``."""
    color: dict[str, int] = {}
    stack: list[str] = []

    def visit(n):
        color[n] = 1
        stack.append(n)
        for t in sorted(graph.get(n, ())):
            if color.get(t) == 1:
                return stack[stack.index(t):] + [t]
            if color.get(t) is None:
                c = visit(t)
                if c:
                    return c
        stack.pop()
        color[n] = 2
        return None

    for n in sorted(graph):
        if color.get(n) is None:
            c = visit(n)
            if c:
                return c
    return None


def _domains(root: Path = ROOT) -> set[str]:
    pkgs = {p.parent.name for p in (root / "pybridge").glob("*/__init__.py")}
    return pkgs - SHARED


def layering_problems(root: Path = ROOT) -> list[str]:
    """Every import that breaks the rules of the module docstring."""
    graph = import_graph(root)
    doms = _domains(root)
    problems = []
    for m, targets in graph.items():
        u = _unit(m)
        for t in targets:
            tu = _unit(t)
            if tu == u:
                continue
            if u in BASICS and tu not in BASICS:
                problems.append(f"{m} (basic layer) imports {t}")
            elif u in SHARED and (tu in doms or tu in TOP):
                problems.append(f"{m} (shared layer) imports {t}")
            elif u in BELOW and tu not in BASICS | BELOW[u]:
                problems.append(f"{m} (shared layer {u}, below {tu}) imports {t}")
            elif u in doms and tu in TOP - {"cliargs", "__init__"}:
                problems.append(f"{m} (domain {u}) imports the top-level {t}")
            elif u in doms and tu in doms and t != f"pybridge.{tu}":
                problems.append(f"{m} (domain {u}) imports {t}: use the public names of pybridge.{tu}")
            if t.rpartition(".")[2].startswith("_") and tu != u and not t.endswith("__init__"):
                problems.append(f"{m} imports the private module {t} of another unit")
    # private names of another domain, imported from its package
    for f in sorted((root / "pybridge").rglob("*.py")):
        m = module_name(f, root)
        for target, names in imports_of(f, root):
            if target.startswith("pybridge.") and _unit(target) in doms and _unit(target) != _unit(m):
                bad = [n for n in names if n.startswith("_")]
                if bad:
                    problems.append(f"{m} imports private names {bad} from {target}")
    return problems


def test_symbolic_never_imports_pybridge():
    for f in sorted((ROOT / "symbolic").rglob("*.py")):
        for target, _ in imports_of(f, ROOT):
            assert not (target == "pybridge" or target.startswith("pybridge.")), f"{f} imports {target}"


def test_imports_flow_one_way_and_domains_meet_through_their_packages():
    assert layering_problems() == []


def test_no_import_cycle_between_subpackages():
    assert find_cycle(package_graph(import_graph())) is None


def test_top_level_holds_at_most_eight_modules():
    top = sorted(p.name for p in (ROOT / "pybridge").glob("*.py"))
    assert len(top) <= 8, top


def test_every_domain_in_the_list_has_claims_and_a_section():
    from pybridge.domains import DOMAINS

    for d in DOMAINS:
        assert (ROOT / "pybridge" / d / "claims.py").is_file(), d
        assert (ROOT / "pybridge" / d / "section.py").is_file(), d


# ---- the checker catches what it should (planted violations in a scratch tree)

def _scratch(tmp_path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return tmp_path


BASE = {
    "pybridge/__init__.py": "", "pybridge/check.py": "", "pybridge/errors.py": "", "pybridge/validation.py": "import pybridge.errors\n",
    "pybridge/stats/__init__.py": "", "pybridge/stats/estimate.py": "from pybridge.validation import x\n",
    "pybridge/claims/__init__.py": "", "pybridge/report/__init__.py": "",
    "pybridge/tools/__init__.py": "from pybridge.stats import estimate\n",
    "pybridge/rss/__init__.py": "from pybridge.rss.core import f\n", "pybridge/rss/core.py": "def f(): pass\n",
    "pybridge/rss/_private.py": "", "pybridge/gap/__init__.py": "", "pybridge/gap/core.py": "from pybridge.rss import f\n",
}


def test_checker_accepts_the_clean_scratch_tree(tmp_path):
    root = _scratch(tmp_path, BASE)
    assert layering_problems(root) == []
    assert find_cycle(package_graph(import_graph(root))) is None


@pytest.mark.parametrize("rel, text", [
    ("pybridge/gap/bad.py", "from pybridge.rss.core import f\n"),
    ("pybridge/gap/bad.py", "from pybridge.rss import _private\n"),
    ("pybridge/gap/bad.py", "from pybridge.rss import _helper\n"),
    ("pybridge/stats/bad.py", "from pybridge.rss import f\n"),
    ("pybridge/errors.py", "from pybridge.stats import estimate\n"),
    ("pybridge/rss/bad.py", "from pybridge import check\n"),
    ("pybridge/tools/bad.py", "from pybridge.report import writer\n"),
])
def test_checker_rejects_a_planted_violation(tmp_path, rel, text):
    root = _scratch(tmp_path, {**BASE, rel: text})
    assert layering_problems(root), (rel, text)


def test_checker_finds_a_planted_cycle(tmp_path):
    root = _scratch(tmp_path, {**BASE, "pybridge/rss/core.py": "from pybridge.gap import g\n"})
    assert find_cycle(package_graph(import_graph(root))) is not None


def test_import_of_the_cli_pulls_no_cycle():
    import subprocess

    code = ("import sys, pybridge.cli; mods=[m for m in sys.modules if m.startswith('pybridge')]; "
            "print(len(mods))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and int(proc.stdout) > 3, proc.stderr


if __name__ == "__main__":  # pragma: no cover - the figures for a closing note
    root = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
    g = import_graph(root)
    pg = package_graph(g)
    print(f"modules {len(g)}, edges {sum(map(len, g.values()))}, longest import chain {longest_chain(g)} modules; "
          f"units {len(pg)}, unit edges {sum(map(len, pg.values()))}, unit cycle: {find_cycle(pg)}")
