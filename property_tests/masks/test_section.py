"""The masks section's records and tables (issue 20 items 1 and 4): one record per factor table sharing the
claim's verdict, every factor kept, no Python tokens in the rendered text, exact round trips.

Claims: masks-overparameterization-factor, masks-fixed-size, masks-mixture-identity.
"""

from __future__ import annotations

import numpy as np

import pybridge.masks.checks as checks
from pybridge.claims.records import record_from_dict
from pybridge.claims.records import thaw
from pybridge.masks.budget import DELTA, PS, MasksBudget
from pybridge.masks.factor import factor_table
from pybridge.masks.section import _factor_table, _laws_table
from pybridge.report.evidence import evidence_text, table_markdown

TOKENS = ("None", "nan", "inf")


def _table(label="x"):
    times = np.random.default_rng(3).integers(5, 40, 200)
    rows = factor_table(times, 50, PS, DELTA, np.random.default_rng(4), bootstrap=20)
    return checks.FactorTable(label, 0.1, 200, "7", rows)


def test_factor_records_share_the_claims_verdict_and_keep_every_row():
    t = _table()
    recs = checks.factor_records("masks-fixed-size", [t, _table("y")], "setting", "caveat", MasksBudget.quick())
    assert len(recs) == 2 and {r.verdict for r in recs} == {"consistent"}
    sparsest = min(t.rows, key=lambda r: r["p"])
    assert recs[0].value == sparsest["factor"] and [recs[0].low, recs[0].high] == sparsest["factor_ci95"]
    assert thaw(recs[0].details["rows"]) == t.rows and "laws" in recs[0].details and "laws" not in recs[1].details
    assert recs[0].power is not None and recs[1].power is None
    assert "caveat" in recs[0].note and "caveat" not in recs[1].note
    for r in recs:
        assert record_from_dict(r.to_dict()) == r
        assert not any(tok in evidence_text(r) for tok in TOKENS)


def test_a_factor_not_reached_leaves_every_record_of_the_claim_undetermined_and_a_blank_cell():
    t = _table()
    bad = checks.FactorTable("bad", 0.1, 200, "7", [dict(t.rows[0], factor=None, factor_ci95=None, n_star_p=None)]
                             + t.rows[1:])
    recs = checks.factor_records("masks-overparameterization-factor", [t, bad], "s", "n", MasksBudget.quick())
    assert {r.verdict for r in recs} == {"undetermined"}
    md = table_markdown(_factor_table([t, bad])) + table_markdown(_laws_table((("all", checks.laws_summary(
        t.rows + bad.rows)),)))
    assert "not reached" in md and not any(tok in md for tok in TOKENS)
    assert f"p={PS[0]:g}: not reached" in recs[1].setting


def test_exact_mixture_identity_record_counts_instances():
    rec = checks.exact_record(MasksBudget.quick())
    assert rec.verdict == "holds" and rec.instances == 4 and rec.failures == 0
    assert record_from_dict(rec.to_dict()) == rec
