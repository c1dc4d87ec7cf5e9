"""CSV and TSV: ``source, target[, corrected]`` per row, an optional header row naming the columns.

The writer produces a header row ``id, key, source, mt, corrected, status, mqm, chrf, annotations``
which this reader reads back (key and status included). Cells a spreadsheet would evaluate as a
formula (starting with ``= + - @``, tab or CR) are written with a leading ``'``; the reader removes it.
Placeholders of inline markup are written as the original markup (plain text formats have no tags).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats import placeholders as ph
from mtreview.formats.base import (
    DEFAULT_OPTIONS,
    ExportUnit,
    WriteOptions,
    atomic_output,
    escape_formula,
    unescape_formula,
)
from mtreview.formats.registry import ReaderInfo, WriterInfo, register_reader, register_writer
from mtreview.formats.textio import read_text
from mtreview.i18n import _

SOURCE_NAMES = {"source", "src", "en", "english", "original", "msgid"}
TARGET_NAMES = {"target", "tgt", "mt", "ja", "japanese", "translation", "msgstr"}
CORRECTED_NAMES = {"corrected", "post-edit", "postedit", "pe", "reference", "ref", "correction"}
KEY_NAMES = {"key", "tuid", "msgctxt"}
STATUS_NAMES = {"status"}
_STATUSES = {s.value for s in Status}


def _delimiter(path: Path) -> str:
    return "\t" if path.suffix.lower() in (".tsv", ".tab") else ","


def read_delimited(path: Path, progress: Progress = NO_PROGRESS) -> ImportedDocument:
    path = Path(path)
    text = read_text(path).text
    if "\x00" in text:
        raise InputError(
            _("the file contains NUL characters"), str(path), text[: text.index("\x00")].count("\n") + 1
        )
    delimiter = _delimiter(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        line = 1
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(_("malformed row: {error}").format(error=exc), str(path), reader.line_num) from None
    rows = [(n, r) for n, r in rows if any(c.strip() for c in r)]
    if not rows:
        raise InputError(_("the file has no rows"), str(path))
    columns = {"source": 0, "target": 1, "corrected": 2 if len(rows[0][1]) > 2 else -1}
    header = [c.strip().lower() for c in rows[0][1]]
    ours = tuple(header) == HEADER  # written by write_delimited: texts are exact, not stripped
    strip = (lambda t: t) if ours else str.strip
    if any(h in SOURCE_NAMES for h in header) and any(h in TARGET_NAMES for h in header):
        columns = {
            "source": next(i for i, h in enumerate(header) if h in SOURCE_NAMES),
            "target": next(i for i, h in enumerate(header) if h in TARGET_NAMES),
            "corrected": next((i for i, h in enumerate(header) if h in CORRECTED_NAMES), -1),
            "key": next((i for i, h in enumerate(header) if h in KEY_NAMES), -1),
            "status": next((i for i, h in enumerate(header) if h in STATUS_NAMES), -1),
        }
        rows = rows[1:]
    needed = max(columns["source"], columns["target"]) + 1
    segments: list[SegmentDraft] = []
    for number, row in rows:
        if len(row) < needed:
            raise InputError(
                _("expected at least {n} columns (source, target), found {found}").format(
                    n=needed, found=len(row)
                ),
                str(path),
                number,
            )
        row = [unescape_formula(c) for c in row]
        corrected = None
        if columns["corrected"] >= 0 and columns["corrected"] < len(row) and row[columns["corrected"]] != "":
            corrected = strip(row[columns["corrected"]])
        key = None
        if columns.get("key", -1) >= 0 and columns["key"] < len(row) and row[columns["key"]]:
            key = row[columns["key"]]
        status = None
        if (
            columns.get("status", -1) >= 0
            and columns["status"] < len(row)
            and row[columns["status"]].strip() in _STATUSES
        ):
            status = Status(row[columns["status"]].strip())
        markup: list[dict[str, object]] = []
        source = ph.escape_literal(strip(row[columns["source"]]), markup)
        tmarkup: list[dict[str, object]] = []
        target = ph.escape_literal(strip(row[columns["target"]]), tmarkup)
        if corrected is not None:
            corrected = ph.escape_literal(corrected, tmarkup)
        meta = (
            {"inline": {"format": "text", "source": markup, "target": tmarkup}} if markup or tmarkup else {}
        )
        segments.append(
            SegmentDraft(
                source=source,
                target=target,
                source_lines=(number,),
                target_lines=(number,),
                corrected=corrected,
                key=key,
                status=status,
                meta=meta,
            )
        )
        if len(segments) % 5000 == 0:
            progress.check()
            progress.report(len(segments), len(rows), "")
    return ImportedDocument(
        name=path.stem, segments=segments, path=str(path), format=path.suffix.lower().lstrip(".")
    )


HEADER = ("id", "key", "source", "mt", "corrected", "status", "mqm", "chrf", "annotations")


def annotation_text(a: object, unit: ExportUnit) -> str:
    """One line per annotation: ``severity | category | side start-end «text» | comment | suggestion``."""
    side = str(getattr(a, "side", "target"))
    start, end = getattr(a, "start", None), getattr(a, "end", None)
    base = unit.source if side == "source" else unit.mt
    span = (
        side
        if start is None or end is None
        else f"{side} {start}-{end} «{ph.strip_placeholders(base[start:end])}»"
    )
    parts = [
        str(getattr(a, "severity", "")),
        str(getattr(a, "category", "")),
        span,
        getattr(a, "comment", "") or "",
    ]
    if getattr(a, "suggestion", None):
        parts.append(str(getattr(a, "suggestion")))  # noqa: B009
    return " | ".join(LINE_BREAKS.sub(" ", p).replace("|", "/") for p in parts)


LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""Everything ``str.splitlines`` breaks at: kept out of one-line fields."""


class _LfRows:
    """Rows end with ``\n`` although the writer is told ``\r\n``: so that it quotes cells holding a lone CR
    (Python's csv quotes only the line terminator's characters; an unquoted CR splits the row for every
    reader, and puts the rest of the cell at the start of a line, where a spreadsheet evaluates it)."""

    def __init__(self, f: Any) -> None:
        self.f = f

    def write(self, row: str) -> int:
        return int(self.f.write(row[:-2] + "\n" if row.endswith("\r\n") else row))


def _score(v: float | None) -> str:
    return "" if v is None else f"{v:.4f}".rstrip("0").rstrip(".")


def _plain(text: str, unit: ExportUnit, side: str) -> str:
    inline = (unit.meta or {}).get("inline")
    return ph.restore_text(text, (inline or {}).get(side)) if inline else text


def write_delimited(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions = DEFAULT_OPTIONS,
    progress: Progress = NO_PROGRESS,
    delimiter: str | None = None,
) -> int:
    delim = delimiter or _delimiter(Path(out_path))
    count = 0
    with atomic_output(out_path, options.inputs, newline="") as f:
        w = csv.writer(f if delim == "," else _LfRows(f), delimiter=delim, lineterminator="\r\n")
        w.writerow(HEADER)
        for u in units:
            corrected = "" if u.corrected is None else _plain(u.corrected, u, "target")
            notes = (
                "\n".join(annotation_text(a, u) for a in u.annotations) if options.include_annotations else ""
            )
            row = [
                u.segment_id,
                u.key or "",
                _plain(u.source, u, "source"),
                _plain(u.mt, u, "target"),
                corrected,
                str(u.status),
                _score(u.mqm_penalty),
                _score(u.chrf),
                notes,
            ]
            w.writerow([escape_formula(c) for c in row])
            count += 1
            if count % 5000 == 0:
                progress.check()
                progress.report(count, 0, "")
    return count


def write_csv(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions = DEFAULT_OPTIONS,
    progress: Progress = NO_PROGRESS,
) -> int:
    return write_delimited(out_path, units, options, progress, ",")


def write_tsv(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions = DEFAULT_OPTIONS,
    progress: Progress = NO_PROGRESS,
) -> int:
    return write_delimited(out_path, units, options, progress, "\t")


register_reader(ReaderInfo("csv", (".csv",), read_delimited, "CSV (source, target[, corrected])"))
register_reader(ReaderInfo("tsv", (".tsv", ".tab"), read_delimited, "TSV (source, target[, corrected])"))
register_writer(
    WriterInfo("csv", ".csv", write_csv, "CSV (id, key, source, mt, corrected, status, scores, annotations)")
)
register_writer(
    WriterInfo("tsv", ".tsv", write_tsv, "TSV (id, key, source, mt, corrected, status, scores, annotations)")
)
