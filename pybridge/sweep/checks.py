"""The store's promise, checked: an interrupted and resumed sweep gives the uninterrupted table.

:func:`resume_is_bit_identical` runs a small grid three ways on the local pool -- the engines alone (no
store), through a fresh store interrupted after ``interrupt_after`` chunks and then resumed, and again after
one stored row has been corrupted -- and compares every number exactly.  It is the twin of claim
``sweep-resume-bit-identical`` and the body of the ``sweep`` section of ``prunegap check``.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from pybridge.runtime.parallel import LocalBackend, chunk_policy
from pybridge.runtime.store import ChunkStore
from pybridge.sweep.run import Row, run_point, run_sweep
from pybridge.validation import check_instance, check_sequence
from pybridge.sweep.spec import parse_spec

__all__ = ["resume_is_bit_identical", "resume_report", "numbers"]


class _Stop(Exception):
    """Raised from the progress callback to interrupt a run after some chunks."""


def numbers(rows) -> list[tuple]:
    """The compared numbers of each row (everything but the compute seconds)."""
    rows = [check_instance(f"rows[{i}]", r, Row) for i, r in enumerate(check_sequence("rows", rows))]
    return [(r.point.engine, tuple(sorted(r.point.params.items(), key=lambda kv: kv[0])), r.successes, r.trials,
             r.ci_low, r.ci_high, r.confidence, r.seed_entropy) for r in rows]


def resume_report(spec: dict, *, interrupt_after: int = 2, workers: int = 1) -> dict:
    """Run ``spec`` (a parsed sweep document) three ways and report what matched.

    Returns
    -------
    dict
        ``identical_resumed``, ``identical_after_corruption`` (bool), ``chunks``, ``stored_at_interrupt``,
        ``reused_on_resume``, ``recomputed_after_corruption`` (int), ``notes`` (store warnings).
    """
    points = [p for b in parse_spec(spec) for p in b.points()]
    plain = [run_point(p, workers=workers) for p in points]  # the engines alone, no policy
    notes = []
    with tempfile.TemporaryDirectory(prefix="prunegap-sweep-check-") as tmp:
        path = Path(tmp) / "store.sqlite"
        store = ChunkStore(path, warn=notes.append)
        backend = LocalBackend(workers)
        seen = [0]

        def stop_after(k):
            seen[0] += k
            if seen[0] >= interrupt_after:
                raise _Stop

        try:
            run_sweep(points, store=store, backend=backend, progress=stop_after, task_seconds=None)
        except _Stop:
            pass
        at_interrupt = store.total_chunks()
        with chunk_policy(store=store, backend=backend) as pol:
            resumed = [run_point(p, workers=workers) for p in points]
        reused = sum(c.reused for c in pol.calls)
        chunks = sum(c.chunks for c in pol.calls)
        conn = sqlite3.connect(str(path))
        with conn:
            conn.execute("UPDATE chunks SET payload = payload || ' ' WHERE rowid = (SELECT MIN(rowid) FROM chunks)")
        conn.close()
        with chunk_policy(store=store, backend=backend) as pol2:
            again = [run_point(p, workers=workers) for p in points]
        recomputed = sum(c.computed for c in pol2.calls)
        backend.close()
        store.close()
    return {"identical_resumed": numbers(resumed) == numbers(plain),
            "identical_after_corruption": numbers(again) == numbers(plain),
            "chunks": chunks, "stored_at_interrupt": at_interrupt, "reused_on_resume": reused,
            "recomputed_after_corruption": recomputed, "notes": notes}


def resume_is_bit_identical(spec: dict, interrupt_after: int = 2, workers: int = 1) -> bool:
    """Twin of ``sweep-resume-bit-identical``: True iff the resumed and the repaired tables equal the plain one
    and the resume really reused the chunks stored before the interruption."""
    r = resume_report(spec, interrupt_after=interrupt_after, workers=workers)
    return (r["identical_resumed"] and r["identical_after_corruption"]
            and r["reused_on_resume"] == r["stored_at_interrupt"] > 0 and r["recomputed_after_corruption"] == 1)
