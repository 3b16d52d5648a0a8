"""The standard figure of a sweep, one per engine: estimate against the engine's x parameter, one line per
combination of the other varying parameters, with the two-sided Clopper–Pearson interval as error bars."""

from __future__ import annotations

from pybridge.sweep.engines import get_engine

__all__ = ["plot_engine"]


def plot_engine(engine: str, rows, path) -> None:
    """Write the figure of ``rows`` (all of one engine) to ``path`` (PNG, matplotlib ``Agg``)."""
    from pybridge.report.plots import new_figure, save_figure

    eng = get_engine(engine)
    names = [p.name for p in eng.params]
    varying = [k for k in names if len({repr(r.point.params[k]) for r in rows}) > 1]
    x = eng.x if eng.x in varying or not varying else varying[0]
    series = {}
    for r in rows:
        label = ", ".join(f"{k}={r.point.params[k]}" for k in varying if k != x) or engine
        series.setdefault(label, []).append(r)
    fig, ax = new_figure(figsize=(8, 5))
    for label, rs in series.items():
        rs = sorted(rs, key=lambda r: r.point.params[x])
        xs = [r.point.params[x] for r in rs]
        p = [r.successes / r.trials for r in rs]
        err = [[pi - r.ci_low for pi, r in zip(p, rs)], [r.ci_high - pi for pi, r in zip(p, rs)]]
        ax.errorbar(xs, p, yerr=err, marker="o", capsize=3, label=label)
    conf = sorted({r.confidence for r in rows})
    ax.set_xlabel(x)
    ax.set_ylabel(eng.event)
    ax.set_ylim(-0.02, 1.02)
    ax.set_title(f"prunegap sweep, engine {engine}: Monte Carlo, "
                 f"{'/'.join(f'{c:.0%}' for c in conf)} Clopper-Pearson intervals", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, ncol=2)
    save_figure(fig, path, dpi=110)
