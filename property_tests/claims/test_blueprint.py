"""The blueprint (issue 16 §1): ``uses`` names known claims without a cycle; backing propagates.

The registry checks run over whatever claims the domains register (a new domain's claims are included
automatically; ``uses`` defaults to ``()``).  The propagation is checked against a brute-force definition on
random acyclic graphs.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pybridge.claims import (
    BACKED_STATUSES,
    STATUSES,
    Claim,
    Registry,
    Source,
    chain,
    check_uses,
    derive_backing,
    status_counts,
    used_by,
)
from pybridge.claims.blueprint import NOT_RUN, STRENGTH
from pybridge.domains import registry
from pybridge.errors import RegistryError

CLAIMS = registry()


def _claim(cid, uses=()):
    return Claim(id=cid, statement="s", latex="x", model="m", source=Source("THEORY", None, "§0", "RECON"),
                 kind="lemma", twin="pybridge.claims:chain", tests=(), uses=uses)


def test_every_registered_use_names_a_registered_claim_and_there_is_no_cycle():
    check_uses(CLAIMS)  # raises on an unknown id or a cycle
    for cid, claim in CLAIMS.items():
        assert isinstance(claim.uses, tuple)
        for dep in claim.uses:
            assert dep in CLAIMS, f"{cid} uses unknown {dep}"
        assert cid not in chain(cid, CLAIMS), f"{cid} rests on itself"


def test_uses_follow_the_theory_notes_proofs():
    # theory §3.6: Theorem A = deterministic core + K2 + the kink-angle law + the union bound
    assert {"theorem-a-core", "kink-arc-three-point", "kink-angle-law", "theorem-a-union-bound"} <= set(
        CLAIMS["theorem-a"].uses)
    # §3.6 steps 3-4: the core applies K3 then K2; §3.8: B0 is positive homogeneity + RSS for Pensia's D
    assert set(CLAIMS["theorem-a-core"].uses) == {"kink-free-affine", "kink-arc-three-point"}
    assert {"b0-positive-homogeneity", "rss-log-sample-size", "const-pensia-uniform-weight"} <= set(
        CLAIMS["weight-pruning-b0"].uses)
    # the verified certificate checker rests on the gap certificate (L3)
    assert "rss-gap-certificate" in CLAIMS["rss-certificate-sound"].uses
    assert "rss-subset-sum-recursion" in chain("rss-log-sample-size", CLAIMS)


def test_unknown_id_is_refused():
    with pytest.raises(RegistryError, match="unknown claim id 'no-such-claim'"):
        Registry([("x", [_claim("a", ["no-such-claim"])])])


def test_cycle_is_refused_and_named():
    claims = [_claim("a", ["b"]), _claim("b", ["c"]), _claim("c", ["a"]), _claim("d", ["a"])]
    with pytest.raises(RegistryError, match="cycle: a -> b -> c -> a"):
        Registry([("x", claims)])


@pytest.mark.parametrize("uses, message", [(["a"], "the claim itself"), (["b", "b"], "twice"),
                                           ("b", "sequence of claim ids"), ([3], "sequence of claim ids")])
def test_bad_uses_are_refused(uses, message):
    with pytest.raises(RegistryError, match=message):
        Registry([("x", [_claim("a", uses), _claim("b")])])


def test_a_list_is_stored_as_a_tuple_and_the_default_is_empty():
    assert _claim("a", ["b"]).uses == ("b",)
    assert _claim("a").uses == ()
    assert _claim("a", ["b"]).to_dict()["uses"] == ["b"]


def test_weakest_link_of_theorem_a_in_a_run_like_the_quick_check():
    statuses = {cid: "proved in Coq" if CLAIMS[cid].coq else "claim certified" for cid in CLAIMS}
    statuses["kink-angle-law"] = "checked by Monte Carlo"
    statuses["theorem-a"] = "checked by Monte Carlo"
    b = derive_backing(statuses, CLAIMS)
    assert not b["theorem-a"].fully_backed
    assert b["theorem-a"].weakest == "kink-angle-law"
    assert "rests on `kink-angle-law`, checked by Monte Carlo only" in b["theorem-a"].sentence()
    assert b["theorem-a-core"].fully_backed
    assert "fully backed" in b["theorem-a-core"].sentence()
    assert b["const-n-half"].weakest in ("theorem-a", "kink-angle-law")


@st.composite
def _dags(draw):
    n = draw(st.integers(1, 9))
    ids = [f"c{i}" for i in range(n)]
    claims = {}
    for i, cid in enumerate(ids):  # edges only to earlier ids: acyclic by construction
        uses = draw(st.lists(st.sampled_from(ids[:i]), unique=True)) if i else []
        claims[cid] = _claim(cid, uses)
    statuses = {cid: draw(st.sampled_from(STATUSES + (NOT_RUN,))) for cid in ids}
    return claims, statuses


def _reach(cid, claims):
    out, todo = set(), list(claims[cid].uses)
    while todo:
        d = todo.pop()
        if d not in out:
            out.add(d)
            todo += claims[d].uses
    return out


@given(_dags())
def test_backing_matches_the_brute_force_definition(case):
    claims, statuses = case
    check_uses(claims)
    backing = derive_backing(statuses, claims)
    for cid in claims:
        deps = _reach(cid, claims)
        b = backing[cid]
        assert set(b.chain) == deps and len(b.chain) == len(deps)
        assert b.fully_backed == all(statuses[x] in BACKED_STATUSES for x in deps | {cid})
        if deps:
            assert STRENGTH[b.weakest_status] == min(STRENGTH[statuses[x]] for x in deps)
            assert statuses[b.weakest] == b.weakest_status
        else:
            assert b.weakest is None
    users = used_by(claims)
    assert sum(len(v) for v in users.values()) == sum(len(c.uses) for c in claims.values())
    assert sum(status_counts(statuses).values()) == len(claims)
