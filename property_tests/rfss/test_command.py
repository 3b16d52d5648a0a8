"""CLI tests: ``prunegap rfss``, ``prunegap rss --density`` and the rfss/masks sections of ``prunegap check``.

Claims: rfss-theorem2-fixed-target, masks-mixture-identity.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FIELDS = ("n", "k", "eps", "target_interval", "target", "dist", "density", "trials", "successes", "ci_low",
          "ci_high", "confidence", "seed_entropy")


class _Result:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def _cli(*args, timeout=300, capsys=None):
    """In process (``pybridge.cli.main``) when ``capsys`` is given, else a subprocess."""
    if capsys is None:
        return subprocess.run([sys.executable, "-m", "pybridge.cli", *args], capture_output=True, text=True,
                              timeout=timeout)
    from pybridge.cli import main

    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out = capsys.readouterr()
    return _Result(code, out.out, out.err)


def test_rfss_json_fields_and_worker_free(capsys):
    a = _cli("rfss", "--n", "20", "--k", "3", "--eps", "0.05", "--trials", "100", "--seed", "4", "--json", capsys=capsys)
    assert a.returncode == 0, a.stderr
    d = json.loads(a.stdout)
    assert all(f in d for f in FIELDS)
    assert d["target_exact"] == "[-sqrt(3), sqrt(3)]" and d["density"] is None
    b = _cli("rfss", "--n", "20", "--k", "3", "--eps", "0.05", "--trials", "100", "--seed", "4", "--json",
             "--workers", "2", capsys=capsys)
    assert json.loads(b.stdout)["successes"] == d["successes"]
    c = _cli("rfss", "--n", "20", "--k", "3", "--eps", "0.05", "--trials", "100", "--seed", "4", "--json",
             "--target", "0.5", "--density", "0.5", "--dist", "mixture", capsys=capsys)
    dc = json.loads(c.stdout)
    assert dc["target"] == 0.5 and dc["density"] == 0.5 and dc["dist"] == "mixture"
    text = _cli("rfss", "--n", "12", "--k", "2", "--eps", "0.1", "--interval", "-1", "1", "--trials", "50", capsys=capsys)
    assert text.returncode == 0 and "Clopper-Pearson" in text.stdout


def test_rss_density_json(capsys):
    p = _cli("rss", "--n", "16", "--eps", "0.05", "--trials", "100", "--seed", "2", "--density", "0.6", "--json", capsys=capsys)
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert d["density"] == 0.6 and d["trials"] == 100
    q = _cli("rss", "--n", "16", "--eps", "0.05", "--trials", "100", "--seed", "2", "--json", capsys=capsys)
    assert json.loads(q.stdout)["density"] is None


@pytest.mark.parametrize("args, flag", [
    (("rfss", "--n", "10", "--k", "0", "--eps", "0.1"), "--k"),
    (("rfss", "--n", "10", "--k", "2", "--eps", "-0.1"), "--eps"),
    (("rfss", "--n", "10", "--k", "2", "--eps", "0.1", "--density", "0"), "--density"),
    (("rfss", "--n", "10", "--k", "2", "--eps", "0.1", "--dist", "normal"), "--dist"),
    (("rfss", "--n", "10", "--k", "2", "--eps", "0.1", "--interval", "1", "0"), "--interval"),
    (("rss", "--n", "10", "--eps", "0.1", "--density", "1.5"), "--density"),
])
def test_bad_input_one_line_exit_2(args, flag, capsys):
    p = _cli(*args, capsys=capsys)
    assert p.returncode == 2
    assert flag in p.stderr and len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr


def test_check_rfss_and_masks_sections(tmp_path):
    out = tmp_path / "rep"
    p = _cli("check", "--quick", "--only", "rfss", "masks", "--seed", "5", "--out", str(out), "--no-progress",
             "--workers", "1", timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    res = json.loads((out / "results.json").read_text())
    ids = {c["id"]: c for c in res["claims"]}
    assert ids["rfss-counting-bound"]["status"] in ("checked exactly on instances", "proved in Coq")
    assert ids["masks-mixture-identity"]["status"] == "checked exactly on instances"
    for f in ("rfss_cover_probability.png", "rfss_threshold.png", "masks_factor.png"):
        assert (out / f).stat().st_size > 1000
    md = (out / "report.md").read_text()
    assert "rfss-theorem2-fixed-target" in md and "n*_p / n*_1" in md
