"""The tidy sweep table: one row per grid point; CSV (standard library) or Parquet (pyarrow, imported lazily).

Columns: ``engine``, then one column per parameter (the union over the spec's engines, in engine order;
empty where a block's engine has no such parameter; ``trials`` and ``confidence`` are result columns), then
:data:`pybridge.sweep.run.RESULT_COLUMNS`.  Floats are written with ``repr`` (they read back exactly);
``interval`` as ``"a b"``; ``seed`` and ``seed_entropy`` as decimal strings (entropies exceed 64 bits).
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.sweep.engines import get_engine
from pybridge.sweep.run import RESULT_COLUMNS, Row
from pybridge.validation import check_instance, check_sequence


def _rows(rows) -> list:
    return [check_instance(f"rows[{i}]", r, Row) for i, r in enumerate(check_sequence("rows", rows))]

__all__ = ["table_columns", "table_records", "write_table", "check_export_path"]



def table_columns(rows) -> list[str]:
    """Export columns for ``rows`` (see module docstring)."""
    rows = _rows(rows)
    cols = ["engine"]
    for r in rows:
        for p in get_engine(r.point.engine).params:
            if p.name not in RESULT_COLUMNS and p.name not in cols:
                cols.append(p.name)
    return cols + list(RESULT_COLUMNS)


def _cell(name, value):
    if value is None:
        return None
    if name == "interval":
        return f"{value[0]!r} {value[1]!r}"
    if name in ("seed", "seed_entropy"):
        return str(value)
    return value


def table_records(rows) -> tuple[list[str], list[dict]]:
    """``(columns, records)``: one dict per row with Python values (None where empty)."""
    rows = _rows(rows)
    cols = table_columns(rows)
    out = []
    for r in rows:
        rec = {c: None for c in cols}
        rec["engine"] = r.point.engine
        for k, v in r.point.params.items():
            if k not in RESULT_COLUMNS:
                rec[k] = _cell(k, v)
        for k, v in r.values().items():
            rec[k] = _cell(k, v)
        out.append(rec)
    return cols, out


def check_export_path(path) -> str:
    """The export format (``"csv"`` or ``"parquet"``) from the suffix; refuses anything else.

    Raises
    ------
    InvalidArgument
        Unknown suffix or a missing folder.
    """
    if not isinstance(path, (str, Path)) or (isinstance(path, str) and "\x00" in path):
        raise InvalidType(f"--export must be a path, got --export={path!r} (type={type(path).__name__})")
    p = Path(path)
    fmt = {".csv": "csv", ".parquet": "parquet"}.get(p.suffix.lower())
    if fmt is None:
        raise InvalidArgument(f"--export must end in .csv or .parquet, got --export={str(path)!r}")
    if not p.parent.is_dir():
        raise InvalidArgument(f"--export folder does not exist, got --export={str(path)!r}")
    if p.is_dir():
        raise InvalidArgument(f"--export must be a file, got --export={str(path)!r} (a folder)")
    return fmt


def write_table(rows, path) -> Path:
    """Write the table atomically (temporary file in the same folder, then rename)."""
    fmt = check_export_path(path)
    path = Path(path)
    cols, recs = table_records(rows)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        if fmt == "csv":
            with open(tmp, "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(cols)
                for rec in recs:
                    w.writerow(["" if rec[c] is None else (repr(rec[c]) if isinstance(rec[c], float) else rec[c])
                                for c in cols])
        else:
            try:
                import pyarrow as pa
                import pyarrow.parquet as pq
            except ImportError:
                raise InvalidArgument("Parquet export needs pyarrow (pip install 'prunegap[parquet]'), got "
                                      f"--export={str(path)!r}") from None

            table = pa.table({c: pa.array([rec[c] for rec in recs]) for c in cols})
            pq.write_table(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
