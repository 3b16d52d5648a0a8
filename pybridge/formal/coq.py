r"""The Coq side of the formal layer: build, axiom audit, certificate replay.

* :func:`build_coq` copies ``coq/`` (sources only) to a scratch directory and
  compiles every file of ``_CoqProject`` in order with ``coqc`` — stale build
  products can never mask a broken proof.
* :func:`audit_coq` runs ``Print Assumptions`` on the main theorem of every
  registered claim that has a Coq name and compares the axioms printed with
  :data:`ALLOWED_COQ_AXIOMS` (the standard axioms of Coq's classical reals,
  named explicitly).  A claim is *proved* only if its theorem exists and every
  axiom is allowed; a missing ``coqc`` makes every outcome *unavailable*.
  In the same coqc run it prints each theorem's statement (``Check``) and
  compares it with the pinned one (:mod:`pybridge.formal.pin`,
  ``coq/statements.golden``): a difference is *statement mismatch*, never *proved*.
* :func:`replay_certificates` writes RSS coverage certificates (exact rationals)
  as Coq files and checks ``check_certificate ... = true`` by ``vm_compute``,
  so those coverage facts are kernel-checked through the verified checker
  (claim ``rss-certificate-sound``).

All external calls go through :func:`pybridge.tools.runner.run_tool`.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from pybridge.errors import ToolFailedError, ToolNotFoundError
from pybridge.tools.runner import find_tool, run_tool
from pybridge.stats.scratch import make_scratch_dir, sweep_stale
from pybridge.errors import InvalidArgument
from pybridge.rss import Certificate
from pybridge.validation import check_instance, check_text

__all__ = [
    "COQ_DIR",
    "ALLOWED_COQ_AXIOMS",
    "CoqBuild",
    "AuditResult",
    "coq_version",
    "build_coq",
    "audit_coq",
    "parse_assumptions",
    "scan_forbidden",
    "run_statement_file",
    "certificate_to_coq",
    "replay_certificates",
]

COQ_DIR = Path(__file__).resolve().parents[2] / "coq"

#: axioms a registered theorem may depend on (Coq 8.16 standard library, classical reals),
#: each with the statement Coq prints for it (compared after collapsing white space, so a
#: same-named axiom of another statement is not allowed)
ALLOWED_COQ_AXIOM_TYPES = {
    "ClassicalDedekindReals.sig_forall_dec":
        "forall P : nat -> Prop, (forall n : nat, {P n} + {~ P n}) -> {n : nat | ~ P n} + {forall n : nat, P n}",
    "ClassicalDedekindReals.sig_not_dec": "forall P : Prop, {~ ~ P} + {~ P}",
    "FunctionalExtensionality.functional_extensionality_dep":
        "forall (A : Type) (B : A -> Type) (f g : forall x : A, B x), (forall x : A, f x = g x) -> f = g",
}
ALLOWED_COQ_AXIOMS = {
    "ClassicalDedekindReals.sig_forall_dec":
        "Reals: limited principle of omniscience on nat, used to build Dedekind reals (Coq.Reals.ClassicalDedekindReals)",
    "ClassicalDedekindReals.sig_not_dec":
        "Reals: decidability of negated propositions, used by the Dedekind reals construction",
    "FunctionalExtensionality.functional_extensionality_dep":
        "functional extensionality, assumed by Coq.Reals (e.g. through Rdefinitions/RIneq)",
}

_FORBIDDEN = re.compile(
    r"\b(Admitted|admit|Axiom|Axioms|Parameter|Parameters|Hypothesis|Hypotheses|Conjecture|bypass_check)\b"
    r"|\bUnset\s+(Guard|Positivity|Universe)\s+Checking\b|\bType\s*-\s*in\s*-\s*Type\b|-type-in-type"
)
_COMMENT = re.compile(r"\(\*.*?\*\)", re.S)


def coq_version(timeout: float = 60) -> str | None:
    """``coqc --version`` first line, or ``None`` when coqc is unavailable."""
    if find_tool("coqc") is None:
        return None
    return run_tool(["coqc", "--version"], timeout=timeout).stdout.strip().splitlines()[0]


def _project_files(src: Path) -> tuple[list[str], list[str]]:
    flags, files = [], []
    for line in (src / "_CoqProject").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith(".v"):
            files.append(line)
        else:
            flags += line.split()
    return flags, files


@dataclass
class CoqBuild:
    """A scratch build of the Coq development."""

    root: Path
    flags: list
    files: list
    seconds: float
    log: list = field(default_factory=list)

    @property
    def coq_dir(self) -> Path:
        return self.root / "coq"

    def cleanup(self) -> None:
        """Remove the scratch directory."""
        shutil.rmtree(self.root, ignore_errors=True)

    def coqc(self, path, *, timeout: float = 300):
        return run_tool(["coqc", *self.flags, str(path)], cwd=self.coq_dir, timeout=timeout)


def build_coq(src: Path = COQ_DIR, *, workdir=None, timeout: float = 900) -> CoqBuild:
    """Copy ``src`` (sources only) to a scratch directory and compile ``_CoqProject`` in order.

    Raises
    ------
    ToolNotFoundError
        coqc is unavailable.
    ToolFailedError, ToolTimeoutError
        A file does not compile (the error carries argv, exit code and coqc's output).
    """
    if find_tool("coqc") is None:
        raise ToolNotFoundError("coqc is unavailable (install: apt-get install coq libcoq-interval "
                                "libcoq-coquelicot)", argv=["coqc"])
    if workdir is None:
        sweep_stale()  # scratch builds left by killed runs (their owner pid is dead)
    root = Path(workdir) if workdir else make_scratch_dir("prunegap-coq-")
    dst = root / "coq"
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.vo", "*.vok", "*.vos", "*.glob", ".*.aux",
                                                          "Makefile.coq*", ".Makefile.coq.d", "*.cache"))
    flags, files = _project_files(dst)
    build = CoqBuild(root, flags, files, 0.0)
    try:
        for f in files:
            run = build.coqc(f, timeout=timeout)
            build.seconds += run.seconds
            build.log.append((f, run.seconds))
    except BaseException:
        if workdir is None:
            build.cleanup()
        raise
    return build


def scan_forbidden(src: Path = COQ_DIR) -> list[str]:
    """Lines of ``theories/*.v`` (comments stripped) using Admitted/admit/Axiom/Parameter/Hypothesis."""
    hits = []
    for path in sorted((src / "theories").glob("*.v")):
        text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text())
        for i, line in enumerate(text.splitlines(), 1):
            if _FORBIDDEN.search(line):
                hits.append(f"{path.name}:{i}: {line.strip()}")
    return hits


def _norm(text: str) -> str:
    return " ".join(text.split())


def parse_assumptions(text: str) -> dict:
    """Parse ``AUDIT <claim> <name>`` markers followed by ``Print Assumptions`` output.

    Returns ``{claim_id: {"name", "axioms": [names], "types": {name: statement}, "closed", "other": [lines]}}``;
    ``other`` collects anything that is neither an axiom nor "Closed under the global context" (for example
    sections about unguarded fixpoints or type-in-type), which the audit treats as a failure.
    """
    check_text("text", text)
    out: dict = {}
    current = None
    in_axioms = False
    last = None
    for line in text.splitlines():
        if line.startswith("STATEMENT "):  # a pinned-statement block (pybridge.formal.pin) ends this one
            current, in_axioms, last = None, False, None
        elif line.startswith("AUDIT "):
            _, cid, name = line.split(maxsplit=2)
            current = out.setdefault(cid, {"name": name.strip(), "axioms": [], "types": {}, "closed": False,
                                           "other": []})
            in_axioms, last = False, None
        elif current is None or not line.strip():
            continue
        elif line.startswith("Closed under the global context"):
            current["closed"] = True
        elif line.startswith("Axioms:"):
            in_axioms = True
        elif in_axioms and not line[0].isspace():
            if line.rstrip().endswith(":") and " : " not in line:
                in_axioms = False
                current["other"].append(line.strip())
                continue
            name, _, typ = line.partition(" : ")
            last = name.strip()
            current["axioms"].append(last)
            current["types"][last] = typ.strip()
        elif in_axioms and last is not None:
            cont = line.strip()
            current["types"][last] = (current["types"][last] + " " + cont.lstrip(": ").strip()).strip()
        else:
            current["other"].append(line.strip())
    return out


@dataclass(frozen=True)
class AuditResult:
    """Outcome of one claim's audit: ``proved``, ``failed``, ``statement mismatch`` or ``unavailable``."""

    claim_id: str
    coq_name: str
    outcome: str
    axioms: tuple = ()
    disallowed: tuple = ()
    message: str = ""
    statement: str = ""

    def to_dict(self) -> dict:
        return {"claim_id": self.claim_id, "coq": self.coq_name, "outcome": self.outcome,
                "axioms": list(self.axioms), "disallowed": list(self.disallowed), "message": self.message,
                "statement": self.statement}


def run_statement_file(build: CoqBuild, lines, *, timeout: float = 300) -> dict:
    """Run the ``Check`` lines of :func:`pybridge.formal.pin.statement_file_lines` in ``build``.

    Returns ``{claim id: printed statement}`` (white space collapsed).
    """
    from pybridge.formal.pin import parse_statements

    path = build.coq_dir / "PrunegapStatements.v"
    path.write_text("\n".join(["Require Import Prunegap.All.", *lines]) + "\n")
    return parse_statements(build.coqc(path.name, timeout=timeout).output)


def audit_coq(build: CoqBuild, claims, *, timeout: float = 300, pinned=None) -> dict:
    """``Print Assumptions`` and ``Check`` for every claim with a Coq name.

    The axioms are compared with :data:`ALLOWED_COQ_AXIOMS`, the printed statement with the pinned one.

    Parameters
    ----------
    claims : iterable of Claim
        Registered claims; those with ``coq is None`` are skipped.
    pinned : dict or path, optional
        ``{claim id: (qualified name, statement)}`` or a golden file; default ``coq/statements.golden``.
        A theorem whose name or printed statement differs from its pin (or that has no pin) is
        ``statement mismatch``.

    Returns
    -------
    dict
        ``{claim_id: AuditResult}``.
    """
    from pybridge.formal.pin import COQ_GOLDEN, STATEMENT_MISMATCH, parse_statements, read_golden, \
        statement_file_lines

    pins = read_golden(COQ_GOLDEN if pinned is None else pinned) if not isinstance(pinned, dict) else pinned
    claims = [c for c in claims if c.coq]
    lines = ["Require Import Prunegap.All."]
    for c in claims:
        lines.append(f'Goal True. idtac "AUDIT {c.id} {c.coq}". Abort.')
        lines.append(f"Print Assumptions {c.coq}.")
    lines += statement_file_lines(claims)
    path = build.coq_dir / "PrunegapAudit.v"
    path.write_text("\n".join(lines) + "\n")
    results = {}
    try:
        run = build.coqc(path.name, timeout=timeout)
    except ToolFailedError as exc:
        for c in claims:
            ok = re.search(rf"\b{re.escape(c.coq)}\b.*not (a defined object|found)", exc.output or "")
            results[c.id] = AuditResult(c.id, c.coq, "failed", message="audit file failed: " +
                                        ("theorem not found" if ok else (exc.output or "")[-300:]))
        return results
    parsed = parse_assumptions(run.output)
    printed = parse_statements(run.output)
    for c in claims:
        info = parsed.get(c.id)
        if info is None:
            results[c.id] = AuditResult(c.id, c.coq, "failed", message="no audit output for this theorem")
            continue
        bad = tuple(a for a in info["axioms"]
                    if _norm(info["types"].get(a, "")) != _norm(ALLOWED_COQ_AXIOM_TYPES.get(a, "\0")))
        other = tuple(info["other"])
        msg = ("disallowed axioms: " + ", ".join(bad) if bad else "") + \
              (("; unexpected Print Assumptions output: " + " | ".join(other[:3])) if other else "")
        outcome = "failed" if bad or other else "proved"
        stmt, pin = printed.get(c.id, ""), pins.get(c.id)
        if outcome == "proved" and (pin is None or pin != (c.coq, stmt)):
            outcome = STATEMENT_MISMATCH
            msg = (f"{STATEMENT_MISMATCH}: no pinned statement for {c.coq}" if pin is None else
                   f"{STATEMENT_MISMATCH}: Coq prints {stmt[:200]!r} for {c.coq}, pinned: {pin[1][:200]!r}"
                   if pin[0] == c.coq else f"{STATEMENT_MISMATCH}: pinned theorem is {pin[0]}, registered {c.coq}")
        results[c.id] = AuditResult(c.id, c.coq, outcome, tuple(info["axioms"]), bad + other, msg.strip("; "), stmt)
    return results


def _q(x: Fraction) -> str:
    x = Fraction(x)
    return f"({x.numerator} # {x.denominator})"


def certificate_to_coq(cert, name: str = "cert") -> str:
    """Coq text (replay format of ``coq/README.md``) asserting ``check_certificate ... = true``."""
    check_instance("cert", cert, Certificate)
    check_text("name", name, max_len=200)
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_']*", name):
        raise InvalidArgument(f"name must be a Coq identifier, got name={name!r}")
    n = len(cert.xs)
    masks = ";\n  ".join("[" + "; ".join("true" if (m >> i) & 1 else "false" for i in range(n)) + "]"
                         for m in cert.masks)
    return (
        f"Module {name}.\n"
        f"Definition xs : list Q := [{'; '.join(_q(x) for x in cert.xs)}].\n"
        f"Definition eps : Q := {_q(cert.eps)}.\n"
        f"Definition a : Q := {_q(cert.a)}.\n"
        f"Definition b : Q := {_q(cert.b)}.\n"
        f"Definition masks : list (list bool) := [\n  {masks}\n].\n"
        f"Lemma cert_ok : check_certificate xs eps a b masks = true.\n"
        f"Proof. vm_compute. reflexivity. Qed.\n"
        f"End {name}.\n"
    )


def replay_certificates(build: CoqBuild, certs, *, timeout: float = 600) -> dict:
    """Kernel-check certificates through the verified checker (one file, one lemma each).

    Returns
    -------
    dict
        ``{"replayed": k, "seconds": s}``.

    Raises
    ------
    ToolFailedError
        Some certificate is rejected (the output names the failing module).
    """
    header = ("From Coq Require Import List QArith.\nRequire Import Prunegap.Checker.\n"
              "Import ListNotations.\nLocal Open Scope Q_scope.\n\n")
    body = "\n".join(certificate_to_coq(c, f"Cert{i}") for i, c in enumerate(certs))
    path = build.coq_dir / "PrunegapReplay.v"
    path.write_text(header + body)
    run = build.coqc(path.name, timeout=timeout)
    return {"replayed": len(certs), "seconds": run.seconds}
