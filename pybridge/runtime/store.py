"""The results store: one row per finished Monte Carlo chunk, keyed by (experiment key, chunk index).

Every chunk of a chunked Monte Carlo run (see :mod:`pybridge.runtime.parallel`) draws only from its own
child :class:`~numpy.random.SeedSequence`, so its result is a pure function of its arguments.  The store
keeps those results so that a re-run computes only the chunks it does not have, and the final numbers are
bit-identical to an uninterrupted run.

Backend: one SQLite file (standard library :mod:`sqlite3`) in WAL mode, so several processes may read and
write it at once (writes are serialised by SQLite; a busy writer waits up to :data:`BUSY_TIMEOUT_S`).
Each chunk is written in its own transaction, so a run killed at any moment (SIGKILL included) loses at
most the chunks in flight.

Tables
------
``experiments(key, description, created)``
    The experiment key (hex SHA-256) and the canonical JSON it hashes: the chunk function, every chunk's
    arguments (engine parameters, law, budget, root seed entropy and spawn key, namespace), the prunegap
    version, the versions of the numeric libraries and a fingerprint of the decision code.
``chunks(key, chunk, payload, digest, seconds, created)``
    One finished chunk: its result as tagged JSON (:func:`encode`), the SHA-256 of
    ``key | chunk | payload`` (a row whose digest does not match is *recomputed*, never reused, and
    reported on stderr), and the seconds it took to compute.
``runs(id, kind, mode, entropy, started, finished)``
    Root seeds of ``prunegap check --resume`` runs, so that an interrupted check continues with the same
    root entropy.

Payload encoding is JSON with tags for tuples, fractions, numpy scalars/arrays and frozen dataclasses of
``pybridge`` (never pickle: a store file may come from elsewhere and is not trusted to run code).
Floats round-trip exactly (``repr``); NaN and infinities are kept.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import json
import math
import sqlite3
import sys
import threading
import time
from fractions import Fraction
from functools import cache
from pathlib import Path

import numpy as np

from pybridge.errors import InvalidArgument, InvalidType

__all__ = ["ChunkStore", "DEFAULT_STORE", "encode", "decode", "canonical_json", "code_fingerprint",
           "BUSY_TIMEOUT_S", "StoredChunk"]

#: default store file (current directory)
DEFAULT_STORE = "prunegap-store.sqlite"
#: seconds a writer waits for another process's transaction
BUSY_TIMEOUT_S = 60.0
#: schema version (part of every experiment key)
SCHEMA = 1

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS experiments (
    key TEXT PRIMARY KEY, description TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    key TEXT NOT NULL, chunk INTEGER NOT NULL, payload TEXT NOT NULL, digest TEXT NOT NULL,
    seconds REAL NOT NULL, created REAL NOT NULL, PRIMARY KEY (key, chunk));
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, mode TEXT NOT NULL, entropy TEXT NOT NULL,
    started REAL NOT NULL, finished REAL);
"""


# --------------------------------------------------------------------------- encoding


def _enc(obj):
    # numpy scalars first: np.float64 is a subclass of float and must come back as np.float64
    if isinstance(obj, np.bool_):
        return {"__np__": obj.dtype.str, "v": bool(obj)}
    if isinstance(obj, np.integer):
        return {"__np__": obj.dtype.str, "v": int(obj)}
    if isinstance(obj, np.floating):
        return {"__np__": obj.dtype.str, "v": _enc(float(obj))}
    if obj is None or isinstance(obj, (bool, str, int)):
        return obj
    if isinstance(obj, Fraction):
        return {"__fraction__": f"{obj.numerator}/{obj.denominator}"}
    if isinstance(obj, float):
        if math.isfinite(obj):
            return obj
        return {"__float__": repr(obj)}
    if isinstance(obj, np.ndarray):
        if obj.dtype.kind not in "biuf":
            raise InvalidType(f"cannot store an array of dtype {obj.dtype}")
        return {"__ndarray__": obj.dtype.str, "shape": list(obj.shape), "v": [_enc(x) for x in obj.ravel().tolist()]}
    if isinstance(obj, tuple):
        return {"__tuple__": [_enc(x) for x in obj]}
    if isinstance(obj, list):
        return [_enc(x) for x in obj]
    if isinstance(obj, dict):
        if not all(isinstance(k, str) for k in obj):
            raise InvalidType("cannot store a dict with non-string keys")
        return {"__dict__": {k: _enc(v) for k, v in obj.items()}}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        cls = type(obj)
        if not cls.__module__.startswith("pybridge.") or not cls.__dataclass_params__.frozen:
            raise InvalidType(f"cannot store an instance of {cls.__module__}.{cls.__qualname__}")
        return {"__dataclass__": f"{cls.__module__}:{cls.__qualname__}",
                "v": {f.name: _enc(getattr(obj, f.name)) for f in dataclasses.fields(obj)}}
    raise InvalidType(f"cannot store a value of type {type(obj).__name__}")


def _dec(obj):
    if isinstance(obj, list):
        return [_dec(x) for x in obj]
    if not isinstance(obj, dict):
        return obj
    if "__float__" in obj:
        return float(obj["__float__"])
    if "__fraction__" in obj:
        return Fraction(obj["__fraction__"])
    if "__np__" in obj:
        return np.dtype(obj["__np__"]).type(_dec(obj["v"]))
    if "__ndarray__" in obj:
        return np.array([_dec(x) for x in obj["v"]], dtype=np.dtype(obj["__ndarray__"])).reshape(obj["shape"])
    if "__tuple__" in obj:
        return tuple(_dec(x) for x in obj["__tuple__"])
    if "__dict__" in obj:
        return {k: _dec(v) for k, v in obj["__dict__"].items()}
    if "__dataclass__" in obj:
        mod, _, name = obj["__dataclass__"].partition(":")
        if not mod.startswith("pybridge."):
            raise ValueError(f"refusing to build {obj['__dataclass__']}")
        cls = getattr(importlib.import_module(mod), name)
        return cls(**{k: _dec(v) for k, v in obj["v"].items()})
    raise ValueError(f"unknown tagged object {sorted(obj)}")


def encode(obj) -> str:
    """Tagged, canonical JSON of ``obj`` (round-trips exactly through :func:`decode`).

    Raises
    ------
    InvalidType
        A value that cannot be stored (an object that is not a frozen ``pybridge`` dataclass, ...).
    """
    return json.dumps(_enc(obj), sort_keys=True, separators=(",", ":"), allow_nan=False)


def decode(text: str):
    """Inverse of :func:`encode` (raises :class:`~pybridge.errors.InvalidArgument`, a ``ValueError``, on a
    malformed payload)."""
    if not isinstance(text, (str, bytes, bytearray)):
        raise InvalidType(f"text must be a str, got text={text!r:.80} (type={type(text).__name__})")
    try:
        return _dec(json.loads(text))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        if isinstance(exc, (InvalidArgument, InvalidType)):
            raise
        raise InvalidArgument(f"text is not a payload written by encode: {str(exc)[:100]}") from None


def canonical_json(obj) -> str:
    """Canonical JSON used to hash experiment descriptions (same encoding as :func:`encode`)."""
    return encode(obj)


@cache
def code_fingerprint() -> dict:
    """Versions and a hash of the decision code: part of every experiment key.

    A change to any ``pybridge`` source file, to prunegap's version or to numpy/scipy/numba (whose random
    streams or kernels could change the numbers) gives new experiment keys, so old chunks are never reused.
    """
    from importlib import metadata

    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    versions = {}
    for dist in ("prunegap", "numpy", "scipy", "numba"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:  # pragma: no cover - running from a plain checkout
            versions[dist] = "unknown"
    return {"schema": SCHEMA, "versions": versions, "code_sha256": h.hexdigest()}


def _digest(key: str, chunk: int, payload: str) -> str:
    return hashlib.sha256(f"{key}|{chunk}|{payload}".encode()).hexdigest()


@dataclasses.dataclass(frozen=True)
class StoredChunk:
    """A chunk read back from the store: its decoded result and the seconds it took to compute."""

    value: object
    seconds: float


class ChunkStore:
    """A SQLite results store (see the module docstring).

    Parameters
    ----------
    path : str or Path
        The SQLite file (created with its folder's existing permissions if absent).
    warn : callable, optional
        Where mismatch notes go (default: one line on stderr).

    Raises
    ------
    InvalidArgument
        ``path`` is a folder, or not a SQLite database.
    """

    def __init__(self, path=DEFAULT_STORE, *, warn=None):
        self.path = Path(path)
        if self.path.is_dir():
            raise InvalidArgument(f"--store must be a file, got --store={str(path)!r} (a folder)")
        if not self.path.parent.is_dir():
            raise InvalidArgument(f"--store folder does not exist, got --store={str(path)!r}")
        self._warn = warn or (lambda msg: print(f"prunegap store: {msg}", file=sys.stderr))
        self._lock = threading.RLock()  # one connection, shared by the sweep's point threads
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self._conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                             check_same_thread=False)
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=NORMAL")
                self._conn.executescript(_SCHEMA_SQL)
                break
            except sqlite3.OperationalError as exc:
                # two processes opening a new store at once: switching to WAL takes an exclusive lock for
                # which SQLite may answer "locked" at once, without its busy wait (found in CI under load)
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise InvalidArgument(f"--store is not a prunegap SQLite store ({exc}), "
                                          f"got --store={str(path)!r}") from None
                self._conn.close()
                time.sleep(0.05)
            except sqlite3.DatabaseError as exc:
                raise InvalidArgument(f"--store is not a prunegap SQLite store ({exc}), got --store={str(path)!r}") \
                    from None

    # ------------------------------------------------------------------ experiments
    @staticmethod
    def experiment_key(description: dict) -> str:
        """Hex SHA-256 of the canonical JSON of ``description`` plus :func:`code_fingerprint`."""
        text = canonical_json({"experiment": description, "code": code_fingerprint()})
        return hashlib.sha256(text.encode()).hexdigest()

    def register(self, key: str, description: dict) -> None:
        """Record the description behind ``key`` (idempotent)."""
        text = canonical_json({"experiment": description, "code": code_fingerprint()})
        with self._tx() as c:
            row = c.execute("SELECT description FROM experiments WHERE key=?", (key,)).fetchone()
            if row is None:
                c.execute("INSERT INTO experiments VALUES (?, ?, ?)", (key, text, time.time()))
            elif row[0] != text:
                self._warn(f"experiment {key[:12]} had a different description; its chunks are recomputed")
                c.execute("DELETE FROM chunks WHERE key=?", (key,))
                c.execute("UPDATE experiments SET description=? WHERE key=?", (text, key))

    # ------------------------------------------------------------------ chunks
    def load(self, key: str, n_chunks: int) -> dict[int, StoredChunk]:
        """Finished chunks of ``key`` with index < ``n_chunks`` whose digest and payload check out.

        A row that does not match (digest, payload) is reported on stderr and left out (it will be
        recomputed and overwritten).
        """
        out = {}
        with self._lock:
            rows = self._conn.execute("SELECT chunk, payload, digest, seconds FROM chunks WHERE key=? AND chunk<?",
                                      (key, int(n_chunks))).fetchall()
        for chunk, payload, digest, seconds in rows:
            if digest != _digest(key, chunk, payload):
                self._warn(f"chunk {chunk} of experiment {key[:12]} does not match its digest; recomputing it")
                continue
            try:
                value = decode(payload)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                self._warn(f"chunk {chunk} of experiment {key[:12]} has an unreadable payload ({exc}); "
                           "recomputing it")
                continue
            out[int(chunk)] = StoredChunk(value, float(seconds))
        return out

    def count(self, key: str, n_chunks: int | None = None) -> int:
        """Rows stored for ``key`` (without checking them)."""
        with self._lock:
            if n_chunks is None:
                return self._conn.execute("SELECT COUNT(*) FROM chunks WHERE key=?", (key,)).fetchone()[0]
            return self._conn.execute("SELECT COUNT(*) FROM chunks WHERE key=? AND chunk<?",
                                      (key, int(n_chunks))).fetchone()[0]

    def total_chunks(self) -> int:
        """All chunk rows in the store."""
        with self._lock:
            return self._conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def put(self, key: str, chunk: int, value, seconds: float) -> None:
        """Write one finished chunk in its own transaction (replacing a mismatched row)."""
        payload = encode(value)
        with self._tx() as c:
            c.execute("INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?, ?, ?)",
                      (key, int(chunk), payload, _digest(key, int(chunk), payload), float(seconds), time.time()))

    # ------------------------------------------------------------------ check runs
    def open_run(self, kind: str, mode: dict, entropy: str | None) -> tuple[int, str]:
        """Start (or continue) a resumable run: ``(run id, root entropy)``.

        With ``entropy=None`` the entropy of the latest unfinished run of the same kind and mode is reused
        (that is what makes ``prunegap check --resume`` continue); a new run is opened otherwise.
        """
        m = canonical_json(mode)
        with self._tx() as c:
            if entropy is None:
                row = c.execute("SELECT id, entropy FROM runs WHERE kind=? AND mode=? AND finished IS NULL "
                                "ORDER BY id DESC LIMIT 1", (kind, m)).fetchone()
                if row is not None:
                    return int(row[0]), str(row[1])
                entropy = str(np.random.SeedSequence().entropy)
            cur = c.execute("INSERT INTO runs (kind, mode, entropy, started) VALUES (?, ?, ?, ?)",
                            (kind, m, str(entropy), time.time()))
            return int(cur.lastrowid), str(entropy)

    def close_run(self, run_id: int) -> None:
        """Mark a run finished (a later ``--resume`` starts a new one)."""
        with self._tx() as c:
            c.execute("UPDATE runs SET finished=? WHERE id=?", (time.time(), int(run_id)))

    # ------------------------------------------------------------------ plumbing
    class _Tx:
        def __init__(self, conn, lock):
            self.conn, self.lock = conn, lock

        def __enter__(self):
            self.lock.acquire()
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except BaseException:
                self.lock.release()
                raise
            return self.conn

        def __exit__(self, exc_type, exc, tb):
            try:
                self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")
            finally:
                self.lock.release()
            return False

    def _tx(self):
        return ChunkStore._Tx(self._conn, self._lock)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self) -> str:
        return f"ChunkStore({str(self.path)!r})"
