"""The replay's coqc command lines, scratch build, replay file and answer parsing, through a strict stand-in coqc.

The stand-in (``coqc_stand_in.py``) parses its command line as coqc does, compiles a project file only when
the files it requires are compiled and bound to ``Prunegap``, accepts a replay file only if it is well-formed
Coq with the needed imports, and decides every ``decide_cover`` item independently (all subset sums), so a
wrong argv, a missing or misplaced scratch file, a broken replay file or a wrong answer makes these tests fail
without Coq.  The real Coq runs in ``test_replay.py``.  Targeted tests of ``benchmarks/mutation.py --only
replay`` (issue 10 §3).
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import time
from fractions import Fraction as F
from pathlib import Path

import pytest

from pybridge.errors import ExternalToolError, InvalidArgument, InvalidType, ToolFailedError, ToolTimeoutError
from pybridge.formal import coq, replay
from pybridge.formal.coq import CoqBuild, coq_version
from pybridge.formal.replay import (DECIDE_DEPENDENCIES, ExportMismatch, ReplayInstance, _parse_answers, check_round_trip,
                                    instance_to_coq, instances_from_records, parse_coq_instances,
                                    replay_decisions, start_replay_decisions)
from pybridge.runtime.scratch import owner_pid
from pybridge.runtime.runner import PendingTool, ToolRun, run_tool

sys.path.insert(0, str(Path(__file__).parent))
from coqc_stand_in import STAND_IN  # noqa: E402

COQ = Path(__file__).resolve().parents[2] / "coq"

# covered / not covered as decided by hand: {0, 1/2} within 1/4 covers [0, 1/2]; {0, 1/2} within 1/8 leaves
# (1/8, 3/8) of [0, 1]; {0, 1/4, 1/2, 3/4} within 1/8 covers [0, 3/4] (touching closed intervals)
INSTS = [ReplayInstance((F(1, 2),), F(1, 4), F(0), F(1, 2), True, "i0"),
         ReplayInstance((F(1, 2),), F(1, 8), F(0), F(1), False, "i1"),
         ReplayInstance((F(1, 4), F(1, 2)), F(1, 8), F(0), F(3, 4), True, "i2")]


@pytest.fixture
def coqc(tmp_path, monkeypatch):
    """The strict stand-in coqc first on PATH; ``$COQC_LOG`` collects its calls (``cwd<TAB>argv`` lines)."""
    script = tmp_path / "bin" / "coqc"
    script.parent.mkdir()
    script.write_text(f"#!{sys.executable}\n" + STAND_IN)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    log = tmp_path / "coqc.log"
    monkeypatch.setenv("COQC_LOG", str(log))
    for var in ("COQC_ANSWERS", "COQC_SLEEP_ON", "COQC_REMOVE_CWD", "COQC_NOISE", "COQC_VERSION_TEXT"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.calls = lambda: [ln.split("\t") for ln in log.read_text().splitlines()] if log.exists() else []
    return monkeypatch


def _build(root: Path) -> CoqBuild:
    """A finished scratch build of the three files the replay needs, compiled by the stand-in."""
    theories = root / "coq" / "theories"
    theories.mkdir(parents=True)
    flags = (COQ / "_CoqProject").read_text().split("\n")[0].split()  # -R theories Prunegap
    for name in DECIDE_DEPENDENCIES:
        shutil.copy(COQ / "theories" / name, theories / name)
        run_tool(["coqc", *flags, f"theories/{name}"], cwd=root / "coq", timeout=60)
    return CoqBuild(root, flags, [f"theories/{n}" for n in DECIDE_DEPENDENCIES], 0.0)


def test_stand_in_refuses_what_coqc_refuses(coqc, tmp_path):
    # the stand-in itself: out-of-order build, unknown option, wrong library name, malformed replay file
    work = tmp_path / "w"
    (work / "theories").mkdir(parents=True)
    shutil.copy(COQ / "theories" / "SubsetSum.v", work / "theories")
    for argv in (["-q", "-R", "theories", "Prunegap", "theories/SubsetSum.v"],  # Base.vo missing
                 ["-r", "theories", "Prunegap", "theories/SubsetSum.v"],
                 ["-Q", "-R", "theories", "Prunegap", "theories/SubsetSum.v"]):
        with pytest.raises(ToolFailedError):
            run_tool(["coqc", *argv], cwd=work, timeout=60)
    build = _build(tmp_path / "b")
    good = replay._prepare(INSTS, instance_to_coq)[2]
    for text in (good, good.replace("Import ListNotations", "import ListNotations"),
                 good.replace(";\n  decide_cover", "\n  decide_cover", 1), good + "XX"):
        (build.coq_dir / "R.v").write_text(text)
        if text == good:
            out = run_tool(["coqc", *build.flags, "R.v"], cwd=build.coq_dir, timeout=60).stdout
            assert _parse_answers(out, 3) == [True, False, True]
        else:
            with pytest.raises(ToolFailedError):
                run_tool(["coqc", *build.flags, "R.v"], cwd=build.coq_dir, timeout=60)


def test_scratch_build_command_lines_and_answers(coqc):
    t0 = time.perf_counter()
    out = replay_decisions(INSTS)
    elapsed = time.perf_counter() - t0
    assert out["status"] == "verified" and out["agree"] == 3 and out["prover"] == "coq 8.16.1"
    calls = coqc.calls()
    assert [argv for _, argv in calls] == (
        ["--version"] + [f"-q -R theories Prunegap theories/{n}" for n in DECIDE_DEPENDENCIES]
        + ["-q -R theories Prunegap Replay.v"])
    cwds = {cwd for cwd, _ in calls[1:]}
    assert len(cwds) == 1
    work = Path(cwds.pop())
    # the scratch directory carries our pid (the sweep of a later run recognises it) and is removed afterwards
    assert owner_pid(work.name, "prunegap-replay-") == os.getpid()
    assert not work.exists()
    for key in ("build_seconds", "seconds"):
        assert isinstance(out[key], float) and out[key] == round(out[key], 2)
    assert 0 <= out["build_seconds"] <= out["seconds"] <= elapsed + 0.01


def test_reported_seconds_are_the_measured_wall_times(coqc, monkeypatch):
    ticks = iter([100.0, 100.123456, 100.987654])

    class Clock:
        @staticmethod
        def perf_counter():
            return next(ticks)

    monkeypatch.setattr(replay, "time", Clock)
    out = replay_decisions(INSTS)
    assert out["build_seconds"] == 0.12 and out["seconds"] == 0.99


def test_coq_answers_are_compared_with_the_fast_answers(coqc):
    flipped = [ReplayInstance(i.xs, i.eps, i.a, i.b, not i.expected, i.label) for i in INSTS]
    out = replay_decisions(flipped)
    assert out["status"] == "disagreement" and out["agree"] == 0
    assert out["disagreements"][1] == flipped[1].describe() + "; Coq decide_cover=not covered"


def test_timeouts_reach_each_coqc_call(coqc):
    coqc.setenv("COQC_SLEEP_ON", "Base.v:5")
    with pytest.raises(ToolTimeoutError):
        replay_decisions(INSTS, timeout=0.5)
    coqc.setenv("COQC_SLEEP_ON", "Replay.v:5")
    with pytest.raises(ToolTimeoutError):
        replay_decisions(INSTS, timeout=0.5)


def test_scratch_directory_vanishing_does_not_mask_the_result(coqc):
    coqc.setenv("COQC_REMOVE_CWD", "1")
    assert replay_decisions(INSTS)["status"] == "verified"


def test_replay_in_a_finished_build(coqc, tmp_path):
    build = _build(tmp_path)
    n_build = len(coqc.calls())
    t0 = time.perf_counter()
    pending = start_replay_decisions(INSTS, build=build)
    tools = pending.tools()
    assert len(tools) == 1 and isinstance(tools[0], PendingTool)
    out = pending.wait()
    elapsed = time.perf_counter() - t0
    assert out["status"] == "verified" and out["agree"] == 3 and out["prover"] == "coq 8.16.1"
    version, run = coqc.calls()[n_build:]
    assert version[1] == "--version" and run == [str(build.coq_dir), "-R theories Prunegap PrunegapDecideReplay.v"]
    assert isinstance(out["seconds"], float) and out["seconds"] == round(out["seconds"], 2)
    assert 0 < out["seconds"] <= elapsed + 0.01
    assert isinstance(out["cpu_seconds"], float) and out["cpu_seconds"] == round(out["cpu_seconds"], 2)
    assert pending.wait() is out  # the summary is computed once
    # replay_decisions with a build takes the same path
    again = replay_decisions(INSTS, build=build)
    assert {k: again[k] for k in ("status", "agree", "trials", "covered")} == {
        "status": "verified", "agree": 3, "trials": 3, "covered": 2}
    flipped = [ReplayInstance(i.xs, i.eps, i.a, i.b, not i.expected, i.label) for i in INSTS]
    bad = start_replay_decisions(flipped, build=build).wait()
    assert bad["status"] == "disagreement" and bad["agree"] == 0
    assert bad["disagreements"][0] == flipped[0].describe() + "; Coq decide_cover=covered"


def test_replay_in_a_build_honours_exporter_timeout_and_kill(coqc, tmp_path):
    build = _build(tmp_path)

    def doubled(i):
        return instance_to_coq(ReplayInstance(i.xs, 2 * i.eps, i.a, i.b, i.expected, i.label))

    with pytest.raises(ExportMismatch):
        replay_decisions(INSTS, build=build, exporter=doubled)
    coqc.setenv("COQC_SLEEP_ON", "PrunegapDecideReplay.v:5")
    with pytest.raises(ToolTimeoutError):
        start_replay_decisions(INSTS, build=build, timeout=0.5).wait()
    with pytest.raises(ToolTimeoutError):
        replay_decisions(INSTS, build=build, timeout=0.5)
    coqc.delenv("COQC_SLEEP_ON")
    pid_file = tmp_path / "pid"
    coqc.setenv("COQC_PIDFILE", str(pid_file))
    pending = start_replay_decisions(INSTS, build=build)
    for _ in range(400):
        if pid_file.exists() and pid_file.read_text() and len(coqc.calls()) >= 6:
            break
        time.sleep(0.01)
    pid = int(pid_file.read_text())
    pending.kill()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    empty = start_replay_decisions([], build=build)
    assert empty.tools() == [] and empty.wait()["status"] == "unavailable"
    empty.kill()  # nothing to kill


def test_unmeasured_cpu_time_is_reported_as_none():
    # a run whose CPU time could not be collected (ToolRun.cpu_seconds None) is reported as such, not rounded
    class Finished:
        def wait(self):
            return ToolRun(("coqc",), 0, "     = [true]\n     : list bool\n", "", 0.123, None)

        def kill(self):
            pass

    out = replay._prepare(INSTS[:1], instance_to_coq)[1]
    res = replay.PendingDecisions(Finished(), out, INSTS[:1]).wait()
    assert res["cpu_seconds"] is None and res["seconds"] == 0.12 and res["status"] == "verified"


def test_missing_list_of_decisions(coqc):
    coqc.setenv("COQC_NOISE", "60")
    coqc.setenv("COQC_ANSWERS", "true")
    with pytest.raises(ExternalToolError) as err:
        replay_decisions(INSTS)
    assert str(err.value).startswith("coqc printed 1 decisions, expected 3 (argv=['coqc'], exit=None)\n")
    noise = "".join(f"noise line {'x' * 60}\n" for _ in range(60)) + "     = [true]\n     : list bool\n"
    assert err.value.argv == ("coqc",) and err.value.output == noise[-2000:] and len(noise) > 2001
    text = noise.replace("     = [true]\n     : list bool\n", "no list here\n")
    with pytest.raises(ExternalToolError) as err:
        _parse_answers(text, 1)
    assert str(err.value).startswith("coqc printed no list of decisions (argv=['coqc'], exit=None)\n")
    assert err.value.argv == ("coqc",) and err.value.output == text[-2000:]


@pytest.mark.parametrize("output,count,expected", [
    ("     = [true; false]\n     : list bool\n", 2, [True, False]),
    ("= [\n true;\n false;\n true ]\n: list bool", 3, [True, False, True]),
    ("     = []\n     : list bool\n", 0, []),
    ("Warning: x\n     = [false]\n     : list bool\nlater [true] : list bool", 1, [False]),
])
def test_parse_answers_accepts_coqc_layouts(output, count, expected):
    assert _parse_answers(output, count) == expected


@pytest.mark.parametrize("output,count,fragment", [
    ("     = [true; false]\n     : list nat\n", 2, "no list of decisions"),
    ("     [true; false]\n     : list bool\n", 2, "no list of decisions"),
    ("     = [true; False]\n     : list bool\n", 2, "printed 2 decisions, expected 2"),
    ("     = [true; ; false]\n     : list bool\n", 3, "printed 2 decisions, expected 3"),
    ("     = [true; false; true]\n     : list bool\n", 2, "printed 3 decisions, expected 2"),
    ("     = [truefalse]\n     : list bool\n", 1, "printed 1 decisions, expected 1"),
])
def test_parse_answers_refuses_malformed_output(output, count, fragment):
    with pytest.raises(ExternalToolError, match=fragment):
        _parse_answers(output, count)


def test_coq_version_banner(coqc, monkeypatch):
    assert coq_version() == "coq 8.16.1"
    coqc.setenv("COQC_VERSION_TEXT", "coqc 8.16.1+custom build\nsecond line")
    assert coq_version() == "coqc 8.16.1+custom build"
    coqc.setenv("COQC_VERSION_TEXT", "unlabelled")
    assert coq_version() == "unlabelled"
    seen = []

    def spy(argv, **kw):
        seen.append(kw.get("timeout", 600.0))
        return run_tool(argv, **kw)

    monkeypatch.setattr(coq, "run_tool", spy)
    coq_version()
    assert seen and seen[0] <= 60  # a hung `coqc --version` is cut off well before the build's 600 s
    coqc.setenv("PATH", str(Path(sys.executable).parent.parent / "nonexistent"))
    assert coq_version() is None


def test_bad_arguments_name_themselves():
    with pytest.raises(InvalidType, match=r"^inst must be a ReplayInstance"):
        instance_to_coq(object())
    with pytest.raises(InvalidType, match=r"^text must be a str"):
        parse_coq_instances(5)
    with pytest.raises(InvalidType, match=r"^instances must be a sequence"):
        check_round_trip(5, "")
    with pytest.raises(InvalidType, match=r"^instances\[1\] must be a ReplayInstance"):
        check_round_trip([INSTS[0], 0.5], "")
    with pytest.raises(InvalidType, match=r"^instances\[0\] must be a ReplayInstance, got float"):
        replay_decisions([0.5])
    for field in ("eps", "a", "b"):
        kw = {"xs": (), "eps": F(1), "a": F(0), "b": F(1), "expected": True, field: 0.5}
        with pytest.raises(InvalidType, match=rf"^ReplayInstance\.{field} must be a Fraction"):
            ReplayInstance(**kw)
    with pytest.raises(InvalidType, match=r"^ReplayInstance\.xs\[1\] must be a Fraction"):
        ReplayInstance((F(1), 1), F(1), F(0), F(1), True)
    rec = {"xs": [(0.5).hex()], "eps": (0.125).hex(), "a": (-1.0).hex(), "b": (1.0).hex(), "expected": True}
    with pytest.raises(InvalidType, match=r"^records must be a sequence"):
        instances_from_records(5)
    with pytest.raises(InvalidType, match=r"^records\[0\]\.xs must be a sequence"):
        instances_from_records([dict(rec, xs=5)])
    with pytest.raises(InvalidType, match=r"^expected must be True or False"):
        instances_from_records([dict(rec, expected="yes")])
    with pytest.raises(InvalidArgument, match=r"^value is not a finite rational"):
        instances_from_records([dict(rec, eps="inf")])


def test_round_trip_mismatch_names_what_was_read_back():
    inst = ReplayInstance((F(1, 3), F(-1, 2)), F(1, 5), F(-1), F(1), False, "a")
    text = instance_to_coq(inst).replace("(10)%Z", "(11)%Z", 1)  # D = 30: 1/3 -> 10
    with pytest.raises(InvalidArgument, match=r"read back eps=1/5, \[a, b\]=\[-1, 1\], xs=\['11/30', '-1/2'\]$"):
        check_round_trip([inst], text)
