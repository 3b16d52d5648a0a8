"""The analytic tight-constants table (issue 4, "Tight constants")."""

import json
from fractions import Fraction

import pytest

from symbolic import TIGHT_NAMES, evaluate, tight_constants
from symbolic.core.certify import _as_fraction

ROWS = {r.name: r for r in tight_constants(dps=30)}


def test_rows_and_order():
    assert tuple(ROWS) == TIGHT_NAMES


@pytest.mark.parametrize("name", TIGHT_NAMES)
def test_row_is_consistent(name):
    row = ROWS[name]
    assert row.direction in ("larger-is-stronger", "smaller-is-stronger")
    tight = row.tight_constant
    assert Fraction(tight.value_str) in tight.certified
    if row.proof_constant is None:
        assert row.ratio is None and row.ratio_value is None
        return
    proof = row.proof_constant
    # the ratio is oriented to be >= 1 and equals tight/proof or proof/tight
    assert row.ratio.lo >= Fraction(999_999, 10**6)
    if row.direction == "larger-is-stronger":
        assert tight.certified.lo >= proof.certified.lo
        num, den = tight.certified, proof.certified
    else:
        assert tight.certified.hi <= proof.certified.hi
        num, den = proof.certified, tight.certified
    # interval quotient encloses the certified ratio's midpoint
    assert num.lo / den.hi <= row.ratio.mid <= num.hi / den.lo
    assert _as_fraction(row.ratio_value) - row.ratio.mid <= row.ratio.width + Fraction(1, 10**25)
    json.dumps(row.to_dict())


def test_headline_ratios():
    assert ROWS["rfss-lemma1-cl"].ratio.lo > 284 and ROWS["rfss-lemma1-cl"].ratio.hi < 285
    assert 76 < ROWS["rfss-lemma1-berry-esseen"].ratio.lo < ROWS["rfss-lemma1-berry-esseen"].ratio.hi < 77
    for exact in ("pensia-uniform-weight", "rfss-binomial-entropy-lower", "rfss-binomial-entropy-upper",
                  "theorem-a-union-bound", "theorem-a-prime-constant"):
        assert ROWS[exact].ratio.lo == ROWS[exact].ratio.hi == 1
    assert 1 < ROWS["theorem-a-necessary-width"].ratio.lo < 1.02


def test_tight_cl_row_uses_the_registered_constants():
    row = ROWS["rfss-lemma1-cl"]
    assert row.tight_constant.expr == evaluate("irwin-hall-cl", dps=15).expr
    assert row.proof_constant.expr == evaluate("allasia-c18", dps=15).expr
    assert "k <= 200" in row.status
