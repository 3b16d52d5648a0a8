"""Named random streams of the ``sweep`` section (issue 20 item 3): value = spawn namespace under its root."""

from __future__ import annotations

import enum

__all__ = ["Stream"]


@enum.unique
class Stream(enum.IntEnum):
    #: the seed of the small RSS grid whose interrupt-and-resume is checked (the value of ``seeding.MAIN``, kept
    #: so the grid's numbers are those of earlier reports)
    GRID_SEED = 1
