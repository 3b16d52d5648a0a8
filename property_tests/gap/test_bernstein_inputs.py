"""Bad input to the empirical-Bernstein bound gives a one-line error naming the argument (mutation testing, issue 10
§3)."""

from __future__ import annotations

import pytest

from pybridge.errors import InvalidArgument
from pybridge.gap.checks import empirical_bernstein_upper


def test_bernstein_errors_name_the_argument():
    with pytest.raises(InvalidArgument, match=r"^x must lie in \[0, 1\] \(empirical Bernstein bound"):
        empirical_bernstein_upper([0.5, 1.5], 0.1)
    with pytest.raises(InvalidArgument, match=r"\bx\b"):
        empirical_bernstein_upper([], 0.1)
    with pytest.raises(InvalidArgument, match=r"\balpha\b"):
        empirical_bernstein_upper([0.5], 0.0)
