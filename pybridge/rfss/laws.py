r"""Sample laws of the fixed-size engine (RFSS Lemma 1 and Corollary 1, theory §2).

* ``uniform`` — Uniform[−1, 1], the sum-bounded law of RFSS Lemma 1 (READ); the RSS
  engine's law object (:func:`pybridge.laws.get_law`).
* ``mixture`` — the mixtures of RFSS Corollary 1: weight ``p = 1/2`` on Uniform[−1, 1]
  and the rest on N(0, 1) (our choice of second law, named here; Corollary 1 allows any
  second law [READ]).  Each sample first draws its component, then its value, from the
  trial's generator.

These laws live in this table, not in the RSS registry, so registering them never changes
the RSS section's loops over its own laws.
"""

from __future__ import annotations

import numpy as np

from pybridge.validation import check_choice
from pybridge.rss import Law, get_law

__all__ = ["RFSS_LAWS", "get_rfss_law", "MIXTURE_UNIFORM_WEIGHT"]

#: weight of the Uniform[-1, 1] component of the ``mixture`` law (Corollary 1's p)
MIXTURE_UNIFORM_WEIGHT = 0.5


def _mixture(rng: np.random.Generator, size):
    pick = rng.random(size) < MIXTURE_UNIFORM_WEIGHT
    u = rng.uniform(-1.0, 1.0, size)
    g = rng.standard_normal(size)
    return np.where(pick, u, g)


RFSS_LAWS: dict[str, Law] = {
    "uniform": get_law("uniform"),
    "mixture": Law("mixture", "1/2 Uniform[-1, 1] + 1/2 N(0, 1) (component drawn per sample)",
                   "RFSS Corollary 1 mixtures, arXiv 2410.14754 (READ); second component N(0, 1) is our choice",
                   _mixture, "1/2"),
}


def get_rfss_law(name: str) -> Law:
    """Look up ``uniform`` or ``mixture`` (``InvalidArgument`` naming ``dist`` otherwise)."""
    check_choice("dist", name, RFSS_LAWS)
    return RFSS_LAWS[name]
