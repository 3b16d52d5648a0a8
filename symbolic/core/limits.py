"""Precision limits of ``symbolic`` (decimal digits), importable without sympy, mpmath or flint.

The command line builds its ``--dps`` argument from them before any constant is computed.
"""

__all__ = ["MIN_DPS", "MAX_DPS"]

#: Smallest accepted ``dps`` (decimal digits); below this mpmath contexts are not useful.
MIN_DPS = 15
#: Largest accepted ``dps``; certification may escalate internally beyond it.
MAX_DPS = 10_000
