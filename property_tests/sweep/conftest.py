"""Shared fixtures of the sweep tests: a grid whose chunks take ~0.5 s each (so a run can be stopped midway)
and its reference table, computed once with the local pool and one worker."""

from __future__ import annotations

import pytest

#: 8 chunks of 64 trials, ~0.5 s each on this machine (n = 24..28, eps = 1e-5: long float-kernel scans)
SLOW_SPEC = {"sweep": [{"engine": "rss", "dist": ["uniform", "normal"], "n": [24, 28], "eps": 1e-5, "seed": 2024,
                        "trials": 128}]}

SLOW_TOML = """
[[sweep]]
engine = "rss"
dist = ["uniform", "normal"]
n = [24, 28]
eps = 1e-5
trials = 128
seed = 2024
"""


@pytest.fixture(scope="session")
def slow_points():
    from pybridge.sweep import parse_spec

    return [p for b in parse_spec(SLOW_SPEC) for p in b.points()]


@pytest.fixture(scope="session")
def reference_rows(slow_points, tmp_path_factory):
    """The rows of SLOW_SPEC with ``--workers 1``."""
    from pybridge.runtime.parallel import LocalBackend
    from pybridge.runtime.store import ChunkStore
    from pybridge.sweep import run_sweep

    store = ChunkStore(tmp_path_factory.mktemp("ref") / "ref.sqlite")
    rows = run_sweep(slow_points, store=store, backend=LocalBackend(1))
    store.close()
    return rows


@pytest.fixture(scope="session")
def reference_numbers(reference_rows):
    """The numbers of :func:`reference_rows` (everything but compute seconds)."""
    from pybridge.sweep.checks import numbers

    return numbers(reference_rows)


@pytest.fixture(scope="session")
def slow_toml() -> str:
    return SLOW_TOML
