"""The coqc-free pieces of the Coq audit, pinned on hand-written inputs (issue 10 §3, mutation target coq-audit).

``parse_assumptions`` reads coqc's ``Print Assumptions`` output after our ``AUDIT <claim> <name>`` markers;
``scan_forbidden`` reports the line of every forbidden vernacular outside comments; ``certificate_to_coq`` writes
a replay module; ``AuditResult.to_dict`` is what ``results.json`` stores.  Expected values are written out by
hand from the Coq 8.16 output format (an axiom's name at column 0, its type on the same line after `` : `` or
on indented continuation lines; other sections start with a header line ending in ``:``).
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.formal.coq import AuditResult, _norm, certificate_to_coq, parse_assumptions, scan_forbidden
from pybridge.rss.certificate import build_certificate


# --------------------------------------------------------------------------- parse_assumptions

def test_parse_assumptions_refuses_a_non_str_naming_text():
    with pytest.raises(InvalidType, match=r"^text must be a str, got text=12 "):
        parse_assumptions(12)


def test_a_fresh_block_does_not_inherit_the_previous_axiom_section():
    """After block ``a``'s axioms, a free-standing line of block ``b`` is 'other', not an axiom of ``b``."""
    text = "AUDIT a T.a\nAxioms:\nFoo.bar : True\nAUDIT b T.b\nT.b is not universe polymorphic\n"
    out = parse_assumptions(text)
    assert out["a"]["axioms"] == ["Foo.bar"] and out["a"]["other"] == []
    assert out["b"] == {"name": "T.b", "axioms": [], "types": {}, "closed": False,
                        "other": ["T.b is not universe polymorphic"]}


def test_a_line_before_any_axioms_header_is_other():
    out = parse_assumptions("AUDIT a T.a\nSomething else\n  indented too\n")
    assert out["a"]["axioms"] == [] and out["a"]["other"] == ["Something else", "indented too"]


def test_one_letter_axiom_names_on_one_line():
    """``P : Prop`` has a space in column 1: still an axiom name line, not a continuation."""
    out = parse_assumptions("AUDIT a T.a\nAxioms:\nP : Prop\nQ\n  : nat -> Prop\n")
    assert out["a"]["axioms"] == ["P", "Q"]
    assert out["a"]["types"] == {"P": "Prop", "Q": "nat -> Prop"}
    assert out["a"]["other"] == []


def test_section_header_ends_the_axioms_and_what_follows_is_other():
    text = ("AUDIT a T.a\nAxioms:\nFoo.bar\n  : forall n : nat,\n    n = n\n"
            "Fixpoints relying on unguarded recursion:   \n  T.bad\nT.worse\n"
            "AUDIT b T.b\nClosed under the global context\n")
    out = parse_assumptions(text)
    assert out["a"]["axioms"] == ["Foo.bar"]
    assert out["a"]["types"]["Foo.bar"] == "forall n : nat, n = n"  # continuation lines joined, ": " dropped
    assert out["a"]["other"] == ["Fixpoints relying on unguarded recursion:", "T.bad", "T.worse"]
    assert out["b"]["closed"] and out["b"]["axioms"] == [] and out["b"]["other"] == []


def test_a_line_with_a_typing_colon_is_an_axiom_even_if_it_ends_with_a_colon():
    out = parse_assumptions("AUDIT a T.a\nAxioms:\nweird : T:\n")
    assert out["a"]["axioms"] == ["weird"] and out["a"]["types"] == {"weird": "T:"}


def test_continuation_text_keeps_its_leading_letters():
    """Only the ``: `` that starts a continuation is dropped; a type beginning with X stays whole."""
    out = parse_assumptions("AUDIT a T.a\nAxioms:\nAx\n  : X -> XX\n")
    assert out["a"]["types"] == {"Ax": "X -> XX"}


def test_statement_block_ends_the_audit_block():
    text = "AUDIT a T.a\nAxioms:\nFoo : True\nSTATEMENT a T.a\nBar : False\n  : more\nAUDIT b T.b\nBaz : True\n"
    out = parse_assumptions(text)
    assert out["a"]["axioms"] == ["Foo"] and out["a"]["types"] == {"Foo": "True"} and out["a"]["other"] == []
    assert out["b"]["axioms"] == [] and out["b"]["other"] == ["Baz : True"]


# --------------------------------------------------------------------------- scan_forbidden

def _theories(tmp_path, files):
    (tmp_path / "theories").mkdir()
    for name, text in files.items():
        (tmp_path / "theories" / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_scan_forbidden_line_numbers_count_lines_inside_comments(tmp_path):
    src = _theories(tmp_path, {
        "A.v": "(* line 1\n   Axiom hidden : False.\n   line 3 *)\nLemma ok : True.\nAdmitted.\n",
        "B.v": "Axiom x : False. (* ε and ≥ in a comment *)\n(* one-line *) Parameter p : nat.\n",
    })
    assert scan_forbidden(src) == ["A.v:5: Admitted.", "B.v:1: Axiom x : False.", "B.v:2: Parameter p : nat."]


def test_scan_forbidden_sees_a_keyword_that_touches_a_multi_line_comment(tmp_path):
    """A comment is blanked to its newlines only: ``Admitted(* ... *).`` still reads as ``Admitted``."""
    src = _theories(tmp_path, {"D.v": "Lemma x : True.\nAdmitted(* a\n b *).\n"})
    assert scan_forbidden(src) == ["D.v:2: Admitted"]


def test_scan_forbidden_of_a_clean_tree_is_empty(tmp_path):
    src = _theories(tmp_path, {"C.v": "(* Axiom in a comment only *)\nLemma t : True. Proof. exact I. Qed.\n"})
    assert scan_forbidden(src) == []


# --------------------------------------------------------------------------- certificate_to_coq

@pytest.fixture(scope="module")
def cert():
    return build_certificate([Fraction(1, 2), Fraction(-1, 4), Fraction(3, 4)], Fraction(1, 4), 0, 1)


def test_certificate_to_coq_names_its_arguments(cert):
    with pytest.raises(InvalidType, match=r"^cert must be"):
        certificate_to_coq("not a certificate")
    with pytest.raises(InvalidType, match=r"^name must be a str, got name=3 "):
        certificate_to_coq(cert, 3)


def test_certificate_to_coq_name_length_limit_is_200(cert):
    assert certificate_to_coq(cert, "c" * 200).startswith("Module " + "c" * 200 + ".\n")
    with pytest.raises(InvalidArgument, match=r"^name must have at most 200 characters, got 201$"):
        certificate_to_coq(cert, "c" * 201)


def test_certificate_to_coq_accepts_upper_case_identifiers(cert):
    text = certificate_to_coq(cert, "Cert_A1'")
    assert text.startswith("Module Cert_A1'.\n") and text.endswith("End Cert_A1'.\n")
    with pytest.raises(InvalidArgument, match=r"^name must be a Coq identifier, got name='1bad'$"):
        certificate_to_coq(cert, "1bad")


# --------------------------------------------------------------------------- results.json rows

def test_audit_result_to_dict():
    r = AuditResult("c-id", "Prunegap.T.thm", "failed", axioms=("A", "B"), disallowed=("B",), message="m",
                    statement="forall x, x = x")
    assert r.to_dict() == {"claim_id": "c-id", "coq": "Prunegap.T.thm", "outcome": "failed", "axioms": ["A", "B"],
                           "disallowed": ["B"], "message": "m", "statement": "forall x, x = x"}
    assert AuditResult("c", "n", "proved").to_dict()["axioms"] == []


def test_norm_collapses_whitespace_only():
    assert _norm("  forall (A : Type),\n\t  A ->   A ") == "forall (A : Type), A -> A"
    assert _norm("") == ""
