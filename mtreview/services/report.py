"""``mtreview report``: a self-contained HTML report (charts as inline SVG) and a per-segment CSV.

Charts are drawn with matplotlib ``Figure`` objects and the SVG canvas (no pyplot state, no Qt, no change
of the process-wide backend); text stays text in the SVG (``svg.fonttype: none``), so Japanese names
render with the reader's fonts. Files are written atomically.
"""

from __future__ import annotations

import csv
import html
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from mtreview import __version__
from mtreview.domain.model import Severity, Side
from mtreview.formats.base import atomic_output
from mtreview.formats.guard import guard
from mtreview.i18n import _, category_label, language, ngettext
from mtreview.scoring.verdict import Verdict
from mtreview.services.charts import SEVERITY_COLOURS, chart_errors, chart_histogram, chart_quality
from mtreview.services.diffing import diff, to_html
from mtreview.services.labels import check_label
from mtreview.services.report_data import ReportAnnotation, ReportData
from mtreview.services.scores import ScoreReport, SegmentScore

WORST = 20


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


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
h3{font-size:1em;margin:1.2em 0 .3em}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left;
vertical-align:top}th{background:#f4f4f4}tr.fail td{background:#fdecea}tr.pass td{background:#edf7ed}
tr.pending td{background:#fff8e1}code{font-size:.85em}.muted{color:#666}.chart svg{max-width:100%;height:auto}
.facts li{margin:.2em 0}table.texts{width:100%}table.texts th{width:8em}
mark{background:none;border-bottom:3px solid;padding:0 1px}mark.neutral{border-color:#9e9e9e}
mark.minor{border-color:#f2c94c}mark.major{border-color:#f2994a}mark.critical{border-color:#d64545}
.sev{display:inline-block;min-width:4.5em;padding:0 .4em;border-radius:3px;font-size:.85em;text-align:center}
.sev.neutral{background:#eee}.sev.minor{background:#fbeeb8}.sev.major{background:#fad3b3}
.sev.critical{background:#f3b6b6}ul.anns{margin:.3em 0 0;padding-left:1.2em}
td.changes del{background:#f8c4c4;color:#700}td.changes ins{background:#c8efc8;color:#040}
"""


def _marked(text: str, annotations: Sequence[ReportAnnotation], side: Side) -> str:
    """``text`` escaped, with the annotations' spans on that side marked by severity (code points;
    overlapping spans: the earlier one wins, the later is listed below the texts anyway)."""
    spans = sorted(
        (a.start, a.end, a.severity.value)
        for a in annotations
        if a.side is side and a.start is not None and a.end is not None and 0 <= a.start < a.end <= len(text)
    )
    out: list[str] = []
    pos = 0
    for start, end, severity in spans:
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark class="{severity}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def _severity(severity: Severity) -> str:
    return f'<span class="sev {severity.value}">{html.escape(_(severity.value))}</span>'


def _summary(data: ReportData) -> str:
    t = html.escape
    rep = data.scores
    docs = rep.documents
    n_docs, n_segs = len(docs), data.segments
    facts = [
        _("{documents} containing {segments}").format(
            documents=ngettext("{n} document", "{n} documents", n_docs).format(n=n_docs),
            segments=ngettext("{n} segment", "{n} segments", n_segs).format(n=n_segs),
        )
    ]
    if data.has_review:
        facts.append(
            ngettext(
                "{reviewed} of {n} segment reviewed ({share}).",
                "{reviewed} of {n} segments reviewed ({share}).",
                n_segs,
            ).format(reviewed=data.reviewed, n=n_segs, share=_percent(data.share_reviewed))
        )
        pending = data.pending.total
        if pending:
            facts.append(
                ngettext(
                    "{n} proposal of the automatic checks is waiting for a decision (not counted in MQM).",
                    "{n} proposals of the automatic checks are waiting for a decision (not counted in MQM).",
                    pending,
                ).format(n=pending)
            )
        else:
            facts.append(_("No proposal of the automatic checks is waiting for a decision."))
    verdicts = Counter(d.judgement.verdict for d in docs)
    sentences: dict[Verdict, Callable[[int], str]] = {
        Verdict.FAIL: lambda n: ngettext(
            "{n} document fails the threshold {t:g}.", "{n} documents fail the threshold {t:g}.", n
        ),
        Verdict.PASS: lambda n: ngettext(
            "{n} document passes the threshold {t:g}.", "{n} documents pass the threshold {t:g}.", n
        ),
        Verdict.IN_PROGRESS: lambda n: ngettext(
            "{n} document is still being reviewed.", "{n} documents are still being reviewed.", n
        ),
        Verdict.NOT_REVIEWED: lambda n: ngettext(
            "{n} document is not reviewed yet.", "{n} documents are not reviewed yet.", n
        ),
    }
    for verdict, sentence in sentences.items():
        if verdicts[verdict]:
            facts.append(sentence(verdicts[verdict]).format(n=verdicts[verdict], t=rep.threshold))
    return '<ul class="facts">' + "".join(f"<li>{t(f)}</li>" for f in facts) + "</ul>"


def _documents(data: ReportData) -> str:
    docs = data.scores.documents
    rows, classes = [], []
    for d in docs:
        judged = d.judgement
        rows.append(
            [
                d.name,
                str(d.segments),
                f"{d.reviewed}/{d.segments}" if data.has_review else "—",
                str(d.corrected),
                _num(d.mqm_penalty),
                _num(d.mqm_per_100_words),
                _num(d.mqm_per_1000_chars),
                judged.quality_text(),
                judged.label(),
                _num(d.chrf),
                _num(d.ter),
                _num(d.bleu),
            ]
        )
        classes.append(
            {Verdict.PASS: "pass", Verdict.FAIL: "fail", Verdict.IN_PROGRESS: "pending"}.get(
                judged.verdict, ""
            )
        )
    return _table(
        [
            _("document"),
            _("segments"),
            _("reviewed"),
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
        rows,
        classes,
    )


def _issues(data: ReportData) -> str:
    t = html.escape
    if not data.issues:
        return "<p>" + t(_("No confirmed annotations.")) + "</p>"
    head = "".join(
        f"<th>{t(h)}</th>" for h in (_("category"), _("severity"), _("annotations"), _("examples"))
    )
    body = []
    for cell in data.issues:
        examples = "<br>".join(
            f'「{t(e.text)}」 <span class="muted">{t(e.segment)}</span>' for e in cell.examples
        )
        body.append(
            f"<tr><td>{t(category_label(cell.category))}</td><td>{_severity(cell.severity)}</td>"
            f"<td>{cell.count}</td><td>{examples}</td></tr>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _worst(data: ReportData) -> str:
    t = html.escape
    if not data.worst:
        return "<p>" + t(_("No segment has an MQM penalty.")) + "</p>"
    parts = []
    for row in data.worst:
        s, text = row.score, row.text
        facts = [
            s.document,
            _("MQM penalty {p:g}").format(p=s.mqm_penalty),
            "chrF " + _num(s.chrf, 1),
            "TER " + _num(s.ter, 1),
        ]
        if text.status:
            facts.append(_(text.status))
        corrected = (
            _marked(text.corrected, (), Side.TARGET)
            if text.corrected is not None
            else f'<span class="muted">{t(_("not corrected"))}</span>'
        )
        changes = ""
        if text.corrected is not None and text.corrected != text.mt:
            # Track changes: MT -> correction, characters in Japanese, words in English (services.diffing).
            tracked = to_html(diff(text.mt, text.corrected)).replace("\n", "<br>")
            changes = f'<tr><th>{t(_("Changes"))}</th><td class="changes">{tracked}</td></tr>'
        parts.append(
            f'<h3>{t(s.id)} <span class="muted">· {t(" · ".join(facts))}</span></h3>'
            '<table class="texts">'
            f"<tr><th>{t(_('Source'))}</th><td>{_marked(text.source, row.annotations, Side.SOURCE)}</td></tr>"
            f"<tr><th>{t(_('MT'))}</th><td>{_marked(text.mt, row.annotations, Side.TARGET)}</td></tr>"
            f"<tr><th>{t(_('Correction'))}</th><td>{corrected}</td></tr>{changes}</table>"
        )
        if row.annotations:
            items = []
            for a in row.annotations:
                item = f"{_severity(a.severity)} {t(category_label(a.category))}: 「{t(a.covered(text))}」"
                if a.comment:
                    item += f" — {t(a.comment)}"
                if a.author:
                    item += f' <span class="muted">({t(a.author)})</span>'
                items.append(f"<li>{item}</li>")
            parts.append('<ul class="anns">' + "".join(items) + "</ul>")
    return "".join(parts)


def _pending(data: ReportData) -> str:
    pending = data.pending
    if not pending.total:
        return ""
    t = html.escape
    return (
        f"<h2>{t(_('Pending proposals'))}</h2><p>"
        + t(
            _(
                "Findings of the automatic checks that a reviewer has not confirmed or dismissed yet. "
                "They are not in the MQM figures above until they are confirmed."
            )
        )
        + "</p>"
        + _table(
            [_("check"), _("proposals")],
            [[check_label(c), str(n)] for c, n in pending.by_check.most_common()],
        )
        + _table(
            [_("document"), _("proposals")],
            [[d, str(n)] for d, n in pending.by_document.most_common()],
        )
    )


def render_html(data: ReportData) -> str:
    """The whole report as one HTML string (no external resources)."""
    t = html.escape
    report = data.scores
    lang = "ja" if language() == "ja" else "en"
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{t(_('mtreview report'))} — {t(report.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{t(_('MT review report'))}: {t(report.title)}</h1>",
        '<p class="muted">'
        + t(
            _("Generated {when} by mtreview {version}.").format(
                when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), version=__version__
            )
        )
        + "</p>",
        _summary(data),
        f"<h2>{t(_('Documents'))}</h2>",
        _documents(data),
    ]
    quality = chart_quality(report)
    if quality:
        parts.append(f'<div class="chart">{quality}</div>')
    parts += [f"<h2>{t(_('Worst segments'))}</h2>", _worst(data)]
    parts += [f"<h2>{t(_('Issues by category and severity'))}</h2>", _issues(data)]
    errors = chart_errors(report)
    if errors:
        parts.append(f'<div class="chart">{errors}</div>')
    parts.append(_pending(data))
    if report.statuses:
        order = ("new", "corrected", "approved", "rejected")
        parts += [
            f"<h2>{t(_('Progress'))}</h2>",
            _table(
                [_("document"), *(_(o) for o in order), _("confirmed")],
                [
                    [
                        d.name,
                        *(str(report.statuses.get((d.name, o), 0)) for o in order),
                        f"{report.statuses.get((d.name, 'approved'), 0)}/{d.segments}",
                    ]
                    for d in report.documents
                ],
            ),
        ]
    if report.systems:
        parts += [
            f"<h2>{t(_('Systems (MT engines)'))}</h2>",
            _table(
                [_("system"), _("rated items"), _("MQM (mean per item)")],
                [[s.name, str(s.items), _num(s.mqm, 4)] for s in report.systems],
            ),
        ]
    if report.reviewers:
        people = sorted({a for a, _s in report.reviewers})
        sevs = [s for s in SEVERITY_COLOURS if any(report.reviewers.get((a, s)) for a in people)]
        parts += [
            f"<h2>{t(_('Annotations per reviewer'))}</h2>",
            _table(
                [_("reviewer"), *(_(s) for s in sevs), _("total")],
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
    penalties = [s.mqm_penalty for s in report.segments]
    chrfs = [s.chrf for s in report.segments if s.chrf is not None]
    parts.append(f"<h2>{t(_('Score distributions'))}</h2>")
    for chart in (
        chart_histogram(penalties, _("MQM penalty per segment"), "#f2994a"),
        chart_histogram(chrfs, _("chrF per corrected segment (MT vs correction)"), "#2f80ed"),
    ):
        if chart:
            parts.append(f'<div class="chart">{chart}</div>')
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
        + "</li><li>"
        + t(
            _(
                "A document passes when every segment is reviewed (approved or rejected) and its quality is "
                "at least the threshold; it fails as soon as its quality is below the threshold."
            )
        )
        + "</li></ul>",
        "</body></html>\n",
    ]
    return "".join(parts)


def write_html(data: ReportData, path: str | os.PathLike[str], inputs: Iterable[str] = ()) -> None:
    text = render_html(data)
    with atomic_output(path, inputs) as fh:
        fh.write(text)


CSV_COLUMNS = ("id", "document", "system", "mqm_penalty", "errors", "chrf", "ter")


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return repr(value)
    return guard(str(value))  # names come from files: "=HYPERLINK(…)" must stay text


def write_csv(report: ScoreReport, path: str | os.PathLike[str], inputs: Iterable[str] = ()) -> int:
    """Per-segment scores; empty cells for null chrF/TER."""
    rows: list[SegmentScore] = report.segments
    with atomic_output(path, inputs, newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for s in rows:
            writer.writerow([_csv_value(getattr(s, c)) for c in CSV_COLUMNS])
    return len(rows)
