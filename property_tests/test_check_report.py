"""The main job writes its report atomically and exits with the documented codes (issue 2 §5-6)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pybridge.claims import Figure, SectionResult
from pybridge.domains import registry
from pybridge.report import write_report
from strategies import synthetic_record


def _section(writer):
    return SectionResult(name="demo", title="Demo", evidence=(synthetic_record("rss-counting-bound", "holds", "exact"),),
                         figures=(Figure(file="f.png", draw=writer, caption="A test figure.", alt="test figure"),))


def test_interrupted_report_leaves_nothing_half_written(tmp_path):
    out = tmp_path / "report"

    def boom(path):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_report(out, meta={"mode": "quick", "seed_entropy": "1", "workers": 1, "seconds": 0.0, "versions": {}},
                     sections=[_section(boom)], claims=registry())
    assert list(tmp_path.iterdir()) == []


def test_interrupted_rewrite_keeps_the_previous_report(tmp_path):
    out = tmp_path / "report"
    meta = {"mode": "quick", "seed_entropy": "1", "workers": 1, "seconds": 0.0, "versions": {}}
    write_report(out, meta=meta, sections=[_section(lambda p: p.write_bytes(b"png"))], claims=registry())
    before = (out / "report.md").read_text()

    def boom(path):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_report(out, meta=meta, sections=[_section(boom)], claims=registry())
    assert (out / "report.md").read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_check_rss_section_end_to_end(tmp_path):
    out = tmp_path / "rep"
    proc = subprocess.run([sys.executable, "-m", "pybridge.cli", "check", "--quick", "--only", "rss", "--seed", "3",
                           "--out", str(out), "--no-progress"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    res = json.loads((out / "results.json").read_text())
    assert res["meta"]["seed_entropy"] == "3" and res["meta"]["versions"]["numpy"]
    ids = {c["id"]: c for c in res["claims"]}
    assert ids["rss-counting-bound"]["status"] == "checked exactly on instances"
    assert (out / "rss_cover_probability.png").stat().st_size > 1000
    assert "rss-log-sample-size" in (out / "report.md").read_text()
    # same seed, other worker count: identical numbers
    out2 = tmp_path / "rep2"
    proc = subprocess.run([sys.executable, "-m", "pybridge.cli", "check", "--quick", "--only", "rss", "--seed", "3",
                           "--out", str(out2), "--no-progress", "--workers", "1"], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0
    res2 = json.loads((out2 / "results.json").read_text())
    assert res2["sections"]["rss"]["data"]["thresholds"] == res["sections"]["rss"]["data"]["thresholds"]


def test_out_refuses_a_non_report_directory(tmp_path):
    (tmp_path / "notes.txt").write_text("precious")
    proc = subprocess.run([sys.executable, "-m", "pybridge.cli", "check", "--quick", "--only", "constants",
                           "--out", str(tmp_path), "--no-progress"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "--out" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert (tmp_path / "notes.txt").read_text() == "precious"
    afile = tmp_path / "afile"
    afile.write_text("x")
    proc = subprocess.run([sys.executable, "-m", "pybridge.cli", "check", "--out", str(afile)], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 2 and afile.read_text() == "x"


def test_check_out_dir_accepts_new_empty_and_earlier_reports(tmp_path):
    from pybridge.report.writer import MARKER, check_out_dir

    assert check_out_dir(tmp_path / "new" / "deeper")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert check_out_dir(empty)
    old = tmp_path / "old"
    old.mkdir()
    (old / MARKER).write_text("")
    (old / "report.md").write_text("old")
    assert check_out_dir(old)
