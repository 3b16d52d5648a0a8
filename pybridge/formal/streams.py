"""The named random streams of the formal section (spawn namespaces under the section's root).

The formal section's root is ``child_seed(run root, SECTION_NAMESPACE, 3)`` (its ``seed_key``; see
:mod:`pybridge.claims.section`).  Its only random draw is the sample of the side instances whose coverage
certificates the verified checker replays; the trials the verified decision re-decides are drawn by the rss
section from its own streams and handed over as data.
"""

from __future__ import annotations

import enum

__all__ = ["Stream"]


@enum.unique
class Stream(enum.IntEnum):
    """Spawn namespaces of the formal section's random streams (values fixed: the numbers depend on them)."""

    #: Uniform[-1, 1] samples of the side instances whose certificates are kernel-checked
    #: (:func:`pybridge.formal.section.replay_instances`, claim ``rss-certificate-sound``)
    SIDE_REPLAY = 30
