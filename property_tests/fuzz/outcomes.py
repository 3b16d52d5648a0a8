"""Outcome counts of the fuzz tests (printed by ``property_tests/fuzz/conftest.py`` at the end of the run).

``record(kind, target, outcome)``: ``kind`` is ``"api"`` or ``"cli"``, ``target`` the function or
command, ``outcome`` ``returned`` / an error class name / ``exit N``.  With ``PRUNEGAP_FUZZ_COUNTS=PATH``
the counts are also written to ``PATH`` as JSON.
"""

from __future__ import annotations

from collections import Counter

COUNTS: Counter = Counter()


def record(kind: str, target: str, outcome: str) -> None:
    COUNTS[(kind, target, outcome)] += 1


def summary() -> dict:
    """``{kind: {outcome: count}}`` and ``{kind: total}``."""
    by_kind: dict = {}
    for (kind, _target, outcome), n in COUNTS.items():
        by_kind.setdefault(kind, Counter())[outcome] += n
    return {k: dict(sorted(v.items(), key=lambda kv: -kv[1])) for k, v in by_kind.items()}
