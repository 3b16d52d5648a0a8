"""Seeds and random streams (NEP 19 / SPEC 7).

One root :class:`numpy.random.SeedSequence` per run.  Task ``i`` gets the child
``SeedSequence(root.entropy, spawn_key=root.spawn_key + (namespace, i))``:
derived from the root by index, never by call order, so a result is
bit-identical whatever the number of workers or the order chunks finish in.
Every result records the root entropy (:func:`seed_entropy`) so the run can be
replayed with ``--seed <entropy>``.
"""

from __future__ import annotations

import numbers

import numpy as np

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.validation import check_instance, check_int

__all__ = ["root_seed_sequence", "seed_entropy", "child_seed", "child_rng", "parse_seed", "PILOT", "MAIN", "AUX"]

#: namespaces keep the streams of different uses of one root apart
PILOT, MAIN, AUX = 0, 1, 2


def root_seed_sequence(seed=None) -> np.random.SeedSequence:
    """Return the root :class:`~numpy.random.SeedSequence` of a run.

    Parameters
    ----------
    seed : None, int >= 0, or SeedSequence
        ``None`` draws fresh OS entropy (recorded in every result);
        an ``int`` is used as the entropy; a ``SeedSequence`` is used as is.

    Raises
    ------
    InvalidArgument, InvalidType
        Negative or non-integer seeds.
    """
    if seed is None:
        return np.random.SeedSequence()
    if isinstance(seed, np.random.SeedSequence):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise InvalidType(f"seed must be a non-negative integer, got seed={seed!r} (type={type(seed).__name__})")
    if seed < 0:
        raise InvalidArgument(f"seed must be a non-negative integer, got seed={seed}")
    return np.random.SeedSequence(int(seed))


def seed_entropy(ss: np.random.SeedSequence) -> str:
    """The root entropy as a decimal string (JSON-safe; may exceed 64 bits)."""
    check_instance("ss", ss, np.random.SeedSequence)
    ent = ss.entropy
    if isinstance(ent, (list, tuple, np.ndarray)):
        return ",".join(str(int(e)) for e in ent)
    return str(int(ent))


def child_seed(root: np.random.SeedSequence, namespace: int, index: int) -> np.random.SeedSequence:
    """The ``index``-th task stream of ``namespace`` under ``root`` (order-free)."""
    check_instance("root", root, np.random.SeedSequence)
    namespace = check_int("namespace", namespace, min_value=0, max_value=2**63)
    index = check_int("index", index, min_value=0, max_value=2**63)
    return np.random.SeedSequence(root.entropy, spawn_key=tuple(root.spawn_key) + (int(namespace), int(index)))


def child_rng(root: np.random.SeedSequence, namespace: int, index: int) -> np.random.Generator:
    """A PCG64 :class:`~numpy.random.Generator` on :func:`child_seed`."""
    return np.random.Generator(np.random.PCG64(child_seed(root, namespace, index)))


def parse_seed(text: str):
    """Parse a CLI ``--seed`` (a non-negative integer; entropies may be large)."""
    if not isinstance(text, (str, int)) or isinstance(text, bool):
        raise InvalidType(f"--seed must be a non-negative integer, got --seed={text!r:.80} (type={type(text).__name__})")
    try:
        value = int(text)
    except ValueError as exc:
        raise InvalidArgument(f"--seed must be a non-negative integer, got --seed={text!r}") from exc
    if value < 0:
        raise InvalidArgument(f"--seed must be a non-negative integer, got --seed={text!r}")
    return value
