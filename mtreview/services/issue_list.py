"""The issue list (as Xbench exports it): one row per finding or annotation, to CSV, xlsx or HTML.

Columns: segment (``<document>#<ordinal>``), document, source, MT, correction, check (the origin:
a check id, or ``manual``), category, severity, state, span (``start-end`` in the text it is on, empty
for the whole segment), the span's text, message (the comment), suggestion. Every write goes through
the atomic output (temporary file, fsync, rename); CSV cells a spreadsheet would evaluate are escaped.
"""

from __future__ import annotations

import csv
import html
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import Annotation, AnnotationState, Side
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats.base import atomic_output, atomic_path
from mtreview.formats.guard import guard, needs_guard
from mtreview.i18n import _
from mtreview.services.project import ProjectService

FORMATS = ("csv", "xlsx", "html")
HEADER = (
    "segment",
    "document",
    "source",
    "mt",
    "correction",
    "check",
    "category",
    "severity",
    "state",
    "side",
    "span",
    "text",
    "message",
    "suggestion",
)


@dataclass(frozen=True, slots=True)
class IssueRow:
    segment: str
    document: str
    source: str
    mt: str
    correction: str
    check: str
    category: str
    severity: str
    state: str
    side: str
    span: str
    text: str
    message: str
    suggestion: str

    def cells(self) -> tuple[str, ...]:
        return (
            self.segment,
            self.document,
            self.source,
            self.mt,
            self.correction,
            self.check,
            self.category,
            self.severity,
            self.state,
            self.side,
            self.span,
            self.text,
            self.message,
            self.suggestion,
        )


def issue_rows(
    service: ProjectService,
    states: Iterable[AnnotationState] = (AnnotationState.PROPOSED, AnnotationState.CONFIRMED),
    document_id: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> Iterator[IssueRow]:
    """The project's annotations in document/segment order, as issue-list rows."""
    wanted = list(states)
    docs = [d for d in service._store.documents() if document_id is None or d.id == document_id]
    for doc in docs:
        by_segment: dict[int, list[Annotation]] = {}
        for a in service._store.annotations(document_id=doc.id, states=wanted):
            by_segment.setdefault(a.segment_id, []).append(a)
        if not by_segment:
            continue
        for seg in service._store.iter_segments(doc.id):
            progress.check()
            for a in by_segment.get(seg.id, ()):
                text_on = seg.source if a.side == Side.SOURCE else seg.mt
                span = "" if a.start is None or a.end is None else f"{a.start}-{a.end}"
                covered = text_on if a.start is None or a.end is None else text_on[a.start : a.end]
                yield IssueRow(
                    segment=f"{doc.name}#{seg.ordinal}",
                    document=doc.name,
                    source=seg.source,
                    mt=seg.mt,
                    correction=seg.corrected or "",
                    check=a.origin,
                    category=a.category,
                    severity=a.severity.value,
                    state=a.state.value,
                    side=a.side.value,
                    span=span,
                    text=covered,
                    message=a.comment,
                    suggestion=a.suggestion or "",
                )


def issue_list_format(out_path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format an issue list is written in: ``fmt``, else the output's extension; one of ``FORMATS``."""
    chosen = (fmt or os.path.splitext(os.fspath(out_path))[1].lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InputError(
            _("unknown issue list format {fmt!r} (expected one of: {known})").format(
                fmt=chosen, known=", ".join(FORMATS)
            ),
            os.fspath(out_path),
        )
    return chosen


def export_issue_list(
    service: ProjectService,
    out_path: str | os.PathLike[str],
    fmt: str | None = None,
    states: Iterable[AnnotationState] = (AnnotationState.PROPOSED, AnnotationState.CONFIRMED),
    document_id: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> int:
    """Write the issue list; ``fmt`` defaults to the output's extension. Returns the number of rows."""
    fmt = issue_list_format(out_path, fmt)
    rows = issue_rows(service, states, document_id, progress)
    from mtreview.services.outputs import protected_files

    inputs = list(protected_files(service._store))  # the project, its companions, every input
    if fmt == "csv":
        return _write_csv(out_path, rows, inputs)
    if fmt == "xlsx":
        return _write_xlsx(out_path, rows, inputs)
    return _write_html(out_path, rows, inputs, service._store.display_name)


def _write_csv(out_path: str | os.PathLike[str], rows: Iterable[IssueRow], inputs: list[str]) -> int:
    n = 0
    with atomic_output(out_path, inputs, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow([guard(c) for c in row.cells()])  # formats.guard: invisible, exact
            n += 1
    return n


def _write_xlsx(out_path: str | os.PathLike[str], rows: Iterable[IssueRow], inputs: list[str]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Issues"))
    bold = Font(bold=True)
    header = []
    for name in HEADER:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    n = 0
    for row in rows:
        ws.append([_text_cell(ws, c) for c in row.cells()])
        n += 1
    with atomic_path(out_path, inputs) as tmp:
        wb.save(tmp)
    return n


_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text_cell(ws: Any, value: str) -> Any:
    """A text cell (never a formula), with characters xlsx cannot hold replaced by U+FFFD."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=_ILLEGAL_XLSX.sub("\ufffd", value))
    cell.data_type = "s"
    if needs_guard(value):
        cell.quotePrefix = True
    return cell


_STYLE = """body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:left}th{background:#eee}
mark{background:#ffd27a}td.sev-critical,td.sev-major{color:#a00;font-weight:bold}"""


def _mark(text: str, span: str) -> str:
    if not span:
        return html.escape(text)
    start, end = (int(x) for x in span.split("-"))
    return (
        html.escape(text[:start])
        + "<mark>"
        + html.escape(text[start:end])
        + "</mark>"
        + html.escape(text[end:])
    )


def _write_html(
    out_path: str | os.PathLike[str], rows: Iterable[IssueRow], inputs: list[str], title: str
) -> int:
    n = 0
    with atomic_output(out_path, inputs) as handle:
        handle.write(
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(_('Issues'))} — {html.escape(title)}</title><style>{_STYLE}</style>"
            f"</head><body><h1>{html.escape(_('Issues'))} — {html.escape(title)}</h1>\n<table>\n<tr>"
        )
        handle.write("".join(f"<th>{html.escape(h)}</th>" for h in HEADER if h != "text") + "</tr>\n")
        for row in rows:
            cells = []
            for name, value in zip(HEADER, row.cells(), strict=True):
                if name == "text":
                    continue
                if (name, row.side) in (("mt", "target"), ("source", "source")):
                    content = _mark(value, row.span)
                else:
                    content = html.escape(value)
                css = f' class="sev-{html.escape(row.severity)}"' if name == "severity" else ""
                cells.append(f"<td{css}>{content}</td>")
            handle.write("<tr>" + "".join(cells) + "</tr>\n")
            n += 1
        handle.write("</table>\n</body></html>\n")
    return n
