"""The package tree is the architecture (issue 9): imports flow one way, domains meet only through ``__init__``.

Rules checked on the source (``ast``; nothing is imported):

* ``symbolic`` never imports ``pybridge``;
* the layers: ``errors``/``validation`` import no other ``pybridge`` module except each other; the shared
  layers (``runtime``, ``stats``, ``kernels``, ``claims``, ``report``) import no domain and nothing from the top (``cli``,
  ``check``, ``domains``, ``cliargs``); ``runtime`` (the process plumbing: seeding, pool and Dask backend,
  store, signals, scratch, budget, and the one subprocess boundary) sits below ``stats``, ``claims`` and
  ``report``: it imports only the basic layer (``stats`` may import ``runtime``); a domain imports nothing
  from the top except ``cliargs`` (its command parser);
* a domain uses another domain only through that domain's package (``from pybridge.rss import ...``), never a
  submodule or a ``_private`` name;
* the subpackage graph has no cycle; ``pybridge/`` holds at most 8 top-level modules;
* the module graph of ``pybridge/`` and ``symbolic/`` together has no cycle (issue 20 item 5), counted as
  ``/work/shared/hooks/arch_scan.py`` counts (:func:`module_graph`): every import statement, function-local
  ones included, gives an edge to the module it names and, for ``from X import a``, to ``X.a`` (a name that
  is not a module stands for the nearest enclosing module); an edge between a package and its own
  submodule (``__init__`` re-exporting ``pkg.sub``, ``pkg.sub`` importing ``pkg``) is not a cycle of design
  and is left out;
* no library call ``child_rng(root, 20, 0)`` / ``child_seed(...)`` names its random stream by a bare
  integer literal (:func:`bare_streams`; issue 20 item 3: streams get names).

Run ``python property_tests/test_architecture.py [ROOT]`` to print the module-level import graph's size
(modules, edges, longest import chain), its cycles and the bare-integer streams, for the closing note of a
layout change.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOP = {"cli", "check", "domains", "cliargs", "__init__"}
BASICS = {"errors", "validation"}
SHARED = {"runtime", "stats", "claims", "report", "kernels"}
#: shared layers with a lower bound: the units each may import besides the basic layer
BELOW = {"runtime": set()}


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


#: the packages whose module graph must be acyclic and whose library code must name its random streams
LIBRARY = ("pybridge", "symbolic")


def _library_modules(root: Path, packages=LIBRARY) -> dict[str, Path]:
    return {module_name(f, root): f for pkg in packages for f in sorted((root / pkg).rglob("*.py"))}


def _enclosing_module(name: str, mods) -> str | None:
    """``name`` or its nearest dotted prefix that is a module of ``mods`` (``None`` if none is)."""
    while name and name not in mods:
        name = name.rpartition(".")[0]
    return name or None


def _package_and_own_submodule(a: str, b: str) -> bool:
    return b.startswith(a + ".") or a.startswith(b + ".")


def module_graph(root: Path = ROOT, packages=LIBRARY) -> dict[str, set[str]]:
    """Module -> the library modules it imports, by the counting rule of ``arch_scan.py``.

    Every import in the file counts, at module level or inside a function.  ``import X`` names ``X``;
    ``from X import a, b`` names ``X``, ``X.a`` and ``X.b``; each named thing that is not a module counts as
    its nearest enclosing module (``from pybridge.rss import decide_cover`` is an edge to ``pybridge.rss``).
    Edges between a package and its own submodules, either way, are left out: a package's ``__init__``
    re-exporting its submodules is not a cycle of design.
    """
    mods = _library_modules(root, packages)
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, f in mods.items():
        for target, names in imports_of(f, root):
            for name in [target, *(f"{target}.{n}" for n in names)]:
                t = _enclosing_module(name, mods)
                if t is not None and t != m and not _package_and_own_submodule(m, t):
                    graph[m].add(t)
    return graph


def module_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of ``graph`` with more than one module (each sorted), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for start in sorted(graph):  # iterative Tarjan: no recursion limit on a deep import chain
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return sorted(out)


#: the seeding helpers whose second argument names a random stream (its namespace)
STREAM_CALLS = ("child_rng", "child_seed")


def bare_streams(root: Path = ROOT, packages=LIBRARY) -> list[str]:
    """``path:line`` of every call ``child_rng(...)`` / ``child_seed(...)`` whose stream is a bare integer.

    The stream is the second positional argument (or ``namespace=``); it is bare when it is an ``int``
    literal (``child_rng(root, 20, 0)``), as ``arch_scan.py`` counts.  A named constant
    (``child_rng(root, Stream.THEOREM_A, 0)``) is not bare.
    """
    hits = []
    for f in sorted(_library_modules(root, packages).values()):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"), filename=str(f))):
            if not isinstance(node, ast.Call):
                continue
            fn = node.func
            name = fn.attr if isinstance(fn, ast.Attribute) else fn.id if isinstance(fn, ast.Name) else ""
            if name not in STREAM_CALLS:
                continue
            stream = node.args[1] if len(node.args) >= 2 else next(
                (k.value for k in node.keywords if k.arg == "namespace"), None)
            if isinstance(stream, ast.Constant) and isinstance(stream.value, int):
                hits.append((f.relative_to(root).as_posix(), node.lineno))
    return [f"{path}:{line}" for path, line in sorted(hits)]


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


def test_no_module_level_import_cycle_in_the_library():
    """Issue 20 item 5: no cycle among the modules of pybridge/ and symbolic/ (function-local imports count)."""
    assert module_cycles(module_graph()) == []


def test_library_random_streams_have_names():
    """Issue 20 item 3: every stream is a named constant, so two checks cannot share one by accident."""
    assert bare_streams() == []


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
    "pybridge/runtime/__init__.py": "from pybridge.validation import x\n",
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
    ("pybridge/runtime/bad.py", "from pybridge.report import writer\n"),
    ("pybridge/runtime/bad.py", "from pybridge.stats import estimate\n"),
])
def test_checker_rejects_a_planted_violation(tmp_path, rel, text):
    root = _scratch(tmp_path, {**BASE, rel: text})
    assert layering_problems(root), (rel, text)


def test_checker_finds_a_planted_cycle(tmp_path):
    root = _scratch(tmp_path, {**BASE, "pybridge/rss/core.py": "from pybridge.gap import g\n"})
    assert find_cycle(package_graph(import_graph(root))) is not None


LIBRARY_BASE = {
    "pybridge/__init__.py": "", "pybridge/errors.py": "",
    "pybridge/formal/__init__.py": "from pybridge.formal.pin import read\n",  # a package re-exporting
    "pybridge/formal/pin.py": "from pybridge import errors\nimport pybridge.formal\n\ndef read(): pass\n",
    "pybridge/formal/coq.py": "from pybridge.formal.pin import read\nfrom symbolic import evaluate\n",
    "symbolic/__init__.py": "from symbolic.numeric import evaluate\n", "symbolic/numeric.py": "def evaluate(): pass\n",
}


def test_module_checker_accepts_the_clean_scratch_tree(tmp_path):
    root = _scratch(tmp_path, LIBRARY_BASE)
    graph = module_graph(root)
    assert graph["pybridge.formal.coq"] == {"pybridge.formal.pin", "symbolic"}
    assert graph["pybridge.formal"] == set() and graph["pybridge.formal.pin"] == {"pybridge.errors"}
    assert module_cycles(graph) == []


@pytest.mark.parametrize("planted, cycle", [
    # the cycle issue 20 found: coq imports pin at module level, pin imports coq inside a function
    ({"pybridge/formal/pin.py": "def read():\n    from pybridge.formal.coq import build\n"},
     ["pybridge.formal.coq", "pybridge.formal.pin"]),
    # across the two packages; `from pkg import name` of a function is an import of the module pkg
    ({"symbolic/numeric.py": "def evaluate():\n    from pybridge.formal import coq\n",
      "pybridge/formal/coq.py": "from symbolic.numeric import evaluate\n"},
     ["pybridge.formal.coq", "symbolic.numeric"]),
    # three modules, `import a.b.c` form
    ({"pybridge/errors.py": "import pybridge.formal.coq\n"},
     ["pybridge.errors", "pybridge.formal.coq", "pybridge.formal.pin"]),
])
def test_module_checker_finds_a_planted_cycle(tmp_path, planted, cycle):
    root = _scratch(tmp_path, {**LIBRARY_BASE, **planted})
    assert module_cycles(module_graph(root)) == [cycle]


def test_module_cycles_by_hand():
    assert module_cycles({"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}) == [["a", "b", "c"]]
    assert module_cycles({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}) == [["a", "b"], ["c", "d"]]
    assert module_cycles({f"m{i}": {f"m{i + 1}"} for i in range(5000)}) == []  # deep chains: no recursion


def test_stream_checker_finds_bare_integers(tmp_path):
    root = _scratch(tmp_path, {
        "pybridge/__init__.py": "",
        "pybridge/a.py": ("from pybridge.runtime import seeding\nfrom pybridge.runtime.seeding import child_rng\n"
                          "r = seeding.child_rng(root, 20, 0)\n"  # line 3: bare
                          "s = child_seed(root, 7, i)\n"  # line 4: bare
                          "t = child_rng(root, Stream.THEOREM_A, 0)\n"
                          "u = seeding.child_seed(root, seeding.MAIN, 3)\n"
                          "v = child_rng(root, namespace=5, index=0)\n"  # line 7: bare, by keyword
                          "w = other(root, 20, 0)\n"),
        "symbolic/__init__.py": "def f(root):\n    return child_rng(root, 1, 0)\n",  # line 2: bare
    })
    assert bare_streams(root) == ["pybridge/a.py:3", "pybridge/a.py:4", "pybridge/a.py:7", "symbolic/__init__.py:2"]


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
    mg = module_graph(root)
    cycles = module_cycles(mg)
    streams = bare_streams(root)
    print(f"pybridge+symbolic: modules {len(mg)}, edges {sum(map(len, mg.values()))}, module cycles {len(cycles)}"
          + "".join(f"\n  {' <-> '.join(c)}" for c in cycles))
    print(f"bare integer streams {len(streams)}" + "".join(f"\n  {w}" for w in streams[:8]))
