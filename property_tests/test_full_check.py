"""The full check, end to end, with a fixed seed (opt-in: ``PRUNEGAP_FULL_CHECK=1``; skipped otherwise, said so).

Two bugs of the full mode were found only by timing a full run by hand: the prunelimit section stopped at the
l1-descent kinematic curve ("s must be an integer"), and the §3.9 axis contrast called a probability-2^-n
event a violation.  The quick check, which the rest of the suite runs, reaches neither.  Seeded, the run is
deterministic (every Monte Carlo check's false-alarm rate is at most 1e-6 in any case).  About 6-10 min on 2
cores; ``.ci/run`` sets the flag, so CI runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

FULL = os.environ.get("PRUNEGAP_FULL_CHECK", "").strip() not in ("", "0", "false", "no")


@pytest.mark.skipif(not FULL, reason="the full check takes minutes: PRUNEGAP_FULL_CHECK=1 runs it (.ci/run sets it)")
def test_full_check_with_a_fixed_seed_holds(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pybridge.cli", "check", "--seed", "2026", "--no-progress",
                        "--out", str(tmp_path / "report")], capture_output=True, text=True, timeout=3600)
    assert r.returncode == 0, (r.stdout[-2000:], r.stderr[-3000:])
    results = json.loads((tmp_path / "report" / "results.json").read_text(encoding="utf-8"))
    assert results["meta"]["mode"] == "full" and len(results["sections"]) == 9
    replay = results["sections"]["formal"]["data"]["verified_replay"]
    assert replay["trials"] >= 200 and replay["agree"] == replay["trials"] and replay["not_covered"] > 0
    verdicts = [c["verdict"] for s in results["sections"].values() for c in s["checks"]]
    assert "violated" not in verdicts and "failed" not in verdicts
