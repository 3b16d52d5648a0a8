r"""The claims registry: one entry per claim prunegap makes.

Each :class:`Claim` has a stable kebab-case id used everywhere (Coq and Lean
docstrings ``Claim `id```, Python twins, tests, report); its informal statement
and LaTeX; its model (theory §3.2 notation); its source (paper, arXiv version,
location, tag); the Coq and Lean names of its main theorem (``None`` when not
formalised); its Python twin (dotted path of a callable that checks the
statement on given parameters); the tests that exercise it; and ``uses``, the ids
of the claims its proof rests on (the blueprint, :mod:`pybridge.claims.blueprint`).

The status is **derived from evidence**, never typed by hand:
:func:`derive_status` combines the Coq audit, the numeric certificates and the
Monte Carlo checks of a ``prunegap check`` run.  A RECON-SKETCH is never a claim.

Sources and tags are :mod:`symbolic.core.sources`'s (:class:`Source`, :data:`TAGS`: one type and one
tag list for ``symbolic`` and ``pybridge``); a claim's tag is its source's.  Every statement
below whose tag is RECON is our reconstruction: the body of arXiv 2603.02234 was
not available, and none of its statements is presented as the paper's.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from pybridge.errors import RegistryError
from pybridge.validation import check_instance, check_mapping, check_sequence, check_text
from symbolic.core.sources import TAGS, Source

__all__ = ["Source", "Claim", "Registry", "check_uses", "resolve_twin", "derive_status", "STATUSES", "TAGS",
           "NOT_A_CLAIM", "KINDS",
           "RSS_MODEL", "ANY_REALS"]

#: the tag a claim can never carry: a sketch is not a claim (theory legend)
NOT_A_CLAIM = "RECON-SKETCH"
#: "cited": a textbook fact the project assumes (a hypothesis of its Coq theorems), never proved here
KINDS = ("lemma", "probabilistic", "empirical", "constant", "algorithmic", "cited")
STATUSES = (
    "violated",
    "check failed",
    "proved in Coq",
    "claim certified",
    "value certified",
    "checked exactly on instances",
    "checked by Monte Carlo",
    "stated only",
)


@dataclass(frozen=True)
class Claim:
    """One registered claim (see module docstring)."""

    id: str
    statement: str
    latex: str
    model: str
    source: Source
    kind: str
    twin: str
    tests: tuple
    coq: str | None = None
    lean: str | None = None
    #: "proof-written" (a full Lean proof exists but no Lean toolchain has checked it here),
    #: "stated" (statement only) or "pending" (no Lean declaration yet); never "proved"
    lean_status: str = "pending"
    notes: str = ""
    evidence_sections: tuple = field(default=())
    #: ids of the claims this one rests on (its proof in the theory notes uses them); stored as a tuple
    uses: tuple = ()

    def __post_init__(self):
        if not isinstance(self.source, Source):
            raise RegistryError(f"claim {self.id!r}: source must be a symbolic Source, "
                                f"got source={self.source!r}")
        if isinstance(self.uses, str) or not all(isinstance(u, str) for u in self.uses):
            raise RegistryError(f"claim {self.id!r}: uses must be a sequence of claim ids, "
                                f"got uses={self.uses!r}")
        object.__setattr__(self, "uses", tuple(self.uses))

    @property
    def tag(self) -> str:
        """The claim's provenance tag: its source's (:data:`TAGS`)."""
        return self.source.tag

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "statement": self.statement,
            "latex": self.latex,
            "model": self.model,
            "source": str(self.source),
            "tag": self.tag,
            "kind": self.kind,
            "coq": self.coq,
            "lean": self.lean,
            "lean_status": self.lean_status,
            "twin": self.twin,
            "tests": list(self.tests),
            "notes": self.notes,
            "uses": list(self.uses),
        }


def _validate(claim: Claim) -> None:
    if claim.tag == NOT_A_CLAIM:
        raise RegistryError(f"claim {claim.id!r}: tag={claim.tag!r} marks a sketch, never a claim (theory legend)")
    if claim.kind not in KINDS:
        raise RegistryError(f"claim {claim.id!r}: kind must be one of {KINDS}, got {claim.kind!r}")
    if not claim.id.replace("-", "").isalnum() or claim.id != claim.id.lower():
        raise RegistryError(f"claim id must be kebab-case, got {claim.id!r}")


class Registry(Mapping):
    """An ordered, read-only mapping ``claim id -> Claim`` built from the domains' claim lists.

    Parameters
    ----------
    groups : iterable of (str, iterable of Claim)
        ``(domain name, that domain's CLAIMS)`` in report order (:data:`pybridge.domains.DOMAINS`).

    Raises
    ------
    RegistryError
        On a duplicate id, a RECON-SKETCH tag, an unknown kind, an id that is not kebab-case, or a ``uses`` entry that
        names an unknown claim or closes a cycle (:func:`check_uses`).
    """

    def __init__(self, groups):
        self._claims: dict[str, Claim] = {}
        self.domain_of: dict[str, str] = {}
        for domain, claims in groups:
            for claim in claims:
                if claim.id in self._claims:
                    raise RegistryError(f"duplicate claim id {claim.id!r}")
                _validate(claim)
                self._claims[claim.id] = claim
                self.domain_of[claim.id] = domain
        check_uses(self._claims)

    def __getitem__(self, claim_id: str) -> Claim:
        return self._claims[claim_id]

    def __iter__(self):
        return iter(self._claims)

    def __len__(self) -> int:
        return len(self._claims)

    def get_claim(self, claim_id: str) -> Claim:
        """The claim with this id; :class:`RegistryError` if there is none."""
        try:
            return self._claims[claim_id]
        except KeyError:
            raise RegistryError(f"unknown claim id {claim_id!r}") from None


def check_uses(claims: Mapping) -> None:
    """Check the ``uses`` graph of ``claims`` (``id -> Claim``): ids known, no self-use or repeat, no cycle.

    Raises
    ------
    RegistryError
        Naming the claim and the unknown id, or the cycle as ``a -> b -> a``.
    """
    check_mapping("claims", claims, values=Claim)
    for cid, claim in claims.items():
        seen = set()
        for dep in claim.uses:
            if dep not in claims:
                raise RegistryError(f"claim {cid!r}: uses names an unknown claim id {dep!r}")
            if dep == cid:
                raise RegistryError(f"claim {cid!r}: uses names the claim itself")
            if dep in seen:
                raise RegistryError(f"claim {cid!r}: uses names {dep!r} twice")
            seen.add(dep)
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    for start in claims:
        if start in state:
            continue
        path, stack = [start], [iter(claims[start].uses)]
        state[start] = 1
        while stack:
            dep = next(stack[-1], None)
            if dep is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(dep) == 1:
                cycle = path[path.index(dep):] + [dep]
                raise RegistryError("claim uses form a cycle: " + " -> ".join(cycle))
            elif dep not in state:
                state[dep] = 1
                path.append(dep)
                stack.append(iter(claims[dep].uses))


def resolve_twin(claim: Claim):
    """Import and return the claim's Python twin callable."""
    check_instance("claim", claim, Claim)
    if not isinstance(claim.twin, str):
        raise RegistryError(f"claim {claim.id!r}: twin must be 'module:function', got {claim.twin!r}")
    module, _, name = claim.twin.partition(":")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError, ValueError, TypeError) as exc:
        raise RegistryError(f"claim {claim.id!r}: twin {claim.twin!r} cannot be imported") from exc


def derive_status(claim_id: str, *, checks=(), formal=None) -> str:
    """Status of a claim from the evidence of one run.

    Parameters
    ----------
    checks : iterable of evidence records (:mod:`pybridge.claims.records`)
        Evidence from ``prunegap check`` sections.
    formal : dict or None
        ``{claim_id: outcome}`` from the Coq audit (``"proved"``, ``"failed"``,
        ``"unavailable"``); by default read from the :class:`~pybridge.claims.records.FormalOutcome`
        records among ``checks`` (prover ``coq``).

    Returns
    -------
    str
        One of :data:`STATUSES`: "violated" if any check is violated, else the
        strongest evidence present.  Method ``"claim-certified"`` gives "claim certified"
        (the statement itself is certified); method ``"certified"`` gives "value certified"
        (interval arithmetic encloses the value of a closed form, which is weaker when the
        claim says more than the value, e.g. an infimum over all k).
    """
    from pybridge.claims.records import Evidence, FormalOutcome

    claim_id = check_text("claim_id", claim_id, max_len=200)
    checks = [check_instance(f"checks[{i}]", c, Evidence, what="evidence record")
              for i, c in enumerate(check_sequence("checks", checks))]
    if formal is not None:
        check_mapping("formal", formal)
    else:
        formal = {c.claim_id: c.outcome for c in checks if isinstance(c, FormalOutcome) and c.prover == "coq"}
    mine = [c for c in checks if c.claim_id == claim_id]
    if any(c.verdict == "violated" for c in mine):
        return "violated"
    if any(c.verdict == "failed" for c in mine):
        return "check failed"
    if formal and formal.get(claim_id) == "proved":
        return "proved in Coq"
    good = [c for c in mine if c.verdict in ("holds", "consistent")]
    if any(c.method == "claim-certified" for c in good):
        return "claim certified"  # the statement itself (e.g. for every n: certified range + certified tail)
    if any(c.method == "certified" for c in good):
        return "value certified"  # the closed form's value is enclosed by interval arithmetic
    if any(c.method == "exact" for c in good):
        return "checked exactly on instances"
    if any(c.method == "monte-carlo" for c in good):
        return "checked by Monte Carlo"
    return "stated only"


# --------------------------------------------------------------------------- shared model strings

RSS_MODEL = "RSS: X_1..X_n i.i.d. from the stated law (or arbitrary reals), target interval [a, b], radius eps"
ANY_REALS = "deterministic: arbitrary real samples x_1..x_n, eps > 0, a <= b"
