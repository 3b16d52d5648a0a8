"""Exact (rational) property tests of the Python twins of the formalised lemmas.

Claims: rss-grid, rss-complete-sequence, rss-second-moment, rss-amplification, kink-line-three-point,
kink-arc-three-point, kink-free-affine, relu-odd-part, b0-positive-homogeneity, theorem-a-core,
theorem-a-union-bound, sinusoid-second-difference.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import rationals

from pybridge.formal import twins as tw

pos = rationals().map(abs).filter(lambda q: q > 0)
nonneg = rationals().map(abs)
unit = st.builds(Fraction, st.integers(0, 64), st.just(64))


@given(st.lists(rationals(), min_size=1, max_size=8), rationals(), pos, nonneg)
def test_grid(points, a, h, eps_prime):
    assert tw.grid_covers(points, a, a + 2, h, eps_prime)


@given(st.lists(nonneg, min_size=1, max_size=10), pos)
def test_complete_sequence(xs, eps):
    assert tw.complete_sequence_covers(xs, eps)


def test_complete_sequence_binary_decomposition_is_not_vacuous():
    # 1/8, 1/4, 1/2, 1: complete for eps = 1/16, covers [0, 15/8]
    assert tw.complete_sequence_covers([Fraction(1, 8), Fraction(1, 4), Fraction(1, 2), Fraction(1)], Fraction(1, 16))


@given(st.lists(st.tuples(nonneg, nonneg), max_size=8))
def test_second_moment(pairs):
    ps = [p for p, _ in pairs]
    ys = [y for _, y in pairs]
    assert tw.second_moment(ps, ys)


@given(unit, st.integers(0, 40), st.integers(1, 50), st.integers(0, 20))
def test_bernoulli_amplification(q, n, m, r):
    assert tw.bernoulli_amplification(q, n, m, r)


@given(rationals(), rationals(), nonneg, pos)
def test_kink_line_three_point(alpha, beta, J, delta):
    assert tw.kink_line_three_point(alpha, beta, J, delta)


@given(pos, pos)
def test_kink_line_tight(J, delta):
    """The Chebyshev alternant alpha = J delta/4, beta = J/2 attains equality, so the bound cannot be improved."""
    e = [abs(J * delta / 4 + J / 2 * t - J * tw.relu(t)) for t in (-delta, Fraction(0), delta)]
    assert 4 * max(e) == J * delta


@given(pos, nonneg, rationals(), rationals())
def test_kink_arc_three_point(s, c, c1, c2):
    assert tw.kink_arc_three_point(s, c, c1, c2)


@given(st.lists(st.tuples(rationals(), rationals(), rationals()), max_size=6), rationals(), pos)
def test_kink_free_affine(neurons, a, w):
    assert tw.kink_free_affine(neurons, a, a + w)


@given(st.lists(st.tuples(rationals(), rationals()), max_size=8))
def test_relu_odd_part(tv):
    assert tw.relu_odd_part([t for t, _ in tv], [v for _, v in tv])


@given(rationals(), st.builds(Fraction, st.integers(-64, 64), st.just(64)), rationals(), rationals())
def test_b0_positive_homogeneity(u, x, S, w):
    assert tw.b0_positive_homogeneity(u, x, S, w)


@st.composite
def kink_free_neurons(draw, s, c):
    """Neurons whose linear form keeps one sign at (s,c), (0,1), (-s,c): |p| s <= |q| c, by construction."""
    q = draw(rationals().filter(lambda v: v != 0))
    t = draw(st.builds(Fraction, st.integers(-16, 16), st.just(16)))
    p = t * abs(q) * c / s
    return (draw(rationals()), p, q)


@given(st.data(), pos, nonneg)
def test_theorem_a_core(data, s, c):
    neurons = data.draw(st.lists(kink_free_neurons(s, c), max_size=6))
    assert tw.theorem_a_core(s, c, neurons)


def test_theorem_a_core_is_tight_for_the_best_affine_fit():
    """With s = 3/5, c = 4/5 (eta with tan(eta/2) = 1/3), the best combination c1 x1 + c2 x2 of the
    target relu(x1) on the three points has error exactly s / (2 (1 + c)) = 1/6."""
    s, c = Fraction(3, 5), Fraction(4, 5)
    # linear neurons: relu(x2) = x2 (x2 > 0 at all three points); x1 = relu(x1) - relu(-x1) is not allowed
    # (kink inside), so use the alternant c1 = 1/2, c2 = s / (2 (1 + c)) through relu(x2)
    c2 = s / (2 * (1 + c))
    errs = []
    for x1, x2 in ((s, c), (Fraction(0), Fraction(1)), (-s, c)):
        errs.append(abs(Fraction(1, 2) * x1 + c2 * x2 - tw.relu(x1)))
    assert max(errs) == s / (2 * (1 + c))


@given(unit, st.integers(0, 60))
def test_theorem_a_union_bound(q, n):
    assert tw.theorem_a_union_bound(q, n)


@given(rationals(), rationals(), rationals())
def test_gaussian_rotation_invariant(x, y, t):
    assert tw.gaussian_rotation_invariant(x, y, t)
    # the same map without the 1/(1 + t^2) normalisation is not a rotation: it scales x^2 + y^2
    assume(t != 0 and (x, y) != (0, 0))
    assert (((1 - t * t) * x - 2 * t * y) ** 2 + (2 * t * x + (1 - t * t) * y) ** 2) != x * x + y * y


@given(rationals(), rationals(), rationals(), rationals())
def test_sinusoid_second_difference(c1, c2, theta, r):
    assume(abs(theta) < 50 and abs(r) < 50)
    assert tw.sinusoid_second_difference(c1, c2, theta, r)


@given(st.integers(1, 10**6), st.floats(1e-9, 0.4999))
def test_theorem_a_probability_step_bound_dominates_theorem_a(n, eps):
    """The Coq union-bound form (claim theorem-a-probability-step) is at least Theorem A's exact value."""
    import math

    from pybridge.formal.twins import theorem_a_probability_step_bound
    from pybridge.gap.bounds import theorem_a_bound

    union = theorem_a_probability_step_bound(n, eps)
    q = 2 * (2 * math.atan(2 * eps)) / math.pi
    assert union == min(1.0, n * q)
    assert union >= theorem_a_bound(n, eps).value - 1e-12
