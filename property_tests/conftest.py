"""Shared test configuration: Hypothesis profiles and global-state hygiene.

Profiles: ``ci`` (the default; derandomized so CI never flakes), ``dev`` (random
exploration), ``thorough`` (more examples).  Select with
``--hypothesis-profile`` or ``PRUNEGAP_HYPOTHESIS_PROFILE``.
"""

from __future__ import annotations

import os

import mpmath
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=60, derandomize=True, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("PRUNEGAP_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _reset_mpmath_globals():
    """Library code must never change global precision; restore it regardless (mpmath conftest style)."""
    prec, iv_prec = mpmath.mp.prec, mpmath.iv.prec
    yield
    assert mpmath.mp.prec == prec, "a test or library call changed the global mpmath precision"
    mpmath.mp.prec, mpmath.iv.prec = prec, iv_prec
