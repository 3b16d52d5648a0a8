"""Every figure of a quick report is fit for a paper (issue 25 §3).

The sections that draw figures run in quick mode; each figure is inspected as it is saved (after
``savefig``, before it is closed): no visible text artist (labels, ticks, titles, legend) lies outside the
figure, and every plotted mark is in its axes' legend (an unlabelled band or error bar counts as its curve's when
it has a labelled artist's colour).  Each figure exists as PNG and as SVG beside it, and the report gives it a
caption.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.container import Container  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from pybridge.check import run_check  # noqa: E402
from pybridge.report.plots import new_figure, save_figure  # noqa: E402

#: the sections of the quick check that draw figures
FIGURE_SECTIONS = ["rss", "gap", "rfss", "masks", "prunelimit"]


def _drawn_texts(fig) -> list:
    """The text artists a reader sees: titles, axis and tick labels inside the view, legends, figure texts."""
    texts = list(fig.texts) + ([fig._suptitle] if fig._suptitle is not None else [])
    for ax in fig.axes:
        texts += [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label]
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            texts += [t.label1 for t in axis.get_major_ticks() if low <= t.get_loc() <= high]
        if ax.get_legend() is not None:
            texts += list(ax.get_legend().get_texts())
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


def text_outside(fig) -> list[str]:
    """The visible, non-empty text artists of ``fig`` whose extent leaves the figure (1 px tolerance)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    out = []
    for t in _drawn_texts(fig):
        e = t.get_window_extent(renderer)
        if e.x0 < box.x0 - 1 or e.y0 < box.y0 - 1 or e.x1 > box.x1 + 1 or e.y1 > box.y1 + 1:
            out.append(t.get_text())
    return out


def _colours(artist) -> set:
    if isinstance(artist, Container):  # an errorbar's legend handle: its line, caps and bars
        return set().union(*(_colours(c) for c in artist.get_children() if c is not None))
    if hasattr(artist, "get_color") and not hasattr(artist, "get_facecolor"):
        return {to_rgba(artist.get_color())[:3]}
    found = set()
    for getter in ("get_facecolor", "get_edgecolor", "get_color"):
        values = np.atleast_2d(getattr(artist, getter)()) if hasattr(artist, getter) else []
        found |= {tuple(round(float(c), 3) for c in v[:3]) for v in values if len(v) >= 3}
    return found


def unlabelled_marks(fig) -> list[str]:
    """Each plotted line or collection with no legend entry and no labelled artist of its colour."""
    out = []
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend() is not None)]
    in_legends = {t.get_text() for lg in legends for t in lg.get_texts()}
    for ax in fig.axes:
        marks = [a for a in (*ax.lines, *ax.collections) if a.get_visible()]  # lines, markers, bands, bars
        handles, labels = ax.get_legend_handles_labels()
        labelled = {tuple(round(c, 3) for c in col) for h in handles for col in _colours(h)}
        for a in marks:
            if not a.get_label().startswith("_"):
                if a.get_label() not in in_legends:
                    out.append(f"{a.get_label()} (not in any legend of the figure)")
                continue
            if not {tuple(round(c, 3) for c in col) for col in _colours(a)} & labelled:
                out.append(f"{type(a).__name__} {a.get_label()} in '{ax.get_title()}'")
    return out


def test_the_checks_catch_a_clipped_label_and_an_unlabelled_mark(tmp_path):
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([0, 1], [0, 1], label="a")
    ax.plot([0, 1], [1, 0], "s", color="0.5")
    ax.legend()
    ax.set_ylabel("a long label " * 4)
    fig.subplots_adjust(left=0.01)
    fig.savefig(tmp_path / "bad.png")
    assert text_outside(fig) and unlabelled_marks(fig)
    plt.close(fig)


def test_the_package_style_writes_svg_and_plain_log_ticks(tmp_path):
    fig, ax = new_figure(figsize=(4, 3))
    ax.loglog([6, 20, 60], [1, 10, 100], "o-", label="demo")
    ax.legend()
    ax.set_ylabel("a label that constrained layout keeps inside")
    save_figure(fig, tmp_path / "demo.png")
    assert (tmp_path / "demo.png").stat().st_size > 1000
    assert (tmp_path / "demo.svg").read_text().lstrip().startswith("<?xml")
    assert "10^{" not in (tmp_path / "demo.svg").read_text()


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    seen = []
    real_close = plt.close

    def inspect(fig=None):
        if isinstance(fig, matplotlib.figure.Figure) and fig.axes:
            seen.append((fig.axes[0].get_title() or fig.get_suptitle(), text_outside(fig), unlabelled_marks(fig)))
        real_close(fig)

    plt.close = inspect
    try:
        out = run_check(quick=True, out_dir=tmp_path_factory.mktemp("figs") / "report", workers=1, seed=1,
                        show_progress=False, only=FIGURE_SECTIONS)
    finally:
        plt.close = real_close
    return out.out_dir, seen


def test_every_figure_keeps_its_text_inside_and_its_marks_in_the_legend(figures):
    report, seen = figures
    pngs = sorted(report.glob("*.png"))
    assert len(seen) >= len(pngs) >= 9
    clipped = [f"{title!r}: {outside}" for title, outside, _ in seen if outside]
    assert not clipped, "text outside the figure:\n" + "\n".join(clipped)
    missing = [f"{title!r}: {marks}" for title, _, marks in seen if marks]
    assert not missing, "marks not in the legend:\n" + "\n".join(missing)


def test_every_figure_is_png_and_svg_with_a_caption(figures):
    report = figures[0]
    page = (report / "report.html").read_text()
    for png in report.glob("*.png"):
        assert png.with_suffix(".svg").is_file(), png.name
        assert f'id="fig-{png.name}"' in page
    assert page.count("<figcaption>") == len(list(report.glob("*.png")))
