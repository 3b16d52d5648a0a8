"""Committed benchmark results of the rare-event engine (read by the ``rare`` section; never re-run by it).

* ``data/deep_thresholds.json`` -- :math:`n^*(\\varepsilon, \\delta = \\varepsilon)` for eps = 1e-1..1e-6 on
  [-1, 1] and [-1/2, 1/2] (``python benchmarks/bench_rare.py --deep --write``);
* ``data/rfss_corollary1.json`` -- RFSS Corollary 1 at k = 1, 2, 3 (``python benchmarks/bench_rare.py --rfss
  --write``).

Each row carries what checked it (method, replications, seed entropy), its seconds and decision counts.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["DATA", "load_deep", "load_rfss"]

DATA = Path(__file__).with_name("data")


def _load(name: str) -> dict | None:
    path = DATA / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load_deep() -> dict | None:
    """The committed deep n*(eps, eps) results, or None when absent or unreadable."""
    return _load("deep_thresholds.json")


def load_rfss() -> dict | None:
    """The committed RFSS Corollary 1 results, or None when absent or unreadable."""
    return _load("rfss_corollary1.json")
