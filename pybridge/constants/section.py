"""The constants section of ``prunegap check`` and the ``prunegap constants`` table (issue 4).

Every constant of :mod:`symbolic` is re-derived exactly, evaluated at 50 digits, compared with an independent
evaluation and checked to lie in its certified rational interval (:mod:`pybridge.constants.evidence`).  The
"how loose is the paper's constant" table combines symbolic's analytic rows with the Monte Carlo rows of the
``rss`` section (plain sampling) and the ``rare`` section (generalized splitting, delta = eps), read from their
``data`` through the views the section requires (``None`` when a section did not run under ``--only``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import symbolic
from pybridge.claims import SectionResult, Table
from pybridge.claims.section import SectionSpec
from pybridge.constants.evidence import CLAIM_SCOPE, DPS, binomial_entropy_records, constant_records
from pybridge.constants.streams import Stream

__all__ = ["constants_section", "constants_table", "lueker_rows", "CLAIM_SCOPE", "ConstantsBudget", "SECTION"]

TITLE = "Constants: exact, numeric, certified"
INTRO = ("Every constant of the bounds is re-derived exactly (sympy), evaluated at 50 digits, compared with an "
         "independent evaluation and enclosed in a certified rational interval; the table below compares each "
         "proof's constant with the smallest valid one.")


@dataclass(frozen=True, kw_only=True)
class ConstantsBudget:
    """What the constants section computes."""

    #: the binomial-entropy bounds are checked on every pair 1 <= k < n <= n_max
    binomial_entropy_n_max: int
    #: digits of the tight-constants table's certified rows
    tight_dps: int = 30

    @classmethod
    def for_plan(cls, plan) -> "ConstantsBudget":
        return cls(binomial_entropy_n_max=1000 if plan.quick else 10_000)


def constants_table(*, dps: int = 50, names=None) -> list[dict]:
    """``prunegap constants``: one dict per constant (name, claim id, exact form, value, certified interval, source)."""
    return [r.to_dict() for r in symbolic.evaluate_all(dps=dps, names=names)]


def _rss_thresholds(rss_data, interval) -> list:
    return [r for r in rss_data.get("thresholds", []) if r["dist"] == "uniform" and list(r["interval"]) == interval]


def _lueker_rss_row(label, rs) -> dict | None:
    pts = [(r["eps"], r["n_star_delta_eps"]) for r in rs if r["n_star_delta_eps"] is not None]
    if not pts:
        return None
    kappa_hat = max(n / math.log(1 / e) for e, n in pts)
    kappa0 = 2 * 0 + 4 + 4 * math.sqrt(0 + 1)  # kappa*(C) at C = 0, its minimum over C >= 0 (exactly 8)
    return {
        "name": f"lueker-sample-size {label}",
        "statement": f"n >= kappa ln(1/eps) gives Pr[fail] <= eps for Uniform[-1,1] samples, targets {label}",
        "kind": "monte-carlo",
        "proof_constant": f"kappa*(C) >= kappa*(0) = {kappa0:g} (C >= 0 unspecified; Lueker Cor. 2.5, "
                          "READ-2ND; closed form RECON)",
        "tight_constant": f"{kappa_hat:.3f} = max over eps in {{{', '.join(f'{e:g}' for e, _ in pts)}}} of "
                          "n*(eps, eps)/ln(1/eps) (95% Clopper-Pearson, conservative)",
        "ratio": f">= {kappa0 / kappa_hat:.2f}",
        "points": pts,
    }


def lueker_rows(rss_data: dict | None) -> list[dict]:
    """Monte Carlo rows of the tight-constants table from the RSS section's thresholds.

    Lueker's form (theory §1.2, RECON): n >= kappa*(C) ln(1/eps) gives failure <= eps on [-1/2, 1/2]
    for Uniform[-1,1] samples, with kappa*(C) = 2C + 4 + 4 sqrt(C+1) >= kappa*(0) = 8 for every C >= 0.
    The empirical constant is the smallest kappa with n*(eps, eps) <= kappa ln(1/eps) on the measured eps.
    """
    if not rss_data:
        return []
    rows = [_lueker_rss_row(label, _rss_thresholds(rss_data, iv))
            for label, iv in (("[-1/2, 1/2]", [-0.5, 0.5]), ("[-1, 1]", [-1.0, 1.0]))]
    rows = [r for r in rows if r is not None]
    f = rss_data.get("fits", {}).get("uniform on [-1, 1]")
    if f and "C" in f:
        ci = f.get("C_ci95")
        rows.append({
            "name": "rss-threshold-slope [-1, 1], delta = 0.01",
            "statement": "n*(eps, 0.01) = C log2(1/eps) + c0 (Uniform[-1,1], targets [-1, 1])",
            "kind": "monte-carlo",
            "proof_constant": "unspecified (Pensia Cor. 2 / da Cunha et al.: 'a universal constant C')",
            "tight_constant": f"C = {f['C']:.3f}" + (f" (95% CI [{ci[0]:.3f}, {ci[1]:.3f}])" if ci else ""),
            "ratio": "-",
        })
    return rows


def _monte_carlo_rows(ctx) -> list[dict]:
    """The rss rows, with the lueker-sample-size rows replaced by the rare section's (delta = eps by splitting)."""
    rss, rare = ctx.input("rss"), ctx.input("rare")
    rows = lueker_rows(rss.data if rss is not None else None)
    splitting = list(rare.data.get("lueker_rows") or ()) if rare is not None else []
    if splitting:
        rows = splitting + [r for r in rows if not r["name"].startswith("lueker-sample-size")]
    return rows


def _constant_cell(x):
    """A proof or tight constant as a cell: ``symbol = value`` (10 characters), ``None`` when unspecified."""
    if isinstance(x, dict):
        return f"{x.get('symbol', x.get('name'))} = {x.get('value', '')[:10]}"
    return None if x is None else str(x)


def _tight_table(tight, mc_rows) -> Table:
    rows = [(t["statement"], _constant_cell(t.get("proof_constant")), _constant_cell(t.get("tight_constant")),
             (t.get("ratio_value") or "")[:8] or None, t.get("status", "")) for t in tight]
    rows += [(r["statement"], r["proof_constant"], r["tight_constant"], None if r["ratio"] == "-" else r["ratio"],
              "Monte Carlo, exact decisions") for r in mc_rows]
    return Table(title="How loose is the paper's constant?",
                 columns=("statement", "constant the proof gives", "smallest valid constant", "ratio", "evidence"),
                 rows=rows, blank="unspecified",
                 caption="Analytic rows: certified by interval arithmetic (values to 10 characters, ratios to 8); "
                         "Monte Carlo rows: from the rss and rare sections of this run (absent when they did not "
                         "run). 'unspecified': the proof names no constant, or no ratio is defined.")


def constants_section(ctx) -> SectionResult:
    """Certify every constant, check the binomial-entropy bounds, build the tight-constants table."""
    budget = ConstantsBudget.for_plan(ctx.plan)
    checks = symbolic.verify_constants(dps=DPS)
    evidence = constant_records(checks) + binomial_entropy_records(budget.binomial_entropy_n_max)
    tight = [t.to_dict() for t in symbolic.tight_constants(dps=budget.tight_dps)]
    mc_rows = _monte_carlo_rows(ctx)
    data = {"constants": [c.to_dict() for c in checks], "tight": tight, "tight_monte_carlo": mc_rows,
            "binomial_entropy_n_max": budget.binomial_entropy_n_max}
    return SectionResult(name="constants", title=TITLE, evidence=tuple(evidence), intro=INTRO,
                         tables=(_tight_table(tight, mc_rows),), data=data)


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): measured 6.4-10.1 s quick on 2 shared cores (with
    margin); the full run within the budget of the four original sections (about 6 minutes together)."""
    return 12.0 if plan.quick else 15.0


SECTION = SectionSpec(name="constants", title=TITLE, run=constants_section, seed_key=None, streams=Stream,
                      requires=("rss", "rare"), seconds=_seconds)
