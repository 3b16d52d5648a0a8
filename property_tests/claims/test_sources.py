"""One ``Source`` type and one tag list for ``symbolic`` and ``pybridge`` (issue 20 §1).

Every claim cites through :class:`symbolic.core.sources.Source` (validated paper key, arXiv id, location and
tag); a claim's tag is its source's; the report's tag legend is the same list; a sketch is never a claim.
"""

from __future__ import annotations

import pytest

import symbolic
from pybridge.claims import TAGS, Claim, Registry, Source
from pybridge.domains import registry
from pybridge.errors import InvalidArgument, RegistryError
from pybridge.report.html import TAG_MEANING
from symbolic.core.sources import PAPERS, TAG_MEANINGS

CLAIMS = registry()


def test_pybridge_and_symbolic_share_one_source_type_and_one_tag_list():
    assert Source is symbolic.Source
    assert TAGS is symbolic.core.sources.TAGS
    assert TAG_MEANING is TAG_MEANINGS and tuple(TAG_MEANINGS) == TAGS


@pytest.mark.parametrize("cid", sorted(CLAIMS))
def test_every_claim_cites_a_validated_source_and_takes_its_tag(cid):
    claim = CLAIMS[cid]
    assert isinstance(claim.source, Source)
    assert claim.tag == claim.source.tag and claim.tag in TAGS and claim.tag != "RECON-SKETCH"
    assert str(claim.source).startswith(PAPERS[claim.source.paper].short + ", ")
    assert claim.to_dict()["source"] == str(claim.source) and claim.to_dict()["tag"] == claim.tag


def test_every_symbolic_constant_source_is_the_same_type():
    for result in symbolic.evaluate_all(dps=15):
        assert isinstance(result.source, Source) and result.source.tag in TAGS, result.name


def test_str_names_the_paper_the_arxiv_id_and_the_location():
    assert str(Source("THEORY", None, "§5.3 L2", "RECON")) == "theory.md, §5.3 L2"
    assert (str(Source("RFSS", "2410.14754v2", "Theorem 2", "READ"))
            == "RFSS (Natale et al., NeurIPS 2024), arXiv 2410.14754v2, Theorem 2")


@pytest.mark.parametrize("args, match", [
    (("NOPE", None, "§1", "READ"), "paper must be one of"),
    (("THEORY", None, "§1", "PROVED"), "tag must be one of"),
    (("THEORY", "2410.14754", "§1", "RECON"), "arxiv must be None for paper='THEORY'"),
    (("RFSS", "2006.07990v2", "§1", "READ"), "arxiv must be '2410.14754'"),
    (("RFSS", "2410.14754 (version not recorded)", "§1", "READ"), "arxiv must be '2410.14754'"),
    (("RFSS", "2410.14754", "  ", "READ"), "location must be a non-empty string"),
])
def test_source_refuses_what_it_cannot_validate(args, match):
    with pytest.raises(InvalidArgument, match=match):
        Source(*args)


def _claim(tag):
    return Claim(id="x-y", statement="s", latex="l", model="m", source=Source("THEORY", None, "§0", tag),
                 kind="lemma", twin="pybridge.rss.claims:CLAIMS", tests=("t",))


def test_a_sketch_is_never_a_claim_and_a_claim_needs_a_source_object():
    with pytest.raises(RegistryError, match="tag='RECON-SKETCH' marks a sketch"):
        Registry([("d", [_claim("RECON-SKETCH")])])
    assert Registry([("d", [_claim("RECON")])])["x-y"].tag == "RECON"
    with pytest.raises(RegistryError, match="source must be a symbolic Source"):
        Claim(id="x-y", statement="s", latex="l", model="m", source="theory.md, §0", kind="lemma", twin="t",
              tests=("t",))
