"""Registry entries: random subset sum (issue 2 claims, theory §1 and §5.3)."""

from pybridge.claims import ANY_REALS, RSS_MODEL, Claim, Source

__all__ = ["CLAIMS"]

#: this domain's claims, in report order
CLAIMS: list = []

_T = "property_tests/rss/"

CLAIMS.append(Claim(
    id="rss-counting-bound", lean="Prunegap.counting_bound", lean_status="proof-written", coq="Prunegap.SubsetSum.counting_bound",
    uses=("rss-subset-sum-recursion",),
    statement="If 2^n * 2*eps < b - a, no n reals eps-cover [a, b] by subset sums; so the Monte Carlo "
              "estimator returns exactly 0 successes, for every law.",
    latex=r"(\forall z\in[a,b]\ \exists S:|\Sigma_S-z|\le\varepsilon)\Rightarrow b-a\le 2^n\cdot 2\varepsilon",
    model=ANY_REALS + "; Monte Carlo: every registered law",
    source=Source("THEORY", None, "§1.6 'Trivial counting lower bound' and §5.3 L5", "RECON"),
    kind="lemma",
    twin="pybridge.rss.twins:counting_bound",
    tests=(_T + "test_properties.py::test_counting_bound_no_cover",
           _T + "test_properties.py::test_estimator_zero_below_counting_bound"),
))

CLAIMS.append(Claim(
    id="rss-subset-sum-monotone", lean="Prunegap.subsetSums_monotone", lean_status="proof-written", coq="Prunegap.SubsetSum.subset_sums_monotone",
    uses=("rss-subset-sum-recursion",),
    statement="Adding a sample never removes a subset sum, so it never breaks an eps-cover; "
              "an eps-cover is an eps'-cover for every eps' >= eps.",
    latex=r"SS(xs)\subseteq SS(x::xs),\ SS(xs)\subseteq SS(xs\mathbin{+\!\!+}ys)",
    model=ANY_REALS,
    source=Source("THEORY", None, "§5.3 L2", "RECON"),
    kind="lemma",
    twin="pybridge.rss.twins:monotone_in_samples",
    tests=(_T + "test_properties.py::test_monotone_in_samples",
           _T + "test_properties.py::test_monotone_in_eps"),
))

CLAIMS.append(Claim(
    id="rss-subset-sum-recursion", lean="Prunegap.subsetSums_recursion", lean_status="proof-written", coq="Prunegap.SubsetSum.subset_sums_recursion",
    statement="SS([]) = [0] and SS(x :: xs) = SS(xs) ++ (x + SS(xs)); |SS(xs)| = 2^n.",
    latex=r"SS(x::xs)=SS(xs)\cup(x+SS(xs))",
    model=ANY_REALS,
    source=Source("THEORY", None, "§5.3 L2", "RECON"),
    kind="lemma",
    twin="pybridge.rss.twins:subset_sum_recursion",
    tests=(_T + "test_properties.py::test_subset_sum_recursion",),
))

CLAIMS.append(Claim(
    id="rss-gap-certificate", lean="Prunegap.covers_of_gap_certificate", lean_status="proof-written", coq="Prunegap.Certificate.gap_certificate_covers",
    statement="A sorted list with first element <= a + eps, last >= b - eps and consecutive gaps <= 2 eps "
              "eps-covers [a, b]; the coverage decision is exactly this criterion on the subset sums.",
    latex=r"s_1\le a+\varepsilon,\ s_m\ge b-\varepsilon,\ s_{j+1}-s_j\le2\varepsilon\Rightarrow"
          r"\forall z\in[a,b]\ \exists j:|s_j-z|\le\varepsilon",
    model=ANY_REALS,
    source=Source("THEORY", None, "§5.3 L3; tools §D (exact criterion)", "RECON"),
    kind="lemma",
    twin="pybridge.rss.twins:gap_certificate",
    tests=(_T + "test_properties.py::test_decision_equals_brute_force",
           _T + "test_properties.py::test_certificates_replay_exactly"),
))

CLAIMS.append(Claim(
    id="rss-grid", lean="Prunegap.covers_of_grid", lean_status="proof-written", coq="Prunegap.Certificate.grid_covers",
    statement="If every grid point a + j h (0 <= j <= N, a + N h >= b) is within eps' of the list, every "
              "z in [a, b] is within eps' + h/2 of it.",
    latex=r"\max_j d(a+jh,L)\le\varepsilon'\Rightarrow\max_{z\in[a,b]}d(z,L)\le\varepsilon'+h/2",
    model=ANY_REALS,
    source=Source("THEORY", None, "§5.3 L1", "RECON"),
    kind="lemma",
    twin="pybridge.formal.twins:grid_covers",
    tests=("property_tests/formal/test_twins.py::test_grid",),
))

CLAIMS.append(Claim(
    id="rss-log-sample-size",
    uses=("rss-gap-certificate", "rss-subset-sum-monotone"),
    statement="Logarithmic sample size: for X_i ~ Uniform[-1,1] (Lueker) or Pensia's D, "
              "n = O(log 1/eps) samples eps-cover the target interval with probability >= 1 - delta; "
              "checked empirically: the threshold n*(eps, delta) grows linearly in log2(1/eps).",
    latex=r"n^*(\varepsilon,\delta)\approx C\log_2(1/\varepsilon)+c_0",
    model=RSS_MODEL + "; laws uniform (targets [-1,1] and [-1/2,1/2]) and pensia ([-1,1])",
    source=Source("PEN", "2006.07990v2", "Cor. 2 with Lueker 1998 Cor. 2.5, theory §1.2-1.3 "
                                         "(READ-2ND); Lueker form kappa*(C) is RECON", "READ-2ND"),
    kind="empirical",
    twin="pybridge.rss.montecarlo:coverage_times",
    tests=(_T + "test_statistics.py::test_threshold_grows_logarithmically",),
))
