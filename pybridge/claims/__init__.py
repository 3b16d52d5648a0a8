"""Claims: the registry types, status derivation, the evidence records and the one section protocol.

This layer knows no domain.  Each domain lists its claims in its own
``claims.py`` (``CLAIMS = [...]``); :mod:`pybridge.domains` collects them, in the
order of its explicit domain list, into a :class:`Registry`.
"""

from pybridge.claims.blueprint import BACKED_STATUSES, Backing, chain, derive_backing, status_counts, used_by
from pybridge.claims.records import (
    RECORD_KINDS,
    VERDICTS,
    AgreementTest,
    BenchmarkResult,
    BoundTest,
    CertifiedClaim,
    CertifiedValue,
    Evidence,
    ExactCheck,
    FormalOutcome,
    IntervalEstimate,
    Power,
    record_from_dict,
)
from pybridge.claims.section import (CheckPlan, Figure, SectionContext, SectionResult, SectionSpec, SectionView,
                                     Streams, Table)
from pybridge.claims.registry import (
    ANY_REALS,
    KINDS,
    RSS_MODEL,
    STATUSES,
    TAGS,
    Claim,
    Registry,
    Source,
    check_uses,
    derive_status,
    resolve_twin,
)

__all__ = ["Claim", "Source", "Registry", "derive_status", "resolve_twin", "STATUSES", "TAGS", "KINDS",
           "RSS_MODEL", "ANY_REALS", "SectionSpec", "SectionView", "VERDICTS",
           "check_uses", "Backing", "BACKED_STATUSES", "chain", "derive_backing", "status_counts", "used_by",
           "Evidence", "Power", "FormalOutcome", "CertifiedClaim", "CertifiedValue", "ExactCheck", "BoundTest",
           "AgreementTest", "IntervalEstimate", "BenchmarkResult", "RECORD_KINDS", "record_from_dict",
           "CheckPlan", "SectionContext", "SectionResult", "Streams", "Table", "Figure"]
