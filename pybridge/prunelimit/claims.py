"""Registry entries: the pruning-ratio limit of Zhang et al. and the conic geometry it rests on (issue 15).

Provenance.  ZHANG = Zhang, Zhang, Sun, Liu, arXiv 2306.05857 (NeurIPS 2024): we read the authors' code
(QiaozheZhang/Global-One-shot-Pruning, commit a8ef834: ``cal_rate.cal_gw``, ``utils.get_sparse_model``,
``utils.cal_loss``, ``density_plot.density_generate``; "READ (code)") and the repository README
(READ-2ND); not the paper's body.  ALMT = Amelunxen, Lotz, McCoy, Tropp, arXiv 1303.6672: abstract only
(READ-ABS); the circular-cone and l1 formulas agree with M. B. McCoy's reference code ``snow.m``
(READ (code), recorded as READ-2ND); Theorem I's a_eta and the l1 error bound are from memory (MEM).
Ratios are fractions REMOVED everywhere (the code's convention).
"""

from pybridge.claims import Claim, Source

__all__ = ["CLAIMS"]

_T = "property_tests/prunelimit/"

CLAIMS: list = []

CLAIMS.append(Claim(
    id="prunelimit-statdim-certified", uses=("const-statdim-circular",),
    statement="delta(R^D_+) = D/2 and delta(subspace of dim k) = k exactly; delta(Circ_D(a)) = D (int_0^a sin^(D-2) "
              "+ int_a^(a+pi/2) cos^2(t-a) sin^(D-2)) / int_0^pi sin^(D-2), with delta(Circ_D(a)) + "
              "delta(Circ_D(pi/2-a)) = D; for the l1 descent cone at an s-sparse point, D psi(s/D) = inf_tau J(tau) "
              "with J strictly convex, its minimiser enclosed where J' changes sign, and D psi - 2 sqrt(D/s) <= "
              "delta <= D psi.",
    latex=r"\delta(C)=\mathbb E\|\Pi_C g\|^2,\ \delta(\mathbb R^D_+)=\tfrac D2,\ "
          r"D\psi(s/D)=\inf_{\tau\ge0}\{s(1+\tau^2)+(D-s)\sqrt{2/\pi}\int_\tau^\infty(u-\tau)^2e^{-u^2/2}du\}",
    model="closed convex cones in R^D, g ~ N(0, I_D); l1 descent cone at (1,..,1,0,..,0) with s ones",
    source=Source("ALMT", "1303.6672", "statistical dimension; l1 and circular formulas as in "
                                       "McCoy's snow.m (READ (code)); error bound 2 sqrt(D/s) (Prop. 4.5, "
                                       "MEM)", "READ-2ND"),
    kind="constant",
    twin="pybridge.prunelimit.checks:statdim_certified_holds",
    tests=(_T + "test_statdim.py::test_exact_cones", _T + "test_statdim.py::test_circular_polar_identity",
           _T + "test_statdim.py::test_l1_minimiser_certified", _T + "test_statdim.py::test_l1_matches_snow_equation"),
    notes=("derivations in symbolic/constants/statdim.py (sympy), values in explicit mpmath contexts, "
           "enclosures by arb"),
))

CLAIMS.append(Claim(
    id="prunelimit-statdim-mc", uses=("prunelimit-statdim-certified",),
    statement="The Monte Carlo mean of ||Pi_C(g)||^2 over exact projections agrees with the closed forms: its "
              "1 - 1e-6 Student-t interval meets the certified interval of delta(C) for the orthant, a subspace, a "
              "circular cone and the l1 descent cone.",
    latex=r"\bar X_n\pm t_{n-1,1-5\cdot10^{-7}}\,s/\sqrt n\ \cap\ [\delta_-,\delta_+]\ne\emptyset",
    model="g ~ N(0, I_D), D in {50, 100, 200}; cones as in prunelimit-statdim-certified",
    source=Source("ALMT", "1303.6672", "definition of the statistical dimension (abstract, "
                                       "READ-ABS)", "READ-2ND"),
    kind="empirical",
    twin="pybridge.prunelimit.checks:statdim_mc_agrees",
    tests=(_T + "test_projections.py::test_mc_agrees_with_closed_forms",
           _T + "test_projections.py::test_projections_are_projections"),
))

CLAIMS.append(Claim(
    id="prunelimit-kinematic", uses=("prunelimit-statdim-certified", "const-almt-window"),
    statement="For a uniformly random subspace L of dimension m in R^D and a_eta = sqrt(8 log(4/eta)): "
              "m <= D - delta(C) - a_eta sqrt(D) implies Pr[L meets C] <= eta, and m >= D - delta(C) + a_eta sqrt(D) "
              "implies Pr >= 1 - eta (ALMT Theorem I with one cone a subspace).",
    latex=r"m\le D-\delta(C)-a_\eta\sqrt D\Rightarrow\Pr[L\cap C\ne\{0\}]\le\eta;\ "
          r"m\ge D-\delta(C)+a_\eta\sqrt D\Rightarrow\Pr\ge1-\eta",
    model="circular (D = 50..400), orthant, subspace and l1 descent cones (D = 50); eta in {1/2, 1/10, 1/100}",
    source=Source("ALMT", "1303.6672", "Theorem I (approximate kinematic formula), as given in issue "
                                       "15 (MEM)", "MEM"),
    kind="probabilistic",
    twin="pybridge.prunelimit.checks:kinematic_bounds_hold",
    tests=(_T + "test_kinematic.py::test_exact_probabilities_obey_theorem_i",
           _T + "test_kinematic.py::test_decisions_match_exact_probabilities"),
))

CLAIMS.append(Claim(
    id="prunelimit-quadratic-truth",
    statement="For L(w) = (1/2)(w - w0)' H (w - w0) the largest removable count with L <= eps is computed exactly "
              "(diagonal H: sorted costs; D <= 20: exhaustive over supports via the Schur complement) and bracketed "
              "beyond (greedy backward elimination <= truth <= the diag(s) <= H relaxation).",
    latex=r"k^*=\max\{|Z|:\tfrac12w_{0,Z}^\top((H^{-1})_{ZZ})^{-1}w_{0,Z}\le\varepsilon\}",
    model="H = Q diag(lambda) Q' (flat, power-law, spiked spectra; Q Haar or identity), w0 Gaussian or heavy-tailed",
    source=Source("CODE", None, "pybridge/prunelimit/quadratic.py (our derivation)", "RECON"),
    kind="algorithmic",
    twin="pybridge.prunelimit.checks:quadratic_truth_consistent",
    tests=(_T + "test_quadratic.py::test_exhaustive_equals_diagonal_on_diagonal_h",
           _T + "test_quadratic.py::test_bounds_bracket_exhaustive"),
))

CLAIMS.append(Claim(
    id="prunelimit-code-prediction", uses=("prunelimit-quadratic-truth",),
    statement="The authors' predicted pruning ratio (fraction removed) rho_hat = max{k/D : k/D <= (1/D) sum_i "
              "1/(1 + R_k^2 |lambda_i| / (2 eps))}, R_k the L2 distance to the k-smallest-magnitude-pruned weights, "
              "compared with the exact limit of quadratic losses; we report its errors, not a bound.",
    latex=r"\hat\rho(R)=\frac1D\sum_i\frac1{1+R^2|\lambda_i|/(2\varepsilon)},\quad k^*=\max\{k:k/D\le\hat\rho(R_k)\}",
    model="quadratic losses as in prunelimit-quadratic-truth; fraction removed",
    source=Source("ZHANG", "2306.05857", "authors' code a8ef834 cal_rate.cal_gw / cal_sparse_rate "
                                         "(READ (code)); threshold = normalised squared Gaussian width "
                                         "(README, READ-2ND)", "READ"),
    kind="empirical",
    twin="pybridge.prunelimit.checks:prediction_table",
    tests=(_T + "test_prediction.py::test_code_ratio_matches_cal_gw_form",
           _T + "test_prediction.py::test_prediction_is_the_crossing"),
    notes="tag READ refers to the authors' code, not to the paper's body (not read)",
))

CLAIMS.append(Claim(
    id="prunelimit-mlp", uses=("prunelimit-code-prediction",),
    statement="On a tanh MLP trained on scikit-learn's digits, the code's prediction (exact Hessian spectrum; "
              "SLQ with the code's smoothing) is compared with the largest fraction global magnitude pruning "
              "removes before the loss rises by eps = std of per-batch losses.",
    latex=r"\hat\rho_{\mathrm{exact}},\ \hat\rho_{\mathrm{SLQ}}\ \text{vs}\ \max\{k/D: L(\theta^{(k)})-L(\theta)\le\varepsilon\}",
    model="64-h-10 tanh MLP, cross-entropy + 1e-3/2 ||theta||^2, L-BFGS; Hessian by central differences (step 1e-5)",
    source=Source("ZHANG", "2306.05857", "authors' code a8ef834 (READ (code)): eps from "
                                         "utils.cal_loss, SLQ density", "READ"),
    kind="empirical",
    twin="pybridge.prunelimit.mlp:run_mlp",
    tests=(_T + "test_mlp.py::test_mlp_hessian_and_prediction",),
))
