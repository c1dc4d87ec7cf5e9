"""CSV and TSV: ``source, target[, corrected]`` per row, an optional header row naming the columns."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft
from mtreview.domain.progress import Progress
from mtreview.formats.registry import ReaderInfo, register_reader
from mtreview.formats.textio import read_text
from mtreview.i18n import _

SOURCE_NAMES = {"source", "src", "en", "english", "original", "msgid"}
TARGET_NAMES = {"target", "tgt", "mt", "ja", "japanese", "translation", "msgstr"}
CORRECTED_NAMES = {"corrected", "post-edit", "postedit", "pe", "reference", "ref", "correction"}


def _delimiter(path: Path) -> str:
    return "\t" if path.suffix.lower() in (".tsv", ".tab") else ","


def read_delimited(path: Path, progress: Progress) -> ImportedDocument:
    text = read_text(path).text
    if "\x00" in text:
        raise InputError(_("the file contains NUL characters"), str(path), text[: text.index("\x00")].count("\n") + 1)
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
    if any(h in SOURCE_NAMES for h in header) and any(h in TARGET_NAMES for h in header):
        columns = {
            "source": next(i for i, h in enumerate(header) if h in SOURCE_NAMES),
            "target": next(i for i, h in enumerate(header) if h in TARGET_NAMES),
            "corrected": next((i for i, h in enumerate(header) if h in CORRECTED_NAMES), -1),
        }
        rows = rows[1:]
    needed = max(columns["source"], columns["target"]) + 1
    segments: list[SegmentDraft] = []
    for number, row in rows:
        if len(row) < needed:
            raise InputError(
                _("expected at least {n} columns (source, target), found {found}").format(n=needed, found=len(row)),
                str(path),
                number,
            )
        corrected = None
        if columns["corrected"] >= 0 and columns["corrected"] < len(row) and row[columns["corrected"]].strip():
            corrected = row[columns["corrected"]].strip()
        segments.append(
            SegmentDraft(
                source=row[columns["source"]].strip(),
                target=row[columns["target"]].strip(),
                source_lines=(number,),
                target_lines=(number,),
                corrected=corrected,
            )
        )
        if len(segments) % 5000 == 0:
            progress.check()
            progress.report(len(segments), len(rows), "")
    return ImportedDocument(name=path.stem, segments=segments, path=str(path), format=path.suffix.lower().lstrip("."))


register_reader(ReaderInfo("csv", (".csv",), read_delimited, "CSV (source, target[, corrected])"))
register_reader(ReaderInfo("tsv", (".tsv", ".tab"), read_delimited, "TSV (source, target[, corrected])"))
