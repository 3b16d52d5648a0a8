"""Sample laws for random subset sum (a law is an object, so new laws plug in).

Every law draws from an explicit :class:`numpy.random.Generator`; there is no
global random state.  Register a new law with :func:`register_law`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from pybridge.validation import check_choice, check_int

__all__ = ["Law", "LAWS", "get_law", "register_law"]


@dataclass(frozen=True)
class Law:
    """A sampling law for the samples X_1..X_n.

    Attributes
    ----------
    name : str
        CLI name (``--dist``).
    description : str
        The law in words/symbols.
    source : str
        Where the law comes from (paper, theory section, tag).
    draw : callable
        ``draw(rng, size) -> ndarray[float64]`` of shape ``size``.
    uniform_weight : str
        Weight of a Uniform component, as an exact expression string, if known.
    """

    name: str
    description: str
    source: str
    draw: Callable[[np.random.Generator, object], np.ndarray]
    uniform_weight: str = ""

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """``n`` i.i.d. samples, float64 array of shape ``(n,)``."""
        n = check_int("n", n, min_value=0)
        return np.asarray(self.draw(rng, n), dtype=np.float64)


def _uniform(rng, size):
    return rng.uniform(-1.0, 1.0, size)


def _normal(rng, size):
    return rng.standard_normal(size)


def _product(rng, size):
    return rng.uniform(0.0, 1.0, size) * rng.uniform(-1.0, 1.0, size)


def _pensia(rng, size):
    xy = _product(rng, size)
    keep = rng.random(size) < 0.5
    return np.where(keep, xy, 0.0)


LAWS: dict[str, Law] = {}


def register_law(law: Law) -> Law:
    """Add ``law`` to :data:`LAWS` (its name must be new)."""
    if law.name in LAWS:
        raise ValueError(f"law {law.name!r} is already registered")
    LAWS[law.name] = law
    return law


register_law(Law("uniform", "Uniform[-1, 1]", "Lueker 1998 Cor. 2.5 (READ-2ND, theory §1.2)", _uniform, "1"))
register_law(Law("normal", "N(0, 1)", "standard normal samples (theory §1.7)", _normal))
register_law(
    Law(
        "product",
        "X*Y, X ~ Uniform[0,1], Y ~ Uniform[-1,1] independent; density ln(1/|z|)/2 on |z| <= 1",
        "Pensia et al. 2020 Cor. 1 as restated in RFSS Lemma 2 (READ-2ND, theory §1.3)",
        _product,
        "log(2)/2",
    )
)
register_law(
    Law(
        "pensia",
        "D = 1/2 delta_0 + 1/2 Law(X*Y) (Pensia et al.'s mixture)",
        "Pensia et al. 2020 Cor. 1-2, arXiv 2006.07990v2, via RFSS (READ-2ND, theory §1.3)",
        _pensia,
        "log(2)/4",
    )
)


def get_law(name: str) -> Law:
    """Look up a registered law by name (``InvalidArgument`` if unknown)."""
    check_choice("dist", name, LAWS)
    return LAWS[name]
