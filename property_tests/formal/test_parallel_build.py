"""The parallel Coq build's dependency graph and the non-blocking runner (issue 10, quick budget)."""

from __future__ import annotations

import re
import sys

import pytest

from pybridge.errors import InvalidType, ToolFailedError, ToolNotFoundError, ToolTimeoutError
from pybridge.formal.coq import _project_files, project_dependencies
from pybridge.formal.sources import COQ_DIR
from pybridge.runtime.runner import start_tool


def test_dependencies_cover_every_project_require():
    _, files = _project_files(COQ_DIR)
    deps = project_dependencies(COQ_DIR, files)
    stems = {f.split("/")[-1][:-2]: f for f in files}
    order = {f: i for i, f in enumerate(files)}
    for f in files:
        text = re.sub(r"\(\*.*?\*\)", " ", (COQ_DIR / f).read_text(), flags=re.S)
        named = set(re.findall(r"Prunegap\.(\w+)", text))
        for m in re.finditer(r"From\s+Prunegap\s+Require\s+(?:Import|Export)?([^.]*)\.", text):
            named.update(m.group(1).split())
        expected = {stems[x] for x in named if x in stems and stems[x] != f}
        assert expected == set(deps[f]), f
        assert all(order[d] < order[f] for d in deps[f])  # _CoqProject order is a topological order


def test_dependencies_of_a_synthetic_project(tmp_path):
    (tmp_path / "A.v").write_text("From Coq Require Import Reals.\n")
    (tmp_path / "B.v").write_text("(* Require Import Prunegap.C. *)\nRequire Import Prunegap.A.\n")
    (tmp_path / "C.v").write_text("From Prunegap Require Export A B.\n")
    deps = project_dependencies(tmp_path, ["A.v", "B.v", "C.v"])
    assert deps == {"A.v": [], "B.v": ["A.v"], "C.v": ["A.v", "B.v"]}


def test_start_tool_runs_concurrently_and_reports_like_run_tool():
    a = start_tool([sys.executable, "-c", "print('a')"])
    b = start_tool([sys.executable, "-c", "import sys; print('b'); sys.exit(3)"])
    assert a.wait().stdout.strip() == "a" and a.wait() is a.wait()
    with pytest.raises(ToolFailedError) as exc:
        b.wait()
    assert exc.value.returncode == 3 and "b" in exc.value.output


def test_start_tool_timeout_kill_and_bad_input():
    p = start_tool([sys.executable, "-c", "import time; time.sleep(30)"], timeout=0.5)
    with pytest.raises(ToolTimeoutError):
        p.wait()
    q = start_tool([sys.executable, "-c", "import time; time.sleep(30)"])
    q.kill()
    q.kill()  # idempotent
    with pytest.raises(ToolNotFoundError):
        start_tool(["prunegap-no-such-tool-xyz"])
    with pytest.raises(InvalidType):
        start_tool("coqc")
