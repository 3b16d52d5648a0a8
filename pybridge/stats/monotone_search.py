"""First success of a monotone predicate over sample sizes (shared by the RSS and gap engines).

Coverage in n (claim ``rss-subset-sum-monotone``) and success of the B0/B1/RF
constructions in the width are monotone: once true, true for every larger size.
So the first size at which a trial succeeds is found with O(log n) evaluations,
and one coupled trial gives the success indicator at every size at once.
"""

from __future__ import annotations

from collections.abc import Callable

from pybridge.errors import InvalidArgument
from pybridge.validation import check_bool, check_callable, check_int

__all__ = ["first_true"]


def first_true(pred: Callable[[int], bool], lo: int, hi: int, *, gallop: bool) -> int:
    """Smallest ``n`` in ``[lo, hi]`` with ``pred(n)``, or ``hi + 1`` if ``pred(hi)`` is false.

    ``pred`` must be monotone (false ... false true ... true).  With ``gallop=True`` the
    search doubles upward from ``lo`` before bisecting (cheap when the answer is small);
    otherwise it first evaluates ``pred(hi)`` and then bisects ``[lo, hi]``.
    """
    pred = check_callable("pred", pred)
    lo = check_int("lo", lo)
    hi = check_int("hi", hi)
    gallop = check_bool("gallop", gallop)
    if lo > hi:
        raise InvalidArgument(f"first_true needs lo <= hi, got lo={lo}, hi={hi}")
    if gallop:
        top = lo
        while not pred(top):
            if top >= hi:
                return hi + 1
            lo = top + 1
            top = min(hi, max(2 * top, top + 1))  # from lo = 0 too (2 * 0 would never advance)
        hi = top
    elif not pred(hi):
        return hi + 1
    while lo < hi:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
