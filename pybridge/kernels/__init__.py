"""Compiled numeric kernels shared by the engines (numba): the interval-union merge step and every compiled
function that calls it, in one file (:mod:`pybridge.kernels.interval_union` says why).  No domain knowledge:
the domains validate, derive the rounding margins and fall back to exact arithmetic around these kernels."""
