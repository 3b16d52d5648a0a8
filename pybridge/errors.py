"""Exceptions of ``pybridge``.

The root (:class:`PrunegapError`) and the argument errors are defined in
:mod:`symbolic.core.errors` (the lower layer) and re-exported here.  ``pybridge``
adds the errors of its one subprocess boundary (:mod:`pybridge.runtime.runner`) and of
its solvers.  Every external-tool failure carries the argv, the exit code and
the captured output.
"""

from __future__ import annotations

from symbolic.core.errors import (
    InvalidArgument,
    InvalidType,
    NotCertifiedError,
    PrecisionExhaustedError,
    PrunegapError,
)

__all__ = [
    "PrunegapError",
    "InvalidArgument",
    "InvalidType",
    "NotCertifiedError",
    "PrecisionExhaustedError",
    "ExternalToolError",
    "ToolUnavailableError",
    "ToolNotFoundError",
    "ToolTimeoutError",
    "ToolFailedError",
    "SolverError",
    "RegistryError",
    "ClaimViolation",
    "ResourceLimitError",
]


class ExternalToolError(PrunegapError):
    """Base for failures of an external program (coqc, lake).

    Attributes
    ----------
    argv : tuple of str
        The command line that was run (or would have been).
    returncode : int or None
        Exit status; ``None`` when the program never ran or was killed.
    output : str
        Captured standard output and standard error.
    """

    def __init__(self, message: str, *, argv=(), returncode=None, output: str = ""):
        self.argv = tuple(str(a) for a in argv)
        self.returncode = returncode
        self.output = output
        detail = f"{message} (argv={list(self.argv)!r}, exit={returncode!r})"
        if output:
            tail = output.strip().splitlines()[-20:]
            detail += "\n" + "\n".join(tail)
        super().__init__(detail)


class ToolUnavailableError(PrunegapError):
    """A required external tool cannot be used here (the CLI exits 3, by this type)."""


class ToolNotFoundError(ExternalToolError, ToolUnavailableError, FileNotFoundError):
    """The external program is not installed (outcome: *unavailable*)."""


class ToolTimeoutError(ExternalToolError, TimeoutError):
    """The external program ran past its timeout and was killed."""


class ToolFailedError(ExternalToolError):
    """The external program exited with a non-zero status."""


class SolverError(PrunegapError, RuntimeError):
    """An LP/MILP solve failed or hit its limit; never reported as a number."""


class RegistryError(PrunegapError):
    """The claims registry is inconsistent (orphan, missing piece, duplicate id)."""


class ClaimViolation(PrunegapError, AssertionError):
    """A claim that must hold was violated by computed evidence."""


class ResourceLimitError(InvalidArgument):
    """The instance needs more memory than prunegap allows (message names the parameters and the limit)."""
