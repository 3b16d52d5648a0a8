"""The kernel of :mod:`symbolic`: everything the constants modules are built from.

* ``errors`` - the exception hierarchy shared with ``pybridge``; ``limits`` - the precision limits;
* ``_validation`` and ``_translate`` (private) - argument checks, and sympy -> mpmath / arb translation;
* ``context`` - private mpmath contexts and scoped flint precision; ``numeric`` - evaluation at ``dps``
  digits; ``certify`` - arb enclosures, three-valued comparisons, outward-rounded rationals;
* ``result`` - :class:`~symbolic.core.result.ConstantResult` and the tight-constant rows;
* ``sources`` - provenance: :class:`~symbolic.core.sources.Source`, the paper keys and the one tag list
  (used by ``pybridge``'s claims registry as well).

This package imports nothing on its own: ``errors``, ``limits`` and ``sources`` load without sympy, mpmath
or flint.  Nothing here imports :mod:`symbolic.constants` or the aggregators above it.
"""
