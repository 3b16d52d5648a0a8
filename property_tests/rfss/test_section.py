"""The RFSS section's records and tables (issue 20 items 1 and 4): exact records count their instances, the
tables render missing values as explained words, records round-trip exactly.

Claims: rfss-counting-bound, rfss-theorem5-counting-core, rfss-decision-exact, rfss-corollary1-all-targets.
"""

from __future__ import annotations

import numpy as np

from pybridge.claims.records import record_from_dict
from pybridge.claims.section import Streams
from pybridge.report.evidence import evidence_text, table_markdown
from pybridge.rfss.budget import RfssBudget
from pybridge.rfss.checks import counting_record, decision_record, theorem5_record
from pybridge.rfss.corollary import corollary1_record, growth_fits
from pybridge.rfss.fits import entropy2
from pybridge.rfss.section import _fit_table, _threshold_table
from pybridge.rfss.streams import Stream

TOKENS = ("None", "nan", "inf")


def _row(eps, n_star, trials=100, k=4):
    L = float(np.log2(k / eps))
    y = n_star * entropy2(k / n_star) if n_star else None
    return {"dist": "uniform", "k": k, "eps": eps, "trials": trials, "n_star": n_star, "n_star_delta_eps": None,
            "counting_n": 7, "theorem2_n": 8, "median_first_cover": 13.0, "log2_k_over_eps": L, "n_star_H2": y,
            "c1": y / L if y else None, "c2": y / L**2 if y else None, "seed_entropy": "5"}


def test_counting_records_fail_on_a_success_and_count_instances():
    rows = [{"k": 2, "eps": 0.01, "n": 17, "dist": d, "binom_2eps": 2.72, "width": 2.83, "successes": 0,
             "trials": 32} for d in ("uniform", "mixture")]
    ok, core = counting_record(rows), theorem5_record(rows)
    assert (ok.verdict, ok.instances, ok.failures) == ("holds", 64, 0)
    assert core.verdict == "holds" and core.instances == 45 + 2 and core.failures == 0
    rows[1]["successes"] = 1
    assert counting_record(rows).verdict == "violated" and counting_record(rows).failures == 1
    assert theorem5_record(rows).verdict == "violated" and theorem5_record(rows).failures == 1
    for r in (ok, core):
        assert record_from_dict(r.to_dict()) == r


def test_decision_record_holds_on_its_random_instances():
    budget = RfssBudget(counting=(), counting_trials=1, exact_instances=12, thm2_k=(), thm2_eps=(), thm2_trials=1,
                        curves=(), curve_trials=1)
    rec = decision_record(budget, Streams(np.random.SeedSequence(11), Stream))
    assert rec.verdict == "holds" and rec.instances == 12 and rec.failures == 0
    assert rec.details["covered"] == rec.details["certificates_ok"]


def test_missing_thresholds_render_as_words_and_leave_corollary1_undetermined():
    rows = [_row(0.1, 26), _row(0.03, 31), _row(0.01, None), _row(0.003, 42)]
    md = table_markdown(_threshold_table(rows))
    assert "not reached" in md and "needs >= 123 trials" in md and not any(tok in md for tok in TOKENS)
    fit, per_k = growth_fits(rows)
    rec = corollary1_record(rows, fit, per_k)
    assert rec.verdict == "undetermined" and "Missing n*: k=4, eps=0.01 (uniform)." in rec.note
    assert not any(tok in evidence_text(rec) for tok in TOKENS)
    assert record_from_dict(rec.to_dict()) == rec
    fit_md = table_markdown(_fit_table(fit, per_k))
    assert "too few points" in fit_md and not any(tok in fit_md for tok in TOKENS)
