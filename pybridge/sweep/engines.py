"""The sweep engine table: one :class:`Engine` entry per Monte Carlo engine ``prunegap sweep`` can grid over.

Adding an engine is one entry in :data:`ENGINES`: its name (the ``engine = "..."`` of a ``[[sweep]]``
block), its parameters (the engine's CLI flags with ``-`` written ``_``, with type and default) and
``run(point, workers, progress)`` returning the engine's :class:`~pybridge.stats.estimate.BinomialEstimate`.
Engines: ``rss`` (with ``density``: the masked RSS of the ``masks`` domain), ``rfss`` (fixed-size subset sum;
with ``density``: masked RFSS), ``gap``.  The engine's own entry point is called unchanged, so a grid point gives exactly the numbers of the
engine's CLI with the same flags (``prunegap rss --n 10 --eps 0.01 --trials 3000 --seed 77``), and its
chunks go through :func:`pybridge.runtime.parallel.run_tasks` (store, backend) like every other run.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Param", "Engine", "ENGINES", "get_engine"]

#: marker of a parameter without default (must be given in the spec)
REQUIRED = object()


@dataclass(frozen=True)
class Param:
    """One engine parameter of a spec.

    Attributes
    ----------
    name : str
        Spec key (the CLI flag without ``--``, ``-`` written ``_``).
    kind : {"int", "float", "str", "pair"}
        ``pair`` is two floats (``interval = [-1, 1]``); a list of pairs is then a grid axis.
    default : object
        Value when the spec does not give it (``REQUIRED``: must be given; ``None``: engine default).
    """

    name: str
    kind: str
    default: object = REQUIRED


@dataclass(frozen=True)
class Engine:
    """A sweepable engine.

    Attributes
    ----------
    name : str
    params : tuple of Param
        In export-column order.
    run : callable
        ``run(point: dict, workers: int, progress) -> BinomialEstimate``.
    x : str
        Parameter on the x axis of the standard figure.
    event : str
        What the success probability is of (figure label).
    budget : tuple of str
        Parameters that set the budget, of which at most one may be given (``trials``, ``half_width``).
    exclusive : tuple of tuple of str
        Further groups of parameters of which at most one may be given (the engine CLI's exclusive flags).
    cost : callable or None
        ``cost(point: dict, workers: int) -> WorkEstimate``: the engine's measured cost model of the point
        (:mod:`pybridge.sweep.cost` sums them before a sweep starts).
    """

    name: str
    params: tuple
    run: object
    x: str = "n"
    event: str = "success probability"
    budget: tuple = ("trials",)
    exclusive: tuple = ()
    cost: object = None

    def param(self, name: str) -> Param | None:
        for p in self.params:
            if p.name == name:
                return p
        return None


def _rss(point, workers, progress):
    from pybridge.rss import estimate_cover_probability

    return estimate_cover_probability(
        point["n"], point["eps"], interval=tuple(point["interval"]), dist=point["dist"], trials=point["trials"],
        half_width=point["half_width"], confidence=point["confidence"], seed=point["seed"], workers=workers,
        progress=progress, density=point["density"]).estimate


def _rfss(point, workers, progress):
    from pybridge.rfss import estimate_fixed_probability

    return estimate_fixed_probability(
        point["n"], point["k"], point["eps"], interval=point["interval"], target=point["target"],
        dist=point["dist"], density=point["density"], trials=point["trials"], half_width=point["half_width"],
        confidence=point["confidence"], seed=point["seed"], workers=workers, progress=progress).estimate


def _gap(point, workers, progress):
    from pybridge.gap import run_gap_experiment

    return run_gap_experiment(
        point["model"], point["law"], point["d"], point["n"], point["eps"], target=point["target"],
        pruning=point["pruning"], trials=point["trials"], seed=point["seed"], workers=workers,
        confidence=point["confidence"], progress=progress).estimate


def _worst_trials(point, pilot: int) -> int:
    """A half-width point's most trials (p = 1/2, after its pilot), else its trial count or default."""
    from pybridge.errors import InvalidArgument
    from pybridge.stats.estimate import trials_for_half_width

    if point.get("half_width") is None:
        return point.get("trials") or 1000
    try:
        return pilot + trials_for_half_width(point["half_width"], confidence=point["confidence"])
    except InvalidArgument:  # beyond 10^7 at p = 1/2: the engine refuses past 10^7 after its pilot
        return pilot + 10**7


def _rss_cost(point, workers):
    from pybridge.rss import monte_carlo_estimate

    a, b = point["interval"]
    return monte_carlo_estimate(point["n"], point["eps"], _worst_trials(point, 200), a=a, b=b, workers=workers)


def _rfss_cost(point, workers):
    import math

    from pybridge.rfss import monte_carlo_estimate

    width = (point["interval"][1] - point["interval"][0] if point["interval"] is not None
             else 0.0 if point["target"] is not None else None)
    k = min(point["k"], point["n"] + 1)
    return monte_carlo_estimate(point["n"], k, point["eps"], _worst_trials(point, 200),
                                width=None if width is None else math.fabs(width), workers=workers)


def _gap_cost(point, workers):
    from pybridge.gap import gap_spec, monte_carlo_estimate

    spec = gap_spec(point["model"], point["law"], point["d"], point["n"], point["eps"], target=point["target"],
                    pruning=point["pruning"])
    return monte_carlo_estimate(spec, point["trials"], workers=workers)


ENGINES = {
    "rss": Engine(
        "rss",
        (Param("dist", "str", "uniform"), Param("n", "int"), Param("eps", "float"),
         Param("interval", "pair", (-1.0, 1.0)), Param("density", "float", None), Param("trials", "int", None),
         Param("half_width", "float", None), Param("confidence", "float", 0.95), Param("seed", "int")),
        _rss, x="n", event="P(n, eps): every target in [a, b] eps-approximated by a subset sum",
        budget=("trials", "half_width"), cost=_rss_cost),
    "rfss": Engine(
        "rfss",
        (Param("dist", "str", "uniform"), Param("n", "int"), Param("k", "int"), Param("eps", "float"),
         Param("interval", "pair", None), Param("target", "float", None), Param("density", "float", None),
         Param("trials", "int", None), Param("half_width", "float", None), Param("confidence", "float", 0.95),
         Param("seed", "int")),
        _rfss, x="n", event="P_k(n, eps): fixed-size (|S| = k) subset sums cover the target(s)",
        budget=("trials", "half_width"), exclusive=(("interval", "target"),), cost=_rfss_cost),
    "gap": Engine(
        "gap",
        (Param("model", "str"), Param("law", "str"), Param("d", "int"), Param("n", "int"), Param("eps", "float"),
         Param("target", "str", "axis"), Param("pruning", "str", "neuron"), Param("trials", "int", 200),
         Param("confidence", "float", 0.95), Param("seed", "int")),
        _gap, x="n", event="Pr[pruned network has sup error < eps]", cost=_gap_cost),
}


def get_engine(name) -> Engine:
    """The engine named ``name``.

    Raises
    ------
    InvalidArgument
        Unknown engine name.
    """
    from pybridge.errors import InvalidArgument

    if not isinstance(name, str) or name not in ENGINES:
        raise InvalidArgument(f"engine must be one of {sorted(ENGINES)}, got engine={name!r}")
    return ENGINES[name]
