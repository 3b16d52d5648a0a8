"""The one place prunegap runs external programs (coqc, make, lake, Graphviz dot).

Every call has a timeout and a memory limit (``RLIMIT_AS``, default
:data:`~pybridge.stats.budget.MAX_BYTES`, 8 GiB), and runs in its own process group,
which is killed when the timeout expires or when this process is interrupted (SIGINT,
SIGTERM, any exception).  The child also asks the kernel to be killed when prunegap dies
(``PR_SET_PDEATHSIG``), so a SIGKILL of prunegap leaves no coqc or lake behind.  Failures
raise typed errors that carry the argv, the exit code and the captured output
(:class:`~pybridge.errors.ToolNotFoundError`, :class:`~pybridge.errors.ToolTimeoutError`,
:class:`~pybridge.errors.ToolFailedError`).  A missing program is *unavailable*,
never *passed*.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

from pybridge.validation import check_int, check_real
from pybridge.errors import InvalidArgument, InvalidType, ToolFailedError, ToolNotFoundError, ToolTimeoutError
from pybridge.stats.budget import MAX_BYTES
from pybridge.stats.parallel import die_with_parent

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
    """Path of an executable: ``$env_var`` if set (must exist), else ``PATH``; ``None`` if absent.

    A set ``$env_var`` naming no executable is reported once on standard error (a warning:
    the tool then counts as unavailable, it is not looked up on ``PATH`` instead).
    """
    if env_var and os.environ.get(env_var):
        path = os.environ[env_var]
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
        found = shutil.which(path)
        if found is None and (env_var, path) not in _WARNED:
            _WARNED.add((env_var, path))
            print(f"prunegap: warning: {env_var}={path!r} is not an executable file; {name} is unavailable",
                  file=sys.stderr)
        return found
    return shutil.which(name)


_WARNED: set = set()


def _child_setup(parent_pid: int, memory_limit: int):
    """``preexec_fn`` of every external tool: die with prunegap, and cap the address space."""
    def setup():
        die_with_parent(parent_pid)
        if memory_limit:
            try:
                resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
            except (ValueError, OSError):  # a lower hard limit is already in force
                pass
    return setup


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip() not in ("", "0", "false", "no")


def coq_required() -> bool:
    """``PRUNEGAP_REQUIRE_COQ=1``: a missing coqc is a failure (exit 3), not a skip."""
    return _flag("PRUNEGAP_REQUIRE_COQ")


def lean_required() -> bool:
    """``PRUNEGAP_REQUIRE_LEAN=1``: a missing lake is a failure, not a skip."""
    return _flag("PRUNEGAP_REQUIRE_LEAN")


def run_tool(argv, *, cwd=None, timeout: float = 600.0, check: bool = True, env=None,
             memory_limit: int = MAX_BYTES, input: str | None = None, encoding: str | None = None) -> ToolRun:
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
    memory_limit : int, default 8 GiB
        Address-space limit of the child in bytes (``RLIMIT_AS``); ``0`` for none.  A tool
        that exceeds it fails (its allocation fails), it does not take the machine down.
    input : str, optional
        Text written to the child's standard input (then closed); ``None``: the child inherits it.
    encoding : str, optional
        Encoding of ``input`` and of the captured output; ``None``: the locale's (text mode).

    Raises
    ------
    ToolNotFoundError, ToolTimeoutError, ToolFailedError
    """
    if isinstance(argv, (str, bytes)) or not hasattr(argv, "__iter__"):
        raise InvalidType(f"argv must be a sequence of strings, got argv={argv!r:.80} (type={type(argv).__name__})")
    argv = list(argv)
    if not argv or not all(isinstance(a, (str, os.PathLike)) for a in argv):
        raise InvalidArgument(f"argv must be a non-empty sequence of strings, got argv={argv!r:.80}")
    argv = [os.fspath(a) for a in argv]
    timeout = check_real("timeout", timeout, min_value=0.0, min_open=True)
    memory_limit = check_int("memory_limit", memory_limit, min_value=0)
    exe = argv[0] if os.sep in argv[0] else shutil.which(argv[0])
    if exe is None or not os.path.exists(exe):
        raise ToolNotFoundError(f"{argv[0]} is unavailable (not found on PATH)", argv=argv)
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    if input is not None and not isinstance(input, str):
        raise InvalidType(f"input must be a str, got input={input!r:.80} (type={type(input).__name__})")
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=None if input is None else subprocess.PIPE, text=True, encoding=encoding,
                            start_new_session=True, preexec_fn=_child_setup(os.getpid(), memory_limit))
    try:
        out, err = proc.communicate(input=input, timeout=timeout)
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
