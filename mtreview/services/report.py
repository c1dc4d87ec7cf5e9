"""``mtreview report``: a self-contained HTML report (charts as inline SVG) and a per-segment CSV.

Charts are drawn with matplotlib ``Figure`` objects and the SVG canvas (no pyplot state, no Qt, no change
of the process-wide backend); text stays text in the SVG (``svg.fonttype: none``), so Japanese names
render with the reader's fonts. Files are written atomically.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from mtreview import __version__
from mtreview.formats.base import atomic_output, escape_formula
from mtreview.i18n import _
from mtreview.services.scores import ScoreReport, SegmentScore

SEVERITY_COLOURS = {"neutral": "#9e9e9e", "minor": "#f2c94c", "major": "#f2994a", "critical": "#d64545"}
WORST = 20


def _svg(fig: object) -> str:
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    canvas = FigureCanvasSVG(fig)  # type: ignore[arg-type]
    out = io.StringIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        canvas.print_svg(out)  # type: ignore[no-untyped-call]
    text = out.getvalue()
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text[text.index("<svg") :], flags=re.S)
    return text


def _figure(width: float = 7.0, height: float = 3.2) -> object:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _rc() -> object:
    import matplotlib

    return matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "mtreview", "font.size": 9})


def chart_errors(report: ScoreReport) -> str | None:
    """Errors by top-level category × severity, stacked bars."""
    if not report.errors:
        return None
    categories = sorted(
        {c for c, _s in report.errors},
        key=lambda c: -sum(n for (cat, _s), n in report.errors.items() if cat == c),
    )
    with _rc():  # type: ignore[attr-defined]
        fig = _figure(7.0, 0.6 + 0.35 * len(categories))
        ax = fig.add_subplot()  # type: ignore[attr-defined]
        left = [0] * len(categories)
        for severity, colour in SEVERITY_COLOURS.items():
            counts = [report.errors.get((c, severity), 0) for c in categories]
            if any(counts):
                ax.barh(categories, counts, left=left, color=colour, label=severity)
                left = [a + b for a, b in zip(left, counts, strict=True)]
        ax.invert_yaxis()
        ax.set_xlabel(_("annotations"))
        ax.legend(loc="lower right", frameon=False)
        return _svg(fig)


def chart_histogram(values: Sequence[float], xlabel: str, colour: str) -> str | None:
    if not values:
        return None
    with _rc():  # type: ignore[attr-defined]
        fig = _figure()
        ax = fig.add_subplot()  # type: ignore[attr-defined]
        ax.hist(values, bins=min(30, max(5, len(set(values)))), color=colour)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(_("segments"))
        return _svg(fig)


def chart_quality(report: ScoreReport) -> str | None:
    docs = report.documents
    if not docs:
        return None
    with _rc():  # type: ignore[attr-defined]
        fig = _figure(7.0, 0.8 + 0.3 * min(len(docs), 40))
        ax = fig.add_subplot()  # type: ignore[attr-defined]
        shown = sorted(docs, key=lambda d: d.quality)[:40]  # the 40 lowest, worst first
        ax.barh(
            [d.name for d in shown],
            [d.quality for d in shown],
            color=["#2e7d32" if d.passed else "#c62828" for d in shown],
        )
        ax.axvline(report.threshold, color="#333333", linestyle="--", linewidth=1)
        ax.set_xlim(0, 100)
        ax.invert_yaxis()
        label = _("MQM quality (threshold {t:g})").format(t=report.threshold)
        if len(docs) > len(shown):
            label += " — " + _("the {n} lowest of {total} documents").format(n=len(shown), total=len(docs))
        ax.set_xlabel(label)
        return _svg(fig)


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], classes: Sequence[str] = ()) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{classes[i]}"' if i < len(classes) and classes[i] else ""
        body.append(f"<tr{cls}>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP",sans-serif;margin:2em;
color:#222;max-width:1100px}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left}
th{background:#f4f4f4}tr.fail td{background:#fdecea}tr.pass td{background:#edf7ed}code{font-size:.85em}
.muted{color:#666}.chart svg{max-width:100%;height:auto}
"""


def render_html(report: ScoreReport) -> str:
    """The whole report as one HTML string (no external resources)."""
    t = html.escape
    docs = report.documents
    failed = sum(1 for d in docs if not d.passed)
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f"<title>{t(_('mtreview report'))} — {t(report.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{t(_('MT review report'))}: {t(report.title)}</h1>",
        '<p class="muted">'
        + t(
            _("Generated {when} by mtreview {version}.").format(
                when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), version=__version__
            )
        )
        + "</p>",
        "<p>"
        + t(
            _(
                "{docs} documents, {segs} segments; {failed} of {docs} documents fail the threshold "
                "{threshold:g}."
            ).format(docs=len(docs), segs=len(report.segments), failed=failed, threshold=report.threshold)
        )
        + "</p>",
        f"<h2>{t(_('Documents'))}</h2>",
        _table(
            [
                _("document"),
                _("segments"),
                _("corrected"),
                _("MQM penalty"),
                _("per 100 words"),
                _("per 1,000 chars"),
                _("quality"),
                _("result"),
                "chrF",
                "TER",
                "BLEU",
            ],
            [
                [
                    d.name,
                    str(d.segments),
                    str(d.corrected),
                    _num(d.mqm_penalty),
                    _num(d.mqm_per_100_words),
                    _num(d.mqm_per_1000_chars),
                    _num(d.quality, 1),
                    _("PASS") if d.passed else _("FAIL"),
                    _num(d.chrf),
                    _num(d.ter),
                    _num(d.bleu),
                ]
                for d in docs
            ],
            ["pass" if d.passed else "fail" for d in docs],
        ),
    ]
    quality = chart_quality(report)
    if quality:
        parts.append(f'<div class="chart">{quality}</div>')
    if report.systems:
        parts += [
            f"<h2>{t(_('Systems (MT engines)'))}</h2>",
            _table(
                [_("system"), _("rated items"), _("MQM (mean per item)")],
                [[s.name, str(s.items), _num(s.mqm, 4)] for s in report.systems],
            ),
        ]
    if report.statuses:
        names = [d.name for d in docs]
        order = ("new", "corrected", "approved", "rejected")
        parts += [
            f"<h2>{t(_('Progress'))}</h2>",
            _table(
                [_("document"), *(_(o) for o in order), _("confirmed")],
                [
                    [
                        n,
                        *(str(report.statuses.get((n, o), 0)) for o in order),
                        f"{report.statuses.get((n, 'approved'), 0)}/{d.segments}",
                    ]
                    for n, d in zip(names, docs, strict=True)
                ],
            ),
        ]
    if report.reviewers:
        people = sorted({a for a, _s in report.reviewers})
        sevs = [s for s in SEVERITY_COLOURS if any(report.reviewers.get((a, s)) for a in people)]
        parts += [
            f"<h2>{t(_('Annotations per reviewer'))}</h2>",
            _table(
                [_("reviewer"), *sevs, _("total")],
                [
                    [
                        a or "—",
                        *(str(report.reviewers.get((a, s), 0)) for s in sevs),
                        str(sum(report.reviewers.get((a, s), 0) for s in sevs)),
                    ]
                    for a in people
                ],
            ),
        ]
    parts.append(f"<h2>{t(_('Errors by category and severity'))}</h2>")
    errors = chart_errors(report)
    if errors:
        parts.append(f'<div class="chart">{errors}</div>')
        parts.append(
            _table(
                [_("category"), _("severity"), _("annotations")],
                [[c, s, str(n)] for (c, s), n in sorted(report.errors.items())],
            )
        )
    else:
        parts.append("<p>" + t(_("No confirmed annotations.")) + "</p>")
    penalties = [s.mqm_penalty for s in report.segments]
    chrfs = [s.chrf for s in report.segments if s.chrf is not None]
    parts.append(f"<h2>{t(_('Score distributions'))}</h2>")
    for chart in (
        chart_histogram(penalties, _("MQM penalty per segment"), "#f2994a"),
        chart_histogram(chrfs, _("chrF per corrected segment (MT vs correction)"), "#2f80ed"),
    ):
        if chart:
            parts.append(f'<div class="chart">{chart}</div>')
    worst = sorted((s for s in report.segments if s.mqm_penalty > 0), key=lambda s: -s.mqm_penalty)[:WORST]
    parts.append(f"<h2>{t(_('Worst segments'))}</h2>")
    if worst:
        parts.append(
            _table(
                [_("segment"), _("document"), _("errors"), _("MQM penalty"), "chrF", "TER"],
                [
                    [s.id, s.document, str(s.errors), _num(s.mqm_penalty), _num(s.chrf), _num(s.ter)]
                    for s in worst
                ],
            )
        )
    else:
        parts.append("<p>" + t(_("No segment has an MQM penalty.")) + "</p>")
    weights = ", ".join(f"{k} {v:g}" for k, v in report.weights.items())
    parts += [
        f"<h2>{t(_('How these numbers were made'))}</h2><ul>",
        f"<li>{t(_('Typology'))}: <code>{t(report.typology)}</code>; "
        f"{t(_('weights'))}: <code>{t(weights)}</code>; "
        f"{t(_('source errors'))}: <code>{t(report.source_errors)}</code>; "
        f"{t(_('threshold'))}: <code>{report.threshold:g}</code></li>",
        *(f"<li>{t(name)}: <code>{t(sig)}</code></li>" for name, sig in report.signatures.items()),
        "<li>"
        + t(
            _(
                "MQM penalty: sum of confirmed annotation weights (mean over raters); per 100 source words "
                "(whitespace tokens); quality = max(0, 100 − per 100 words). chrF and TER: MT as hypothesis, "
                "corrected text as reference; — where a segment has no corrected text."
            )
        )
        + "</li></ul>",
        "</body></html>\n",
    ]
    return "".join(parts)


def write_html(report: ScoreReport, path: str | os.PathLike[str], inputs: Iterable[str] = ()) -> None:
    text = render_html(report)
    with atomic_output(path, inputs) as fh:
        fh.write(text)


CSV_COLUMNS = ("id", "document", "system", "mqm_penalty", "errors", "chrf", "ter")


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return repr(value)
    return escape_formula(str(value))  # names come from files: "=HYPERLINK(…)" must stay text


def write_csv(report: ScoreReport, path: str | os.PathLike[str], inputs: Iterable[str] = ()) -> int:
    """Per-segment scores; empty cells for null chrF/TER."""
    rows: list[SegmentScore] = report.segments
    with atomic_output(path, inputs, newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for s in rows:
            writer.writerow([_csv_value(getattr(s, c)) for c in CSV_COLUMNS])
    return len(rows)
