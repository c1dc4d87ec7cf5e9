"""CSV and TSV: ``source, target[, corrected]`` per row, an optional header row naming the columns.

The writer's header row uses the column names Translate Toolkit's ``csv2po`` knows (``location``,
``context``, ``source``, ``target``, ``translator_comments``, ``developer_comments``) and adds ours::

    location, context, source, target, mt, status, translator_comments, developer_comments,
    annotations, mqm, chrf, segment, key, codes

``target`` is the translation to use (the corrected text where there is one, else the MT), ``mt`` the
machine translation as imported; our reader reads all of it back (the corrected text is ``target`` where
it differs from ``mt``). Inline codes of TMX/XLIFF units show as readable ``⟦n⟧`` tokens and travel in
the ``codes`` column (JSON), so they come back as the same codes. Files of mtreview 0.1 (``id, key,
source, mt, corrected, …``) still read.

The file is UTF-8 with a byte order mark by default (Japanese Excel reads UTF-8 without one as cp932;
``bom=False`` for pipelines). Cells a spreadsheet would evaluate are guarded invisibly
(``formats.guard``; ``formula_guard=False`` for pipelines that never open the file in a spreadsheet);
the reader removes the guard. Placeholders of inline markup are written as the original markup (plain
text formats have no tags).
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
from mtreview.formats import common
from mtreview.formats import placeholders as ph
from mtreview.formats.base import DEFAULT_OPTIONS, ExportUnit, WriteOptions, atomic_output
from mtreview.formats.guard import guard, unguard, unguard_legacy
from mtreview.formats.po import coded, codes_json, parse_codes
from mtreview.formats.registry import ReaderInfo, WriterInfo, register_reader, register_writer
from mtreview.formats.state import stamp
from mtreview.formats.textio import read_text
from mtreview.i18n import _

SOURCE_NAMES = {"source", "src", "en", "english", "original", "msgid"}
TARGET_NAMES = {"target", "tgt", "mt", "ja", "japanese", "translation", "msgstr"}
CORRECTED_NAMES = {"corrected", "post-edit", "postedit", "pe", "reference", "ref", "correction"}
KEY_NAMES = {"key", "tuid", "msgctxt"}
STATUS_NAMES = {"status"}
_STATUSES = {s.value for s in Status}

HEADER = (
    "location",
    "context",
    "source",
    "target",
    "mt",
    "status",
    "translator_comments",
    "developer_comments",
    "annotations",
    "mqm",
    "chrf",
    "segment",
    "key",
    "codes",
)
LEGACY_HEADER = ("id", "key", "source", "mt", "corrected", "status", "mqm", "chrf", "annotations")
"""What mtreview 0.1 wrote (with a visible ``'`` formula guard)."""


def _delimiter(path: Path) -> str:
    return "\t" if path.suffix.lower() in (".tsv", ".tab") else ","


def _rows(path: Path, text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        line = 1
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(_("malformed row: {error}").format(error=exc), str(path), reader.line_num) from None
    return [(n, r) for n, r in rows if any(c.strip() for c in r)]


def read_delimited(path: Path, progress: Progress = NO_PROGRESS) -> ImportedDocument:
    path = Path(path)
    decoded = read_text(path)
    text = decoded.text
    if "\x00" in text:
        raise InputError(
            _("the file contains NUL characters"), str(path), text[: text.index("\x00")].count("\n") + 1
        )
    rows = _rows(path, text, _delimiter(path))
    if not rows:
        raise InputError(_("the file has no rows"), str(path))
    header = tuple(c.strip().lower() for c in rows[0][1])
    if header[: len(HEADER)] == HEADER:
        segments = _read_ours(path, rows[1:], progress)
    else:
        segments = _read_foreign(path, rows, header == LEGACY_HEADER, progress)
    meta: dict[str, Any] = {}
    if decoded.encoding not in ("utf-8", "ascii"):
        meta["encoding"] = decoded.encoding
    return ImportedDocument(
        name=path.stem,
        segments=segments,
        path=str(path),
        format=path.suffix.lower().lstrip("."),
        meta=meta,
    )


def _protect(text: str, markup: list[dict[str, Any]]) -> str:
    return ph.escape_literal(text, markup)


def _read_ours(path: Path, rows: list[tuple[int, list[str]]], progress: Progress) -> list[SegmentDraft]:
    """A file this writer produced: texts are exact (not stripped), every column is read back."""
    col = {name: i for i, name in enumerate(HEADER)}
    segments: list[SegmentDraft] = []
    for number, raw in rows:
        if len(raw) < len(HEADER):
            message = _("expected {n} columns, found {found}").format(n=len(HEADER), found=len(raw))
            raise InputError(message, str(path), number)
        row = [unguard(c) for c in raw]
        status_text = row[col["status"]].strip()
        if status_text and status_text not in _STATUSES:
            raise InputError(_("unknown status {status!r}").format(status=status_text), str(path), number)
        codes = parse_codes(row[col["codes"]])
        if codes is not None:  # inline codes of another format, shown as ⟦n⟧ tokens
            smarkup, tmarkup = list(codes["source"]), list(codes["target"])
            source = ph.from_tokens(row[col["source"]], smarkup)
            mt = ph.from_tokens(row[col["mt"]], tmarkup)
            target = ph.from_tokens(row[col["target"]], tmarkup)
        else:
            smarkup, tmarkup = [], []
            source = _protect(row[col["source"]], smarkup)
            mt = _protect(row[col["mt"]], tmarkup)
            target = _protect(row[col["target"]], tmarkup)
        meta = common.po_shaped(
            row[col["context"]] or None,
            row[col["location"]].split(),
            row[col["translator_comments"]],
            row[col["developer_comments"]],
        )
        if smarkup or tmarkup:
            fmt = codes["format"] if codes is not None else "text"
            meta["inline"] = {"format": fmt, "source": smarkup, "target": tmarkup}
        status = Status(status_text) if status_text else None
        draft = SegmentDraft(
            source=source,
            target=mt,
            source_lines=(number,),
            target_lines=(number,),
            corrected=None if target == mt else target,
            key=row[col["key"]] or None,
            status=status,
            meta=meta,
        )
        segments.append(stamp(draft, translated=status in (Status.APPROVED, Status.CORRECTED)))
        if len(segments) % 5000 == 0:
            progress.check()
            progress.report(len(segments), len(rows), "")
    return segments


def _read_foreign(
    path: Path, rows: list[tuple[int, list[str]]], legacy: bool, progress: Progress
) -> list[SegmentDraft]:
    """Any other table: ``source, target[, corrected]`` by position, or by header names."""
    columns = {"source": 0, "target": 1, "corrected": 2 if len(rows[0][1]) > 2 else -1}
    header = [c.strip().lower() for c in rows[0][1]]
    strip = (lambda t: t) if legacy else str.strip
    unescape = unguard_legacy if legacy else unguard
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

    def cell(row: list[str], name: str) -> str:
        i = columns.get(name, -1)
        return row[i] if 0 <= i < len(row) else ""

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
        row = [unescape(c) for c in row]
        corrected = strip(cell(row, "corrected")) if cell(row, "corrected") != "" else None
        status_text = cell(row, "status").strip()
        status = Status(status_text) if status_text in _STATUSES else None
        smarkup: list[dict[str, Any]] = []
        tmarkup: list[dict[str, Any]] = []
        source = _protect(strip(cell(row, "source")), smarkup)
        target = _protect(strip(cell(row, "target")), tmarkup)
        if corrected is not None:
            corrected = _protect(corrected, tmarkup)
        meta: dict[str, Any] = (
            {"inline": {"format": "text", "source": smarkup, "target": tmarkup}} if smarkup or tmarkup else {}
        )
        draft = SegmentDraft(
            source=source,
            target=target,
            source_lines=(number,),
            target_lines=(number,),
            corrected=corrected,
            key=cell(row, "key") or None,
            status=status,
            meta=meta,
        )
        # a table's target is machine translation to review, unless a status column says otherwise
        segments.append(stamp(draft, translated=status in (Status.APPROVED, Status.CORRECTED)))
        if len(segments) % 5000 == 0:
            progress.check()
            progress.report(len(segments), len(rows), "")
    return segments


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


def row_of(u: ExportUnit, include_annotations: bool) -> list[str]:
    meta = u.meta or {}
    notes = "\n".join(annotation_text(a, u) for a in u.annotations) if include_annotations else ""
    inline = coded(meta)
    if inline is not None:  # TMX/XLIFF codes as readable ⟦n⟧ tokens, the codes in the last column

        def text(t: str, side: str) -> str:
            return ph.to_tokens(t, (inline or {}).get(side))

    else:

        def text(t: str, side: str) -> str:
            return _plain(t, u, side)

    return [
        " ".join(common.locations(meta)),  # as Translate Toolkit's po2csv writes them
        common.context(meta) or "",
        text(u.source, "source"),
        text(u.target, "target"),
        text(u.mt, "target"),
        str(u.status),
        "\n".join(common.translator_notes(meta)),
        "\n".join(common.developer_notes(meta)),
        notes,
        _score(u.mqm_penalty),
        _score(u.chrf),
        u.segment_id,
        common.exportable_key(u.key) or "",
        "" if inline is None else codes_json(inline),
    ]


def write_delimited(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions = DEFAULT_OPTIONS,
    progress: Progress = NO_PROGRESS,
    delimiter: str | None = None,
) -> int:
    delim = delimiter or _delimiter(Path(out_path))
    protect = guard if options.formula_guard else (lambda c: c)
    count = 0
    encoding = "utf-8-sig" if options.bom else "utf-8"
    with atomic_output(out_path, options.inputs, newline="", encoding=encoding) as f:
        w = csv.writer(f if delim == "," else _LfRows(f), delimiter=delim, lineterminator="\r\n")
        w.writerow(HEADER)
        for u in units:
            w.writerow([protect(c) for c in row_of(u, options.include_annotations)])
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


_COLUMNS = "location, context, source, target, mt, status, comments, annotations, scores"
register_reader(ReaderInfo("csv", (".csv",), read_delimited, "CSV (source, target[, corrected])"))
register_reader(ReaderInfo("tsv", (".tsv", ".tab"), read_delimited, "TSV (source, target[, corrected])"))
register_writer(WriterInfo("csv", ".csv", write_csv, f"CSV ({_COLUMNS})"))
register_writer(WriterInfo("tsv", ".tsv", write_tsv, f"TSV ({_COLUMNS})"))
