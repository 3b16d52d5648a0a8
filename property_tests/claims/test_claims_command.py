"""``prunegap claims`` (issue 16 §1): the list with statuses and dependencies, one claim with its whole chain."""

from __future__ import annotations

import json

import pytest

from pybridge.claims import SectionResult, chain
from pybridge.cli import main
from pybridge.domains import registry
from pybridge.report import write_report
from strategies import synthetic_record

CLAIMS = registry()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    records = [synthetic_record("kink-angle-law", "holds", "monte-carlo"),
               synthetic_record("theorem-a", "holds", "monte-carlo")]
    records += [synthetic_record(cid, "holds", "certified") for cid, c in CLAIMS.items() if c.kind == "constant"]
    sec = SectionResult(name="demo", title="Demo", evidence=records)
    formal = {cid: "proved" for cid, c in CLAIMS.items() if c.coq}
    meta = {"mode": "quick", "seed_entropy": "7", "workers": 1, "seconds": 0.1, "versions": {}}
    return write_report(tmp_path_factory.mktemp("claims") / "rep", meta=meta, sections=[sec], claims=CLAIMS,
                        formal=formal)


def test_list_shows_every_claim_with_status_backing_and_uses(report, capsys):
    assert main(["claims", "--report", str(report)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "seed entropy 7" in out[0]
    lines = {line.split()[0]: line for line in out[1:-1]}
    assert set(lines) == set(CLAIMS)
    assert "proved in Coq" in lines["theorem-a-core"] and "fully backed" in lines["theorem-a-core"]
    assert "weakest: kink-angle-law (checked by Monte Carlo)" in lines["theorem-a"]
    assert "uses: theorem-a-core, kink-arc-three-point" in lines["theorem-a"]
    assert out[-1].startswith(f"{len(CLAIMS)} claims:")


def test_one_claim_prints_its_whole_chain(report, capsys):
    assert main(["claims", "--report", str(report), "const-n-half"]) == 0
    out = capsys.readouterr().out
    assert "rests on `theorem-a`, checked by Monte Carlo only" in out
    for dep in chain("const-n-half", CLAIMS):
        assert f"── {dep} [" in out, dep


def test_json_list_and_one(report, capsys):
    assert main(["claims", "--report", str(report), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in data["claims"]] == list(CLAIMS)
    assert sum(data["counts"].values()) == len(CLAIMS)
    assert main(["claims", "--report", str(report), "--json", "theorem-a"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert one["chain"] == list(chain("theorem-a", CLAIMS)) and one["fully_backed"] is False
    assert one["weakest"] == "kink-angle-law" and one["claim"]["id"] == "theorem-a"


def test_without_a_report_every_status_is_not_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["claims", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["report"] is None and {c["status"] for c in data["claims"]} == {"not run"}
    assert not any(c["fully_backed"] for c in data["claims"])


@pytest.mark.parametrize("argv, message", [
    (["claims", "no-such-claim"], "ID must be a registered claim id, got ID='no-such-claim'"),
    (["claims", "--report", "/nonexistent/dir"], "--report must be a prunegap check report"),
])
def test_bad_input_is_one_line_and_exit_2(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_unreadable_report_is_refused(tmp_path, capsys):
    (tmp_path / "results.json").write_text("{not json")
    assert main(["claims", "--report", str(tmp_path)]) == 2
    assert "results.json is unreadable" in capsys.readouterr().err
