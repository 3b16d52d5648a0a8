"""The shared-layer names this domain uses, in one place (validation and seed streams)."""

from pybridge.runtime.seeding import child_rng, seed_entropy  # noqa: F401
from pybridge.validation import check_int, check_real  # noqa: F401
