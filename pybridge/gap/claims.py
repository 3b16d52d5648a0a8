"""Registry entries: the pruning gap (issue 3 claims, theory §3).

Every statement here is our reconstruction (tag RECON): the body of arXiv 2603.02234 is
not available, and none of these statements is presented as the paper's.  Each entry
names its model explicitly (theory §3.2): model M0/M1, law G/U, dimension, target,
domain the unit ball B^d, sup norm.

Collected by :mod:`pybridge.domains` (no module imports the registry back).
"""

from pybridge.claims import Claim, Source

__all__ = ["CLAIMS"]

#: this domain's claims, in report order
CLAIMS: list = []

_T = "property_tests/gap/"
_M = "domain the unit ball B^d, sup norm; f*(x) = relu(<w*, x>), ||w*|| = 1"

CLAIMS.append(Claim(
    id="gap-ordering",
    uses=("theorem-a-core",),
    statement="For every network of model M0, (1/2) tan(eta_min/2) <= the RF optimum <= the error of the best "
              "neuron-pruned subnetwork (eta_min: smallest angle between a projected hidden weight and w*).",
    latex=r"\tfrac12\tan\tfrac{\eta_{\min}}2\le\inf_{c\in\mathbb R^n}\mathcal E\Big(\sum_ic_i\sigma(\langle u_i,"
          r"\cdot\rangle)\Big)\le\min_{S}\mathcal E(g_S)",
    model="M0, any weights (laws G and U checked), d >= 2 restricted to the plane span{w*, e}; " + _M,
    source=Source("THEORY", None, "§3.4 K2-K3, §3.6 Theorem A proof steps 2-4", "RECON"),
    kind="lemma",
    twin="pybridge.gap.checks:gap_ordering_holds",
    tests=(_T + "test_ordering.py::test_certificate_le_rf_le_neuron_pruned",
           _T + "test_ordering.py::test_k2_holds_for_arbitrary_coefficients",
           _T + "test_ordering.py::test_masked_feature_rf_respects_its_certificate"),
))

CLAIMS.append(Claim(
    id="theorem-a-probability-step",
    uses=("theorem-a-core", "const-eta-eps"),
    statement="For eps in (0, 1/2) and any probability measure P under which each of the n units' kink angles is "
              "measurable with P[angle < t] = 2t/pi for t in (0, pi/2), the event 'the error is below eps at every "
              "point of the unit circle' lies in a measurable event of probability <= n 2 eta_eps / pi, "
              "eta_eps = 2 arctan(2 eps) (the union-bound form of Theorem A, with the kink-angle law as hypothesis).",
    latex=r"\Pr\big[\sup_{\|x\|=1}|g(x)-\sigma(\langle w^*,x\rangle)|<\varepsilon\big]\le n\cdot\tfrac{2\eta_\varepsilon}\pi",
    model="any measurable space with a probability measure P; a random network of n bias-free ReLU units in the "
          "plane whose kink angles satisfy the kink-angle law (a hypothesis); eps in (0, 1/2)",
    source=Source("THEORY", None, "§3.6 Theorem A proof, step 6 (union bound)", "RECON"),
    kind="probabilistic",
    coq="PrunegapProb.ThmAProb.theorem_a_probability_step",
    notes="Coq (coq/prob/ThmAProb.v, mathcomp-analysis 0.6.0): proved with Boole's inequality from theorem_a_core "
          "(Prunegap.KinkAngle.small_error_near_kink); eta_eps is linked to K2 in Prunegap.KinkAngle.eta_eps_link; "
          "the hypotheses are satisfiable for every n (PrunegapProb.ThmAProb.theorem_a_probability_step_nonvacuous: "
          "uniform law as scaled restricted Lebesgue measure). The exact value 1 - (1 - 2 eta_eps/pi)^n needs "
          "independence and is not formal: theorem-a itself is not proved in Coq.",
    twin="pybridge.formal.twins:theorem_a_probability_step_bound",
    tests=("property_tests/formal/test_twins.py::test_theorem_a_probability_step_bound_dominates_theorem_a",
           "property_tests/formal/test_prob_pins.py::test_weakened_bound_is_a_statement_mismatch"),
))

CLAIMS.append(Claim(
    id="theorem-a",
    uses=("theorem-a-core", "kink-arc-three-point", "kink-angle-law", "theorem-a-union-bound",
          "theorem-a-probability-step", "const-eta-eps"),
    statement="Pr[some c in R^n has sup error < eps] <= 1 - (1 - 2 eta_eps/pi)^n <= 8 n eps / pi with "
              "eta_eps = 2 arctan(2 eps); hence for every neuron-pruned subnetwork; n_1/2(eps) = ln 2 / -ln(1 - q).",
    latex=r"\Pr\big[\exists c:\mathcal E<\varepsilon\big]\le1-\big(1-\tfrac{2\eta_\varepsilon}\pi\big)^n,"
          r"\ \eta_\varepsilon=2\arctan2\varepsilon",
    model="M0, law G (rotation-invariant in span{w*, e}), any output weights, d >= 2, eps in (0, 1/2); " + _M,
    source=Source("THEORY", None, "§3.6 Theorem A and corollaries", "RECON"),
    kind="probabilistic",
    twin="pybridge.gap.bounds:theorem_a_bound",
    tests=(_T + "test_montecarlo.py::test_rf_and_neuron_frequencies_sit_below_theorem_a",
           _T + "test_bounds.py::test_theorem_a_bound_is_below_its_union_bounds",
           _T + "test_bounds.py::test_n_half_table_of_theory"),
))

CLAIMS.append(Claim(
    id="theorem-a-line-uniform",
    uses=("kink-line-three-point", "kink-free-affine", "const-line-q-uniform"),
    statement="Law U with w* = e1: Pr[RF error < eps] <= 1 - (1 - q)^n with q = 2 eps / s0, "
              "s0 = sqrt(1 - 16 eps^2) (Lemma K1 on a segment of length 8 eps).",
    latex=r"\Pr[\exists c:\mathcal E<\varepsilon]\le1-(1-q)^n,\ q=2\varepsilon/\sqrt{1-16\varepsilon^2}",
    model="M0, law U, w* = e1, d >= 2; " + _M,
    source=Source("THEORY", None, "§3.6 corollary 'line variant', §3.5 (U) kink law", "RECON"),
    kind="probabilistic",
    twin="pybridge.gap.bounds:line_variant_bound",
    tests=(_T + "test_montecarlo.py::test_uniform_law_frequency_sits_below_the_line_variant",
           _T + "test_bounds.py::test_line_variant_values"),
))

CLAIMS.append(Claim(
    id="kink-angle-law",
    statement="For a law rotation-invariant in the plane, the angles eta_i between R Pu_i and R w* are "
              "i.i.d. Uniform[0, pi/2].",
    latex=r"\eta_i\sim\mathrm{Unif}[0,\pi/2],\ \Pr(\min_i\eta_i>\eta)=(1-2\eta/\pi)^n",
    model="hidden weights of law G, d >= 2, any unit w*",
    source=Source("THEORY", None, "§3.5", "RECON"),
    kind="probabilistic",
    twin="pybridge.gap.bounds:kink_angles",
    tests=(_T + "test_bounds.py::test_kink_angles_and_certificate",
           _T + "test_montecarlo.py::test_quick_gap_section_holds_and_draws_its_figure"),
))

CLAIMS.append(Claim(
    id="expected-optimal-error",
    uses=("theorem-a-core", "kink-angle-law", "const-expected-eta-min"),
    statement="E[RF optimum] >= E[(1/2) tan(eta_min/2)] >= E[eta_min]/4 = pi / (8 (n + 1)).",
    latex=r"\mathbb E\inf_c\mathcal E\ge\frac{\pi}{8(n+1)}",
    model="M0, law G, d >= 2; " + _M,
    source=Source("THEORY", None, "§3.6 corollary 'expected best error'", "RECON"),
    kind="probabilistic",
    twin="pybridge.gap.bounds:expected_error_lower",
    tests=(_T + "test_bounds.py::test_theorem_a_prime_and_expected_error",
           _T + "test_montecarlo.py::test_quick_gap_section_holds_and_draws_its_figure"),
))

CLAIMS.append(Claim(
    id="d1-no-gap",
    uses=("b0-positive-homogeneity", "rss-log-sample-size"),
    statement="For d = 1 neuron pruning is random subset sum on {v_i u_i}: O(log 1/eps) units suffice, so "
              "there is no gap; Theorem A needs d >= 2.",
    latex=r"d=1:\ \mathcal E(g_S)=\big|\textstyle\sum_{i\in S,\,u_iw^*>0}v_i|u_i|-1\big|",
    model="M0 and M1, laws G and U, d = 1 (B^1 = [-1, 1])",
    source=Source("THEORY", None, "§3.6 corollary 'd = 1 is degenerate'", "RECON"),
    kind="probabilistic",
    twin="pybridge.gap.neuron_pruning:best_neuron_subset_line",
    tests=(_T + "test_montecarlo.py::test_d1_neuron_pruning_beats_the_two_dimensional_bound",),
))

CLAIMS.append(Claim(
    id="weight-pruning-b0",
    uses=("b0-positive-homogeneity", "rss-log-sample-size", "const-pensia-uniform-weight",
          "const-gauss-product-weight"),
    statement="Construction B0: masking kept units to coordinate 1 gives error exactly |Sigma_S - 1|, and "
              "O(log 1/eps) hidden units reach error <= eps for an axis target.",
    latex=r"\mathcal E=\big|\textstyle\sum_{i\in S}v_iu_{i1}-1\big|,\ n=O(\log\tfrac1\varepsilon)",
    model="M0, laws U (theory) and G, w* = e1, any d; " + _M,
    source=Source("THEORY", None, "§3.8 B0 (assembled from Pensia et al. 2020 Cor. 1-2, READ-2ND)", "RECON"),
    kind="empirical",
    twin="pybridge.gap.weight_pruning:prune_b0",
    tests=(_T + "test_weight.py::test_b0_error_is_exact",
           _T + "test_weight.py::test_b0_all_scalings_implies_every_scaling_is_reached",
           _T + "test_montecarlo.py::test_quick_gap_section_holds_and_draws_its_figure"),
))

CLAIMS.append(Claim(
    id="weight-pruning-b1",
    uses=("b0-positive-homogeneity", "relu-odd-part", "rss-log-sample-size", "const-pensia-uniform-weight",
          "const-gauss-product-weight"),
    statement="Construction B1: d blocks with per-coordinate subset sums give sup error <= "
              "(sum_j max(|delta+_j|, |delta-_j|)^2)^(1/2) <= eps' sqrt(d); O(d log(d/eps)) hidden units suffice.",
    latex=r"\mathcal E(\sigma\circ h)\le\Big(\sum_j\max(|\delta^+_j|,|\delta^-_j|)^2\Big)^{1/2},"
          r"\ n=O(d\log\tfrac d\varepsilon)",
    model="M1, laws U (theory) and G, any unit w*, any d; " + _M,
    source=Source("THEORY", None, "§3.8 B1 (assembled from Pensia et al. 2020 Lemma 2, READ-2ND)", "RECON"),
    kind="empirical",
    twin="pybridge.gap.weight_pruning:prune_b1",
    tests=(_T + "test_weight.py::test_b1_certified_bound_dominates_the_error",
           _T + "test_weight.py::test_certified_sqrt_is_an_upper_bound",
           _T + "test_montecarlo.py::test_quick_gap_section_holds_and_draws_its_figure"),
))

CLAIMS.append(Claim(
    id="m0-diagonal-caveat",
    uses=("theorem-a-core", "kink-angle-law", "const-eta-eps"),
    statement="In M0 every weight-pruned network lies in the RF span of the masked features {u_i, (u_i1, 0), "
              "(0, u_i2)}; for a diagonal target it obeys the neuron-pruning bound (Omega(1/eps)), while an axis "
              "target is represented exactly whenever some u_i1 > 0 (probability 1 - 2^-n under law G; when every "
              "u_i1 <= 0 all features vanish at x = e1 and the RF optimum is at least 1).",
    latex=r"\Pr[\exists\text{ weight pruning}:\mathcal E<\varepsilon]\le1-\big(1-\tfrac{2\eta_\varepsilon}\pi\big)^n"
          r"\ (\arctan\gamma\ge\eta_\varepsilon)",
    model="M0, law G, d = 2, w* = (1,1)/sqrt2 (and e1 for contrast); " + _M,
    source=Source("THEORY", None, "§3.9", "RECON"),
    kind="probabilistic",
    twin="pybridge.gap.trial:masked_features",
    tests=(_T + "test_ordering.py::test_masked_feature_rf_respects_its_certificate",
           _T + "test_montecarlo.py::test_quick_gap_section_holds_and_draws_its_figure"),
))
