"""Named random streams of the ``constants`` section (issue 20 item 3): none.

The section draws no random numbers: every constant is exact, numeric or certified.  Its ``seed_key`` is
``None`` (it would receive the run's root itself), so a stream added here must avoid the value
:data:`pybridge.claims.section.SECTION_NAMESPACE` (100), the namespace of the sections' roots.
"""

from __future__ import annotations

import enum

__all__ = ["Stream"]


@enum.unique
class Stream(enum.IntEnum):
    """No members: the constants section is deterministic."""
