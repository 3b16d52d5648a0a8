"""A forked child that receives SIGTERM before its pool initializer ran dies quietly (issue 11 §3).

Found by CI on a fresh clone: ``prunegap check --quick`` was sent SIGTERM while the pool was forking a worker;
the parent's :func:`pybridge.runtime.signals.sigterm_raises` handler, inherited by the child, raised
:class:`~pybridge.runtime.signals.Terminated` inside multiprocessing's bootstrap, which printed a traceback
on the shared stderr.  The window (fork to initializer) is a few microseconds, so these tests open it on
purpose: the child signals itself before anything resets the handler.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

_FORK = textwrap.dedent("""
    import os, signal, sys, time
    from pybridge.runtime.signals import sigterm_raises
    with sigterm_raises():
        pid = os.fork()
        if pid == 0:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        print("signalled" if os.WIFSIGNALED(status) else "exited", os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status))
""")

_MP = textwrap.dedent("""
    import multiprocessing, os, signal, time
    from pybridge.runtime.signals import sigterm_raises

    def target():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)

    if __name__ == "__main__":
        with sigterm_raises():
            p = multiprocessing.get_context("fork").Process(target=target)
            p.start()
            p.join(10)
            print("exitcode", p.exitcode)
""")

_PARENT = textwrap.dedent("""
    import os, signal
    from pybridge.runtime.signals import Terminated, sigterm_raises
    try:
        with sigterm_raises():
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(10**6):
                pass
        print("not raised")
    except Terminated:
        print("raised", signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)
""")


def _run(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_forked_child_dies_of_sigterm_not_of_the_parents_exception():
    r = _run(_FORK)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["signalled", str(int(signal.SIGTERM))], (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "Terminated" not in r.stderr, r.stderr


def test_multiprocessing_child_prints_no_traceback():
    r = _run(_MP)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["exitcode", str(-int(signal.SIGTERM))], (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr, r.stderr


def test_owner_still_raises_terminated_and_restores_the_handler():
    r = _run(_PARENT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["raised", "True"], (r.stdout, r.stderr)
