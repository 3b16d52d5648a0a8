"""Fuzz the CLI through its in-process entry point ``pybridge.cli.main(argv)``.

Generated argv: a command (``rss``, ``gap``, ``constants``, ``formal``, ``check``, ``claims``, or junk), then
flags of that command (read from the parser itself, plus a few that do not exist) with plausible or wild
values ("1e999", "nan", "-1", 2^64, "1/0", "", unicode, paths into /proc and /sys and through a regular
file), then always ``--max-seconds S`` with S in {0.5, 2, 4}.  The properties:

* the exit status is 0, 1, 2 or 3 (never 70, an internal error, and never an exception out of ``main``);
* standard error never holds a traceback; a usage error (exit 2) is one line (plus the plan line, if any);
* every run ends within 3 S + 5 s: the run was accepted only if its announced estimate was at most S, so a
  cost model that underestimates fails here (the bounded-work check refuses long inputs fast).

The commands: rss, gap, constants, formal, check, claims, rfss, rare, statdim, prunelimit and sweep (``.npy`` and
spec files for the last two are written in the scratch directory).  CI profile: 600 inputs (derandomized);
``PRUNEGAP_FUZZ=large``: 5,000.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.outcomes import record
from fuzz.values import scaled
from pybridge import cli

#: ``PRUNEGAP_FUZZ_LOG=PATH`` logs every argv before it runs and its time after (triage of a slow input)
_LOG = os.environ.get("PRUNEGAP_FUZZ_LOG")
COMMANDS = ("rss", "gap", "constants", "formal", "check", "claims", "rfss", "rare", "statdim", "prunelimit", "sweep")

WILD = st.one_of(
    st.sampled_from(["", "-1", "0", "1e999", "-1e999", "nan", "inf", "-inf", "1/0", "abc", "18446744073709551616",
                     "9223372036854775807", "1" * 5000, "0x10", "1e-320", "--", "-", "ö", "\x00", "3.5", "1e308",
                     "/proc/prunegap", "/sys/prunegap", "/etc/passwd/report", "/dev/null", "/", ".", "  7 "]),
    st.integers(-10**6, 10**6).map(str), st.floats(allow_nan=True).map(repr), st.text(max_size=6),
)

PLAUSIBLE = {
    "--n": st.integers(0, 14).map(str), "--eps": st.sampled_from(["0.1", "0.05", "0.2", "0.3", "0.01", "1e-3"]),
    "--trials": st.integers(1, 40).map(str), "--workers": st.sampled_from(["1", "1", "1", "2"]),
    "--seed": st.integers(0, 2**64).map(str), "--dist": st.sampled_from(["uniform", "normal", "product", "pensia"]),
    "--interval": st.sampled_from(["-1 1", "-0.5 0.5", "0 1", "1 -1"]), "--confidence": st.sampled_from(["0.9", "0.95"]),
    "--half-width": st.sampled_from(["0.1", "0.2", "0.05"]), "--density": st.sampled_from(["0.5", "1", "0.9"]),
    "--model": st.sampled_from(["M0", "M1"]), "--law": st.sampled_from(["G", "U"]), "--d": st.integers(1, 3).map(str),
    "--target": st.sampled_from(["axis", "diagonal", "random"]), "--pruning": st.sampled_from(["neuron", "weight", "rf"]),
    "--dps": st.integers(15, 40).map(str), "--replay": st.integers(0, 5).map(str),
    "--only": st.sampled_from(["constants", "rss", "formal", "nope"]),
    "names": st.sampled_from(["q-eps", "eta-eps", "lueker-kappa", "n-half", "nope"]),
    "--k": st.integers(1, 5).map(str), "--replications": st.integers(2, 3).map(str),
    "--rel-error": st.sampled_from(["0.5", "2", "1e-3"]), "--s": st.integers(1, 4).map(str),
    "--angle": st.sampled_from(["pi/6", "1/2", "pi/3", "2", "pi"]), "--mc": st.integers(2, 200).map(str),
    "--export": st.sampled_from(["out.csv", "out.txt", "/proc/x.csv"]),
    "cone": st.sampled_from(["orthant", "subspace", "circular", "l1-descent", "nope"]),
}
#: files the generated argv of prunelimit and sweep point to (written once per run in the scratch directory)
FILES = {"w.npy": None, "l.npy": None, "bad.npy": b"\x93NUMPY\x01\x00junk", "spec.toml":
         '[[sweep]]\nengine = "rss"\nn = [4, 6]\neps = 0.2\ntrials = 8\nseed = 1\n', "bad.toml": "[[sweep]]\nn = 1\n",
         "big.toml": '[[sweep]]\nengine = "rfss"\nn = [30000]\nk = 100\neps = 0.01\ntrials = 100\nseed = 1\n'}
FILE_ARGS = st.sampled_from(sorted(FILES))
FLAGS_ONLY = {"--json", "--quick", "--no-progress", "--help", "--status"}


def _flags(command: str) -> list:
    parser = cli.build_parser()
    sub = next(a for a in parser._subparsers._group_actions if hasattr(a, "choices"))
    p = sub.choices[command]
    return sorted({o for o in p._option_string_actions if o.startswith("--") and o not in ("--help", "--max-seconds")})


FLAGS = {c: _flags(c) for c in COMMANDS}


@st.composite
def argvs(draw, out_dir: str):
    command = draw(st.one_of(st.sampled_from(COMMANDS), st.sampled_from(["nope", "", "--version", "-x"])))
    argv = [command]
    known = FLAGS.get(command, [])
    if command in ("rss", "gap", "rfss", "rare") and draw(st.integers(0, 4)):  # usually the required flags
        need = ["--n", "--eps"] + (["--model", "--law", "--d"] if command == "gap" else
                                   ["--k"] if command == "rfss" else [])
        for flag in need:
            argv += [flag, draw(PLAUSIBLE[flag]).split()[0]]
        if command in ("rss", "rfss"):
            argv += ["--trials", draw(PLAUSIBLE["--trials"])]
        if command == "rare":
            argv += ["--replications", draw(PLAUSIBLE["--replications"])]
    if command == "statdim" and draw(st.integers(0, 4)):
        argv.append(draw(PLAUSIBLE["cone"]))
    if command == "prunelimit" and draw(st.integers(0, 4)):
        argv += ["--spectrum", draw(FILE_ARGS), "--weights", draw(FILE_ARGS), "--eps", draw(PLAUSIBLE["--eps"])]
    if command == "sweep" and draw(st.integers(0, 4)):
        argv += [draw(FILE_ARGS), "--store", "store.sqlite"] + (["--workers", "1"] if draw(st.booleans()) else [])
    for _ in range(draw(st.integers(0, 4))):
        flag = draw(st.one_of(st.sampled_from(known or ["--x"]), st.sampled_from(["--bogus", "--n", "-h"])))
        if flag in FLAGS_ONLY:
            if flag != "--help" or draw(st.integers(0, 9)) == 0:
                argv.append(flag)
            continue
        if flag == "--out":
            value = draw(st.one_of(st.just(out_dir), WILD))
        elif flag in ("--spectrum", "--weights", "--store") and draw(st.booleans()):
            value = draw(FILE_ARGS)
        elif flag in PLAUSIBLE and draw(st.integers(0, 9)) < 6:
            value = draw(PLAUSIBLE[flag])
        else:
            value = draw(WILD)
        argv += [flag, *value.split(" ")] if flag == "--interval" else [flag, value]
    if command == "constants" and draw(st.booleans()):
        argv += [draw(PLAUSIBLE["names"]) for _ in range(draw(st.integers(1, 2)))]
    if command == "check" and "--out" not in argv:
        argv += ["--out", out_dir]
    limit = draw(st.sampled_from(["0.5", "2", "4"]))
    return argv + ["--max-seconds", limit], float(limit)


class Overrun(BaseException):
    """The watchdog fired: a run went far past its bound."""


def _overrun(signum, frame):
    raise Overrun()


def test_cli_answers_every_argv(tmp_path_factory, monkeypatch):
    import numpy as np

    out_dir = str(tmp_path_factory.mktemp("fuzz") / "report")
    # relative paths of generated argv (--out, --store, reports) land in a scratch directory, never in the repo
    cwd = tmp_path_factory.mktemp("cwd")
    monkeypatch.chdir(cwd)
    for name, content in FILES.items():
        if content is None:
            np.save(cwd / name, np.random.default_rng(len(name)).standard_normal(12))
        elif isinstance(content, bytes):
            (cwd / name).write_bytes(content)
        else:
            (cwd / name).write_text(content)

    @settings(max_examples=scaled(600, 5000), deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(argvs(out_dir))
    def run(case):
        argv, limit = case
        if _LOG:
            with open(_LOG, "a") as fh:
                fh.write(f"start {argv!r}\n")
        out, err = io.StringIO(), io.StringIO()
        t0 = time.perf_counter()
        # watchdog: a run far past its bound fails with its argv instead of hanging the suite
        previous = signal.signal(signal.SIGALRM, _overrun)
        signal.setitimer(signal.ITIMER_REAL, 3 * limit + 30)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = cli.main(argv)
                except BaseException as exc:  # main must never raise (SystemExit included)
                    record("cli", argv[0], f"RAISED {type(exc).__name__}")
                    raise AssertionError(f"main({argv!r}) raised {type(exc).__name__}: {exc}") from exc
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        seconds = time.perf_counter() - t0
        text = err.getvalue()
        if _LOG:
            with open(_LOG, "a") as fh:
                fh.write(f"end {seconds:.2f} s exit {code}\n")
        record("cli", argv[0], f"exit {code}")
        assert code in (0, 1, 2, 3), f"main({argv!r}) exited {code}: {text[-500:]}"
        assert "Traceback" not in text, f"main({argv!r}) printed a traceback: {text[-800:]}"
        if code == 2:
            errors = [line for line in text.splitlines() if "error" in line]
            assert len(errors) == 1, f"main({argv!r}) usage error is not one line: {text[-800:]}"
        assert seconds <= 3 * limit + 5, f"main({argv!r}) ran {seconds:.1f} s past its bound {limit} s"

    run()
