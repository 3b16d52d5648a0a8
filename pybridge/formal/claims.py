"""Registry entries: the deterministic lemmas of coq/SPEC.md (theory §3.3-3.6, §3.10, §5.3; RECON)."""

from pybridge.claims import ANY_REALS, Claim, Source

__all__ = ["CLAIMS"]

#: this domain's claims, in report order
CLAIMS: list = []

_T = "property_tests/formal/"
_TW = "pybridge.formal.twins:"
_PLANE = "deterministic, plane restriction of M0/RF (theory §3.3d): neurons c_i*relu(p_i x1 + q_i x2)"


#: Lean 4 mirror (lean/claims.tsv): proofs written against Mathlib v4.26.0, not compiled here
LEAN = {
    "rss-complete-sequence": "Prunegap.complete_sequence_covers",
    "rss-second-moment": "Prunegap.second_moment_bound",
    "rss-amplification": "Prunegap.amplification",
    "kink-line-three-point": "Prunegap.kink_line_three_point",
    "kink-arc-three-point": "Prunegap.kink_arc_three_point",
    "kink-free-affine": "Prunegap.kink_free_affine",
    "relu-odd-part": "Prunegap.relu_odd_part",
    "b0-positive-homogeneity": "Prunegap.relu_positive_homogeneity",
    "theorem-a-core": "Prunegap.theoremA_core",
    "theorem-a-union-bound": "Prunegap.union_bound",
    "sinusoid-second-difference": "Prunegap.sinusoid_second_difference",
    "rss-certificate-sound": "Prunegap.checkCertificate_sound",
    "rss-decide-cover": "Prunegap.decideCover_correct",
}

#: claim id -> the claims its proof uses (theory §3.4-3.6, §5.3; the Coq proofs agree: theorem_a_core applies
#: kink_arc_three_point, union_bound applies Moments.bernoulli, check_certificate_sound the gap certificate)
USES = {
    "rss-complete-sequence": ("rss-subset-sum-recursion",),
    "theorem-a-core": ("kink-free-affine", "kink-arc-three-point"),
    "theorem-a-union-bound": ("rss-amplification",),
    "rss-certificate-sound": ("rss-gap-certificate", "rss-subset-sum-recursion"),
}


def _lemma(id, coq, statement, latex, model, where, twin, tests, notes=""):
    CLAIMS.append(Claim(
        id=id, coq=coq, lean=LEAN[id], lean_status="proof-written", statement=statement, latex=latex, model=model,
        source=Source("THEORY", None, where, "RECON"), kind="lemma",
        twin=_TW + twin, tests=tuple(_T + t for t in tests), notes=notes, uses=USES.get(id, ()),
    ))


_lemma("rss-complete-sequence", "Prunegap.Certificate.complete_sequence_covers",
       "If 0 <= x_1 <= ... <= x_n, x_1 <= 2 eps and x_{k+1} <= 2 eps + sum_{i<=k} x_i, every z in "
       "[0, sum x_i] is within eps of a subset sum.",
       r"x_{k+1}\le2\varepsilon+\textstyle\sum_{i\le k}x_i\Rightarrow SS\ \varepsilon\text{-covers }[0,\sum x_i]",
       ANY_REALS, "§5.3 L4 (Orseau et al.'s binary decomposition core)", "complete_sequence_covers",
       ("test_twins.py::test_complete_sequence",))
_lemma("rss-second-moment", "Prunegap.Moments.second_moment_bound",
       "For p_j, y_j >= 0: (sum p_j y_j)^2 <= (sum p_j y_j^2) (sum_{y_j > 0} p_j) (finite Cauchy-Schwarz).",
       r"(\sum p_jy_j)^2\le(\sum p_jy_j^2)(\sum_{y_j>0}p_j)",
       "deterministic: finite weights p_j >= 0 and values y_j >= 0", "§5.3 L6", "second_moment",
       ("test_twins.py::test_second_moment",))
_lemma("rss-amplification", "Prunegap.Moments.amplification",
       "Bernoulli: (1 - q)^n >= 1 - n q for q in [0, 1]; and 2^r >= m(2m+1) implies (2m+1) 2^-r <= 1/m.",
       r"(1-q)^n\ge1-nq;\ 2^r\ge m(2m+1)\Rightarrow(2m+1)2^{-r}\le1/m",
       "deterministic arithmetic", "§5.3 L7", "bernoulli_amplification",
       ("test_twins.py::test_bernoulli_amplification",))
_lemma("kink-line-three-point", "Prunegap.Kinks.kink_line_three_point",
       "K1: for J >= 0, delta > 0 and all alpha, beta: max over t in {-delta, 0, delta} of "
       "|alpha + beta t - J relu(t)| >= J delta / 4.",
       r"\max_{t\in\{-\delta,0,\delta\}}|\alpha+\beta t-J\sigma(t)|\ge J\delta/4",
       "deterministic: line restriction (theory §3.3e)", "§3.4 K1", "kink_line_three_point",
       ("test_twins.py::test_kink_line_three_point", "test_twins.py::test_kink_line_tight"))
_lemma("kink-arc-three-point", "Prunegap.Kinks.kink_arc_three_point",
       "K2: for s > 0, c >= 0 and all c1, c2: 2(1+c) max(|c1 s + c2 c - s|, |c2|, |c2 c - c1 s|) >= s; "
       "with s = sin(eta), c = cos(eta) the sup error on the arc is >= tan(eta/2)/2.",
       r"2(1+c)\max(|c_1s+c_2c-s|,|c_2|,|c_2c-c_1s|)\ge s",
       "deterministic: arc restriction (theory §3.3d)", "§3.4 K2", "kink_arc_three_point",
       ("test_twins.py::test_kink_arc_three_point",))
_lemma("kink-free-affine", "Prunegap.Kinks.kink_free_affine",
       "K3: if no p_i t + q_i vanishes in (a, b), then sum_i c_i relu(p_i t + q_i) is affine on [a, b].",
       r"\text{no kink in }(a,b)\Rightarrow\sum_ic_i\sigma(p_it+q_i)=\alpha+\beta t\text{ on }[a,b]",
       "deterministic: line restriction (theory §3.3e)", "§3.4 K3", "kink_free_affine",
       ("test_twins.py::test_kink_free_affine",))
_lemma("relu-odd-part", "Prunegap.Relu.relu_odd_part",
       "relu(t) - relu(-t) = t and relu(t) + relu(-t) = |t|; hence sum v_i relu(t_i) - sum v_i relu(-t_i) = "
       "sum v_i t_i (the odd part of an M0 network is linear).",
       r"\sigma(t)-\sigma(-t)=t,\ \sigma(t)+\sigma(-t)=|t|",
       "deterministic: M0 network values (theory §3.3c)", "§3.3(c)", "relu_odd_part",
       ("test_twins.py::test_relu_odd_part",))
_lemma("b0-positive-homogeneity", "Prunegap.Relu.relu_positive_homogeneity",
       "u > 0 implies relu(u x) = u relu(x); u < 0 implies relu(u x) = -u relu(-x); for |x| <= 1, "
       "|S relu(x) - w relu(x)| <= |S - w| (the B0 error is the subset-sum error).",
       r"u>0\Rightarrow\sigma(ux)=u\sigma(x)",
       "deterministic: B0 construction, M0, axis target (theory §3.8)", "§3.8 B0", "b0_positive_homogeneity",
       ("test_twins.py::test_b0_positive_homogeneity",))
_lemma("theorem-a-core", "Prunegap.TheoremA.theorem_a_core",
       "Theorem A's deterministic core: if no neuron's kink lies strictly inside the arc of half-angle eta "
       "around the target's kink (sign condition at the three points (s,c), (0,1), (-s,c)), every RF "
       "combination has sup error >= s/(2(1+c)) = tan(eta/2)/2.",
       r"\mathcal E\ge\tfrac12\tan(\eta_{\min}/2)",
       _PLANE + "; target relu(x1)", "§3.6 steps 2-4", "theorem_a_core",
       ("test_twins.py::test_theorem_a_core",))
_lemma("theorem-a-union-bound", "Prunegap.TheoremA.union_bound",
       "For q in [0, 1]: 0 <= 1 - (1 - q)^n <= n q (the probability step of Theorem A with q = 2 eta/pi).",
       r"0\le1-(1-q)^n\le nq",
       "deterministic arithmetic (the independence product is the Monte Carlo claim theorem-a)",
       "§3.6 steps 6-7", "theorem_a_union_bound",
       ("test_twins.py::test_theorem_a_union_bound",))
_lemma("sinusoid-second-difference", "Prunegap.TheoremA.sinusoid_second_difference",
       "L(theta) = c1 cos(theta) + c2 sin(theta) satisfies L(theta + r) + L(theta - r) = 2 cos(r) L(theta).",
       r"L(\theta+r)+L(\theta-r)=2\cos r\,L(\theta)",
       "deterministic trigonometry (Theorem A' step 4)", "§3.10 step 4 / §5.3 item 13",
       "sinusoid_second_difference",
       ("test_twins.py::test_sinusoid_second_difference",))

CLAIMS.append(Claim(
    id="rss-certificate-sound", coq="Prunegap.Checker.check_certificate_sound",
    lean=LEAN["rss-certificate-sound"], lean_status="proof-written", uses=USES["rss-certificate-sound"],
    statement="The verified checker over Q accepts a certificate (masks with exact sums, sorted, gaps <= 2 eps, "
              "first <= a + eps, last >= b - eps) only if every z in [a, b] is within eps of a subset sum.",
    latex=r"\mathtt{check}(xs,\varepsilon,a,b,masks)=\mathtt{true}\Rightarrow\forall z\in[a,b]\ "
          r"\exists m:|\Sigma_m-z|\le\varepsilon",
    model=ANY_REALS + " (rationals)",
    source=Source("THEORY", None, "§5.3 L3 and tools §D 'Certificates'", "RECON"),
    kind="algorithmic",
    twin="pybridge.rss.certificate:verify_certificate",
    tests=("property_tests/rss/test_properties.py::test_certificates_replay_exactly",),
))

CLAIMS.append(Claim(
    id="rss-decide-cover", coq="Prunegap.Decide.decide_cover_correct",
    lean=LEAN["rss-decide-cover"], lean_status="proof-written",
    statement="For an integer-scaled instance (samples x_i/D, radius e/D, interval [a/D, b/D]), the computable "
              "interval-union decision decide_cover returns true if and only if every real z in [a/D, b/D] is "
              "within e/D of a subset sum of the samples (both directions: 'not covered' is a theorem too). "
              "prunegap check re-decides an audit subset of the RSS Monte Carlo trials with it (vm_compute).",
    latex=r"\mathtt{decide}(D,x,e,a,b)=\mathtt{true}\iff\forall z\in[\tfrac aD,\tfrac bD]\ \exists S:"
          r"|\textstyle\sum_{i\in S}\tfrac{x_i}D-z|\le\tfrac eD",
    model=ANY_REALS + " (rationals over a common denominator)",
    source=Source("THEORY", None, "§5.3 L2 (subset-sum recursion) and tools §D 'exact coverage "
                                  "decision'", "RECON"),
    kind="algorithmic",
    twin="pybridge.formal.twins:decide_cover_both_directions",
    tests=("property_tests/formal/test_replay.py::test_exact_decision_matches_verified_procedure",
           "property_tests/formal/test_replay.py::test_coq_replays_covered_and_not_covered"),
))

CLAIMS.append(Claim(
    id="gaussian-rotation-invariant",
    statement="Cited fact (textbook, not proved here): the standard Gaussian N(0, I_2) on R^2 is invariant under "
              "every rotation (its density (2 pi)^-1 exp(-(x^2 + y^2)/2) depends on x^2 + y^2 only). It is the "
              "hypothesis that makes the kink-angle law hold for law G.",
    latex=r"R_\varphi\#N(0,I_2)=N(0,I_2)\ \text{for every rotation }R_\varphi",
    model="law G restricted to the plane span{w*, e}: (<u, w*>, <u, e>) ~ N(0, I_2)",
    source=Source("FELLER", None, "Ch. III, normal densities in higher dimensions (chapter cited from memory)",
                  "MEM"),
    kind="cited",
    twin=_TW + "gaussian_rotation_invariant",
    tests=(_T + "test_twins.py::test_gaussian_rotation_invariant",),
    notes="cited fact: assumed, never proved; the exact twin checks the density's invariance on rational "
          "rotations only",
))
