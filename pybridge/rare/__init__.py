"""Rare events: RSS failure probabilities down to 1e-9 by generalized splitting (issue 14)."""

from pybridge.rare.splitting import (
    CI_METHOD,
    METHOD,
    LevelPlan,
    RareEstimate,
    estimate_failure_probability,
    first_cover_length,
    plan_levels,
    t_interval,
)

__all__ = ["CI_METHOD", "METHOD", "LevelPlan", "RareEstimate", "estimate_failure_probability",
           "first_cover_length", "plan_levels", "t_interval"]
