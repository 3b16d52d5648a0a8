"""Property tests of the exact coverage decision, certificates and the RSS estimator (issue 2).

Claims: rss-gap-certificate, rss-counting-bound, rss-subset-sum-monotone,
rss-subset-sum-recursion, rss-certificate-sound.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import dyadic_radii, dyadic_samples, intervals, radii, samples, seeds

from pybridge.rss.certificate import build_certificate, verify_certificate
from pybridge.rss.decide import covers, decide_cover
from pybridge.errors import InvalidArgument, PrunegapError
from pybridge.rss.montecarlo import coverage_times, estimate_cover_probability
from pybridge.rss import subset_sums
from pybridge.rss.twins import counting_bound, monotone_in_eps, monotone_in_samples


def brute_force_covers(xs, eps, a, b) -> bool:
    """All 2^n sums exactly, sorted; the union of [s - eps, s + eps] must contain [a, b]."""
    e, a, b = Fraction(eps), Fraction(a), Fraction(b)
    q = [Fraction(x) for x in xs]
    sums = sorted({sum((x for x, bit in zip(q, bits) if bit), Fraction(0))
                   for bits in itertools.product((0, 1), repeat=len(q))})
    reach = a
    for s in sums:
        if s - e > reach:
            return False
        reach = max(reach, s + e)
        if reach >= b:
            return True
    return reach >= b


@given(samples(max_size=12), radii(max_value=0.4), intervals())
def test_decision_equals_brute_force(xs, eps, interval):
    a, b = interval
    expected = brute_force_covers(xs, eps, a, b)
    assert decide_cover(xs, eps, interval=interval, exact=True).covered == expected
    assert decide_cover(xs, eps, interval=interval).covered == expected


@given(dyadic_samples(max_size=10), dyadic_radii(), st.sampled_from([(-1.0, 1.0), (0.0, 1.0), (-0.5, 0.5)]))
def test_float_mode_equals_exact_mode_with_ties(xs, eps, interval):
    """Dyadic samples and radii make gaps of exactly 2*eps (and touching endpoints) common."""
    f = decide_cover(xs, eps, interval=interval)
    e = decide_cover(xs, eps, interval=interval, exact=True)
    assert f.covered == e.covered == brute_force_covers(xs, eps, *interval)


def test_exact_two_eps_gap_is_covered_and_wider_is_not():
    # sums {0, 1/4, 1/2, 3/4}: gaps exactly 1/4 = 2*eps with eps = 1/8
    xs = [0.25, 0.5]
    for exact in (False, True):
        assert decide_cover(xs, 0.125, interval=(-0.125, 0.875), exact=exact).covered
        assert not decide_cover(xs, 0.125 - 2**-40, interval=(-0.125 + 2**-40, 0.875 - 2**-40), exact=exact).covered


@given(samples(min_size=8, max_size=16), radii(min_value=1e-4, max_value=0.05), seeds())
def test_float_mode_equals_exact_mode_random(xs, eps, seed):
    f = decide_cover(xs, eps)
    e = decide_cover(xs, eps, exact=True)
    assert f.covered == e.covered


@given(samples(max_size=12), radii(), seeds())
def test_permutation_invariance(xs, eps, seed):
    perm = np.random.default_rng(seed).permutation(len(xs))
    assert covers(xs, eps) == covers([xs[i] for i in perm], eps)


@given(samples(min_size=1, max_size=12), radii(), st.integers(0, 11), intervals(bound=1.5))
def test_sign_flip_equals_shift(xs, eps, i, interval):
    """covers(xs with x replaced by -x, [a, b]) = covers(xs, [a + x, b + x]), exactly."""
    i = i % len(xs)
    x = xs[i]
    flipped = list(xs)
    flipped[i] = -x
    a, b = interval
    lhs = decide_cover(flipped, eps, interval=(a, b), exact=True).covered
    rhs = decide_cover([Fraction(v) for v in xs], Fraction(eps),
                       interval=(Fraction(a) + Fraction(x), Fraction(b) + Fraction(x)), exact=True).covered
    assert lhs == rhs


@given(samples(max_size=10), radii(max_value=0.3))
def test_certificates_replay_exactly(xs, eps):
    res = decide_cover(xs, eps, exact=True, certificate=True)
    if not res.covered:
        assert res.certificate is None
        with pytest.raises(InvalidArgument):
            build_certificate(xs, eps)
        return
    cert = res.certificate
    assert verify_certificate(cert)
    sums = list(cert.sums)
    assert sums[0] <= cert.a + cert.eps and sums[-1] >= cert.b - cert.eps
    assert all(t - s <= 2 * cert.eps for s, t in zip(sums, sums[1:]))
    # tampering with one mask breaks replay unless the sum is unchanged
    if len(cert.masks) > 1 and len(xs) > 0:
        bad = list(cert.masks)
        bad[0] ^= 1
        tampered = type(cert)(cert.xs, cert.eps, cert.a, cert.b, tuple(bad), cert.sums)
        if cert.xs[0] != 0:
            assert not verify_certificate(tampered)


@given(samples(max_size=14), radii(min_value=1e-5, max_value=0.2))
def test_counting_bound_no_cover(xs, eps):
    assert counting_bound(xs, eps)


@given(st.sampled_from(["uniform", "normal", "product", "pensia"]), st.sampled_from([1e-2, 1e-3, 1e-5]), seeds())
@settings(max_examples=12)
def test_estimator_zero_below_counting_bound(dist, eps, seed):
    n = int(np.floor(np.log2(2 / (2 * eps))))
    while (2**n) * 2 * eps >= 2:
        n -= 1
    est = estimate_cover_probability(n, eps, dist=dist, trials=40, seed=seed)
    assert est.estimate.successes == 0  # a fact, not a small estimate


@given(samples(max_size=12), st.floats(-1, 1, allow_nan=False), radii(max_value=0.3))
def test_monotone_in_samples(xs, x, eps):
    assert monotone_in_samples(xs, x, eps)


@given(samples(max_size=12), radii(max_value=0.2), st.floats(1.0, 4.0))
def test_monotone_in_eps(xs, eps, factor):
    assert monotone_in_eps(xs, eps, eps * factor)


@given(dyadic_samples(max_size=9))
def test_subset_sum_recursion(xs):
    """Claim ``rss-subset-sum-recursion`` on the project's enumeration :func:`pybridge.rss.subset_sums` (issue 10
    §3: no longer the twin against itself).  Dyadic samples make every float sum exact, so the multisets compare
    exactly: SS(x :: xs) = SS(xs) ++ (x + SS(xs)), |SS| = 2^n, and entry ``mask`` is the sum its bits select
    (itertools)."""
    full = subset_sums(xs).tolist()
    assert len(full) == 2 ** len(xs)
    if not xs:
        assert full == [0.0]
        return
    rest = subset_sums(xs[1:]).tolist()
    assert sorted(full) == sorted(rest + [xs[0] + s for s in rest])
    for k in range(len(xs) + 1):
        for idx in itertools.combinations(range(len(xs)), k):
            assert full[sum(1 << i for i in idx)] == sum(Fraction(xs[i]) for i in idx)


def test_results_do_not_depend_on_workers():
    a = estimate_cover_probability(18, 1e-3, trials=300, seed=123, workers=1)
    b = estimate_cover_probability(18, 1e-3, trials=300, seed=123, workers=2)
    assert a.estimate == b.estimate
    ta = coverage_times(1e-2, n_max=30, trials=130, seed=7, workers=1)
    tb = coverage_times(1e-2, n_max=30, trials=130, seed=7, workers=2)
    assert np.array_equal(ta.times, tb.times)


def test_coverage_times_agree_with_direct_decisions():
    ct = coverage_times(1e-2, n_max=30, trials=70, seed=11)
    # replay: the first covering prefix covers, the one before does not
    from pybridge.rss.laws import get_law
    from pybridge.runtime import seeding

    root = np.random.SeedSequence(11)
    rng = seeding.child_rng(root, seeding.AUX, 0)
    law = get_law("uniform")
    for t in range(64):
        xs = law.sample(rng, 30)
        first = ct.times[t]
        if first <= 30:
            assert covers(xs[:first], 1e-2)
            assert not covers(xs[: first - 1], 1e-2)
        else:
            assert not covers(xs, 1e-2)


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        (dict(n=5, eps=0.0), "eps"),
        (dict(n=5, eps=float("nan")), "eps"),
        (dict(n=5, eps=float("inf")), "eps"),
        (dict(n=-1, eps=0.1), "n"),
        (dict(n=5, eps=0.1, trials=0), "trials"),
        (dict(n=5, eps=0.1, dist="cauchy"), "dist"),
        (dict(n=5, eps=0.1, interval=(1.0, 1.0)), "a < b"),
        (dict(n=5, eps=0.1, interval=(2.0, 1.0)), "a < b"),
    ],
)
def test_bad_input_raises_one_line_value_error(kwargs, fragment):
    with pytest.raises(PrunegapError) as info:
        estimate_cover_probability(**kwargs)
    assert isinstance(info.value, (ValueError, TypeError))
    assert fragment in str(info.value) and "\n" not in str(info.value)


def test_nan_sample_rejected():
    with pytest.raises(InvalidArgument, match=r"xs\[1\]"):
        decide_cover([0.1, float("nan")], 0.1)
    with pytest.raises(InvalidArgument, match="eps"):
        decide_cover([0.1], -0.1)


@pytest.mark.parametrize(
    "argv",
    [
        ["rss", "--n", "5", "--eps", "-1"],
        ["rss", "--n", "5", "--eps", "nan"],
        ["rss", "--n", "-2", "--eps", "0.1"],
        ["rss", "--n", "5", "--eps", "0.1", "--dist", "nope"],
        ["rss", "--n", "5", "--eps", "0.1", "--interval", "1", "0"],
        ["rss", "--n", "5", "--eps", "0.1", "--trials", "0"],
        ["rss", "--n", "five", "--eps", "0.1"],
        ["check", "--workers", "0"],
    ],
)
def test_cli_bad_input_exit_2_one_line(argv):
    proc = subprocess.run([sys.executable, "-m", "pybridge.cli", *argv], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "error" in lines[0] and "Traceback" not in proc.stderr


def test_cli_accepts_negative_scientific_interval_and_names_flags():
    proc = subprocess.run([sys.executable, "-m", "pybridge.cli", "rss", "--n", "8", "--eps", "0.05", "--interval",
                           "-1e-1", "2.5e-1", "--trials", "20", "--seed", "1", "--json"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([sys.executable, "-m", "pybridge.cli", "rss", "--n", "8", "--eps", "0.05", "--interval",
                           "-inf", "1"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "--interval" in proc.stderr


def test_exact_inputs_are_never_rounded_in_float_mode():
    from fractions import Fraction as F

    assert decide_cover([F(1, 3)], F(1, 6), interval=(0, F(1, 2))).covered  # 1/3 - 1/6 = 1/6 exactly
    res = decide_cover([F(1, 10)], F(1, 20), interval=(0, F(3, 20)), certificate=True)
    assert res.covered and verify_certificate(res.certificate)


def test_overflowing_magnitudes_do_not_crash_the_kernel():
    res = decide_cover([1.0, -1.7976931348622908e308], 1e294, interval=(0.0, 1.5e294))
    assert res.covered == decide_cover([1.0, -1.7976931348622908e308], 1e294, interval=(0.0, 1.5e294),
                                       exact=True).covered


def test_exact_ties_at_scale_fall_back_instead_of_exhausting_memory():
    n = 26  # all 2^26 subset sums distinct and exactly 2 eps apart
    xs = [2.0**-k for k in range(1, n + 1)]
    assert decide_cover(xs, 2.0 ** -(n + 1), interval=(0.0, 1 - 2.0**-n)).covered


def test_verify_certificate_uses_exact_arithmetic_for_float_fields():
    from fractions import Fraction as F

    from pybridge.rss.certificate import Certificate

    sums = (F(10**16), F(10**16) + 4)  # 1e16 + 3.0 rounds to 1e16 + 4 in floats
    bad = Certificate((1e16, 3.0), F(2), F(10**16), F(10**16) + F(11, 2), (1, 3), sums)
    assert not verify_certificate(bad)


def test_cli_rss_json_fields():
    import json

    proc = subprocess.run([sys.executable, "-m", "pybridge.cli", "rss", "--n", "12", "--eps", "0.05", "--trials",
                           "100", "--seed", "5", "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    for key in ("n", "eps", "interval", "dist", "trials", "successes", "ci_low", "ci_high", "confidence",
                "seed_entropy"):
        assert key in d
    assert d["ci_low"] <= d["successes"] / d["trials"] <= d["ci_high"]
