"""The coverage decision past the float kernel's interval cap (8,000,000 intervals): exact ties fall back to the
exact mode, anything else is a one-line ResourceLimitError.  About 2 s and 256 MiB each; targeted tests of
``benchmarks/mutation.py --only decide`` (not of ``coverage``, whose scratch copy runs the kernel as plain Python).
"""

from __future__ import annotations

import numpy as np
import pytest

from pybridge.errors import ResourceLimitError
from pybridge.rss import decide_cover


def test_exact_ties_past_the_cap_are_decided_exactly():
    # sums k / 2^26 for k = 0..2^26 - 1: consecutive sums exactly 2 eps apart, so [0, 1 - 2^-26] is covered
    n = 26
    xs = [2.0**-k for k in range(1, n + 1)]
    res = decide_cover(xs, 2.0 ** -(n + 1), interval=(0.0, 1 - 2.0**-n))
    assert res.covered is True and res.mode == "exact" and res.fell_back is True


def test_past_the_cap_without_ties_is_a_resource_error():
    xs = np.random.default_rng(1).uniform(-1, 1, 26)
    with pytest.raises(ResourceLimitError, match=r"^coverage decision needs more than 8,000,000 intervals "
                                                 r"\(n=26, eps=1e-10\); use a larger eps or fewer samples$"):
        decide_cover(xs, 1e-10, interval=(0.0, 1e-3))
