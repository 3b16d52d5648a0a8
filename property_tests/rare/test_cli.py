"""``prunegap rare`` on the command line (issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys


def _run(*argv):
    return subprocess.run([sys.executable, "-m", "pybridge.cli", "rare", *argv], capture_output=True, text=True,
                          timeout=300)


def test_rare_json_has_the_issue_fields():
    p = _run("--n", "24", "--eps", "1e-2", "--replications", "4", "--seed", "3", "--workers", "1", "--json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    for k in ("n", "eps", "dist", "target_interval", "q_hat", "ci_low", "ci_high", "confidence", "method",
              "replications", "seed_entropy", "levels", "moves", "acceptance_rate"):
        assert k in d
    assert d["n"] == 24 and d["replications"] == 4 and d["seed_entropy"] == "3"
    assert d["ci_low"] <= d["q_hat"] <= d["ci_high"]


def test_rare_bad_input_is_one_line_exit_2():
    p = _run("--n", "10", "--eps", "-1")
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "--eps" in p.stderr and "Traceback" not in p.stderr


def test_rare_bad_input_in_process(capsys):
    from pybridge.cli import main

    for argv, flag in ((["--n", "10", "--eps", "0.1", "--dist", "foo"], "--dist"),
                       (["--n", "10", "--eps", "0.1", "--interval", "1", "-1"], "--interval"),
                       (["--n", "0", "--eps", "0.1"], "--n"),
                       (["--n", "10", "--eps", "0.1", "--rel-error", "-2"], "--rel-error")):
        assert main(["rare", *argv]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and flag in err, (argv, err)
    try:
        main(["rare", "--n", "10", "--eps", "0.1", "--rel-error", "0.1", "--replications", "3"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "not allowed" in capsys.readouterr().err
