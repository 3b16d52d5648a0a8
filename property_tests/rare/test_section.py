"""The rare section of ``prunegap check`` on its quick budget (issue 14)."""

from __future__ import annotations

import numpy as np

from pybridge.rare.section import SECTION, lueker_rows_rare, rare_budget, rare_section


def test_quick_section_validation_holds_and_reports_thresholds():
    sec = rare_section(quick=True, seed_root=np.random.SeedSequence(3), workers=1)
    verdicts = {c.claim_id: c.verdict for c in sec.checks}
    assert verdicts["rss-radius-criterion"] == "holds"
    assert verdicts["rare-agrees-plain-mc"] == "holds"
    assert verdicts["rare-exact-cases"] == "holds"
    assert verdicts["rare-ci-coverage"] == "undetermined"  # full check only
    assert "violated" not in verdicts.values()
    rows = sec.data["thresholds"]
    assert {(tuple(r["interval"]), r["eps"]) for r in rows} == {(g[0], g[1]) for g in rare_budget(True)["grid"]}
    assert sec.data["lueker_rows"] == lueker_rows_rare({"thresholds": rows, "benchmark": sec.data["benchmark"]})
    assert "n*(eps, delta = eps)" in sec.markdown
    assert SECTION.name == "rare" and SECTION.seed_key == 7
