"""Shared command-line plumbing: the parser class, exit codes and argument types.

Every ``prunegap`` command (the top-level ``check`` and the domains' ``command.py``
modules) builds its subparser with these, so bad input is always one line naming
the flag and its value, exit 2.
"""

from __future__ import annotations

import argparse
import re

from pybridge.errors import InvalidArgument

__all__ = ["Parser", "seed_arg", "default_workers", "EXIT_OK", "EXIT_VIOLATED", "EXIT_USAGE", "EXIT_UNAVAILABLE"]

EXIT_OK, EXIT_VIOLATED, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3


class Parser(argparse.ArgumentParser):
    """One-line errors (exit 2); negative numbers such as -1e-3 or -inf are values, not options."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = re.compile(r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^-(inf|infinity|nan)$",
                                                   re.I)

    def error(self, message):  # one line, exit 2
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _seed(text):
    from pybridge.stats.seeding import parse_seed

    try:
        return parse_seed(text)
    except InvalidArgument as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _workers_default() -> int:
    from pybridge.stats.parallel import default_workers

    return default_workers()


def seed_arg(text):
    """``--seed`` type: an integer or a recorded seed entropy (see :func:`pybridge.stats.seeding.parse_seed`)."""
    from pybridge.stats.seeding import parse_seed

    try:
        return parse_seed(text)
    except InvalidArgument as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def default_workers() -> int:
    """Default ``--workers``: all cores."""
    from pybridge.stats.parallel import default_workers as _dw

    return _dw()
