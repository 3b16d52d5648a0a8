"""Print the fuzz outcome counts at the end of the run (and write them to ``$PRUNEGAP_FUZZ_COUNTS``)."""

from __future__ import annotations

import json
import os

from fuzz.outcomes import COUNTS, summary


def pytest_terminal_summary(terminalreporter):
    if not COUNTS:
        return
    s = summary()
    terminalreporter.section("fuzz outcomes")
    for kind, outcomes in s.items():
        total = sum(outcomes.values())
        terminalreporter.write_line(f"{kind}: {total} generated inputs: " +
                                    ", ".join(f"{o} {n}" for o, n in outcomes.items()))
    path = os.environ.get("PRUNEGAP_FUZZ_COUNTS")
    if path:
        with open(path, "w") as fh:
            json.dump({"summary": s, "by_target": {f"{k}|{t}|{o}": n for (k, t, o), n in COUNTS.items()}}, fh,
                      indent=1)
