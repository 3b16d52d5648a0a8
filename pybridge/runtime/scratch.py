"""Scratch directories that carry their owner's pid, and the sweep that removes orphans (issue 11 §3).

A scratch directory is named ``<prefix><pid>-<random>`` (e.g. ``prunegap-coq-4711-ab12cd``).
Its owner removes it when done, on error and on SIGINT/SIGTERM (``finally`` blocks); a
process killed by SIGKILL cannot, so the next run calls :func:`sweep_stale`, which removes
every such directory whose owner pid is no longer alive.  A live process with a reused
pid keeps its directories (never remove what might be in use).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from pybridge.validation import check_int, check_text

__all__ = ["make_scratch_dir", "sweep_stale", "pid_alive", "owner_pid", "SCRATCH_PREFIXES"]

#: prefixes of the scratch directories prunegap creates under the system temporary directory
SCRATCH_PREFIXES = ("prunegap-coq-", "prunegap-replay-", "prunegap-lean-", "prunegap-scratch-")

_PID = re.compile(r"(\d+)-[^-]+$")


def pid_alive(pid: int) -> bool:
    """``True`` iff a process with this pid exists (zombies count as dead)."""
    pid = check_int("pid", pid)
    if pid > 2**31:
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie has exited: its directories are orphans
        with open(f"/proc/{pid}/stat", "rb") as fh:
            state = fh.read().rsplit(b")", 1)[1].split()[0]
        return state not in (b"Z", b"X")
    except (OSError, IndexError):
        return True


def owner_pid(name: str, prefix: str) -> int | None:
    """The owner pid encoded in a scratch directory name ``<prefix><pid>-<random>``, or ``None``."""
    check_text("name", name, max_len=4096)
    check_text("prefix", prefix, max_len=4096)
    if not name.startswith(prefix):
        return None
    m = _PID.match(name[len(prefix):])
    return int(m.group(1)) if m else None


def make_scratch_dir(prefix: str = "prunegap-scratch-", *, dir=None) -> Path:
    """A new directory ``<dir>/<prefix><pid>-<random>`` (``dir`` defaults to the system temporary directory)."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=dir))


def sweep_stale(prefixes=SCRATCH_PREFIXES, *, dir=None) -> list[Path]:
    """Remove the scratch directories in ``dir`` whose owner pid is dead; return what was removed.

    Never raises: a directory that cannot be listed or removed is left alone.
    """
    base = Path(dir if dir is not None else tempfile.gettempdir())
    removed = []
    try:
        entries = list(os.scandir(base))
    except OSError:
        return removed
    for entry in entries:
        for prefix in prefixes:
            pid = owner_pid(entry.name, prefix)
            if pid is None or pid == os.getpid() or pid_alive(pid):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                pass
            break
    return removed
