"""Sweep specs: TOML (read with :mod:`tomllib`) -> blocks -> grid points.

Format: one ``[[sweep]]`` table per block; ``engine`` names the engine (:data:`pybridge.sweep.engines.ENGINES`);
every other key is that engine's CLI parameter with ``-`` written ``_`` (``n``, ``eps``, ``dist``, ``trials``,
``seed``, ``half_width``, ...).  A list is a grid axis, a scalar is fixed (for a two-number parameter such as
``interval``, a list of two numbers is fixed and a list of such lists is an axis).  A block's grid is the
product of its axes, in the order the keys are written (the last key varies fastest).  ``seed`` is required:
a sweep must be replayable to be resumable.

Example::

    [[sweep]]
    engine = "rss"
    dist = ["uniform", "normal"]
    n = [10, 14, 18, 22]
    eps = [0.01, 0.001]
    trials = 3000
    seed = 77
"""

from __future__ import annotations

import itertools
import numbers
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.sweep.engines import REQUIRED, get_engine

__all__ = ["Block", "Point", "parse_spec", "load_spec", "MAX_POINTS"]

#: largest grid accepted (points over all blocks)
MAX_POINTS = 100_000


@dataclass(frozen=True)
class Point:
    """One grid point: its block, engine and every parameter (defaults filled in, in engine order)."""

    block: int
    engine: str
    params: dict

    def label(self) -> str:
        return " ".join(f"{k}={_show(v)}" for k, v in self.params.items() if v is not None)


@dataclass(frozen=True)
class Block:
    """One ``[[sweep]]`` table: engine, axes (name -> values) and fixed values, in spec order."""

    index: int
    engine: str
    axes: dict
    fixed: dict

    def points(self) -> list[Point]:
        eng = get_engine(self.engine)
        names = list(self.axes)
        out = []
        for combo in itertools.product(*(self.axes[k] for k in names)):
            given = {**self.fixed, **dict(zip(names, combo))}
            params = {}
            for p in eng.params:
                params[p.name] = given.get(p.name, None if p.default is REQUIRED else p.default)
            out.append(Point(self.index, self.engine, params))
        return out


def _show(v) -> str:
    if isinstance(v, (tuple, list)):
        return "[" + ",".join(_show(x) for x in v) + "]"
    return f"{v:g}" if isinstance(v, float) else str(v)


def _where(block: int, key: str) -> str:
    return f"[[sweep]] block {block + 1}, key {key!r}"


def _scalar(kind: str, value, block: int, key: str):
    bad = InvalidArgument(f"{_where(block, key)} must be {_KIND_TEXT[kind]}, got {key}={value!r}")
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise bad
        return int(value)
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise bad
        return float(value)
    if kind == "str":
        if not isinstance(value, str):
            raise bad
        return value
    if kind == "pair":
        if not (isinstance(value, (list, tuple)) and len(value) == 2
                and all(isinstance(x, numbers.Real) and not isinstance(x, bool) for x in value)):
            raise bad
        return (float(value[0]), float(value[1]))
    raise AssertionError(kind)  # pragma: no cover


_KIND_TEXT = {"int": "an integer (or a list of integers)", "float": "a number (or a list of numbers)",
              "str": "a string (or a list of strings)", "pair": "two numbers [A, B] (or a list of such pairs)"}


def parse_spec(data: dict) -> list[Block]:
    """Validate a parsed TOML document into blocks.

    Raises
    ------
    InvalidArgument
        No ``[[sweep]]`` table, unknown engine or key, wrong value type, an empty axis, a missing required
        parameter (``seed`` included), both budget keys, or more than :data:`MAX_POINTS` points.
    """
    if not isinstance(data, dict) or set(data) != {"sweep"} or not isinstance(data["sweep"], list) \
            or not data["sweep"]:
        extra = sorted(set(data) - {"sweep"}) if isinstance(data, dict) else []
        raise InvalidArgument(f"SPEC must hold one or more [[sweep]] tables and nothing else, got "
                              f"{'keys ' + str(extra) if extra else 'no [[sweep]] table'}")
    blocks, total = [], 0
    for b, table in enumerate(data["sweep"]):
        if "engine" not in table:
            raise InvalidArgument(f"[[sweep]] block {b + 1} needs engine = \"...\", got keys {sorted(table)}")
        eng = get_engine(table["engine"])
        axes, fixed = {}, {}
        for key, value in table.items():
            if key == "engine":
                continue
            p = eng.param(key)
            if p is None:
                raise InvalidArgument(f"{_where(b, key)} is not a parameter of engine {eng.name!r} "
                                      f"(parameters: {', '.join(q.name for q in eng.params)}), got {key}={value!r}")
            is_axis = isinstance(value, list) and (p.kind != "pair" or (value and isinstance(value[0], list)))
            if is_axis:
                if not value:
                    raise InvalidArgument(f"{_where(b, key)} is an empty axis, got {key}=[]")
                vals = [_scalar(p.kind, v, b, key) for v in value]
                if len(set(vals)) != len(vals):
                    raise InvalidArgument(f"{_where(b, key)} repeats a value, got {key}={value!r}")
                axes[key] = vals
            else:
                fixed[key] = _scalar(p.kind, value, b, key)
        for p in eng.params:
            if p.default is REQUIRED and p.name not in axes and p.name not in fixed:
                why = " (a sweep must be replayable to be resumable)" if p.name == "seed" else ""
                raise InvalidArgument(f"{_where(b, p.name)} is required for engine {eng.name!r}{why}, got none")
        for group in (eng.budget, *eng.exclusive):
            given = [k for k in group if k in axes or k in fixed]
            if len(given) > 1:
                raise InvalidArgument(f"[[sweep]] block {b + 1} gives both {given[0]} and {given[1]}; give one")
        block = Block(b, eng.name, axes, fixed)
        count = 1
        for v in axes.values():
            count *= len(v)
        total += count
        if total > MAX_POINTS:
            raise InvalidArgument(f"SPEC has more than {MAX_POINTS:,} grid points, got block {b + 1} reaching "
                                  f"{total:,}")
        blocks.append(block)
    return blocks


def load_spec(path) -> list[Block]:
    """Read and validate ``SPEC.toml``.

    Raises
    ------
    InvalidArgument
        The file is missing or not valid TOML (with the parser's line/column), or see :func:`parse_spec`.
    """
    if not isinstance(path, (str, Path)) or (isinstance(path, str) and ("\x00" in path or not path)):
        raise InvalidType(f"SPEC must be a path, got SPEC={path!r} (type={type(path).__name__})")
    path = Path(path)
    try:
        text = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, PermissionError, NotADirectoryError, OSError) as exc:
        raise InvalidArgument(f"SPEC cannot be read ({exc.strerror}), got SPEC={str(path)!r}") from None
    try:
        data = tomllib.loads(text.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidArgument(f"SPEC is not valid TOML ({exc}), got SPEC={str(path)!r}") from None
    return parse_spec(data)
