"""A stand-in ``coqc`` for the replay tests: as strict as coqc about what the replay hands it, with no Coq.

Written to a temporary ``bin/coqc`` (shebang: the test's Python) by ``test_replay_stand_in.py``.  It imports
nothing from prunegap.  Behaviour, modelled on coqc 8.16:

- ``--version``: prints ``$COQC_VERSION_TEXT`` (default: the 8.16.1 banner).
- Options as coqc parses them: ``-q``; ``-R DIR LIB`` / ``-Q DIR LIB`` (two arguments each; the directory must
  exist); anything else starting with ``-`` is "Unknown option" (exit 1); exactly one ``.v`` file, which must
  exist relative to the working directory.
- A project file (``Require Import Prunegap.X ...`` / ``From Prunegap Require Import X``) compiles only when
  ``X.vo`` exists in the directory bound to ``Prunegap``; then ``F.vo`` is written next to ``F.v``.
- A replay file must consist of exactly these sentences (Coq is case-sensitive): ``From Coq Require Import``
  of standard-library modules, ``From Prunegap Require Import Decide`` (``Decide.vo`` bound as above),
  ``Import ListNotations`` (after ``List`` is loaded), and ``Eval vm_compute in [t1; ...; tk]`` whose items are
  ``decide_cover D%positive [(x)%Z; ...] (e)%Z (a)%Z (b)%Z`` (needs ``ZArith`` and the imports above).  Each
  item is decided independently here (all subset sums, union of the closed intervals [s - e, s + e]) and the
  list is printed as coqc prints it; ``$COQC_ANSWERS`` overrides the answers (to plant a disagreement).

Also: ``$COQC_LOG`` (append ``cwd<TAB>argv`` per call), ``$COQC_SLEEP_ON=<file name>:<seconds>`` (sleep before
compiling that file), ``$COQC_PIDFILE`` (write the pid), ``$COQC_REMOVE_CWD=1`` (delete the working directory
after a replay evaluation, as a concurrent sweep could), ``$COQC_NOISE=<k>`` (print k lines of noise first).
"""

STAND_IN = r'''
import os, re, shutil, sys, time
from itertools import combinations

STDLIB = {"ZArith", "List", "QArith", "Qreals", "Reals", "Lra", "Lia", "Bool", "Arith", "PArith"}
TERM = re.compile(r"decide_cover\s+(\d+)%positive\s+\[((?:\s*\(-?\d+\)%Z\s*(?:;\s*\(-?\d+\)%Z\s*)*)?)\]\s+"
                  r"\((-?\d+)\)%Z\s+\((-?\d+)\)%Z\s+\((-?\d+)\)%Z")


def fail(msg):
    sys.stderr.write("Error: " + msg + "\n")
    sys.exit(1)


def covered(xs, e, a, b):
    if a > b:
        return True
    if e < 0:
        return False
    sums = sorted({sum(c) for k in range(len(xs) + 1) for c in combinations(xs, k)})
    reach = a
    for s in sums:
        if s - e > reach:
            return False
        reach = max(reach, s + e)
        if reach >= b:
            return True
    return reach >= b


def project_requires(text):
    mods = []
    for m in re.finditer(r"Require\s+(?:Import|Export)\s+([^.]*(?:\.[A-Za-z][^.\s]*)*)\.", text):
        mods += [w.split(".", 1)[1] for w in m.group(1).split() if w.startswith("Prunegap.")]
    for m in re.finditer(r"From\s+Prunegap\s+Require\s+(?:Import|Export)\s+([^.]*)\.", text):
        mods += m.group(1).split()
    return mods


def bound(maps, lib, mod):
    if lib not in maps or not os.path.isfile(os.path.join(maps[lib], mod + ".vo")):
        fail(f"Cannot find a physical path bound to logical path {lib}.{mod}.")


def main(args):
    if os.environ.get("COQC_LOG"):
        with open(os.environ["COQC_LOG"], "a") as fh:
            fh.write(os.getcwd() + "\t" + " ".join(args) + "\n")
    if os.environ.get("COQC_PIDFILE"):
        with open(os.environ["COQC_PIDFILE"], "w") as fh:
            fh.write(str(os.getpid()))
    if args == ["--version"]:
        print(os.environ.get("COQC_VERSION_TEXT", "The Coq Proof Assistant, version 8.16.1\ncompiled with OCaml 4.14"))
        return
    maps, files, i = {}, [], 0
    while i < len(args):
        a = args[i]
        if a == "-q":
            i += 1
        elif a in ("-R", "-Q"):
            if i + 2 >= len(args):
                fail(f"{a} expects a directory and a logical path")
            if not os.path.isdir(args[i + 1]):
                fail(f"cannot open {args[i + 1]} (no such directory)")
            maps[args[i + 2]] = args[i + 1]
            i += 3
        elif a.startswith("-"):
            fail(f"Unknown option {a}")
        else:
            files.append(a)
            i += 1
    if len(files) != 1 or not files[0].endswith(".v"):
        fail(f"expected one .v file, got {files}")
    f = files[0]
    if not os.path.isfile(f):
        fail(f"Can't find file {f}")
    sleep = os.environ.get("COQC_SLEEP_ON", "")
    if sleep and os.path.basename(f) == sleep.split(":")[0]:
        time.sleep(float(sleep.split(":")[1]))
    text = re.sub(r"\(\*.*?\*\)", " ", open(f).read(), flags=re.S)
    here = os.path.dirname(os.path.abspath(f))
    if any(here == os.path.abspath(d) for d in maps.values()):  # a project file
        for mod in project_requires(text):
            bound(maps, "Prunegap", mod)
        open(f[:-2] + ".vo", "w").write("stand-in\n")
        return
    for _ in range(int(os.environ.get("COQC_NOISE", "0"))):
        print("noise line " + "x" * 60)
    loaded, imported, answers = set(), set(), None
    sentences = [s.strip() for s in re.split(r"\.(?:\s+|$)", text.strip())]
    if sentences[-1] != "":
        fail("the file does not end with a complete sentence")
    for s in sentences[:-1]:
        if re.fullmatch(r"From Coq Require Import( \w+)+", s):
            for m in s.split()[4:]:
                if m not in STDLIB:
                    fail(f"Cannot find a physical path bound to logical path {m} with prefix Coq.")
                loaded.add(m)
        elif re.fullmatch(r"From Prunegap Require Import( \w+)+", s):
            for m in s.split()[4:]:
                bound(maps, "Prunegap", m)
                imported.add(m)
        elif s == "Import ListNotations":
            if "List" not in loaded:
                fail("The reference ListNotations was not found in the current environment.")
            imported.add("ListNotations")
        elif s.startswith("Eval vm_compute in "):
            if not {"ZArith"} <= loaded or not {"Decide", "ListNotations"} <= imported:
                fail("The reference decide_cover (or the list notation, or %Z) was not found.")
            body = s[len("Eval vm_compute in "):]
            m = re.fullmatch(r"\[\s*(.*?)\s*\]", body, re.S)
            if not m:
                fail("Syntax error: '[' expected.")
            inner, pos, answers = m.group(1), 0, []
            while pos < len(inner):
                t = TERM.match(inner, pos)
                if not t:
                    fail(f"Syntax error in the list at {inner[pos:pos + 80]!r}")
                xs = [int(v) for v in re.findall(r"\((-?\d+)\)%Z", t.group(2))]
                answers.append(covered(xs, int(t.group(3)), int(t.group(4)), int(t.group(5))))
                sep = re.compile(r"\s*;\s*(?=\S)|\s*$").match(inner, t.end())
                if sep is None:
                    fail(f"Syntax error: ';' or ']' expected at {inner[t.end():t.end() + 80]!r}")
                pos = sep.end()
        else:
            fail(f"Syntax error: {s[:80]!r}")
    if answers is None:
        fail("nothing evaluated")
    words = ["true" if x else "false" for x in answers]
    if os.environ.get("COQC_ANSWERS") is not None:
        words = [w.strip() for w in os.environ["COQC_ANSWERS"].split(";")]
    print("     = [" + "; ".join(words) + "]\n     : list bool")
    if os.environ.get("COQC_REMOVE_CWD"):
        shutil.rmtree(os.getcwd())


main(sys.argv[1:])
'''
