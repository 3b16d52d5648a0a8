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
  :func:`coq_statements` prints the statements alone (for regenerating the pins).
* :func:`replay_certificates` writes RSS coverage certificates (exact rationals)
  as Coq files and checks ``check_certificate ... = true`` by ``vm_compute``,
  so those coverage facts are kernel-checked through the verified checker
  (claim ``rss-certificate-sound``).

* :func:`coq_version` is the one reader of the coqc version (``"coq 8.16.1"``), used by the formal section and
  the verified replay (:mod:`pybridge.formal.replay`).

All external calls go through :func:`pybridge.runtime.runner.run_tool`.  This module sits above
:mod:`pybridge.formal.pin` (golden files and statement text) and :mod:`pybridge.formal.sources` (the
``coq/`` directory); neither imports it.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from pybridge.errors import InvalidArgument, InvalidType, ToolFailedError, ToolNotFoundError
from pybridge.formal.pin import (COQ_GOLDEN, STATEMENT_MISMATCH, claim_list, parse_statements, read_golden,
                                 statement_file_lines)
from pybridge.formal.sources import COQ_DIR
from pybridge.rss import Certificate
from pybridge.runtime.scratch import make_scratch_dir, sweep_stale
from pybridge.runtime.runner import find_tool, run_tool, start_tool
from pybridge.validation import check_instance, check_int, check_sequence, check_text

__all__ = [
    "ALLOWED_COQ_AXIOMS",
    "CoqBuild",
    "AuditResult",
    "coq_version",
    "build_coq",
    "audit_coq",
    "parse_assumptions",
    "scan_forbidden",
    "run_statement_file",
    "coq_statements",
    "certificate_to_coq",
    "replay_certificates",
    "start_audit",
    "start_replay_certificates",
    "project_dependencies",
    "COQ_JOBS",
    "ALLOWED_COQ_AXIOMS_BY_MODULE",
    "allowed_axiom_types",
    "require_lines",
]

#: coqc processes run at once by :func:`build_coq` and the audit (the machine has 2 cores)
COQ_JOBS = 2

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

#: mathcomp-analysis 0.6.0's axioms: (statement Coq prints, one-line reason); allowed only per module below
_MATHCOMP_AXIOMS = {
    "boolp.propositional_extensionality": (
        "forall P Q : Prop, P <-> Q -> P = Q",
        "mathcomp-analysis (classical/boolp.v): equivalent propositions are equal (sets as predicates)"),
    "boolp.functional_extensionality_dep": (
        "forall (A : Type) (B : A -> Type) (f g : forall x : A, B x), (forall x : A, f x = g x) -> f = g",
        "mathcomp-analysis (classical/boolp.v): functional extensionality (set equality by seteqP)"),
    "boolp.constructive_indefinite_description": (
        "forall (A : Type) (P : A -> Prop), (exists x : A, P x) -> {x : A | P x}",
        "mathcomp-analysis (classical/boolp.v): choice from existence (Hilbert-style, used by getPOrder/sup)"),
    "Epsilon.epsilon_statement": (
        "forall (A : Type) (P : A -> Prop), inhabited A -> {x : A | (exists x0 : A, P x0) -> P x}",
        "Hilbert's epsilon (Coq.Logic.Epsilon), through mathcomp-analysis's classical choice"),
    "Classical_Prop.classic": (
        "forall P : Prop, P \\/ ~ P",
        "excluded middle (Coq.Logic.Classical_Prop), through mathcomp-analysis's classical sets and measures"),
}
#: axioms allowed on top of :data:`ALLOWED_COQ_AXIOMS` for the theorems of one Coq module (= one file:
#: ``PrunegapProb.<F>`` is ``coq/prob/<F>.v``); every other theorem still gets only the standard reals' axioms
ALLOWED_COQ_AXIOMS_BY_MODULE = {
    "PrunegapProb.ThmAProb": _MATHCOMP_AXIOMS,
}


def allowed_axiom_types(coq_name: str) -> dict:
    """``{axiom: statement}`` allowed for the theorem ``coq_name`` (the standard reals' plus its module's)."""
    check_text("coq_name", coq_name, max_len=1000)
    extra = ALLOWED_COQ_AXIOMS_BY_MODULE.get(coq_name.rsplit(".", 1)[0], {})
    return {**ALLOWED_COQ_AXIOM_TYPES, **{name: typ for name, (typ, _) in extra.items()}}


def _root(coq_name: str) -> str:
    return coq_name.split(".", 1)[0]


def require_lines(names) -> list[str]:
    """Vernacular loading the theorems ``names``: ``Prunegap.All``, plus each module outside ``Prunegap``.

    Raises
    ------
    InvalidType
        ``names`` is not a sequence of qualified names (strings).
    """
    names = [check_text(f"names[{i}]", n, max_len=1000) for i, n in enumerate(check_sequence("names", names))]
    mods = sorted({n.rsplit(".", 1)[0] for n in names if _root(n) != "Prunegap"})
    return ["Require Import Prunegap.All."] + [f"Require {m}." for m in mods]


_FORBIDDEN = re.compile(
    r"\b(Admitted|admit|Axiom|Axioms|Parameter|Parameters|Hypothesis|Hypotheses|Conjecture|bypass_check)\b"
    r"|\bUnset\s+(Guard|Positivity|Universe)\s+Checking\b|\bType\s*-\s*in\s*-\s*Type\b|-type-in-type"
)
_COMMENT = re.compile(r"\(\*.*?\*\)", re.S)


def coq_version(*, timeout: float = 60) -> str | None:
    """The version of the coqc on ``PATH`` as ``"coq X.Y.Z"``, or ``None`` when coqc is unavailable.

    Read from ``coqc --version`` ("The Coq Proof Assistant, version 8.16.1"); a banner without
    ``version <word>`` is returned as its first line.

    Raises
    ------
    ToolFailedError, ToolTimeoutError
        ``coqc --version`` fails or runs longer than ``timeout`` seconds.
    """
    if find_tool("coqc") is None:
        return None
    out = run_tool(["coqc", "--version"], timeout=timeout).stdout
    m = re.search(r"version\s+(\S+)", out)
    return f"coq {m.group(1)}" if m else out.strip().splitlines()[0]


def _project_files(src: Path) -> tuple[list[str], list[str]]:
    flags, files = [], []
    for line in (src / "_CoqProject").read_text(encoding="utf-8").splitlines():
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


def project_dependencies(coq_dir: Path, files) -> dict:
    """``{file: [files of the project it requires]}`` from the ``Require`` lines of ``files`` (in ``coq_dir``).

    Recognised: ``Require Import Prunegap.A Prunegap.B.`` and ``From Prunegap Require Export A B.``
    (the forms used in ``coq/theories``); anything else is not a project dependency.

    Raises
    ------
    InvalidType, InvalidArgument
        ``coq_dir`` is not a path, ``files`` not a sequence of file names in it.
    """
    if not isinstance(coq_dir, (str, os.PathLike)):
        raise InvalidType(f"coq_dir must be a path, got coq_dir={coq_dir!r:.80} (type={type(coq_dir).__name__})")
    files = [check_text(f"files[{i}]", f, max_len=1000) for i, f in enumerate(check_sequence("files", files))]
    missing = [f for f in files if not (Path(coq_dir) / f).is_file()]
    if missing:
        raise InvalidArgument(f"files must be files of coq_dir, got files={missing[:3]!r:.120}")
    by_module = {Path(f).stem: f for f in files}
    deps = {}
    for f in files:
        text = _COMMENT.sub(" ", (Path(coq_dir) / f).read_text(encoding="utf-8"))
        mods = set()
        for m in re.finditer(r"From\s+Prunegap\s+Require\s+(?:Import\s+|Export\s+)?([^.]*)\.", text):
            mods.update(m.group(1).split())
        for m in re.finditer(r"(?<!From Prunegap )Require\s+(?:Import\s+|Export\s+)?((?:\s*Prunegap\.\w+)+)\s*\.",
                             text):
            mods.update(x.split(".", 1)[1] for x in m.group(1).split())
        deps[f] = [by_module[x] for x in sorted(mods) if x in by_module and by_module[x] != f]
    return deps


def build_coq(src: Path = COQ_DIR, *, workdir=None, timeout: float = 900, jobs: int | None = None) -> CoqBuild:
    """Copy ``src`` (sources only) to a scratch directory and compile every file of ``_CoqProject``.

    A file is compiled once every project file it requires is compiled (:func:`project_dependencies`),
    with up to ``jobs`` coqc processes at once (default :data:`COQ_JOBS`; ``1``: in ``_CoqProject``
    order).  Each file is still compiled from its source in a fresh scratch directory.

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
    jobs = COQ_JOBS if jobs is None else check_int("jobs", jobs, min_value=1, max_value=64)
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
    deps = project_dependencies(dst, files)
    done, running = set(), {}
    t0 = time.perf_counter()
    try:
        todo = list(files)
        while todo or running:
            ready = [f for f in todo if all(d in done for d in deps[f] if d in files)]
            # jobs == 1 keeps the _CoqProject order (each file's dependencies come first there)
            while ready and len(running) < jobs and (jobs > 1 or not running):
                f = ready.pop(0)
                todo.remove(f)
                running[f] = start_tool(["coqc", *flags, f], cwd=dst, timeout=timeout)
            finished = [f for f, p in running.items() if p.poll()]
            if not finished:
                if not running and todo:  # a cycle or a dependency outside _CoqProject order
                    raise ToolFailedError(f"coq build: no compilable file among {todo}", argv=["coqc"])
                time.sleep(0.01)
                continue
            for f in finished:
                run = running.pop(f).wait()
                build.log.append((f, run.seconds))
                done.add(f)
        build.seconds = time.perf_counter() - t0
    except BaseException:
        for p in running.values():
            p.kill()
        if workdir is None:
            build.cleanup()
        raise
    return build


def scan_forbidden(src: Path = COQ_DIR) -> list[str]:
    """Lines of ``theories/*.v`` and ``prob/*.v`` (comments stripped) using Admitted/admit/Axiom/Parameter/Hypothesis."""
    hits = []
    for path in sorted((src / "theories").glob("*.v")) + sorted((src / "prob").glob("*.v")):
        text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8"))
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


def run_statement_file(build: CoqBuild, lines, *, timeout: float = 300, requires=None) -> dict:
    """Run the ``Check`` lines of :func:`pybridge.formal.pin.statement_file_lines` in ``build``.

    ``requires``: the loading lines (default ``Require Import Prunegap.All.``; :func:`require_lines`).
    Returns ``{claim id: printed statement}`` (white space collapsed).
    """
    path = build.coq_dir / "PrunegapStatements.v"
    head = list(requires) if requires is not None else ["Require Import Prunegap.All."]
    path.write_text("\n".join([*head, *lines]) + "\n", encoding="utf-8")
    return parse_statements(build.coqc(path.name, timeout=timeout).output)


def coq_statements(build: CoqBuild, claims, *, timeout: float = 300) -> dict:
    """Printed statements of ``claims`` in ``build``: ``{claim id: (name, statement)}``.

    One coqc run per logical root (``Prunegap``; ``PrunegapProb`` loads mathcomp-analysis), as in the audit.
    """
    claims = [c for c in claim_list(claims) if c.coq]
    printed: dict = {}
    for root in dict.fromkeys(_root(c.coq) for c in claims):
        group = [c for c in claims if _root(c.coq) == root]
        printed.update(run_statement_file(build, statement_file_lines(group), timeout=timeout,
                                          requires=require_lines([c.coq for c in group])))
    return {c.id: (c.coq, printed[c.id]) for c in claims if c.id in printed}


def audit_coq(build: CoqBuild, claims, *, timeout: float = 300, pinned=None, jobs: int | None = None) -> dict:
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
    jobs : int, optional
        The claims are split over this many coqc processes run at once (default :data:`COQ_JOBS`).

    Returns
    -------
    dict
        ``{claim_id: AuditResult}``.
    """
    return start_audit(build, claims, timeout=timeout, pinned=pinned, jobs=jobs).wait()


class PendingAudit:
    """The coqc processes of :func:`start_audit`; :meth:`wait` gives ``{claim_id: AuditResult}``."""

    def __init__(self, parts, pins):
        self._parts, self._pins = parts, pins

    def tools(self) -> list:
        return [p for _, p in self._parts]

    def kill(self) -> None:
        for _, pending in self._parts:
            pending.kill()

    def wait(self) -> dict:
        results = {}
        try:
            for claims, pending in self._parts:
                results.update(_audit_results(claims, pending, self._pins))
        finally:
            self.kill()
        return results


#: claim id of the one ``Print Assumptions`` of the union audit (``scope="union"``)
UNION = "__union__"


def start_audit(build: CoqBuild, claims, *, timeout: float = 300, pinned=None, jobs: int | None = None,
                scope: str = "each") -> PendingAudit:
    """Start the audit of :func:`audit_coq` (``jobs`` coqc processes) and return without waiting.

    ``scope="union"`` (the quick run): one ``Print Assumptions`` of the tuple of every registered theorem,
    whose axioms are the union of theirs (one traversal of the shared library instead of one per theorem;
    each theorem's axioms are a subset, so "all on the allow-list" is decided exactly), in one coqc
    process; the statements are still printed and compared one by one.  Each claim's ``axioms`` are then
    the union (``AuditResult.message`` says so).
    """
    pins = read_golden(COQ_GOLDEN if pinned is None else pinned) if not isinstance(pinned, dict) else pinned
    jobs = COQ_JOBS if jobs is None else check_int("jobs", jobs, min_value=1, max_value=64)
    if scope not in ("each", "union"):
        raise InvalidArgument(f"scope must be 'each' or 'union', got scope={scope!r:.80}")
    claims = [c for c in claims if c.coq]
    # theorems outside Prunegap (mathcomp-analysis) get their own coqc run: loading that library never
    # touches the statements printed for Prunegap's, and their axioms are never in a union with others
    others = [c for c in claims if _root(c.coq) != "Prunegap"]
    claims = [c for c in claims if _root(c.coq) == "Prunegap"]
    if scope == "union":
        jobs = 1
    chunks = [claims[i::jobs] for i in range(jobs) if claims[i::jobs]] or [[]]
    chunks += [others] if others else []
    parts = []
    try:
        for k, chunk in enumerate(chunks):
            lines = require_lines([c.coq for c in chunk])
            if scope == "union" and chunk and chunk is not others:
                lines.append("Definition prunegap_audit_union := (" + ", ".join(f"@{c.coq}" for c in chunk) + ").")
                lines.append(f'Goal True. idtac "AUDIT {UNION} prunegap_audit_union". Abort.')
                lines.append("Print Assumptions prunegap_audit_union.")
            for c in chunk if scope == "each" or chunk is others else ():
                lines.append(f'Goal True. idtac "AUDIT {c.id} {c.coq}". Abort.')
                lines.append(f"Print Assumptions {c.coq}.")
            lines += statement_file_lines(chunk)
            name = "PrunegapAudit.v" if k == 0 else f"PrunegapAudit{k}.v"
            (build.coq_dir / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            parts.append((chunk, start_tool(["coqc", *build.flags, name], cwd=build.coq_dir, timeout=timeout)))
    except BaseException:
        for _, p in parts:
            p.kill()
        raise
    return PendingAudit(parts, pins)


def _audit_results(claims, pending, pins) -> dict:
    results = {}
    try:
        run = pending.wait()
    except ToolFailedError as exc:
        for c in claims:
            ok = re.search(rf"\b{re.escape(c.coq)}\b.*not (a defined object|found)", exc.output or "")
            results[c.id] = AuditResult(c.id, c.coq, "failed", message="audit file failed: " +
                                        ("theorem not found" if ok else (exc.output or "")[-300:]))
        return results
    parsed = parse_assumptions(run.output)
    printed = parse_statements(run.output)
    for c in claims:
        info = parsed.get(c.id, parsed.get(UNION))
        if info is None:
            results[c.id] = AuditResult(c.id, c.coq, "failed", message="no audit output for this theorem")
            continue
        allowed = allowed_axiom_types(c.coq)
        bad = tuple(a for a in info["axioms"] if _norm(info["types"].get(a, "")) != _norm(allowed.get(a, "\0")))
        other = tuple(info["other"])
        msg = ("disallowed axioms: " + ", ".join(bad) if bad else "") + \
              (("; unexpected Print Assumptions output: " + " | ".join(other[:3])) if other else "")
        outcome = "failed" if bad or other else "proved"
        if c.id not in parsed and UNION in parsed:
            msg = (msg + "; " if msg else "") + ("axioms: union over all registered theorems (quick audit; "
                                                 "this theorem's are a subset)")
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
    return start_replay_certificates(build, certs, timeout=timeout).wait()


class PendingReplay:
    """The coqc process of :func:`start_replay_certificates`; :meth:`wait` gives its summary dict."""

    def __init__(self, pending, count):
        self._pending, self._count = pending, count

    def tools(self) -> list:
        return [self._pending]

    def kill(self) -> None:
        self._pending.kill()

    def wait(self) -> dict:
        try:
            run = self._pending.wait()
        finally:
            self.kill()
        return {"replayed": self._count, "seconds": run.seconds, "cpu_seconds": run.cpu_seconds}


def start_replay_certificates(build: CoqBuild, certs, *, timeout: float = 600) -> PendingReplay:
    """Start the replay of :func:`replay_certificates` and return without waiting."""
    header = ("From Coq Require Import List QArith.\nRequire Import Prunegap.Checker.\n"
              "Import ListNotations.\nLocal Open Scope Q_scope.\n\n")
    certs = list(certs)
    body = "\n".join(certificate_to_coq(c, f"Cert{i}") for i, c in enumerate(certs))
    path = build.coq_dir / "PrunegapReplay.v"
    path.write_text(header + body, encoding="utf-8")
    return PendingReplay(start_tool(["coqc", *build.flags, path.name], cwd=build.coq_dir, timeout=timeout),
                         len(certs))
