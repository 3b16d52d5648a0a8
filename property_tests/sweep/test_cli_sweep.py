"""``prunegap sweep`` and ``prunegap check --resume`` end to end (issue 12): SIGKILL then resume gives the same
table, --status computes nothing, exports read back, bad input is one line with exit 2."""

from __future__ import annotations

import csv
import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from pybridge.cli import main
from pybridge.runtime.store import ChunkStore
from pybridge.sweep import write_table

TINY = """
[[sweep]]
engine = "rss"
dist = "uniform"
n = [8, 11]
eps = 0.02
trials = 100
seed = 9
"""


def _cli(*argv, timeout=300):
    return subprocess.run([sys.executable, "-m", "pybridge.cli", *argv], capture_output=True, text=True,
                          timeout=timeout)


def _chunks(path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def _table(path) -> list[dict]:
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        assert float(r.pop("seconds")) >= 0  # compute time is reported, not compared
    return rows


def test_sigkill_then_resume_gives_the_same_table(tmp_path, slow_toml, reference_rows, capsys):
    spec = tmp_path / "spec.toml"
    spec.write_text(slow_toml)
    store = tmp_path / "store.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "pybridge.cli", "sweep", str(spec), "--store", str(store),
                             "--workers", "1", "--export", str(tmp_path / "killed.csv")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _chunks(store) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    stored = _chunks(store)
    assert 2 <= stored < 8, stored  # killed midway: some chunks stored, not all
    assert not (tmp_path / "killed.csv").exists()
    assert main(["sweep", "--status", str(spec), "--store", str(store)]) == 0
    assert f"{stored}/8 known chunks stored" in capsys.readouterr().out
    resumed = _cli("sweep", str(spec), "--store", str(store), "--workers", "1", "--export",
                   str(tmp_path / "resumed.csv"))
    assert resumed.returncode == 0, resumed.stderr
    assert f"({stored} stored, {8 - stored} to compute)" in resumed.stderr
    write_table(reference_rows, tmp_path / "uninterrupted.csv")
    assert _table(tmp_path / "resumed.csv") == _table(tmp_path / "uninterrupted.csv")
    assert (tmp_path / "resumed-rss.png").stat().st_size > 0


def test_sweep_rows_equal_the_rss_command_and_parquet_reads_back(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    spec = tmp_path / "tiny.toml"
    spec.write_text(TINY)
    out = _cli("sweep", str(spec), "--store", str(tmp_path / "s.sqlite"), "--workers", "1", "--export",
               str(tmp_path / "t.parquet"))
    assert out.returncode == 0, out.stderr
    table = pq.read_table(tmp_path / "t.parquet").to_pylist()
    assert list(table[0]) == ["engine", "dist", "n", "eps", "interval", "density", "half_width", "seed", "successes",
                              "trials", "ci_low", "ci_high", "confidence", "seed_entropy", "seconds"]
    rss = json.loads(_cli("rss", "--n", "11", "--eps", "0.02", "--trials", "100", "--seed", "9", "--workers", "1",
                          "--json").stdout)
    row = table[1]
    assert (row["n"], row["successes"], row["trials"], row["ci_low"], row["ci_high"], row["seed_entropy"]) == (
        11, rss["successes"], rss["trials"], rss["ci_low"], rss["ci_high"], rss["seed_entropy"])
    again = _cli("sweep", "--status", str(spec), "--store", str(tmp_path / "s.sqlite"))
    assert "status: 2/2 points done" in again.stdout


@pytest.mark.parametrize("extra, match", [
    (["--workers", "0"], "--workers must be >= 1, got --workers=0"),
    (["--dask-workers", "0"], "--dask-workers must be >= 1"),
    (["--export", "out.xlsx"], "--export must end in .csv or .parquet, got --export='out.xlsx'"),
    (["--scheduler", "localhost"], "--scheduler must be an address such as tcp://host:8786"),
])
def test_bad_flags_are_one_line_exit_2(tmp_path, extra, match, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spec = tmp_path / "tiny.toml"
    spec.write_text(TINY)
    assert main(["sweep", str(spec), "--store", str(tmp_path / "s.sqlite"), *extra]) == 2
    err = capsys.readouterr().err
    assert match in err and err.count("\n") == 1, err


def test_bad_spec_is_one_line_exit_2(tmp_path, capsys):
    spec = tmp_path / "bad.toml"
    spec.write_text('[[sweep]]\nengine = "rss"\nn = 4\neps = 0.1\n')
    assert main(["sweep", str(spec), "--store", str(tmp_path / "s.sqlite")]) == 2
    err = capsys.readouterr().err
    assert "key 'seed' is required" in err and err.count("\n") == 1


def _stable(results: dict) -> dict:
    """results.json without wall-clock fields."""
    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if "second" not in k and k not in ("versions",)}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x
    return strip(results)


def test_check_resume_continues_an_interrupted_check(tmp_path, monkeypatch, capsys):
    store = tmp_path / "store.sqlite"
    calls = {"n": 0}
    real_put = ChunkStore.put

    def interrupting_put(self, *a, **k):
        calls["n"] += 1
        if calls["n"] == 10:
            raise KeyboardInterrupt
        return real_put(self, *a, **k)

    base = ["check", "--quick", "--only", "rss", "--workers", "1", "--no-progress", "--resume", "--store", str(store)]
    monkeypatch.setattr(ChunkStore, "put", interrupting_put)
    assert main([*base, "--out", str(tmp_path / "r1")]) == 130
    monkeypatch.setattr(ChunkStore, "put", real_put)
    assert _chunks(store) == 9
    capsys.readouterr()
    assert main([*base, "--out", str(tmp_path / "r2")]) == 0
    err = capsys.readouterr().err
    assert "9 chunks reused from the store" in err
    entropy = err.split("seed entropy ")[1].split()[0]
    assert main(["check", "--quick", "--only", "rss", "--workers", "1", "--no-progress", "--seed", entropy,
                 "--out", str(tmp_path / "r3")]) == 0
    resumed = json.loads((tmp_path / "r2" / "results.json").read_text())
    plain = json.loads((tmp_path / "r3" / "results.json").read_text())
    assert _stable(resumed) == _stable(plain)
    # the finished run is closed: the next --resume starts a new one (new entropy)
    with ChunkStore(store) as s:
        assert s.open_run("check", {"quick": True, "only": ["rss"]}, None)[1] != entropy
