"""Dask backend (issue 12): a 2-process LocalCluster gives the ``--workers 1`` table, also when a worker is
SIGKILLed mid-run (the scheduler reruns its chunk; every chunk is seeded by its index)."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

pytest.importorskip("distributed")

from pybridge.runtime.parallel import make_backend  # noqa: E402
from pybridge.runtime.store import ChunkStore  # noqa: E402
from pybridge.sweep import run_sweep  # noqa: E402
from pybridge.sweep.checks import numbers  # noqa: E402


@pytest.fixture(scope="module")
def dask_backend():
    backend = make_backend(dask_workers=2)  # what `prunegap sweep --dask-workers 2` builds
    yield backend
    backend.close()


def test_local_cluster_gives_the_workers_1_table(dask_backend, slow_points, reference_numbers, tmp_path):
    assert dask_backend.workers == 2
    with ChunkStore(tmp_path / "s.sqlite") as store:
        rows = run_sweep(slow_points, store=store, backend=dask_backend)
        assert store.total_chunks() == 8
    assert numbers(rows) == reference_numbers


def test_worker_killed_mid_run_still_gives_the_table(dask_backend, slow_points, reference_numbers, tmp_path):
    path = tmp_path / "s.sqlite"
    out, errors = {}, []

    def sweep():
        try:
            with ChunkStore(path) as store:
                out["rows"] = run_sweep(slow_points, store=store, backend=dask_backend, task_seconds=None)
        except BaseException as exc:  # reported below
            errors.append(exc)

    before = dask_backend.client.run(os.getpid)
    t = threading.Thread(target=sweep)
    t.start()
    with ChunkStore(path) as watch:
        deadline = time.monotonic() + 120
        while watch.total_chunks() < 2 and t.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        at_kill = watch.total_chunks()
    victim = sorted(before.values())[0]
    os.kill(victim, signal.SIGKILL)
    t.join(timeout=300)
    assert not t.is_alive() and not errors, errors
    assert at_kill < 8, at_kill  # the kill happened mid-run
    assert numbers(out["rows"]) == reference_numbers
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the nanny restarts the killed worker
        after = dask_backend.client.run(os.getpid)
        if len(after) == 2:
            break
        time.sleep(0.2)
    assert victim not in after.values()
