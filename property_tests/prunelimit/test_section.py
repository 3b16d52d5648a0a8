"""The quick ``prunelimit`` section end to end: every claim checked, none violated, records round-trip, figures
written, tables without Python tokens."""

import numpy as np
import pytest

from pybridge.claims import CheckPlan, SectionContext, Streams, record_from_dict
from pybridge.prunelimit.claims import CLAIMS
from pybridge.prunelimit.section import SECTION, prunelimit_section
from pybridge.prunelimit.streams import Stream
from pybridge.report.evidence import section_markdown


@pytest.fixture(scope="module")
def quick_section():
    ctx = SectionContext(plan=CheckPlan(quick=True), streams=Streams(np.random.SeedSequence(8), Stream))
    return prunelimit_section(ctx)


def test_quick_section_runs_and_holds(quick_section, tmp_path):
    sec = quick_section
    ids = {r.claim_id for r in sec.evidence}
    assert ids == {c.id for c in CLAIMS} - {"prunelimit-mlp"}  # the MLP runs in the full check only
    # the Monte Carlo grid of the kinematic curves never reaches a bound region (undetermined); every other
    # record holds or is consistent
    assert all(r.verdict in ("holds", "consistent") for r in sec.evidence
               if not (r.kind == "bound-test" and r.claim_id == "prunelimit-kinematic")), \
        [(r.claim_id, r.verdict) for r in sec.evidence]
    assert all(r.verdict in ("holds", "undetermined") for r in sec.evidence if r.kind == "bound-test")
    for r in sec.evidence:
        assert record_from_dict(r.to_dict()) == r
    for fig in sec.figures:
        fig.draw(tmp_path / fig.file)
        assert (tmp_path / fig.file).stat().st_size > 1000
        assert fig.caption and "Data:" in fig.caption
    assert SECTION.seed_key == 8 and SECTION.name == "prunelimit" and SECTION.streams is Stream
    text = section_markdown(sec)
    assert "fractions removed" in text.lower()
    for token in ("None", "nan", "inf"):
        assert f"| {token} |" not in text


def test_kinematic_exact_regions_are_checked_and_hold(quick_section):
    sec = quick_section
    exact = [r for r in sec.evidence if r.claim_id == "prunelimit-kinematic" and r.kind == "exact-check"]
    assert len(exact) == 1 and exact[0].verdict == "holds"
    assert exact[0].instances > 0 and exact[0].failures == 0
    regions = exact[0].details["regions"]
    assert sum(r["instances"] for r in regions) == exact[0].instances
    assert all(r["max_lower_probability"] is None or r["max_lower_probability"] <= r["eta"] for r in regions)


def test_statdim_mc_records_state_power_and_agree(quick_section):
    sec = quick_section
    mc = [r for r in sec.evidence if r.claim_id == "prunelimit-statdim-mc"]
    assert len(mc) == 4 and all(r.kind == "agreement-test" and r.verdict == "holds" for r in mc)
    for r in mc:
        assert abs(r.difference) <= r.threshold
        assert r.power is not None and r.power.detectable["relative_to_delta"] < 0.2
