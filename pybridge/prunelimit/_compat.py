"""Import shim for the names this domain uses from the shared layers (removed after the layout move)."""

from pybridge._validation import check_int, check_real  # noqa: F401
from pybridge.seeding import child_rng, seed_entropy  # noqa: F401
