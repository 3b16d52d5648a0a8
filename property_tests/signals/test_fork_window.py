"""A signal that arrives while prunegap forks is acted on, not lost (issue 11 §3).

Found by hand: SIGINT sent to ``prunegap check --quick --workers 2`` while its pool forked was handled inside
logging's ``os.register_at_fork`` hook, where CPython prints "Exception ignored" and drops the
``KeyboardInterrupt``; the run went on and exited 0 with a full report.  These tests make the window
deterministic: an at-fork hook of their own sends the signal from inside the fork.  Each runs in a fresh
interpreter (``python -c``), so the hook does not leak into the test process.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

_POOL = textwrap.dedent("""
    import os, signal, sys
    from pybridge.runtime.parallel import run_tasks
    sent = []
    def hook():
        if not sent:
            sent.append(1)
            os.kill(os.getpid(), signal.{sig})
            for _ in range(1000):  # the handler runs here, inside the at-fork hook
                pass
    os.register_at_fork(after_in_parent=hook)
    {prologue}
    try:
        run_tasks(pow, [(2, k) for k in range(8)], workers=2)
        print("completed")
    except {exc}:
        print("interrupted")
""")

_TOOL = textwrap.dedent("""
    import os, signal, sys
    from pybridge.runtime.signals import Terminated, sigterm_raises
    from pybridge.runtime.runner import run_tool
    sent = []
    def hook():
        if not sent:
            sent.append(1)
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):
                pass
    os.register_at_fork(after_in_parent=hook)
    try:
        with sigterm_raises():
            run_tool([sys.executable, "-c", "pass"], timeout=60)
            print("completed")
    except Terminated:
        print("terminated")
""")

_CHILD = textwrap.dedent("""
    import os, signal, time
    from pybridge.runtime.signals import signals_deferred
    with signals_deferred():
        pid = os.fork()
        if pid == 0:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    print(os.WIFSIGNALED(status) and os.WTERMSIG(status))
""")


def _run(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_sigint_during_the_pool_fork_interrupts_the_run():
    r = _run(_POOL.format(sig="SIGINT", prologue="", exc="KeyboardInterrupt"))
    assert r.stdout.split() == ["interrupted"], (r.stdout, r.stderr)
    assert "Exception ignored" not in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_sigterm_during_the_pool_fork_terminates_the_run():
    r = _run(_POOL.format(sig="SIGTERM", exc="Terminated",
                          prologue="from pybridge.runtime.signals import Terminated, sigterm_raises\n"
                                   "_cm = sigterm_raises()\n"
                                   "_cm.__enter__()"))
    assert r.stdout.split() == ["interrupted"], (r.stdout, r.stderr)
    assert "Exception ignored" not in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_sigterm_while_a_tool_starts_terminates_the_run():
    r = _run(_TOOL)
    assert r.stdout.split() == ["terminated"], (r.stdout, r.stderr)
    assert "Exception ignored" not in r.stderr, r.stderr


def test_child_forked_in_the_window_takes_the_default_action():
    r = _run(_CHILD)
    assert r.stdout.split() == [str(int(signal.SIGINT))], (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr, r.stderr
