"""The blueprint: which claims each claim rests on, and whether the whole chain is backed.

A claim's ``uses`` lists the claims its proof in the theory notes uses (``Claim.uses``,
checked by :func:`pybridge.claims.registry.check_uses`: known ids, no cycle).  From the
statuses of one ``prunegap check`` run (:func:`pybridge.claims.derive_status`) this module
derives, per claim, a :class:`Backing`:

* **fully backed**: the claim and every claim it uses, transitively, are "proved in Coq" or
  "claim certified" (the two statuses that are proofs or certificates, not samples);
* otherwise the **weakest link**: the weakest status in its chain of dependencies (nearest
  first on a tie), e.g. "rests on `kink-angle-law`, checked by Monte Carlo only".

Nothing here runs a check; it only combines statuses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pybridge.errors import RegistryError
from pybridge.validation import check_mapping, check_text

__all__ = ["BACKED_STATUSES", "STRENGTH", "Backing", "chain", "used_by", "derive_backing", "status_counts",
           "describe_status", "NOT_RUN"]

#: status of a claim that no report has evidence for (``prunegap claims`` without a report)
NOT_RUN = "not run"


def _claims(claims) -> None:
    from pybridge.claims.registry import Claim

    check_mapping("claims", claims, values=Claim)


def _statuses(statuses) -> None:
    check_mapping("statuses", statuses, values=str, what="status string")

#: the statuses that count as backing (a machine-checked proof or a certified computation)
BACKED_STATUSES = ("proved in Coq", "claim certified")

#: strength of each status, weakest 0; the weakest link of a chain is its minimum
STRENGTH = {
    "violated": 0,
    "check failed": 1,
    NOT_RUN: 2,
    "stated only": 2,
    "checked by Monte Carlo": 3,
    "checked exactly on instances": 4,
    "value certified": 5,
    "claim certified": 6,
    "proved in Coq": 7,
}

_PHRASE = {
    "violated": "VIOLATED in this run",
    "check failed": "whose check FAILED in this run",
    NOT_RUN: "not run (no report)",
    "stated only": "stated only (no evidence in this run)",
    "checked by Monte Carlo": "checked by Monte Carlo only",
    "checked exactly on instances": "checked exactly on instances only",
    "value certified": "value certified only (the claim itself is not certified)",
    "claim certified": "claim certified",
    "proved in Coq": "proved in Coq",
}


def describe_status(status: str) -> str:
    """A short phrase for a status in a sentence ("checked by Monte Carlo only")."""
    return _PHRASE.get(check_text("status", status, max_len=1000), status)


def chain(claim_id: str, claims: Mapping) -> tuple:
    """Every claim ``claim_id`` uses, transitively, breadth-first (nearest first), without itself.

    Parameters
    ----------
    claim_id : str
    claims : Mapping[str, Claim]
        The registry (its ``uses`` graph is acyclic, see ``check_uses``).

    Raises
    ------
    RegistryError
        ``claim_id`` is not registered.
    """
    _claims(claims)
    claim_id = check_text("claim_id", claim_id, max_len=200)
    if claim_id not in claims:
        raise RegistryError(f"unknown claim id {claim_id!r}")
    out, seen, frontier = [], {claim_id}, [claim_id]
    while frontier:
        nxt = []
        for cid in frontier:
            for dep in claims[cid].uses:
                if dep not in claims:
                    raise RegistryError(f"claim {cid!r}: uses names an unknown claim id {dep!r}")
                if dep not in seen:
                    seen.add(dep)
                    out.append(dep)
                    nxt.append(dep)
        frontier = nxt
    return tuple(out)


def used_by(claims: Mapping) -> dict:
    """``{claim id: ids of the claims that use it directly}``, in registry order."""
    _claims(claims)
    out = {cid: [] for cid in claims}
    for cid, claim in claims.items():
        for dep in claim.uses:
            if dep not in out:
                raise RegistryError(f"claim {cid!r}: uses names an unknown claim id {dep!r}")
            out[dep].append(cid)
    return {cid: tuple(v) for cid, v in out.items()}


@dataclass(frozen=True)
class Backing:
    """What a claim rests on, and whether all of it is backed.

    Attributes
    ----------
    claim_id : str
    status : str
        The claim's own derived status.
    fully_backed : bool
        The claim and everything in ``chain`` have a status in :data:`BACKED_STATUSES`.
    chain : tuple of str
        Every claim it uses, transitively, nearest first.
    weakest : str or None
        The weakest claim in ``chain`` (``None`` if the chain is empty).
    weakest_status : str or None
    """

    claim_id: str
    status: str
    fully_backed: bool
    chain: tuple
    weakest: str | None
    weakest_status: str | None

    @property
    def chain_backed(self) -> bool:
        """Everything the claim uses (not the claim itself) is backed."""
        return self.weakest_status is None or self.weakest_status in BACKED_STATUSES

    def sentence(self) -> str:
        """One line for the report: fully backed, or which link is the weakest."""
        own = describe_status(self.status)
        if self.fully_backed:
            n = len(self.chain)
            extra = (" (it uses no other claim)" if not n else " with the claim it uses" if n == 1
                     else f" with the {n} claims it uses")
            return f"fully backed: {own}{extra}"
        parts = []
        if self.status not in BACKED_STATUSES:
            parts.append(f"itself {own}")
        if not self.chain:
            parts.append("uses no other claim")
        elif self.chain_backed:
            n = len(self.chain)
            parts.append("the claim it uses is backed" if n == 1
                         else f"everything it uses ({n} claims) is backed")
        else:
            parts.append(f"rests on `{self.weakest}`, {describe_status(self.weakest_status)}")
        return "not fully backed: " + "; ".join(parts)

    def to_dict(self) -> dict:
        return {"fully_backed": self.fully_backed, "chain": list(self.chain), "weakest": self.weakest,
                "weakest_status": self.weakest_status, "sentence": self.sentence()}


def derive_backing(statuses: Mapping, claims: Mapping) -> dict:
    """:class:`Backing` of every claim from the statuses of one run.

    Parameters
    ----------
    statuses : Mapping[str, str]
        ``{claim id: status}``; a claim missing here counts as :data:`NOT_RUN`.
    claims : Mapping[str, Claim]
        The registry.

    Returns
    -------
    dict
        ``{claim id: Backing}`` in registry order.
    """
    _claims(claims)
    _statuses(statuses)
    out = {}
    for cid in claims:
        deps = chain(cid, claims)
        own = statuses.get(cid, NOT_RUN)
        weakest = None
        for dep in deps:  # nearest first, so a tie keeps the nearest
            if weakest is None or STRENGTH.get(statuses.get(dep, NOT_RUN), 0) < STRENGTH.get(
                    statuses.get(weakest, NOT_RUN), 0):
                weakest = dep
        w_status = None if weakest is None else statuses.get(weakest, NOT_RUN)
        backed = own in BACKED_STATUSES and all(statuses.get(d, NOT_RUN) in BACKED_STATUSES for d in deps)
        out[cid] = Backing(cid, own, backed, deps, weakest, w_status)
    return out


def status_counts(statuses: Mapping) -> dict:
    """``{status: number of claims}``, strongest status first (only statuses that occur)."""
    _statuses(statuses)
    counts: dict[str, int] = {}
    for s in statuses.values():
        counts[s] = counts.get(s, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-STRENGTH.get(kv[0], -1), kv[0])))
