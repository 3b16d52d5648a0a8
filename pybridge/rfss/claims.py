"""Registry entries: random fixed-size subset sum (issue 13 §1–2; RFSS, theory §2).

RFSS = Natale, Ferre', Giambartolomei, Giroire, Mallmann-Trenn, *On the Sparsity of the Strong
Lottery Ticket Hypothesis*, NeurIPS 2024, arXiv 2410.14754.  Its statements are READ from a
full-text conversion (not the official PDF; the arXiv version read is not recorded; the copy has
editorial oddities, theory §0) — check them against the official PDF.
"""

from pybridge.claims import ANY_REALS, Claim, Source

__all__ = ["CLAIMS"]

_T = "property_tests/rfss/"
_MODEL = ("RFSS: X_1..X_n i.i.d. from the stated law (uniform = Uniform[-1,1]; mixture = 1/2 Uniform[-1,1] + "
          "1/2 N(0,1)), subsets of exactly k samples, target interval [-sqrt k, sqrt k] (exact ends), radius eps")

CLAIMS: list = []

CLAIMS.append(Claim(
    id="rfss-counting-bound", coq="Prunegap.FixedSize.fixed_size_counting_bound",
    lean="Prunegap.fixedSize_counting_bound", lean_status="proof-written",
    statement="If C(n, k) * 2*eps < b - a, no n reals eps-cover [a, b] by sums of exactly k of them; so the "
              "fixed-size estimator returns exactly 0 successes, for every law.",
    latex=r"(\forall z\in[a,b]\ \exists |S|=k:|\Sigma_S-z|\le\varepsilon)\Rightarrow b-a\le\binom nk\cdot2\varepsilon",
    model=ANY_REALS + "; subsets of size exactly k; Monte Carlo: laws uniform and mixture",
    source=Source("THEORY", None, "§1.6 counting lower bound, k-subset version (issue 13 §1)", "RECON"),
    kind="lemma",
    twin="pybridge.rfss.twins:counting_bound_fixed",
    tests=(_T + "test_decide.py::test_counting_bound_no_cover",
           _T + "test_montecarlo.py::test_estimator_zero_below_counting_bound"),
))

CLAIMS.append(Claim(
    id="rfss-decision-exact", uses=("rss-gap-certificate",),
    statement="The fixed-size decision (interval-union recursion indexed by subset size, with reachability "
              "windows and early exits) equals brute force over all k-subsets; the float kernel with its sound "
              "margin returns the exact answer (near-ties fall back to exact integers); certificates of witness "
              "k-subsets replay exactly.",
    latex=r"U_j^{(c)}=U_{j-1}^{(c)}\cup(U_{j-1}^{(c-1)}+x_j),\ U_n^{(k)}=\{z:\exists|S|=k,|\Sigma_S-z|\le\varepsilon\}",
    model=ANY_REALS + "; subsets of size exactly k; targets [a, b] or [-sqrt k, sqrt k]",
    source=Source("ISSUES", None, "issue 13 §1 (algorithm); gap criterion theory §5.3 L3", "RECON"),
    kind="algorithmic",
    twin="pybridge.rfss.twins:decision_matches_brute_force",
    tests=(_T + "test_decide.py::test_decision_equals_brute_force",
           _T + "test_decide.py::test_float_equals_exact_dyadic_ties",
           _T + "test_decide.py::test_certificates_replay_exactly"),
))

CLAIMS.append(Claim(
    id="rfss-theorem2-fixed-target", uses=("rfss-decision-exact",),
    statement="RFSS Theorem 2: for 0 < eps < 1, c_hyp >= 1, 1 <= k <= n/2 and a sum-bounded law, if "
              "n >= c_hyp log2(k/eps)/H2(k/n) then every fixed z in [-sqrt k, sqrt k] has "
              "Pr[exists |S| = k: |Sigma_S - z| < eps] >= c_thm (a constant). Checked empirically at the "
              "threshold (c_hyp = 1) for Uniform[-1,1] over a grid of z, k and eps: an empirical c_thm with a "
              "simultaneous Clopper-Pearson lower bound.",
    latex=r"n\ge c_{hyp}\frac{\log_2(k/\varepsilon)}{H_2(k/n)}\Rightarrow\Pr(\exists|S|=k:|\Sigma_S-z|<\varepsilon)\ge c_{thm}",
    model=_MODEL + "; single fixed target z, strict inequality",
    source=Source("RFSS", "2410.14754", "Theorem 2 (theory §2)", "READ"),
    kind="empirical",
    twin="pybridge.rfss.montecarlo:estimate_fixed_probability",
    tests=(_T + "test_montecarlo.py::test_theorem2_threshold_exact", _T + "test_montecarlo.py::test_single_target_estimate"),
))

CLAIMS.append(Claim(
    id="rfss-corollary1-all-targets", uses=("rfss-decision-exact",),
    statement="RFSS Corollary 1: for weight-p Uniform[-1,1] mixtures, n >= c_amp log2^2(k/eps)/H2(k/n) gives "
              "Pr[every z in [-sqrt k, sqrt k] has |S| = k with |Sigma_S - z| < eps] >= 1 - eps. Checked "
              "empirically: the threshold n*_k(eps, delta) is fitted against log2(k/eps)/H2(k/n) and "
              "log2^2(k/eps)/H2(k/n); data cannot prove a bound, only say which growth it supports.",
    latex=r"n\ge c_{amp}\frac{\log_2^2(k/\varepsilon)}{H_2(k/n)}\Rightarrow\Pr(\forall z\in[-\sqrt k,\sqrt k]\,\exists|S|=k:|\Sigma_S-z|<\varepsilon)\ge1-\varepsilon",
    model=_MODEL + "; every target of the interval (closed inequality: equal events up to a null set)",
    source=Source("RFSS", "2410.14754", "Corollary 1 (theory §2)", "READ"),
    kind="empirical",
    twin="pybridge.rfss.montecarlo:fixed_coverage_times",
    tests=(_T + "test_montecarlo.py::test_coverage_times_coupled_and_worker_free",
           _T + "test_montecarlo.py::test_fit_forms_recover_planted_growth"),
))

CLAIMS.append(Claim(
    id="rfss-theorem5-counting-core", uses=("rfss-counting-bound",),
    statement="RFSS Theorem 5's one-dimensional counting core: covering [-sqrt k, sqrt k] with k-subset sums "
              "needs C(n, k) * 2 eps >= 2 sqrt k; that smallest n satisfies Theorem 5's d = 1 inequality "
              "n H2(k/n) >= (1/2) log2(k/eps) (checked exactly), and below it the estimator returns 0 successes.",
    latex=r"\binom nk 2\varepsilon\ge2\sqrt k\Rightarrow nH_2(k/n)\ge\tfrac12\log_2(k/\varepsilon)",
    model=_MODEL + "; d = 1 (scalar targets), every target of the interval",
    source=Source("RFSS", "2410.14754", "Theorem 5 (theory §2; READ); the d = 1 counting reduction "
                                        "is RECON", "RECON"),
    kind="lemma",
    twin="pybridge.rfss.twins:thm5_counting_core",
    tests=(_T + "test_montecarlo.py::test_thm5_counting_core",),
))
