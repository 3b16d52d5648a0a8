"""The explicit list of domains: the one place that knows them all.

A domain is a subpackage ``pybridge/<name>/`` with ``claims.py`` (``CLAIMS``, a list
of :class:`pybridge.claims.Claim`), ``section.py`` (``SECTION``, a
:class:`pybridge.claims.SectionSpec` run by ``prunegap check``) and optionally
``command.py`` (``add_command(subparsers)`` for its ``prunegap <cmd>``).  Adding a
domain is adding its folder and one name to :data:`DOMAINS`.  The registry, the
check's sections and the CLI commands are all collected from this list, in its
order, so the claim order is stable and nothing imports the registry back.
"""

from __future__ import annotations

import importlib
from functools import cache

from pybridge.claims import Registry

__all__ = ["DOMAINS", "registry", "sections", "command_modules"]

#: report order: sections run in this order (``constants`` reads the data of ``rss`` and ``rare``)
DOMAINS = ("rss", "rare", "gap", "constants", "formal", "rfss", "masks", "prunelimit", "sweep")


def _module(domain: str, name: str):
    return importlib.import_module(f"pybridge.{domain}.{name}")


@cache
def registry() -> Registry:
    """Every domain's claims, collected in :data:`DOMAINS` order."""
    return Registry((d, _module(d, "claims").CLAIMS) for d in DOMAINS)


def sections() -> list:
    """The :class:`~pybridge.claims.SectionSpec` of every domain, in :data:`DOMAINS` order."""
    return [_module(d, "section").SECTION for d in DOMAINS]


def command_modules() -> list:
    """The ``command`` modules of the domains that have one, in :data:`DOMAINS` order."""
    out = []
    for d in DOMAINS:
        try:
            out.append(_module(d, "command"))
        except ModuleNotFoundError as exc:
            if exc.name != f"pybridge.{d}.command":
                raise
    return out
