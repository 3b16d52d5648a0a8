"""The CLI's answers to hostile input, bounded work and the small things of issue 11, in process and in pipes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pybridge import cli
from pybridge.runtime.budget import BudgetExceeded, WorkEstimate, enforce
from pybridge.stats.estimate import format_confidence
from pybridge.runtime.scratch import make_scratch_dir, owner_pid, sweep_stale


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if "error" in line]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("value", ["18446744073709551616", "9223372036854775807", "1000001"])
def test_gap_huge_d_names_d(capsys, value):
    code, _, err = run(capsys, "gap", "--model", "M0", "--law", "G", "--d", value, "--n", "4", "--eps", "0.1")
    assert code == 2
    line = one_error_line(err)
    assert "--d" in line and "--eps" not in line and "--n " not in line


def test_gap_d_times_n_is_bounded(capsys):
    code, _, err = run(capsys, "gap", "--model", "M0", "--law", "G", "--d", "1000000", "--n", "1000", "--eps", "0.1",
                       "--pruning", "weight")
    assert code == 2 and "--n * --d" in one_error_line(err)


def test_gap_d1_diagonal_says_axis(capsys):
    code, out, err = run(capsys, "gap", "--model", "M0", "--law", "G", "--d", "1", "--n", "4", "--eps", "0.1",
                         "--target", "diagonal", "--trials", "3", "--workers", "1", "--seed", "1", "--json")
    assert code == 0
    assert "runs the axis target" in err
    d = json.loads(out)
    assert d["ci"] == [d["ci_low"], d["ci_high"]] and d["interval"] == d["ci"]  # old key kept one release


def test_rss_json_target_interval(capsys):
    code, out, _ = run(capsys, "rss", "--n", "6", "--eps", "0.2", "--trials", "5", "--workers", "1", "--seed", "1",
                       "--interval", "-0.5", "0.5", "--json")
    d = json.loads(out)
    assert code == 0 and d["target_interval"] == [-0.5, 0.5] and d["interval"] == d["target_interval"]


def test_rss_half_width_prints_the_planned_count(capsys):
    code, out, err = run(capsys, "rss", "--n", "10", "--eps", "0.1", "--half-width", "0.1", "--workers", "1",
                         "--seed", "2")
    assert code == 0
    assert "prunegap rss: planned" in err and "trials for half-width 0.1" in err
    assert "planned from a 200-trial pilot" in out


def test_work_beyond_max_seconds_is_refused_before_it_starts(capsys):
    code, out, err = run(capsys, "rss", "--n", "30", "--eps", "1e-5", "--trials", "1000", "--workers", "1",
                         "--max-seconds", "1")
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert "--max-seconds" in line and "--trials" in line and "est." in line


def test_default_limit_refuses_days_of_milp(capsys):
    # issue 24: each neuron decision is now bounded (5 s), so 1000 trials at n = 100 plan under 2 h; 10^4 do not
    code, _, err = run(capsys, "gap", "--model", "M0", "--law", "G", "--d", "2", "--n", "100", "--eps", "0.1",
                       "--trials", "10000")
    assert code == 2 and "exceeds the limit of 2.0 h" in one_error_line(err)


@pytest.mark.parametrize("argv", [["formal", "--replay", "5001"], ["constants", "--dps", "14"],
                                  ["constants", "--dps", "10001"], ["check", "--workers", "0"],
                                  ["rss", "--n", "5", "--eps", "0.1", "--max-seconds", "-1"],
                                  ["rss", "--n", "5", "--eps", "nan"], ["gap", "--model", "M0"]])
def test_bad_values_are_one_line(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    one_error_line(err)


def test_all_constants_at_10000_digits_are_refused_with_the_plan(capsys):
    code, _, err = run(capsys, "constants", "--dps", "10000")
    assert code == 2 and "at 10000 digits" in one_error_line(err)


def test_constants_at_10000_digits_work(capsys):
    """Python's 4300-digit int-to-str limit no longer breaks the certified interval's strings."""
    code, out, err = run(capsys, "constants", "q-eps", "--dps", "10000", "--json")
    assert code == 0, err
    row = json.loads(out)["constants"][0]
    assert len(row["value"]) > 10000 and len(row["certified"][0]) > 10000


def test_constants_text_shows_formula_and_parameters(capsys):
    code, out, _ = run(capsys, "constants", "n-half")
    assert code == 0
    first = out.splitlines()[0]
    assert "log(1 - p)/log(-4*atan(2*epsilon)/pi + 1)" in first and "(at eps=1/100, p=1/2)" in first


def test_confidence_keeps_its_digits(capsys):
    assert format_confidence(0.95) == "95%"
    assert format_confidence(0.999999999999) == "99.9999999999%"
    assert format_confidence(1 - 1e-15) != "100%"
    code, out, _ = run(capsys, "rss", "--n", "5", "--eps", "0.1", "--trials", "5", "--workers", "1",
                       "--confidence", "0.999999999999")
    assert code == 0 and "99.9999999999% Clopper-Pearson" in out


@pytest.mark.parametrize("where", ["/proc/prunegap-report", "/sys/prunegap-report", "FILE/report"])
def test_out_is_probed_before_any_work(capsys, tmp_path, where):
    if where.startswith("FILE"):
        f = tmp_path / "a-file"
        f.write_text("x")
        where = str(f) + where[4:]
    code, out, err = run(capsys, "check", "--quick", "--only", "constants", "--out", where, "--no-progress")
    assert code == 2 and out == ""
    assert "--out" in one_error_line(err)


def test_plan_line_and_refusal_units():
    import io

    buf = io.StringIO()
    enforce("x", WorkEstimate("3 things", 12.0, 2, 0, ("--n",)), stream=buf)
    assert buf.getvalue().strip() == "prunegap x: plan: 3 things, est. 12 s on 2 workers"
    with pytest.raises(BudgetExceeded, match="memory limit; reduce --n"):
        enforce("x", WorkEstimate("big", 1.0, 1, 9 * 2**30, ("--n",)))
    buf = io.StringIO()
    enforce("x", WorkEstimate("small", 1.0), stream=buf)
    assert buf.getvalue() == ""  # short work is not announced


def test_scratch_of_a_dead_owner_is_swept(tmp_path):
    mine = make_scratch_dir("prunegap-coq-", dir=tmp_path)
    assert owner_pid(mine.name, "prunegap-coq-") == os.getpid()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = tmp_path / f"prunegap-coq-{int(dead.stdout)}-abc123"
    orphan.mkdir()
    (orphan / "f.v").write_text("x")
    removed = sweep_stale(dir=tmp_path)
    assert removed == [orphan] and not orphan.exists() and mine.exists()


def _cli(*argv, **kw):
    return [sys.executable, "-m", "pybridge.cli", *argv]


def test_broken_pipe_is_quiet(tmp_path):
    """``prunegap claims | head -2``: no message, no traceback, exit 141 (128 + SIGPIPE)."""
    p = subprocess.Popen(_cli("claims"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    p.stdout.close()  # the reader goes away before the output comes (as head does after its lines)
    err = p.stderr.read().decode()
    code = p.wait(timeout=60)
    assert err == "" and code == 141, (code, err)


def test_internal_errors_are_one_line(capsys, monkeypatch):
    """A bug (an unexpected exception) is exit 70 with one line, never a traceback."""
    import pybridge.constants.section as section

    monkeypatch.setattr(section, "constants_table", lambda **kw: 1 / 0)
    code, _, err = run(capsys, "constants", "q-eps")
    assert code == 70 and "internal error: ZeroDivisionError" in err and "Traceback" not in err


def test_require_lean_says_why(capsys, monkeypatch):
    from pybridge.formal.section import required_tool_reason

    data = {"coqc": None, "required": True, "lean": {"required_tool_missing": True}}
    reason = required_tool_reason(data)
    assert "PRUNEGAP_REQUIRE_COQ=1" in reason and "PRUNEGAP_REQUIRE_LEAN=1" in reason


def test_missing_lake_file_warns(capsys, monkeypatch):
    from pybridge.runtime import runner

    monkeypatch.setenv("PRUNEGAP_LAKE", "/nonexistent/lake")
    monkeypatch.setattr(runner, "_WARNED", set())
    assert runner.find_tool("lake", env_var="PRUNEGAP_LAKE") is None
    assert "PRUNEGAP_LAKE='/nonexistent/lake' is not an executable file" in capsys.readouterr().err


def test_tools_run_with_memory_limit_and_die_with_parent():
    from pybridge.runtime.runner import run_tool

    r = run_tool([sys.executable, "-c", "import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0])"],
                 memory_limit=2**31)
    assert int(r.stdout) == 2**31
    ask = ("import ctypes, ctypes.util; libc = ctypes.CDLL(ctypes.util.find_library('c'), use_errno=True); "
           "sig = ctypes.c_int(); libc.prctl(2, ctypes.byref(sig), 0, 0, 0); print(sig.value)")  # PR_GET_PDEATHSIG
    assert int(run_tool([sys.executable, "-c", ask]).stdout) == 9  # SIGKILL when prunegap dies
    assert subprocess.run([sys.executable, "-c", ask], capture_output=True, text=True).stdout.strip() == "0"


def test_resumable_check_is_bounded_before_the_store_opens(capsys, tmp_path, monkeypatch):
    """Found by the CLI fuzz: ``check --store PATH`` once ran a whole check past ``--max-seconds``."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "--quick", "--store", "s.sqlite", "--max-seconds", "1", "--out", "rep")
    assert code == 2 and "--max-seconds" in one_error_line(err)
    assert not (tmp_path / "s.sqlite").exists() and not (tmp_path / "rep").exists()
