"""The constants of :mod:`symbolic`, one module (or one small group) per source paper.

Each module derives its constants exactly in sympy and returns
:class:`~symbolic.core.result.ConstantResult` objects whose :class:`~symbolic.core.sources.Source` names the
paper; it imports only :mod:`symbolic.core` and, within a paper's group, its siblings.

==========  =====================================================================================
paper key   modules
==========  =====================================================================================
``LUE``     ``lueker`` - Lueker's Corollary 2.5 threshold :math:`\\kappa^*(C)`
``PEN``     ``products`` - uniform and Gaussian components of product laws (Pensia et al.)
``RFSS``    ``rfss`` - binomial-entropy constants and the Theorem 5 width; ``binomial_entropy`` - their
            exhaustive check; ``sum_bounded`` and ``sum_bounded_constants`` - the sum-boundedness
            constants (Definition 1 / Lemma 1), built on ``irwin_hall`` (exact Irwin-Hall laws) and
            ``_quadratic_surd`` (exact arithmetic in :math:`\\mathbb Q(\\sqrt m)`, private)
``GAP``     ``neuron_pruning`` - Theorem A (our reconstruction); ``theorem_a_prime`` - Theorem A'
``ALMT``    ``statdim`` - statistical dimensions of the standard cones
==========  =====================================================================================

This package imports nothing on its own; the registry (:mod:`symbolic.registry`) names the constants.
"""
