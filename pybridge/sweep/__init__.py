"""Sweeps: grid specs (TOML) over the Monte Carlo engines, resumable from a results store, local or Dask.

Public names: :func:`load_spec`, :func:`parse_spec`, :class:`Block`, :class:`Point` (the spec);
:data:`ENGINES`, :class:`Engine`, :class:`Param` (the engine table: one entry per engine);
:func:`run_sweep`, :func:`sweep_status`, :class:`Row` (running); :func:`write_table` (CSV / Parquet).
"""

from pybridge.sweep.engines import ENGINES, Engine, Param, get_engine
from pybridge.sweep.export import table_records, write_table
from pybridge.sweep.run import Row, run_sweep, sweep_status
from pybridge.sweep.spec import Block, Point, load_spec, parse_spec

__all__ = ["ENGINES", "Engine", "Param", "get_engine", "load_spec", "parse_spec", "Block", "Point", "run_sweep",
           "sweep_status", "Row", "write_table", "table_records"]
