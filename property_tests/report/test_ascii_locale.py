"""The report is written in UTF-8 whatever the locale (found after the pin fix: ``check`` under an ASCII
locale stopped with "internal error: UnicodeEncodeError" because report.md was written in the locale's
encoding).  The run uses ``LC_ALL=C`` with locale coercion and UTF-8 mode switched off, so the preferred
encoding really is ASCII."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_ASCII = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


def test_check_writes_a_utf8_report_under_an_ascii_locale(tmp_path):
    env = {**os.environ, **_ASCII}
    probe = subprocess.run([sys.executable, "-c", "import locale; print(locale.getpreferredencoding(False))"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip().lower() in ("ansi_x3.4-1968", "ascii", "us-ascii"), probe.stdout
    r = subprocess.run([sys.executable, "-m", "pybridge.cli", "check", "--quick", "--only", "constants",
                        "--no-progress", "--out", str(tmp_path / "rep")], env=env, capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    md = (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")
    assert "\u2014" in md  # the em dash that stopped the old writer, stored in UTF-8
    results = json.loads((tmp_path / "rep" / "results.json").read_text(encoding="utf-8"))
    assert list(results) == ["meta", "claims", "sections"] and "constants" in results["sections"]


def test_cli_output_under_an_ascii_locale_escapes_what_it_cannot_encode(tmp_path):
    """``prunegap claims ID`` prints an em dash: under ASCII it is escaped (exit 0), not an internal error."""
    r = subprocess.run([sys.executable, "-m", "pybridge.cli", "claims", "rss-decide-cover"], cwd=tmp_path,
                       env={**os.environ, **_ASCII}, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode("ascii", "replace")[-2000:]
    assert b"rss-decide-cover [not run] \\u2014 algorithmic" in r.stdout, r.stdout[:300]
