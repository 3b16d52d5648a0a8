"""The one place prunegap runs external programs (coqc, make, lake).

Every call has a timeout; the process group is killed when it expires.  Failures
raise typed errors that carry the argv, the exit code and the captured output
(:class:`~pybridge.errors.ToolNotFoundError`, :class:`~pybridge.errors.ToolTimeoutError`,
:class:`~pybridge.errors.ToolFailedError`).  A missing program is *unavailable*,
never *passed*.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass

from pybridge.validation import check_real
from pybridge.errors import ToolFailedError, ToolNotFoundError, ToolTimeoutError

__all__ = ["ToolRun", "run_tool", "find_tool", "coq_required", "lean_required"]


@dataclass(frozen=True)
class ToolRun:
    """A finished external run.

    Attributes
    ----------
    argv : tuple of str
    returncode : int
    stdout, stderr : str
    seconds : float
        Wall time.
    """

    argv: tuple
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def output(self) -> str:
        return (self.stdout or "") + (self.stderr or "")


def find_tool(name: str, *, env_var: str | None = None) -> str | None:
    """Path of an executable: ``$env_var`` if set (must exist), else ``PATH``; ``None`` if absent."""
    if env_var and os.environ.get(env_var):
        path = os.environ[env_var]
        return path if os.path.isfile(path) and os.access(path, os.X_OK) else shutil.which(path)
    return shutil.which(name)


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip() not in ("", "0", "false", "no")


def coq_required() -> bool:
    """``PRUNEGAP_REQUIRE_COQ=1``: a missing coqc is a failure (exit 3), not a skip."""
    return _flag("PRUNEGAP_REQUIRE_COQ")


def lean_required() -> bool:
    """``PRUNEGAP_REQUIRE_LEAN=1``: a missing lake is a failure, not a skip."""
    return _flag("PRUNEGAP_REQUIRE_LEAN")


def run_tool(argv, *, cwd=None, timeout: float = 600.0, check: bool = True, env=None) -> ToolRun:
    """Run ``argv`` with a timeout and capture its output.

    Parameters
    ----------
    argv : sequence of str
        Command line; ``argv[0]`` is looked up on ``PATH`` unless it is a path.
    cwd : path, optional
    timeout : float, default 600
        Seconds; on expiry the whole process group is killed.
    check : bool, default True
        Raise :class:`ToolFailedError` on a non-zero exit status.
    env : dict, optional
        Extra environment variables.

    Raises
    ------
    ToolNotFoundError, ToolTimeoutError, ToolFailedError
    """
    argv = [str(a) for a in argv]
    timeout = check_real("timeout", timeout, min_value=0.0, min_open=True)
    exe = argv[0] if os.sep in argv[0] else shutil.which(argv[0])
    if exe is None or not os.path.exists(exe):
        raise ToolNotFoundError(f"{argv[0]} is unavailable (not found on PATH)", argv=argv)
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        raise ToolTimeoutError(f"{argv[0]} timed out after {timeout:g} s", argv=argv, returncode=None,
                               output=(out or "") + (err or "")) from None
    except BaseException:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        raise
    run = ToolRun(tuple(argv), proc.returncode, out or "", err or "", time.perf_counter() - t0)
    if check and run.returncode != 0:
        raise ToolFailedError(f"{argv[0]} failed", argv=argv, returncode=run.returncode, output=run.output)
    return run
