"""Shared command-line plumbing: the parser class, exit codes and argument types.

Every ``prunegap`` command (the top-level ``check`` and the domains' ``command.py``
modules) builds its subparser with these, so bad input is always one line naming
the flag and its value, exit 2.
"""

from __future__ import annotations

import argparse
import re

from pybridge.errors import InvalidArgument

__all__ = ["Parser", "seed_arg", "default_workers", "int_arg", "real_arg", "budget", "EXIT_OK", "EXIT_VIOLATED",
           "EXIT_USAGE", "EXIT_UNAVAILABLE", "EXIT_BROKEN_PIPE", "EXIT_INTERNAL"]

EXIT_OK, EXIT_VIOLATED, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3
#: standard output was closed early (``prunegap formal | head -2``): 128 + SIGPIPE, no message
EXIT_BROKEN_PIPE = 141
#: an unexpected exception (a bug): one line, never a traceback
EXIT_INTERNAL = 70


class Parser(argparse.ArgumentParser):
    """One-line errors (exit 2); negative numbers such as -1e-3 or -inf are values, not options."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = re.compile(r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^-(inf|infinity|nan)$",
                                                   re.I)

    def error(self, message):  # one line, exit 2
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _seed(text):
    from pybridge.runtime.seeding import parse_seed

    try:
        return parse_seed(text)
    except InvalidArgument as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _workers_default() -> int:
    from pybridge.runtime.parallel import default_workers

    return default_workers()


def seed_arg(text):
    """``--seed`` type: an integer or a recorded seed entropy (:func:`pybridge.runtime.seeding.parse_seed`)."""
    from pybridge.runtime.seeding import parse_seed

    try:
        return parse_seed(text)
    except InvalidArgument as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def default_workers() -> int:
    """Default ``--workers``: all cores."""
    from pybridge.runtime.parallel import default_workers as _dw

    return _dw()


def int_arg(min_value: int | None = None, max_value: int | None = None):
    """An ``argparse`` type: an integer in ``[min_value, max_value]`` (one-line error naming the flag)."""
    def parse(text):
        text = str(text).strip()
        if len(text.lstrip("+-")) > 30:  # far beyond every range (and int() of 4300+ digits refuses anyway)
            raise argparse.ArgumentTypeError(f"must be an integer <= {max_value}, got {text[:40]}...")
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
        if min_value is not None and value < min_value:
            raise argparse.ArgumentTypeError(f"must be >= {min_value}, got {value}")
        if max_value is not None and value > max_value:
            raise argparse.ArgumentTypeError(f"must be <= {max_value}, got {value}")
        return value
    parse.__name__ = "int"
    return parse


def real_arg(min_value: float | None = None, max_value: float | None = None, *, min_open: bool = False,
             max_open: bool = False):
    """An ``argparse`` type: a finite real in the given (half-)open range (one-line error naming the flag)."""
    def parse(text):
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"invalid float value: {text!r}") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise argparse.ArgumentTypeError(f"must be finite, got {text!r}")
        if min_value is not None and (value < min_value or (min_open and value == min_value)):
            raise argparse.ArgumentTypeError(f"must be {'>' if min_open else '>='} {min_value:g}, got {text}")
        if max_value is not None and (value > max_value or (max_open and value == max_value)):
            raise argparse.ArgumentTypeError(f"must be {'<' if max_open else '<='} {max_value:g}, got {text}")
        return value
    parse.__name__ = "float"
    return parse


def budget(command: str, estimate, args):
    """Announce and bound a command's work (see :mod:`pybridge.runtime.budget`) with its ``--max-seconds``."""
    from pybridge.runtime.budget import enforce

    return enforce(command, estimate, max_seconds=getattr(args, "max_seconds", None))
