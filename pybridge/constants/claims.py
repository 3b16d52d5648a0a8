"""Registry entries: constants derived, evaluated and certified by ``symbolic`` (issue 4).

Each claim says "this constant has this exact closed form"; its twin,
:func:`symbolic.verify_constant`, re-derives the exact form, evaluates it at 50
digits, compares with an independent evaluation and checks that the value lies in
its certified rational interval.  Source and tag follow :mod:`symbolic.core.sources`.
"""

from pybridge.claims import Claim, Source

__all__ = ["CLAIMS"]

#: this domain's claims, in report order
CLAIMS: list = []

_C = "property_tests/constants/test_constants.py::"
_BASE = (_C + "test_value_agrees_with_independent_evaluation_to_50_digits",
         _C + "test_certified_interval_contains_value_and_high_precision_value")
_MODEL = "deterministic constant (no randomness); exact closed form, 50-digit value, certified rational interval"

#: claim id -> (primary constant name, statement, latex, source (with the claim's tag), extra tests)
_TABLE = {
    "const-lueker-kappa": (
        "lueker-kappa",
        "From (n/2 - C L)^2/(2n) >= L with L = ln(1/eps): n >= kappa*(C) ln(1/eps) suffices, with the closed form "
        "kappa*(C) = 2C + 4 + 4 sqrt(C + 1), which also implies the side condition eps >= exp(-n/(2C)).",
        r"\kappa^*(C)=2C+4+4\sqrt{C+1}",
        Source("LUE", None, "Cor. 2.5 (READ-2ND); closed form ours, theory §1.2", "RECON"),
        ("property_tests/constants/test_lueker.py::test_kappa_star_is_the_root_and_satisfies_the_side_condition",)),
    "const-xy-uniform-weight": (
        "xy-uniform-weight",
        "XY (X ~ U[0,1], Y ~ U[-1,1]) has density ln(1/|z|)/2 on |z| <= 1, so Law(XY) has a Uniform[-1/2, 1/2] "
        "component of weight ln(2)/2.",
        r"\tfrac12\ln 2", Source("PEN", "2006.07990v2", "Cor. 1 via RFSS Lemma 2, theory §1.3", "RECON"),
        ()),
    "const-pensia-uniform-weight": (
        "pensia-uniform-weight",
        "Pensia's D = 1/2 delta_0 + 1/2 Law(XY) has a Uniform[-1/2, 1/2] component of weight ln(2)/4.",
        r"\tfrac14\ln 2", Source("PEN", "2006.07990v2", "Cor. 1 (as restated in RFSS Lemma 2), "
                                                        "theory §1.3", "READ-2ND"), ()),
    "const-gauss-product-weight": (
        "gauss-product-weight",
        "For a half-normal X and Y ~ N(0,1) the product density is K0(|z|)/pi; its minimum on [-1/2, 1/2], "
        "K0(1/2)/pi, is the weight of a Uniform[-1/2, 1/2] component.",
        r"K_0(\tfrac12)/\pi", Source("THEORY", None, "§1.3 (ours)", "RECON"), ()),
    "const-irwin-hall-cl": (
        "irwin-hall-cl",
        "The sharp lower sum-boundedness constant of Uniform[-1,1] is c_l* = inf_k sqrt(k) f_k(sqrt k) = "
        "sqrt(3/(2 pi)) e^{-3/2} (an infimum, not attained; certified monotone decrease for k <= 200).",
        r"c_l^*=\sqrt{3/(2\pi)}e^{-3/2}", Source("RFSS", "2410.14754", "Definition 1 / Lemma 1, "
                                                                       "theory §1.7", "RECON"),
        ("property_tests/constants/test_irwin_hall.py::test_evidence_for_cl_and_cu_up_to_200",)),
    "const-irwin-hall-cu": (
        "irwin-hall-cu",
        "The sharp upper sum-boundedness constant of Uniform[-1,1] is c_u* = sup_k sqrt(k) f_k(0) = 1/sqrt(2), "
        "attained at k = 2.",
        r"c_u^*=1/\sqrt2", Source("RFSS", "2410.14754", "Definition 1 / Lemma 1, theory §1.7", "RECON"),
        ("property_tests/constants/test_irwin_hall.py::test_evidence_for_cl_and_cu_up_to_200",)),
    "const-allasia-c18": (
        "allasia-c18",
        "The Berry-Esseen route of RFSS Lemma 1 (Allasia's constant) gives c_l >= C_18 = Phi(2 sqrt3) - "
        "Phi(sqrt3) - 2 sqrt3/(20 sqrt18), about 285 times below the sharp c_l*.",
        r"C_{18}=\Phi(2\sqrt3)-\Phi(\sqrt3)-\tfrac{2\sqrt3}{20\sqrt{18}}",
        Source("RFSS", "2410.14754", "Lemma 1 proof, theory §1.7", "RECON"),
        ("property_tests/constants/test_tight.py::test_headline_ratios",)),
    "const-eta-eps": (
        "eta-eps",
        "Theorem A's critical kink angle: tan(eta/2)/2 = eps on (0, pi/2] gives eta_eps = 2 arctan(2 eps); the "
        "per-neuron probability is q(eps) = 2 eta_eps / pi = (4/pi) arctan(2 eps).",
        r"\eta_\varepsilon=2\arctan(2\varepsilon)", Source("THEORY", None, "§3.6 Theorem A (ours)", "RECON"), ()),
    "const-n-half": (
        "n-half",
        "Theorem A's necessary width for success probability 1/2: n_1/2(eps) = ln2 / (-ln(1 - q(eps))), "
        "asymptotically pi ln2 / (8 eps).",
        r"n_{1/2}(\varepsilon)=\frac{\ln 2}{-\ln(1-q(\varepsilon))}",
        Source("THEORY", None, "§3.6 corollaries (ours)", "RECON"),
        ("property_tests/constants/test_theorem_a.py::test_necessary_width_table",)),
    "const-expected-eta-min": (
        "expected-eta-min",
        "For n i.i.d. Uniform[0, pi/2] kink angles, E[eta_min] = pi/(2(n+1)); hence E[optimal RF error] >= "
        "pi/(8(n+1)).",
        r"\mathbb E\eta_{\min}=\frac{\pi}{2(n+1)}", Source("THEORY", None, "§3.5-3.6 (ours)", "RECON"), ()),
    "const-line-q-gauss": (
        "line-q-gauss",
        "Line variant of Theorem A, law (G): q = (2/pi) arctan(4 eps / s0), s0 = sqrt(1 - 16 eps^2).",
        r"q_G=\tfrac2\pi\arctan(4\varepsilon/s_0)", Source("THEORY", None, "§3.6 line variant "
                                                                           "(ours)", "RECON"),
        ()),
    "const-line-q-uniform": (
        "line-q-uniform",
        "Line variant of Theorem A, law (U) with w* = e1: q = 2 eps / s0, s0 = sqrt(1 - 16 eps^2).",
        r"q_U=2\varepsilon/s_0", Source("THEORY", None, "§3.6 line variant (ours)", "RECON"), ()),
    "const-rfss-binomial-entropy-upper": (
        "rfss-binomial-entropy-upper",
        "C(n,k) <= sqrt(n/(2 pi k(n-k))) 2^{n H2(k/n)} for all 1 <= k < n <= 10^4 (checked exactly); the "
        "constant 1/sqrt(2 pi) is a supremum, not attained.",
        r"\binom nk\le\sqrt{\tfrac{n}{2\pi k(n-k)}}2^{nH_2(k/n)}",
        Source("RFSS", "2410.14754", "Theorem 5 proof (MacWilliams-Sloane), theory §2", "READ"),
        ("property_tests/constants/test_rfss.py::test_both_bounds_hold_for_n_up_to_1000_with_equality_only_at_2_1",)),
    "const-rfss-binomial-entropy-lower": (
        "rfss-binomial-entropy-lower",
        "1/C(n,k) <= sqrt(8k(n-k)/n) 2^{-n H2(k/n)} for all 1 <= k < n <= 10^4 (checked exactly); equality only "
        "at (n, k) = (2, 1), so sqrt(8) cannot be lowered.",
        r"1/\binom nk\le\sqrt{8k(n-k)/n}\,2^{-nH_2(k/n)}",
        Source("RFSS", "2410.14754", "Theorem 2 proof, theory §2", "READ"),
        ("property_tests/constants/test_rfss.py::test_sqrt8_cannot_be_lowered",)),
    "const-rfss-thm5-min-n": (
        "rfss-thm5-min-n",
        "The smallest n allowed by RFSS Theorem 5, n >= (d^2/2) log2(k/eps) / H2(k/n), solved exactly "
        "(certified) for given d, k, eps.",
        r"n\ge\tfrac{d^2}{2}\log_2(k/\varepsilon)/H_2(k/n)",
        Source("RFSS", "2410.14754", "Theorem 5, theory §2", "READ"),
        ("property_tests/constants/test_rfss.py::test_thm5_min_n_is_minimal_and_matches_a_linear_scan",)),
    "const-theorem-a-prime": (
        "theorem-a-prime",
        "Theorem A' (M1, weak bound): optimising the window rho gives the constant 2 sqrt(5 sqrt(pi/2)) "
        "(about 5.0066); the exact minimiser is rho* = pi sqrt(5 sqrt(pi/2) eps / (n + 2)).",
        r"2\sqrt{5\sqrt{\pi/2}}", Source("THEORY", None, "§3.10 Theorem A' (ours)", "RECON"),
        ("property_tests/constants/test_theorem_a.py::test_a_prime_rho_is_a_minimiser_and_agrees_numerically",)),
    "const-almt-window": (
        "almt-a-eta",
        "The window constant a_eta = sqrt(8 log(4/eta)) of the approximate kinematic formula (ALMT Theorem I).",
        r"a_\eta=\sqrt{8\log(4/\eta)}",
        Source("ALMT", "1303.6672", "Theorem I (as remembered)", "MEM"),
        ("property_tests/prunelimit/test_statdim.py::test_almt_window",)),
    "const-statdim-circular": (
        "statdim-circular",
        "The statistical dimension of the circular cone Circ_d(alpha), exact by sympy for d <= 8.",
        r"\delta(\mathrm{Circ}_d(\alpha))",
        Source("ALMT", "1303.6672", "circular cone (McCoy's snow.m)", "READ-2ND"),
        ("property_tests/prunelimit/test_statdim.py::test_exact_cones",)),
}

#: claim id -> the claims the constant's meaning rests on (theory §1.3, §1.7, §3.6, §3.10); absent = none
_USES = {
    "const-pensia-uniform-weight": ("const-xy-uniform-weight",),
    "const-allasia-c18": ("const-irwin-hall-cl",),
    "const-eta-eps": ("kink-arc-three-point", "kink-angle-law"),
    "const-n-half": ("theorem-a", "const-eta-eps"),
    "const-theorem-a-prime": ("sinusoid-second-difference", "kink-angle-law"),
}

#: claim id -> the symbolic constant name that is its main evidence
PRIMARY_CONSTANT = {cid: row[0] for cid, row in _TABLE.items()}

for _cid, (_name, _stmt, _latex, _src, _tests) in _TABLE.items():
    CLAIMS.append(Claim(
        id=_cid, statement=_stmt, latex=_latex, model=_MODEL, source=_src, kind="constant",
        twin="symbolic:verify_constant", tests=_BASE + _tests,
        notes=f"symbolic constant `{_name}`", uses=_USES.get(_cid, ()),
    ))
