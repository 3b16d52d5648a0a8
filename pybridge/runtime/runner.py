"""The one place prunegap runs external programs (coqc, make, lake, Graphviz dot).

Every call has a timeout and a memory limit (``RLIMIT_AS``, default
:data:`~pybridge.runtime.budget.MAX_BYTES`, 8 GiB), and runs in its own process group,
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
from pybridge.runtime.budget import MAX_BYTES
from pybridge.runtime.parallel import die_with_parent
from pybridge.runtime.signals import signals_deferred

__all__ = ["ToolRun", "PendingTool", "run_tool", "start_tool", "find_tool", "coq_required", "lean_required"]


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
    cpu_seconds : float or None
        User + system CPU time of the program (runs of :func:`start_tool`; ``None`` otherwise).
    """

    argv: tuple
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    cpu_seconds: float | None = None

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


def _kill_group(proc) -> None:
    """SIGKILL the process group of a started tool (its own session) and reap it; ``None``: nothing."""
    if proc is None:
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


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


def _checked_call(argv, timeout, memory_limit, env):
    """The validated argv (strings, executable found), timeout, memory limit and child environment of a call."""
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
    return argv, timeout, memory_limit, full_env


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
    argv, timeout, memory_limit, full_env = _checked_call(argv, timeout, memory_limit, env)
    if input is not None and not isinstance(input, str):
        raise InvalidType(f"input must be a str, got input={input!r:.80} (type={type(input).__name__})")
    t0 = time.perf_counter()
    proc = None
    try:
        with signals_deferred():  # a signal during the fork is acted on after it, not lost
            proc = subprocess.Popen(argv, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    stdin=None if input is None else subprocess.PIPE, text=True,
                                    encoding=encoding, start_new_session=True,
                                    preexec_fn=_child_setup(os.getpid(), memory_limit))
    except BaseException:
        _kill_group(proc)
        raise
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
        _kill_group(proc)
        raise
    run = ToolRun(tuple(argv), proc.returncode, out or "", err or "", time.perf_counter() - t0)
    if check and run.returncode != 0:
        raise ToolFailedError(f"{argv[0]} failed", argv=argv, returncode=run.returncode, output=run.output)
    return run


class PendingTool:
    """An external run started by :func:`start_tool`: poll it, wait for it, or kill it.

    Its output goes to temporary files (no pipe can fill up while the caller works), and the
    same timeout, memory limit, process group and parent-death signal apply as in :func:`run_tool`.
    """

    def __init__(self, proc, argv, t0, timeout, check, out_file, err_file):
        self._proc, self.argv, self._t0, self._timeout, self._check = proc, tuple(argv), t0, timeout, check
        self._out, self._err = out_file, err_file
        self._run = None
        self._end = None
        self._cpu = None

    def poll(self) -> bool:
        """True once the program has exited (or its timeout has expired: then :meth:`wait` raises).

        The first call that sees the exit fixes the run's wall time (``ToolRun.seconds``).
        """
        self._reap(block=False)
        if self._proc.returncode is not None:
            return True
        return time.perf_counter() - self._t0 > self._timeout

    def _reap(self, block: bool) -> None:
        """Collect the exit status and the CPU time of the child (``os.wait4``) once it has exited."""
        if self._proc.returncode is not None:
            return
        try:
            pid, status, usage = os.wait4(self._proc.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:  # already collected elsewhere
            self._proc.poll()
            return
        if pid == 0:
            return
        self._end = time.perf_counter()
        self._cpu = usage.ru_utime + usage.ru_stime
        self._proc.returncode = os.waitstatus_to_exitcode(status)

    def kill(self) -> None:
        """Kill the process group (idempotent) and release the output files."""
        if self._proc.poll() is None:
            try:
                os.killpg(self._proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._proc.wait()
        for f in (self._out, self._err):
            f.close()

    def _read(self) -> tuple[str, str]:
        texts = []
        for f in (self._out, self._err):
            f.seek(0)
            texts.append(f.read())
            f.close()
        return texts[0], texts[1]

    def wait(self) -> ToolRun:
        """Wait for the program; its :class:`ToolRun` (the same one on every call).

        Raises
        ------
        ToolTimeoutError, ToolFailedError
            As :func:`run_tool`.
        """
        if self._run is not None:
            return self._run
        try:
            while not self.poll():
                time.sleep(0.005)
            if self._proc.returncode is None:
                raise subprocess.TimeoutExpired(self.argv, self._timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(self._proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._proc.wait()
            out, err = self._read()
            raise ToolTimeoutError(f"{self.argv[0]} timed out after {self._timeout:g} s", argv=list(self.argv),
                                   returncode=None, output=out + err) from None
        except BaseException:
            self.kill()
            raise
        out, err = self._read()
        end = self._end if self._end is not None else time.perf_counter()
        self._run = ToolRun(self.argv, self._proc.returncode, out, err, end - self._t0, self._cpu)
        if self._check and self._run.returncode != 0:
            raise ToolFailedError(f"{self.argv[0]} failed", argv=list(self.argv), returncode=self._run.returncode,
                                  output=self._run.output)
        return self._run


def start_tool(argv, *, cwd=None, timeout: float = 600.0, check: bool = True, env=None,
               memory_limit: int = MAX_BYTES) -> PendingTool:
    """Start ``argv`` like :func:`run_tool` without waiting for it (several tools can then run at once).

    Returns
    -------
    PendingTool
        Call :meth:`PendingTool.wait` for the :class:`ToolRun` (errors are raised there), or
        :meth:`PendingTool.kill`.

    Raises
    ------
    InvalidType, InvalidArgument, ToolNotFoundError
        As :func:`run_tool`.
    """
    import tempfile

    argv, timeout, memory_limit, full_env = _checked_call(argv, timeout, memory_limit, env)
    out_file = tempfile.TemporaryFile(mode="w+t", encoding="utf-8", errors="replace")
    err_file = tempfile.TemporaryFile(mode="w+t", encoding="utf-8", errors="replace")
    t0 = time.perf_counter()
    proc = None
    try:
        with signals_deferred():  # a signal during the fork is acted on after it, not lost
            proc = subprocess.Popen(argv, cwd=cwd, env=full_env, stdout=out_file, stderr=err_file, text=True,
                                    start_new_session=True, preexec_fn=_child_setup(os.getpid(), memory_limit))
    except BaseException:
        _kill_group(proc)
        out_file.close()
        err_file.close()
        raise
    return PendingTool(proc, argv, t0, timeout, check, out_file, err_file)
