"""Named random streams of the ``masks`` section (issue 20 item 3): value = spawn namespace under its root.

The values are the namespaces the section drew from before the streams had names, so every number of earlier
reports is reproduced.  The two mixture-identity streams hold two draws each: index :data:`DIRECT` (the direct
masked estimate) and :data:`TIMES` (the unmasked first-cover times whose binomial mixture it is compared with).
"""

from __future__ import annotations

import enum

__all__ = ["Stream", "DIRECT", "TIMES"]

#: index of the direct masked estimate in a mixture-identity stream
DIRECT = 0
#: index of the coupled first-cover times in a mixture-identity stream
TIMES = 1


@enum.unique
class Stream(enum.IntEnum):
    #: ``masks-mixture-identity`` (Monte Carlo): masked RSS estimate and RSS first-cover times
    MIXTURE_RSS = 10
    #: ``masks-overparameterization-factor``: RSS first-cover times, index = the eps's position in the budget
    FACTOR_TIMES = 20
    #: ... the masks and bootstrap resamples of its factor table, index = the eps's position
    FACTOR_BOOTSTRAP = 21
    #: ``masks-fixed-size``: k-subset first-cover times, index = the eps's position in the budget
    FIXED_TIMES = 30
    #: ... the masks and bootstrap resamples of its factor table, index = the eps's position
    FIXED_BOOTSTRAP = 31
    #: ``masks-fixed-size`` mixture identity: masked k-subset estimate and k-subset first-cover times
    MIXTURE_FIXED = 32
