"""The gap section's named random streams (issue 20 item 3): one name per spawn key, no bare integer stream in
the domain's code, and the certificate-event test and the B0 all-scalings frequency on different streams."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np

from pybridge.gap.section import SECTION, gap_steps
from pybridge.gap.streams import Stream
from pybridge.gap.networks import make_target, sample_network
from pybridge.gap.weight_pruning import b0_covers_all_scalings
from pybridge.gap.width_checks import cover_frequency
from pybridge.runtime import seeding

GAP = Path(__file__).resolve().parents[2] / "pybridge" / "gap"


def test_every_stream_has_its_own_key_and_the_section_keeps_its_root():
    values = [int(s) for s in Stream]
    assert len(values) == len(set(values))
    assert SECTION.streams is Stream and SECTION.seed_key == 4
    # the certificate-event test keeps 20; the B0 all-scalings frequency, which shared it, has its own key
    assert Stream.CERTIFICATE_EVENT == 20 and Stream.B0_ALL_SCALINGS not in (20, 100)
    assert SECTION.steps(type("P", (), {"quick": True})()) == gap_steps(True)


def _stream_arguments(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in (
                "child_seed", "child_rng") and len(node.args) >= 2:
            yield node.args[1]


def test_no_bare_integer_stream_in_the_gap_domain():
    bare = []
    for path in sorted(GAP.glob("*.py")):
        for arg in _stream_arguments(ast.parse(path.read_text())):
            if isinstance(arg, ast.Constant):
                bare.append(f"{path.name}:{arg.lineno}")
    assert not bare


def test_the_scanner_sees_a_bare_integer_stream():
    tree = ast.parse("seeding.child_rng(root, 20, 0)\nchild_seed(root, Stream.ORDERING, 0)\n")
    assert [isinstance(a, ast.Constant) for a in _stream_arguments(tree)] == [True, False]


def test_cover_frequency_draws_from_its_own_stream():
    root = np.random.SeedSequence(20261208)
    out = cover_frequency(12, 48, 1e-2, root)
    rng = seeding.child_rng(root, Stream.B0_ALL_SCALINGS, 0)
    hits = sum(b0_covers_all_scalings(sample_network("M0", "G", 2, 48, rng=rng), make_target("axis", 2), 1e-2)
               for _ in range(12))
    assert out["covered_all_scalings"] == hits and out["trials"] == 12
    a = seeding.child_rng(root, Stream.B0_ALL_SCALINGS, 0).standard_normal(8)
    b = seeding.child_rng(root, Stream.CERTIFICATE_EVENT, 0).standard_normal(8)
    assert not np.array_equal(a, b)
