"""The results store and the chunk map (issue 12): exact round trips, keys, mismatches, resume, plan-only."""

from __future__ import annotations

import math
import sqlite3

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.rss import estimate_cover_probability
from pybridge.runtime.parallel import LocalBackend, PlanIncomplete, chunk_policy, run_tasks
from pybridge.runtime.store import ChunkStore, decode, encode
from pybridge.sweep.checks import resume_is_bit_identical

SMALL = {"sweep": [{"engine": "rss", "dist": ["uniform", "normal"], "n": [10, 12], "eps": 0.01, "seed": 5,
                    "trials": 128}]}

leaves = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=True),
                   st.text(max_size=5), st.floats(width=64).map(np.float64), st.integers(-5, 5).map(np.int64))
values = st.recursive(leaves, lambda c: st.one_of(st.lists(c, max_size=4), st.tuples(c, c),
                                                  st.dictionaries(st.text(max_size=3), c, max_size=3)),
                      max_leaves=12)


def _same(a, b):
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b) and type(a) is type(b)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return type(b) is dict and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@given(values)
def test_encoding_round_trips_exactly(v):
    assert _same(v, decode(encode(v)))


def test_encoding_keeps_arrays_and_pybridge_dataclasses():
    from pybridge.stats.estimate import BinomialEstimate

    arr = np.array([[1.5, -0.0], [np.inf, 2.0]])
    back = decode(encode(arr))
    assert back.dtype == arr.dtype and back.shape == arr.shape and np.array_equal(back, arr)
    est = BinomialEstimate.from_counts(3, 10, confidence=0.95, seed_entropy="7")
    assert decode(encode(est)) == est
    with pytest.raises(InvalidType):
        encode(object())
    with pytest.raises(ValueError):
        decode('{"__dataclass__": "os:system", "v": {}}')  # never builds anything outside pybridge


def _square(x, seed):
    return [x * x, float(np.random.default_rng(seed).random())]


def test_store_reuses_chunks_and_recomputes_a_corrupt_row(tmp_path):
    notes = []
    store = ChunkStore(tmp_path / "s.sqlite", warn=notes.append)
    args = [(i, 100 + i) for i in range(5)]
    plain = run_tasks(_square, args)
    with chunk_policy(store=store) as pol:
        assert run_tasks(_square, args) == plain
    assert pol.calls[0].computed == 5 and pol.calls[0].reused == 0
    with chunk_policy(store=store) as pol:
        assert run_tasks(_square, args) == plain
    assert pol.calls[0].computed == 0 and pol.calls[0].reused == 5
    conn = sqlite3.connect(str(tmp_path / "s.sqlite"))
    with conn:
        conn.execute("UPDATE chunks SET payload = '[9,0.5]' WHERE chunk = 2")  # digest no longer matches
    conn.close()
    with chunk_policy(store=store) as pol:
        assert run_tasks(_square, args) == plain
    assert pol.calls[0].computed == 1 and any("chunk 2" in n and "digest" in n for n in notes)
    # a different budget (one more chunk) is a different experiment: nothing reused, nothing mixed up
    with chunk_policy(store=store) as pol:
        assert run_tasks(_square, args + [(5, 105)]) == run_tasks(_square, args + [(5, 105)])
    assert pol.calls[0].reused == 0
    store.close()


def test_plan_only_computes_nothing(tmp_path):
    store = ChunkStore(tmp_path / "s.sqlite")
    args = [(i, i) for i in range(3)]
    with chunk_policy(store=store, plan_only=True) as pol, pytest.raises(PlanIncomplete):
        run_tasks(_square, args)
    assert pol.calls[0].reused == 0 and pol.calls[0].chunks == 3 and store.total_chunks() == 0
    with chunk_policy(store=store):
        run_tasks(_square, args)
    with chunk_policy(store=store, plan_only=True) as pol:
        assert run_tasks(_square, args) == run_tasks(_square, args)
    assert pol.calls[0].reused == 3


def test_engine_numbers_are_the_same_through_the_store_and_a_persistent_pool(tmp_path):
    ref = estimate_cover_probability(12, 0.01, trials=200, seed=11, dist="normal", workers=1)
    store = ChunkStore(tmp_path / "s.sqlite")
    backend = LocalBackend(2)
    try:
        for task_seconds in (None, 1e-9, 10.0):  # one chunk per task, and grouped chunks
            with chunk_policy(store=store if task_seconds is None else None, backend=backend,
                              task_seconds=task_seconds):
                got = estimate_cover_probability(12, 0.01, trials=200, seed=11, dist="normal", workers=2)
            assert got == ref
    finally:
        backend.close()
        store.close()


def test_resume_after_interrupt_is_bit_identical():
    assert resume_is_bit_identical(SMALL, interrupt_after=3)


def test_check_runs_keep_their_seed_until_finished(tmp_path):
    store = ChunkStore(tmp_path / "s.sqlite")
    rid, ent = store.open_run("check", {"quick": True}, None)
    assert store.open_run("check", {"quick": True}, None) == (rid, ent)  # unfinished: continue it
    assert store.open_run("check", {"quick": False}, None)[1] != ent  # another mode: a new run
    store.close_run(rid)
    assert store.open_run("check", {"quick": True}, None)[0] != rid


def test_bad_store_paths_are_one_line_errors(tmp_path):
    with pytest.raises(InvalidArgument, match="--store must be a file"):
        ChunkStore(tmp_path)
    with pytest.raises(InvalidArgument, match="--store folder does not exist"):
        ChunkStore(tmp_path / "missing" / "s.sqlite")
    bad = tmp_path / "not.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(InvalidArgument, match="not a prunegap SQLite store"):
        ChunkStore(bad)


def _writer(path, offset, count):
    store = ChunkStore(path)
    key = store.experiment_key({"writer": "shared"})
    store.register(key, {"writer": "shared"})
    for i in range(offset, offset + count):
        store.put(key, i, [i, float(i) / 3], 0.0)
    store.close()


def test_concurrent_writers_from_several_processes(tmp_path):
    import multiprocessing

    path = tmp_path / "shared.sqlite"
    ChunkStore(path).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, k * 150, 150)) for k in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with ChunkStore(path) as store:
        key = store.experiment_key({"writer": "shared"})
        got = store.load(key, 450)
    assert sorted(got) == list(range(450)) and all(got[i].value == [i, i / 3] for i in got)


def test_gap_engine_through_the_store_is_bit_identical(tmp_path):
    from pybridge.gap import run_gap_experiment
    from pybridge.sweep import parse_spec, run_sweep
    from pybridge.sweep.checks import numbers

    spec = {"sweep": [{"engine": "gap", "model": "M0", "law": ["G", "U"], "d": 2, "n": 4, "eps": 0.1,
                       "pruning": "weight", "trials": 40, "seed": 8}]}
    points = [p for b in parse_spec(spec) for p in b.points()]
    with ChunkStore(tmp_path / "g.sqlite") as store:
        first = run_sweep(points, store=store, backend=LocalBackend(1))
        again = run_sweep(points, store=store, backend=LocalBackend(1))  # every chunk read back (TrialOutcome)
    assert numbers(first) == numbers(again)
    for law, row in zip(("G", "U"), again):
        ref = run_gap_experiment("M0", law, 2, 4, 0.1, pruning="weight", trials=40, seed=8).estimate
        assert (row.successes, row.trials, row.ci_low, row.ci_high, row.seed_entropy) == (
            ref.successes, ref.trials, ref.ci_low, ref.ci_high, ref.seed_entropy)


def test_rfss_and_masked_rss_points_equal_their_engines_and_resume(tmp_path):
    from pybridge.rfss import estimate_fixed_probability
    from pybridge.sweep import parse_spec, run_sweep, sweep_status
    from pybridge.sweep.checks import numbers

    spec = {"sweep": [{"engine": "rfss", "n": 12, "k": 3, "eps": 0.05, "trials": 128, "seed": 5},
                      {"engine": "rss", "n": 12, "eps": 0.01, "density": 0.9, "trials": 128, "seed": 6}]}
    points = [p for b in parse_spec(spec) for p in b.points()]
    with ChunkStore(tmp_path / "r.sqlite") as store:
        first = run_sweep(points, store=store, backend=LocalBackend(1))
        status = sweep_status(points, store)  # every chunk is stored (the keys are encodable)
        again = run_sweep(points, store=store, backend=LocalBackend(1))
    assert all(s.complete and s.done == s.known == 2 for s in status)
    assert numbers(first) == numbers(again)
    ref = estimate_fixed_probability(12, 3, 0.05, trials=128, seed=5).estimate
    ref_m = estimate_cover_probability(12, 0.01, density=0.9, trials=128, seed=6).estimate
    for row, e in zip(first, (ref, ref_m)):
        assert (row.successes, row.trials, row.ci_low, row.ci_high, row.seed_entropy) == (
            e.successes, e.trials, e.ci_low, e.ci_high, e.seed_entropy)
