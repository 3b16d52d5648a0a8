"""The constants section on the one section protocol (issue 20): certified-value and exact-check records, the
tight-constants table as data, and the Monte Carlo rows read from the rss and rare sections' views."""

from __future__ import annotations

import numpy as np

from pybridge.claims.records import CertifiedValue, ExactCheck, freeze, record_from_dict
from pybridge.claims.section import CheckPlan, SectionContext, SectionView, Streams
from pybridge.constants.section import SECTION, _monte_carlo_rows, constants_section
from pybridge.constants.streams import Stream


def _ctx(inputs=None) -> SectionContext:
    return SectionContext(plan=CheckPlan(quick=True), streams=Streams(np.random.SeedSequence(1), Stream),
                          inputs=inputs or {})


def test_section_records_tables_and_data_without_the_monte_carlo_sections():
    sec = constants_section(_ctx())
    assert SECTION.requires == ("rss", "rare") and SECTION.seed_key is None and list(Stream) == []
    values = [r for r in sec.evidence if isinstance(r, CertifiedValue)]
    exact = [r for r in sec.evidence if isinstance(r, ExactCheck)]
    assert len(values) == len(sec.data["constants"]) and all(r.verdict == "holds" for r in values)
    assert all(r.dps == 50 and r.quantity.startswith("`") for r in values)
    assert {r.claim_id for r in exact} == {"const-rfss-binomial-entropy-upper", "const-rfss-binomial-entropy-lower"}
    assert all(r.instances == 999 * 1000 // 2 and r.failures == 0 and r.verdict == "holds" for r in exact)
    scoped = [r for r in values if r.claim_id == "const-irwin-hall-cl"]
    assert scoped and all("Claim checked for k <= 200 only" in r.note for r in scoped)
    for r in sec.evidence:
        assert record_from_dict(r.to_dict()).to_dict() == r.to_dict()
    table, = sec.tables
    assert len(table.rows) == len(sec.data["tight"]) and sec.data["tight_monte_carlo"] == ()
    for row in table.rows:
        assert not any(isinstance(c, str) and c.strip() in ("None", "nan", "inf", "-") for c in row), row


def _view(name, data):
    return SectionView(name, (), freeze(data))


def test_monte_carlo_rows_read_from_frozen_views_and_rare_replaces_the_lueker_rows():
    rss = {"thresholds": [{"dist": "uniform", "interval": [-0.5, 0.5], "eps": 0.1, "n_star_delta_eps": 12},
                          {"dist": "uniform", "interval": [-1.0, 1.0], "eps": 0.1, "n_star_delta_eps": 14}],
           "fits": {"uniform on [-1, 1]": {"C": 1.5, "C_ci95": [1.2, 1.8]}}}
    rows = _monte_carlo_rows(_ctx({"rss": _view("rss", rss)}))
    assert [r["name"] for r in rows] == ["lueker-sample-size [-1/2, 1/2]", "lueker-sample-size [-1, 1]",
                                         "rss-threshold-slope [-1, 1], delta = 0.01"]
    assert rows[0]["tight_constant"].startswith(f"{12 / np.log(10):.3f} = ")
    rare = {"lueker_rows": [{"name": "lueker-sample-size [-1/2, 1/2] (splitting)", "statement": "s",
                             "proof_constant": "p", "tight_constant": "t", "ratio": ">= 2.00"}]}
    rows = _monte_carlo_rows(_ctx({"rss": _view("rss", rss), "rare": _view("rare", rare)}))
    assert [r["name"] for r in rows] == ["lueker-sample-size [-1/2, 1/2] (splitting)",
                                         "rss-threshold-slope [-1, 1], delta = 0.01"]
    assert _monte_carlo_rows(_ctx()) == []
