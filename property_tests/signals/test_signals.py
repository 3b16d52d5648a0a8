"""Clean death on every signal (issue 11 §3): no orphan worker, coqc or scratch directory.

Each test starts a real run in a subprocess (``python -m pybridge.cli ...`` with its own ``TMPDIR``), waits
until pool workers or coqc are running, sends the signal, and asserts that within 5 s the run and every
process it started are gone and no scratch directory carrying its pid remains:

* SIGTERM: exit status 143, no report written, temporary files removed by the run itself;
* SIGKILL: the kernel kills the workers and coqc (``PR_SET_PDEATHSIG``); the dead run cannot clean up, so the
  next run (here ``prunegap constants q-eps``) removes the scratch directories whose owner pid is dead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

psutil = pytest.importorskip("psutil")

from pybridge.runtime.runner import coq_required, find_tool  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
needs_coq = pytest.mark.skipif(find_tool("coqc") is None and not coq_required(),
                               reason="coqc not installed (PRUNEGAP_REQUIRE_COQ=1 makes this a failure)")


def _start(args, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "pybridge.cli", *args], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, scratch


def _wait_for_descendant(proc, predicate, timeout=120.0):
    """The descendants of ``proc`` once one satisfies ``predicate`` (fails after ``timeout`` s)."""
    main = psutil.Process(proc.pid)
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        assert proc.poll() is None, f"the run ended before the signal: {proc.communicate()}"
        try:
            kids = main.children(recursive=True)
            if any(predicate(k) for k in kids):
                return kids
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            pass
        time.sleep(0.05)
    proc.kill()
    raise AssertionError(f"no matching child process appeared in {timeout} s")


def _alive(p) -> bool:
    try:
        return p.is_running() and p.status() != psutil.STATUS_ZOMBIE
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return False


def _assert_all_gone(procs, seconds=5.0):
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        left = [p for p in procs if _alive(p)]
        if not left:
            return
        time.sleep(0.05)
    left = [p for p in procs if _alive(p)]
    for p in left:  # do not leave them behind on failure
        p.kill()
    raise AssertionError(f"still alive {seconds} s after the signal: {[(p.pid, p.name()) for p in left]}")


def _scratch_of(pid, *dirs):
    return [e for d in dirs for e in Path(d).iterdir() if f"-{pid}-" in e.name]


def _is_worker(p):
    return p.name().startswith("python") or "python" in " ".join(p.cmdline()[:1])


def _is_coqc(p):
    """coqc compiling a file of the scratch build (not ``coqc --version``)."""
    return p.name().startswith("coqc") and any(a.endswith(".v") for a in p.cmdline())


def _signal_and_check(proc, scratch, tmp_path, sig, kids):
    main = psutil.Process(proc.pid)
    os.kill(proc.pid, sig)
    _assert_all_gone([main, *kids])
    out, err = proc.communicate(timeout=5)
    if sig == signal.SIGTERM:
        assert proc.returncode == 143, (proc.returncode, err[-1000:])
        assert "Traceback" not in err and "terminated" in err, err[-1000:]
    else:
        assert proc.returncode == -signal.SIGKILL
        # the next run sweeps what the killed one could not remove
        nxt = subprocess.run([sys.executable, "-m", "pybridge.cli", "constants", "q-eps"], cwd=tmp_path,
                             env={**os.environ, "TMPDIR": str(scratch)}, capture_output=True, text=True, timeout=120)
        assert nxt.returncode == 0, nxt.stderr
    assert not _scratch_of(proc.pid, scratch, tmp_path), _scratch_of(proc.pid, scratch, tmp_path)
    assert not (tmp_path / "report").exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_check_quick_leaves_no_worker(sig, tmp_path):
    """``prunegap check --quick`` killed while its pool workers run (rss and gap sections, 2 workers)."""
    proc, scratch = _start(["check", "--quick", "--workers", "2", "--no-progress", "--only", "rss", "gap",
                            "--out", "report"], tmp_path)
    kids = _wait_for_descendant(proc, _is_worker)
    time.sleep(0.3)  # let the pool reach its full size
    kids = psutil.Process(proc.pid).children(recursive=True) or kids
    _signal_and_check(proc, scratch, tmp_path, sig, kids)


@needs_coq
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_formal_leaves_no_coqc(sig, tmp_path):
    """``prunegap formal`` killed while coqc compiles its scratch copy of the development."""
    proc, scratch = _start(["formal", "--replay", "2"], tmp_path)
    kids = _wait_for_descendant(proc, _is_coqc)
    assert _scratch_of(proc.pid, scratch), "the scratch build directory should carry the owner's pid"
    _signal_and_check(proc, scratch, tmp_path, sig, kids)


@needs_coq
def test_check_formal_section_leaves_no_coqc(tmp_path):
    """``prunegap check --quick --only formal`` killed by SIGKILL while coqc runs: coqc dies with it."""
    proc, scratch = _start(["check", "--quick", "--workers", "1", "--no-progress", "--only", "formal",
                            "--out", "report"], tmp_path)
    kids = _wait_for_descendant(proc, _is_coqc)
    _signal_and_check(proc, scratch, tmp_path, signal.SIGKILL, kids)


def test_sigterm_during_a_highs_solve_at_one_worker_is_prompt(tmp_path):
    """A HiGHS solve in the main process (``--workers 1``) no longer delays SIGTERM until it returns.

    Before :func:`pybridge.runtime.signals.interruptible`, this run (an RF linear program at n = 1000, about
    20-60 s per solve) exited 143 only 67 s after SIGTERM; now the solve runs in a helper thread while the
    main thread waits where the handler can run.
    """
    proc, _ = _start(["gap", "--model", "M0", "--law", "G", "--d", "2", "--n", "1000", "--eps", "0.1", "--pruning",
                      "rf", "--trials", "4", "--workers", "1", "--seed", "1", "--max-seconds", "5000"], tmp_path)
    t0 = time.monotonic()
    line = proc.stderr.readline()  # the plan line comes just before the first trial
    assert "plan:" in line, line
    time.sleep(4.0)  # inside the first solve (each takes >= 20 s)
    assert proc.poll() is None, "the run ended before the signal"
    sent = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError("no exit within 30 s of SIGTERM")
    waited = time.monotonic() - sent
    assert proc.returncode == 143 and "Traceback" not in err, err
    assert waited < 5.0, f"exit {waited:.1f} s after SIGTERM (plan line after {sent - t0:.1f} s)"
