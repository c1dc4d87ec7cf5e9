"""The report's and the dashboard's charts, drawn with matplotlib ``Figure`` objects as self-contained SVG.

No pyplot state, no Qt, no change of the process-wide backend. Text stays text in the SVG
(``svg.fonttype: none``) so Japanese labels render with the reader's fonts; the font list names CJK fonts
after the Latin one for renderers that do not fall back on their own (Qt's SVG renderer). Labels are in the
UI language; count axes have whole-number ticks; legends sit above the plot, never on the bars.

Each chart has a ``*_figure`` function (the Figure, for tests that measure it) and a ``chart_*`` function
(its SVG, or ``None`` when there is nothing to draw).
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Sequence
from typing import Any

from mtreview.i18n import _, category_label
from mtreview.scoring.verdict import Verdict
from mtreview.services.scores import ScoreReport

SEVERITY_COLOURS = {"neutral": "#9e9e9e", "minor": "#f2c94c", "major": "#f2994a", "critical": "#d64545"}
VERDICT_COLOURS = {
    Verdict.PASS: "#2e7d32",
    Verdict.FAIL: "#c62828",
    Verdict.IN_PROGRESS: "#f2c94c",
    Verdict.NOT_REVIEWED: "#bdbdbd",
}
FONTS = ["DejaVu Sans", "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "Hiragino Sans", "Yu Gothic"]


def _svg(fig: Any) -> str:
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    canvas = FigureCanvasSVG(fig)
    out = io.StringIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        warnings.filterwarnings("ignore", message="findfont: Font family .* not found")
        canvas.print_svg(out)  # type: ignore[no-untyped-call]
    text = out.getvalue()
    return re.sub(r"<metadata>.*?</metadata>\s*", "", text[text.index("<svg") :], flags=re.S)


def _figure(width: float = 7.0, height: float = 3.2) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _rc() -> Any:
    import matplotlib

    return matplotlib.rc_context(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "mtreview",
            "font.size": 9,
            "font.family": "sans-serif",
            "font.sans-serif": FONTS,
        }
    )


def _whole_numbers(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def errors_figure(report: ScoreReport) -> Any | None:
    """Errors by top-level category × severity, stacked bars; the legend above the plot."""
    if not report.errors:
        return None
    categories = sorted(
        {c for c, _s in report.errors},
        key=lambda c: -sum(n for (cat, _s), n in report.errors.items() if cat == c),
    )
    labels = [category_label(c) for c in categories]
    fig = _figure(7.0, 1.1 + 0.35 * len(categories))
    ax = fig.add_subplot()
    left = [0] * len(categories)
    for severity, colour in SEVERITY_COLOURS.items():
        counts = [report.errors.get((c, severity), 0) for c in categories]
        if any(counts):
            ax.barh(labels, counts, left=left, color=colour, label=_(severity))
            left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel(_("annotations"))
    _whole_numbers(ax.xaxis)
    fig.legend(loc="outside upper center", ncols=4, frameon=False)
    return fig


def histogram_figure(values: Sequence[float], xlabel: str, colour: str) -> Any | None:
    if not values:
        return None
    # Wide and low like the dashboard's boxes: a taller figure was shrunk to fit and its text went tiny.
    fig = _figure(7.0, 2.4)
    ax = fig.add_subplot()
    import numpy as np

    # an array, not the list: matplotlib walks a list element by element (0.3 s at 100k values)
    data = np.asarray(values, dtype=float)
    ax.hist(data, bins=min(30, max(5, len(np.unique(data)))), color=colour)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(_("segments"))
    _whole_numbers(ax.yaxis)
    return fig


def quality_figure(report: ScoreReport) -> Any | None:
    """Quality per document, the lowest 40, coloured by verdict (grey: not reviewed, so no result)."""
    docs = report.documents
    if not docs:
        return None
    fig = _figure(7.0, 0.8 + 0.3 * min(len(docs), 40))
    ax = fig.add_subplot()
    shown = sorted(docs, key=lambda d: d.quality)[:40]  # the 40 lowest, worst first
    # A document nobody has reviewed has no quality yet: no bar (a full one read as 100), its label instead.
    unreviewed = [d.judgement.verdict is Verdict.NOT_REVIEWED for d in shown]
    ax.barh(
        [d.name for d in shown],
        [0.0 if blank else d.quality for d, blank in zip(shown, unreviewed, strict=True)],
        color=[VERDICT_COLOURS[d.judgement.verdict] for d in shown],
    )
    for row, (d, blank) in enumerate(zip(shown, unreviewed, strict=True)):
        if blank:
            ax.text(1, row, d.judgement.label(), va="center", ha="left", color="#616161")
    ax.axvline(report.threshold, color="#333333", linestyle="--", linewidth=1)
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    label = _("MQM quality (threshold {t:g})").format(t=report.threshold)
    if len(docs) > len(shown):
        label += " — " + _("the {n} lowest of {total} documents").format(n=len(shown), total=len(docs))
    ax.set_xlabel(label)
    return fig


def chart_errors(report: ScoreReport) -> str | None:
    with _rc():
        fig = errors_figure(report)
        return None if fig is None else _svg(fig)


def chart_histogram(values: Sequence[float], xlabel: str, colour: str) -> str | None:
    with _rc():
        fig = histogram_figure(values, xlabel, colour)
        return None if fig is None else _svg(fig)


def chart_quality(report: ScoreReport) -> str | None:
    with _rc():
        fig = quality_figure(report)
        return None if fig is None else _svg(fig)
