"""The named random streams of the pruning-gap section (issue 20 item 3).

Every random number of the section comes from ``child_seed(section root, Stream.X, i)`` (or
``ctx.streams.seed(Stream.X, i)``), where the section root is ``child_seed(run root, 100, 4)``
(``SECTION.seed_key = 4``).  A member's value is its spawn namespace under that root; the values are the bare
integers the call sites used before the streams had names, so the random numbers are unchanged, except
:attr:`Stream.B0_ALL_SCALINGS`, which shared namespace 20 with :attr:`Stream.CERTIFICATE_EVENT` (both checks
drew the same numbers) and now has a namespace of its own.  :func:`enum.unique` refuses two names for one value.
"""

from __future__ import annotations

import enum

__all__ = ["Stream"]


@enum.unique
class Stream(enum.IntEnum):
    """Spawn namespaces under the gap section's root (index ``i`` as stated per member)."""

    #: ``gap-ordering``: the random instances (index 0 is the root of the instances; instance ``j`` is then
    #: ``child_rng(that root, MAIN, j)``)
    ORDERING = 1
    #: ``theorem-a``: the RF Monte Carlo rows (index = row of ``rf_specs``)
    THEOREM_A_RF = 2
    #: ``theorem-a``: the neuron-pruning Monte Carlo row (index 0)
    THEOREM_A_NEURON = 3
    #: ``theorem-a-line-uniform``: the law-U RF Monte Carlo (index 0)
    LINE_UNIFORM = 4
    #: ``kink-angle-law``: the Kolmogorov-Smirnov samples (index 0: d = 2, 1: d = 3, 9: the law-U contrast)
    KINK_ANGLES = 5
    #: ``d1-no-gap``: the d = 1 Monte Carlo (index 0: law G, 1: law U; 99: the neuron = B0 identity networks)
    D1_NO_GAP = 6
    #: ``m0-diagonal-caveat``: index 0 the masked-feature LP networks, index 1 the weight-pruning Monte Carlo
    M0_DIAGONAL = 7
    #: the neuron-vs-RF comparison table (index = position of n in the plan's ``compare_ns``)
    NEURON_VS_RF = 8
    #: ``weight-pruning-b0``: B0 first-success widths, law G (index = position of eps)
    WIDTHS_B0 = 10
    #: ``weight-pruning-b1``: B1 first-success widths, d = 2 (index = position of eps)
    WIDTHS_B1 = 11
    #: the RF first-success widths of the n_1/2 table (index = position of eps)
    WIDTHS_RF = 12
    #: ``weight-pruning-b0`` (full run): B0 widths under law U (index = position of eps in the table)
    WIDTHS_B0_LAW_U = 13
    #: ``weight-pruning-b1`` (full run): B1 widths in d = 3, random target (index = position of eps)
    WIDTHS_B1_D3 = 14
    #: ``theorem-a``: the certificate-event two-sided test (index 0: the target, then the hidden weights)
    CERTIFICATE_EVENT = 20
    #: ``weight-pruning-b0``: the all-scalings cover frequency (index 0).  Was namespace 20, shared with
    #: :attr:`CERTIFICATE_EVENT` until issue 20; 21 is its own.
    B0_ALL_SCALINGS = 21
