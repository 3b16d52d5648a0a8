"""Registry entries: random masks on subset sum (issue 13 §3; theory §4, §6).

GMB = Gadhikar, Mukherjee, Burkholz, *Why Random Pruning Is All We Need to Start Sparse*, ICML 2023,
arXiv 2210.02412: only the abstract and the setup paragraph were read (READ-ABS); the theorem's text was
not available.  The authors' code draws masks with ``bernoulli_(p)``: p is the keep probability (density)
and the abstract's "sparsity" is most likely 1 - p (theory §6, RECON).
"""

from pybridge.claims import Claim, Source

__all__ = ["CLAIMS"]

_T = "property_tests/masks/"
_MODEL = ("masked RSS: X_1..X_n i.i.d. Uniform[-1,1], each kept independently with probability p (density; "
          "sparsity 1 - p), success = the kept samples eps-cover [-1, 1] (subset sums of kept samples)")

CLAIMS: list = []

CLAIMS.append(Claim(
    id="masks-mixture-identity",
    statement="Masking is subsampling: P_mask(n, eps; p) = sum_m Binom(n, p)(m) P(m, eps), for RSS coverage and "
              "for fixed-size (k-subset) coverage of the kept samples; checked exactly on finite-atom laws and on "
              "coupled Monte Carlo estimates (Hoeffding, false-alarm rate 1e-6).",
    latex=r"P_{mask}(n,\varepsilon;p)=\sum_{m=0}^n\binom nm p^m(1-p)^{n-m}P(m,\varepsilon)",
    model=_MODEL + "; also any law with finitely many atoms (exact check)",
    source=Source("GMB", "2210.02412", "masked-source setup (READ-ABS); the identity is elementary "
                                       "conditioning (RECON)", "RECON"),
    kind="probabilistic",
    twin="pybridge.masks.mixture:mixture_identity_exact",
    tests=(_T + "test_masks.py::test_mixture_identity_exact", _T + "test_masks.py::test_mixture_identity_monte_carlo"),
))

CLAIMS.append(Claim(
    id="masks-overparameterization-factor", uses=("masks-mixture-identity", "rss-log-sample-size"),
    statement="Gadhikar et al. (abstract): random Erdős–Rényi masks of sparsity s approximate targets if the source "
              "is wider by a factor 1/log(1/s). Measured in masked RSS: n*_p(eps, delta)/n*_1(eps, delta) for "
              "p in {0.9, 0.7, 0.5, 0.3, 0.1} and three eps, compared with the candidate laws 1/p and "
              "1/log(1/(1 - p)).",
    latex=r"\frac{n^*_p(\varepsilon,\delta)}{n^*_1(\varepsilon,\delta)}\ \text{vs}\ \frac1p,\ \frac1{\log(1/(1-p))}",
    model=_MODEL + "; delta = 0.05",
    source=Source("GMB", "2210.02412", "abstract (READ-ABS): the theorem's exact form was not "
                                       "read; p = keep probability per the code", "READ-ABS"),
    kind="empirical",
    twin="pybridge.masks.factor:factor_table",
    tests=(_T + "test_masks.py::test_masked_times_match_direct_masking", _T + "test_masks.py::test_factor_table"),
))

CLAIMS.append(Claim(
    id="masks-fixed-size", uses=("masks-mixture-identity", "rfss-decision-exact"),
    statement="Masked fixed-size subset sum (the sparse-SLT setting of RFSS and Gadhikar et al.): k-subsets of the "
              "kept samples; its threshold factor n*_p/n*_1 is measured and its mixture identity checked.",
    latex=r"\Pr[\forall z\in[-\sqrt k,\sqrt k]\ \exists S\subseteq\mathrm{kept},|S|=k:|\Sigma_S-z|\le\varepsilon]",
    model="masked RFSS: X_i i.i.d. Uniform[-1,1] kept with probability p, subsets of exactly k kept samples, "
          "targets [-sqrt k, sqrt k]",
    source=Source("RFSS", "2410.14754", "READ, with GMB masks (arXiv 2210.02412, READ-ABS); theory "
                                        "§2 and §4; the masked fixed-size combination is ours (RECON)", "RECON"),
    kind="empirical",
    twin="pybridge.masks.factor:masked_first_cover_times",
    tests=(_T + "test_masks.py::test_masked_fixed_size_matches_direct",),
))
