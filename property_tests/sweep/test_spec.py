"""Sweep specs: grid expansion, defaults, and one-line errors naming the key (issue 12)."""

from __future__ import annotations

import pytest

from pybridge.errors import InvalidArgument
from pybridge.sweep import ENGINES, load_spec, parse_spec

ISSUE_EXAMPLE = """
[[sweep]]
engine = "rss"
dist = ["uniform", "normal"]
n = [10, 14, 18, 22]
eps = [0.01, 0.001]
trials = 3000
seed = 77
"""


def test_issue_example_is_the_product_of_its_axes(tmp_path):
    f = tmp_path / "spec.toml"
    f.write_text(ISSUE_EXAMPLE)
    (block,) = load_spec(f)
    pts = block.points()
    assert len(pts) == 2 * 4 * 2
    assert [(p.params["dist"], p.params["n"], p.params["eps"]) for p in pts[:3]] == [
        ("uniform", 10, 0.01), ("uniform", 10, 0.001), ("uniform", 14, 0.01)]  # last key fastest
    assert all(p.params["trials"] == 3000 and p.params["seed"] == 77 for p in pts)
    assert pts[0].params["interval"] == (-1.0, 1.0) and pts[0].params["half_width"] is None


def test_pairs_are_fixed_and_lists_of_pairs_are_axes():
    (b,) = parse_spec({"sweep": [{"engine": "rss", "n": 5, "eps": 0.1, "seed": 1, "interval": [-0.5, 0.5]}]})
    assert [p.params["interval"] for p in b.points()] == [(-0.5, 0.5)]
    (b,) = parse_spec({"sweep": [{"engine": "rss", "n": 5, "eps": 0.1, "seed": 1,
                                  "interval": [[-0.5, 0.5], [-1, 1]]}]})
    assert [p.params["interval"] for p in b.points()] == [(-0.5, 0.5), (-1.0, 1.0)]


def test_gap_block():
    (b,) = parse_spec({"sweep": [{"engine": "gap", "model": "M0", "law": "G", "d": 2, "n": [4, 6], "eps": 0.1,
                                  "pruning": ["rf", "neuron"], "trials": 16, "seed": 3}]})
    assert len(b.points()) == 4 and b.points()[0].params["target"] == "axis"


@pytest.mark.parametrize("doc, match", [
    ({}, "no \\[\\[sweep\\]\\] table"),
    ({"sweep": [], "x": 1}, "keys \\['x'\\]"),
    ({"sweep": [{"n": 3}]}, "needs engine"),
    ({"sweep": [{"engine": "nope"}]}, "engine must be one of .* got engine='nope'"),
    ({"sweep": [{"engine": "rss", "n": 3, "eps": 0.1}]}, "key 'seed' is required .*replayable"),
    ({"sweep": [{"engine": "rss", "n": 3, "eps": 0.1, "seed": 1, "width": 2}]}, "'width' is not a parameter"),
    ({"sweep": [{"engine": "rss", "n": "3", "eps": 0.1, "seed": 1}]}, "key 'n' must be an integer.*n='3'"),
    ({"sweep": [{"engine": "rss", "n": [], "eps": 0.1, "seed": 1}]}, "empty axis"),
    ({"sweep": [{"engine": "rss", "n": [3, 3], "eps": 0.1, "seed": 1}]}, "repeats a value"),
    ({"sweep": [{"engine": "rss", "n": 3, "eps": 0.1, "seed": 1, "trials": 10, "half_width": 0.1}]},
     "both trials and half_width"),
    ({"sweep": [{"engine": "rss", "n": 3, "eps": True, "seed": 1}]}, "key 'eps' must be a number"),
    ({"sweep": [{"engine": "rfss", "n": 3, "k": 2, "eps": 0.1, "seed": 1, "interval": [0, 1], "target": 0.5}]},
     "both interval and target"),
])
def test_bad_specs_are_one_line_errors(doc, match):
    with pytest.raises(InvalidArgument, match=match) as exc:
        parse_spec(doc)
    assert "\n" not in str(exc.value)


def test_bad_toml_names_the_file(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text("[[sweep]\nengine = 1")
    with pytest.raises(InvalidArgument, match="not valid TOML.*bad.toml"):
        load_spec(f)
    with pytest.raises(InvalidArgument, match="cannot be read"):
        load_spec(tmp_path / "missing.toml")


def test_every_engine_has_a_seed_and_a_budget():
    for eng in ENGINES.values():
        names = [p.name for p in eng.params]
        assert "seed" in names and eng.x in names and all(b in names for b in eng.budget)
