r"""Python twins of the deterministic lemmas formalised in Coq and Lean (``coq/SPEC.md``).

Each twin checks its lemma's statement for given parameters with **exact
rational arithmetic** (:class:`fractions.Fraction`) and returns ``True`` when the
statement holds on that instance.  They are what the property tests drive with
Hypothesis, and what the claims registry names as each claim's Python twin.
Sources: theory §3.3–§3.6, §3.10, §5.3 (all RECON: our reconstructions, not
statements read in arXiv 2603.02234).
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd
from itertools import product

from pybridge.errors import InvalidArgument
from pybridge.validation import check_exact, check_int, check_sequence

__all__ = [
    "relu",
    "kink_line_three_point",
    "kink_arc_three_point",
    "theorem_a_core",
    "relu_odd_part",
    "b0_positive_homogeneity",
    "second_moment",
    "bernoulli_amplification",
    "complete_sequence_covers",
    "theorem_a_union_bound",
    "grid_covers",
    "kink_free_affine",
    "sinusoid_second_difference",
    "interval_union_decision",
    "decide_cover_both_directions",
    "gaussian_rotation_invariant",
]


def relu(t):
    """:math:`\\sigma(t) = \\max(t, 0)` (exact on Fractions)."""
    if not isinstance(t, (Fraction, int)) or isinstance(t, bool):
        t = check_exact("t", t)
    return t if t > 0 else t * 0


def kink_line_three_point(alpha, beta, J, delta) -> bool:
    r"""K1 (claim ``kink-line-three-point``): :math:`J\delta \le 4\max_{t\in\{-\delta,0,\delta\}}|\alpha+\beta t-J\sigma(t)|`.

    Requires ``J >= 0`` and ``delta > 0`` (exact numbers).
    """
    alpha, beta, J, delta = (check_exact(k, v) for k, v in zip(("alpha", "beta", "J", "delta"), (alpha, beta, J, delta)))
    e = [abs(alpha + beta * t - J * relu(t)) for t in (-delta, Fraction(0), delta)]
    return J * delta <= 4 * max(e)


def kink_arc_three_point(s, c, c1, c2) -> bool:
    r"""K2 (claim ``kink-arc-three-point``): :math:`s \le 2(1+c)\max(|c_1s+c_2c-s|,|c_2|,|c_2c-c_1s|)`.

    Requires ``s > 0``, ``c >= 0`` (exact numbers; no trigonometry).
    """
    s, c, c1, c2 = (check_exact(k, v) for k, v in zip(("s", "c", "c1", "c2"), (s, c, c1, c2)))
    m = max(abs(c1 * s + c2 * c - s), abs(c2), abs(c2 * c - c1 * s))
    return s <= 2 * (1 + c) * m


#: largest exponent n of the exact powers (1 - q)^n, 2^r (a Fraction power grows with n)
MAX_POWER = 10**4


def _neurons(neurons) -> list:
    """Neurons ``(c_i, p_i, q_i)`` as exact triples."""
    out = []
    for i, nu in enumerate(check_sequence("neurons", neurons, max_len=10**4)):
        nu = check_sequence(f"neurons[{i}]", nu)
        if len(nu) != 3:
            raise InvalidArgument(f"neurons[{i}] must be a triple (c, p, q), got {len(nu)} values")
        out.append(tuple(check_exact(f"neurons[{i}]", v) for v in nu))
    return out


def _three_points(s, c):
    return ((s, c), (Fraction(0), Fraction(1)), (-s, c))


def theorem_a_core(s, c, neurons) -> bool:
    r"""Theorem A's deterministic core (claim ``theorem-a-core``), exactly.

    For ``s > 0``, ``c >= 0`` and neurons ``(c_i, p_i, q_i)`` whose linear forms
    :math:`p_i x_1 + q_i x_2` have one sign (weakly) at the three points
    :math:`(s, c), (0, 1), (-s, c)`, the error
    :math:`E(x) = \sum_i c_i\sigma(p_i x_1 + q_i x_2) - \sigma(x_1)` satisfies
    :math:`s \le 2(1+c)\max|E|` over the three points.  Neurons that violate the
    sign hypothesis make the instance vacuous (returns True).
    """
    s, c = check_exact("s", s), check_exact("c", c)
    pts = _three_points(s, c)
    nn = _neurons(neurons)
    for ci, p, q in nn:
        vals = [p * x1 + q * x2 for x1, x2 in pts]
        if not (all(v >= 0 for v in vals) or all(v <= 0 for v in vals)):
            return True
    errs = [abs(sum(ci * relu(p * x1 + q * x2) for ci, p, q in nn) - relu(x1)) for x1, x2 in pts]
    return s <= 2 * (1 + c) * max(errs)


def relu_odd_part(ts, vs) -> bool:
    r"""Claim ``relu-odd-part``: :math:`\sum v_i\sigma(t_i) - \sum v_i\sigma(-t_i) = \sum v_i t_i` (exact)."""
    ts = [check_exact("t", t) for t in check_sequence("ts", ts)]
    vs = [check_exact("v", v) for v in check_sequence("vs", vs, max_len=len(ts))]
    if len(vs) != len(ts):
        raise InvalidArgument(f"ts and vs must have the same length, got {len(ts)} and {len(vs)}")
    lhs = sum((v * relu(t) for v, t in zip(vs, ts)), Fraction(0)) - sum((v * relu(-t) for v, t in zip(vs, ts)), Fraction(0))
    even = all(relu(t) + relu(-t) == abs(t) for t in ts)
    return lhs == sum((v * t for v, t in zip(vs, ts)), Fraction(0)) and even


def b0_positive_homogeneity(u, x, S, w) -> bool:
    r"""Claim ``b0-positive-homogeneity``: :math:`\sigma(ux) = u\sigma(x)` (u > 0),
    :math:`= -u\sigma(-x)` (u < 0), and :math:`|S\sigma(x) - w\sigma(x)| \le |S - w|` for :math:`|x| \le 1`."""
    u, x, S, w = (check_exact(k, v) for k, v in zip("uxSw", (u, x, S, w)))
    ok = True
    if u > 0:
        ok &= relu(u * x) == u * relu(x)
    if u < 0:
        ok &= relu(u * x) == -u * relu(-x)
    if abs(x) <= 1:
        ok &= abs(S * relu(x) - w * relu(x)) <= abs(S - w)
    return bool(ok)


def second_moment(ps, ys) -> bool:
    r"""L6 (claim ``rss-second-moment``): :math:`(\sum p_jy_j)^2 \le (\sum p_jy_j^2)(\sum_{y_j>0}p_j)` for p, y >= 0."""
    ps = [check_exact("p", p) for p in check_sequence("ps", ps)]
    ys = [check_exact("y", y) for y in check_sequence("ys", ys)]
    if len(ps) != len(ys):
        raise InvalidArgument(f"ps and ys must have the same length, got {len(ps)} and {len(ys)}")
    a = sum((p * y for p, y in zip(ps, ys)), Fraction(0))
    b = sum((p * y * y for p, y in zip(ps, ys)), Fraction(0))
    c = sum((p for p, y in zip(ps, ys) if y > 0), Fraction(0))
    return a * a <= b * c


def bernoulli_amplification(q, n, m=None, r=None) -> bool:
    r"""L7 (claim ``rss-amplification``): :math:`(1-q)^n \ge 1 - nq` for q in [0, 1]; and
    :math:`2^r \ge m(2m+1) \Rightarrow (2m+1)2^{-r} \le 1/m` for integers m >= 1."""
    q = check_exact("q", q)
    n = check_int("n", n, min_value=0, max_value=MAX_POWER)
    if m is not None:
        m = check_int("m", m, min_value=1, max_value=10**9)
    if r is not None:
        r = check_int("r", r, min_value=0, max_value=MAX_POWER)
    ok = (1 - q) ** n >= 1 - n * q
    if m is not None and r is not None:
        if 2**r >= m * (2 * m + 1):
            ok &= Fraction(2 * m + 1, 2**r) <= Fraction(1, m)
    return bool(ok)


def theorem_a_union_bound(q, n) -> bool:
    r"""Claim ``theorem-a-union-bound``: :math:`0 \le 1 - (1-q)^n \le nq` for q in [0, 1]."""
    q = check_exact("q", q)
    n = check_int("n", n, min_value=0, max_value=MAX_POWER)
    v = 1 - (1 - q) ** n
    return 0 <= v <= n * q


def complete_sequence_covers(xs, eps) -> bool:
    r"""L4 (claim ``rss-complete-sequence``) checked by brute force on small lists.

    If :math:`0 \le x_1 \le \dots \le x_n`, :math:`x_1 \le 2\varepsilon` and
    :math:`x_{k+1} \le 2\varepsilon + \sum_{i\le k} x_i`, then every
    :math:`z \in [0, \sum x_i]` is within ε of a subset sum.  Vacuous (True) when
    the hypotheses fail.  Brute force over all :math:`2^n` sums (n <= 16).
    """
    xs = sorted(check_exact("x", x) for x in check_sequence("xs", xs))
    eps = check_exact("eps", eps, positive=True)
    if len(xs) > 16:
        raise InvalidArgument(f"brute force needs n <= 16, got n={len(xs)}")
    if any(x < 0 for x in xs) or (xs and xs[0] > 2 * eps):
        return True
    run = Fraction(0)
    for x in xs:
        if x > 2 * eps + run:
            return True
        run += x
    sums = sorted({sum((x for x, bit in zip(xs, bits) if bit), Fraction(0)) for bits in product((0, 1), repeat=len(xs))})
    if sums[0] > eps:
        return False
    return all(t - s <= 2 * eps for s, t in zip(sums, sums[1:])) and sums[-1] >= run - eps


def grid_covers(points, a, b, h, eps_prime) -> bool:
    r"""L1 (claim ``rss-grid``): grid points within ε' of ``points`` ⇒ all of [a, b] within ε' + h/2.

    Exact: the distance from z to a finite set is piecewise linear, so its
    maximum over [a, b] is attained at a, b or a midpoint of consecutive points.
    Vacuous (True) when some grid point is farther than ε'.
    """
    pts = sorted(check_exact("point", p) for p in check_sequence("points", points, max_len=10**4))
    a, b, h, ep = (check_exact(k, v) for k, v in zip(("a", "b", "h", "eps_prime"), (a, b, h, eps_prime)))
    if not pts or h <= 0 or b < a:
        return True
    if (b - a) / h > 10**5:
        raise InvalidArgument(f"grid_covers checks at most 10^5 grid points, got (b - a)/h = {float((b - a) / h):.3g}")

    def dist(z):
        return min(abs(z - p) for p in pts)

    N = 0
    while a + N * h < b:
        N += 1
    if any(dist(a + j * h) > ep for j in range(N + 1)):
        return True
    cands = [a, b] + [(p + q) / 2 for p, q in zip(pts, pts[1:])] + pts
    return all(dist(z) <= ep + h / 2 for z in cands if a <= z <= b)


def kink_free_affine(neurons, a, b) -> bool:
    r"""K3 (claim ``kink-free-affine``): no root of :math:`p_it+q_i` in (a, b) ⇒
    :math:`\sum c_i\sigma(p_it+q_i)` is affine on [a, b] (checked exactly at a, b, the
    midpoint and the quarter points).  Vacuous when a root lies inside."""
    a, b = check_exact("a", a), check_exact("b", b)
    nn = _neurons(neurons)
    if not a < b:
        return True
    for _, p, q in nn:
        if p != 0 and a < -q / p < b:
            return True
    ts = [a + (b - a) * Fraction(k, 4) for k in range(5)]
    fs = [sum((c * relu(p * t + q) for c, p, q in nn), Fraction(0)) for t in ts]
    slope = (fs[-1] - fs[0]) / (b - a)
    return all(f == fs[0] + slope * (t - a) for t, f in zip(ts, fs))


def sinusoid_second_difference(c1, c2, theta, r, *, dps: int = 60) -> bool:
    r"""Claim ``sinusoid-second-difference``: :math:`L(\theta+r)+L(\theta-r) = 2\cos r\,L(\theta)`
    for :math:`L = c_1\cos + c_2\sin`, checked in a private mpmath context at ``dps`` digits
    (equality up to :math:`10^{-(dps-10)}` relative to the magnitudes)."""
    import mpmath

    ctx = mpmath.MPContext()
    ctx.dps = check_int("dps", dps, min_value=15, max_value=10_000)
    c1, c2, th, r = (ctx.mpf(check_exact(k, v).numerator) / check_exact(k, v).denominator
                     for k, v in zip(("c1", "c2", "theta", "r"), (c1, c2, theta, r)))

    def L(t):
        return c1 * ctx.cos(t) + c2 * ctx.sin(t)

    lhs = L(th + r) + L(th - r)
    rhs = 2 * ctx.cos(r) * L(th)
    scale = abs(c1) + abs(c2) + 1
    return abs(lhs - rhs) <= scale * ctx.mpf(10) ** (-(dps - 10))


def interval_union_decision(xs, e, a, b) -> bool:
    """Python mirror of ``Prunegap.Decide.zdecide_cover`` on integers (interval-union recursion, merging).

    ``U([]) = [(-e, e)]``; ``U(x :: xs) = normalize(U(xs) ++ (x + U(xs)))`` where ``normalize`` drops
    empty intervals, sorts by left end and merges intervals that share a point; the answer is
    ``b < a`` or one interval contains ``[a, b]``.  Exact (Python ints).
    """
    xs = [check_int(f"xs[{i}]", x) for i, x in enumerate(check_sequence("xs", xs, max_len=24))]
    e, a, b = check_int("e", e), check_int("a", a), check_int("b", b)

    def normalize(L):
        L = sorted((p for p in L if p[0] <= p[1]), key=lambda p: p[0])
        out = []
        for lo, hi in L:
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
        return out

    U = normalize([(-e, e)])
    for x in reversed(xs):
        U = normalize(U + [(lo + x, hi + x) for lo, hi in U])
    return b < a or any(lo <= a and b <= hi for lo, hi in U)


def decide_cover_both_directions(xs, eps, a, b) -> bool:
    """Claim ``rss-decide-cover`` on one instance: the project's exact decision equals the verified procedure.

    The exact rationals are scaled by their least common denominator and decided by
    :func:`interval_union_decision` (the mirror of the Coq ``decide_cover``, whose answer is proved
    to be "covers" in both directions); ``pybridge.rss.covers_exact`` must give the same answer.
    """
    from pybridge.rss import covers_exact

    xs = check_sequence("xs", xs, max_len=24)
    vals = [check_exact(k, v) for k, v in zip(("eps", "a", "b", *(f"xs[{i}]" for i in range(len(xs)))),
                                            (eps, a, b, *xs))]
    den = 1
    for v in vals:
        den = den * v.denominator // gcd(den, v.denominator)
    ints = [int(v * den) for v in vals]
    return interval_union_decision(ints[3:], ints[0], ints[1], ints[2]) == covers_exact(list(xs), eps, a, b)


def gaussian_rotation_invariant(x, y, t) -> bool:
    r"""Cited fact ``gaussian-rotation-invariant`` at one point and one rational rotation, exactly.

    The standard Gaussian density on :math:`\mathbb R^2`, :math:`(2\pi)^{-1}e^{-(x^2+y^2)/2}`, depends on
    :math:`x^2+y^2` only; the rotation with :math:`\cos=(1-t^2)/(1+t^2)`, :math:`\sin=2t/(1+t^2)` (every
    rotation but the half turn, for real ``t``; here ``t`` is rational) keeps :math:`x^2+y^2` exactly, so the
    density at the rotated point equals the density at :math:`(x, y)`.  A check of the textbook fact on
    instances, never its proof.
    """
    x, y, t = check_exact("x", x), check_exact("y", y), check_exact("t", t)
    c, s = (1 - t * t) / (1 + t * t), 2 * t / (1 + t * t)
    xr, yr = c * x - s * y, s * x + c * y
    return xr * xr + yr * yr == x * x + y * y


def theorem_a_probability_step_bound(n, eps) -> float:
    r"""Claim ``theorem-a-probability-step``: the bound :math:`\min(1, n\cdot 2\eta_\varepsilon/\pi)` in floats.

    :math:`\eta_\varepsilon = 2\arctan(2\varepsilon)`.  The Coq theorem bounds the probability that a network of
    ``n`` units has error below ``eps`` everywhere on the unit circle by :math:`n\cdot 2\eta_\varepsilon/\pi` (the
    union bound over the units' kink events, each of probability :math:`2\eta_\varepsilon/\pi` under the kink-angle
    law); the union bound dominates the exact value :math:`1-(1-2\eta_\varepsilon/\pi)^n` of ``theorem-a``.

    Raises
    ------
    InvalidArgument, InvalidType
        ``n`` not a positive integer, ``eps`` not in (0, 1/2).
    """
    import math

    from pybridge.validation import check_int, check_real

    n = check_int("n", n, min_value=1, max_value=10**12)
    eps = check_real("eps", eps, min_value=0.0, max_value=0.5, min_open=True, max_open=True)
    q = 2 * (2 * math.atan(2 * eps)) / math.pi  # one kink event, 2 eta_eps / pi
    return min(1.0, n * q)
