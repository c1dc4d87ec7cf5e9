"""The spreadsheet review sheet (xlsx, openpyxl): exported for reviewers outside mtreview, imported back.

Sheet "Review", one row per segment, columns::

    Segment | Key | Source | MT | Corrected | Status | Annotations | MQM | chrF | Author | Updated

Reviewers edit **Corrected**, **Status** and **Annotations**. Annotations are one per line::

    [#<id>] <severity> | <category> | <side> <start>-<end> «<text>» | <comment> | <suggestion>

``#<id>`` identifies an existing annotation (absent on lines a reviewer adds); the span field may be
just ``target``/``source`` (whole segment) and may be left out on new lines.

Inline-markup placeholders are shown as ``⟦n⟧`` tokens (n = 1, 2, …) and turned back into placeholders
on import. Cells are written as text (never formulas); cells starting with ``= + - @`` additionally get
Excel's quote prefix, so that editing them in a spreadsheet does not turn them into formulas.

Reading (``read_xlsx``, read-only streaming) returns one ``SegmentDraft`` per row with
``meta["segment_id"]`` (``document#ordinal``), the original key, the edited corrected text and status,
and ``meta["annotations"]`` (parsed lines); applying them to a project is the project service's job.
"""

from __future__ import annotations

import contextlib
import os
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError, MtreviewError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Severity, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats import common
from mtreview.formats import placeholders as ph
from mtreview.formats.base import (
    DEFAULT_OPTIONS,
    ExportUnit,
    WriteOptions,
    output_session,
)
from mtreview.formats.guard import needs_guard
from mtreview.formats.po import codes_json, parse_codes
from mtreview.formats.registry import ReaderInfo, WriterInfo, register_reader, register_writer
from mtreview.formats.state import stamp
from mtreview.i18n import _

SHEET = "Review"
COLUMNS = (
    "Segment",
    "Key",
    "Source",
    "MT",
    "Corrected",
    "Status",
    "Annotations",
    "MQM",
    "chrF",
    "Author",
    "Updated",
    "Context",
    "Location",
    "Translator comments",
    "Developer comments",
    "Codes",
)
"""The last five are the unit's PO/TMX/XLIFF metadata (``formats.common``) and its inline codes (JSON, for
the ``⟦n⟧`` tokens), for reading; applying a sheet ignores them."""
_TOKEN = re.compile(r"⟦⟦|⟦(\d+)⟧")
_SPAN = re.compile(r"^(source|target)(?:\s+(\d+)-(\d+))?(?:\s+«.*»)?$")
_ID = re.compile(r"^\[#(\d+)\]\s*")
MAX_ROWS = 2_000_000
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
MAX_CELL = 32767  # Excel's limit for one cell


def to_tokens(text: str) -> str:
    """Placeholders as ``⟦n⟧``; a literal ``⟦`` is doubled so that it never reads back as one."""
    text = text.replace("⟦", "⟦⟦")
    if not ph.has_placeholders(text):
        return text
    return "".join(f"⟦{ph.index_of(c) + 1}⟧" if ph.is_placeholder(c) else c for c in text)


def _untoken(m: re.Match[str]) -> str:
    if m.group(1) is None:
        return "⟦"
    n = int(m.group(1))
    return ph.placeholder(n - 1) if 0 < n <= ph.LIMIT else m.group()


def from_tokens(text: str) -> str:
    return _TOKEN.sub(_untoken, text)


def annotation_line(a: Any, unit: ExportUnit) -> str:
    side = str(a.side)
    base = unit.source if side == "source" else unit.mt
    span = (
        side
        if a.start is None or a.end is None
        else f"{side} {a.start}-{a.end} «{_LINE_BREAKS.sub(' ', to_tokens(base[a.start : a.end]))}»"
    )
    # one line per annotation: any break str.splitlines knows (CR, U+2028…) would split it on reading
    parts = [f"[#{a.id}] {a.severity}", str(a.category), span, _LINE_BREAKS.sub(" ", a.comment or "")]
    if a.suggestion:
        parts.append(_LINE_BREAKS.sub(" ", a.suggestion))
    return " | ".join(p.replace("|", "/") if i else p for i, p in enumerate(parts))


def parse_annotation_line(line: str, where: tuple[str, int]) -> dict[str, Any]:
    text = line.strip()
    ident = None
    m = _ID.match(text)
    if m:
        ident = int(m.group(1))
        text = text[m.end() :]
    fields = [f.strip() for f in text.split("|")]
    if len(fields) < 2:
        raise InputError(
            _("annotation {line!r}: expected 'severity | category | …'").format(line=line), where[0], where[1]
        )
    try:
        severity = Severity.parse(fields[0])
    except ValueError as exc:
        raise InputError(str(exc), where[0], where[1]) from None
    out: dict[str, Any] = {
        "id": ident,
        "severity": severity.value,
        "category": fields[1],
        "side": "target",
        "start": None,
        "end": None,
        "comment": "",
        "suggestion": None,
    }
    rest = fields[2:]
    if rest:
        sm = _SPAN.match(rest[0])
        if sm:
            out["side"] = sm.group(1)
            if sm.group(2) is not None:
                out["start"], out["end"] = int(sm.group(2)), int(sm.group(3))
            rest = rest[1:]
    if rest:
        out["comment"] = rest[0]
    if len(rest) > 1 and rest[1]:
        out["suggestion"] = from_tokens(rest[1])
    return out


def _cell(ws: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=ooxml_escape(value) if isinstance(value, str) else value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, never a formula
        if needs_guard(value):
            cell.quotePrefix = True
    return cell


def write_xlsx(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions = DEFAULT_OPTIONS,
    progress: Progress = NO_PROGRESS,
) -> int:
    from openpyxl import Workbook
    from openpyxl.worksheet import _writer as openpyxl_writer

    count = 0
    # The guard checks the output before any work; openpyxl spools the worksheet into a temporary file
    # of the same guarded family (beside the output, locked, removed on every exit, cleaned after a kill)
    # instead of an untracked one in the system's temp folder.
    with output_session(out_path, options.inputs) as session:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(SHEET)
        spool = str(session.scratch())
        openpyxl_writer.ALL_TEMP_FILES.append(spool)  # openpyxl's cleanup() removes it from this list
        ws._writer = openpyxl_writer.WorksheetWriter(ws, out=spool)
        ws._writer.write_top()
        ws.freeze_panes = "A2"
        # Without annotations the column is left out, so that applying the sheet back never reads an
        # empty Annotations cell as "the reviewer deleted them all".
        columns = [c for c in COLUMNS if options.include_annotations or c != "Annotations"]
        widths = dict(
            zip(COLUMNS, (14, 10, 60, 60, 60, 11, 50, 8, 8, 14, 20, 20, 20, 40, 40, 20), strict=True)
        )
        for letter, name in zip("ABCDEFGHIJKLMNOP", columns, strict=False):
            ws.column_dimensions[letter].width = widths[name]
        ws.append([_cell(ws, c) for c in columns])
        try:
            count = _rows(ws, units, options, progress)
        except BaseException:
            with contextlib.suppress(Exception):
                ws.close()  # end openpyxl's streaming writer cleanly; nothing is saved
            with contextlib.suppress(ValueError):
                openpyxl_writer.ALL_TEMP_FILES.remove(spool)
            raise
        wb.save(session.temp)
    return count


def _rows(ws: Any, units: Iterable[ExportUnit], options: WriteOptions, progress: Progress) -> int:
    count = 0
    for u in units:
        notes = "\n".join(annotation_line(a, u) for a in u.annotations) if options.include_annotations else ""
        row = [
            u.segment_id,
            u.key or "",
            to_tokens(u.source),
            to_tokens(u.mt),
            "" if u.corrected is None else to_tokens(u.corrected),
            str(u.status),
            notes,
            u.mqm_penalty,
            u.chrf,
            u.author or "",
            u.updated_at.isoformat() if u.updated_at else "",
            common.context(u.meta) or "",
            "\n".join(common.locations(u.meta)),
            "\n".join(common.translator_notes(u.meta)),
            "\n".join(common.developer_notes(u.meta)),
            "" if not (u.meta or {}).get("inline") else codes_json(u.meta["inline"]),
        ]
        if not options.include_annotations:
            del row[COLUMNS.index("Annotations")]
        ws.append([_cell(ws, v) for v in row])
        count += 1
        if count % 5000 == 0:
            progress.check()
            progress.report(count, 0, "")
    return count


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def ooxml_escape(value: str) -> str:
    """OOXML's own escape for characters XML cannot hold (``_x0007_``), as Excel writes and reads it; a
    literal ``_x0041_`` in the text gets its underscore escaped (``_x005F_x0041_``) so it stays text."""
    if "_x" in value:
        value = _ESCAPED.sub(r"_x005F_x\1_", value)
    if _NOT_IN_XML.search(value):
        value = _NOT_IN_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    return value


def ooxml_unescape(value: str) -> str:
    if "_x" not in value:
        return value
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)


def read_xlsx(path: str | os.PathLike[str], progress: Progress = NO_PROGRESS) -> ImportedDocument:
    from openpyxl import load_workbook

    p = Path(path)
    if not p.is_file():
        raise InputError(_("no such file"), str(p))
    if not zipfile.is_zipfile(p):
        raise InputError(_("not an xlsx workbook (not a zip archive)"), str(p))
    _check_inflation(p)
    with open(p, "rb") as handle:
        try:
            wb = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for broken workbooks
            raise InputError(_("cannot read the workbook: {error}").format(error=exc), str(p)) from None
        try:
            return _read_rows(p, wb, progress)
        except MtreviewError:
            raise
        except Exception as exc:  # read-only sheets are parsed lazily: a broken one fails here (fuzz-found)
            raise InputError(_("cannot read the workbook: {error}").format(error=exc), str(p)) from None
        finally:
            wb.close()


MAX_PART_BYTES = 1 << 30
"""No part of a workbook may inflate beyond this (a 100,000-row review sheet is about 100 MB)."""
MAX_RATIO = 100
"""Nor, past 10 MB, compress better than this: spreadsheet XML compresses 5–20×, a zip bomb 1000×
(openpyxl spent 90 s and 3 GB on a 200 MB sheet of empty rows packed into 200 KB)."""


def _check_inflation(p: Path) -> None:
    try:
        with zipfile.ZipFile(p) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        # NotImplementedError: an entry needing a newer zip version (fuzz-found: "zip file version 6.4")
        raise InputError(_("cannot read the workbook: {error}").format(error=exc), str(p)) from None
    for info in infos:
        big = info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or big:
            error = f"{info.filename} inflates {info.compress_size} bytes to {info.file_size} (a zip bomb?)"
            raise InputError(_("cannot read the workbook: {error}").format(error=error), str(p))


def _read_rows(p: Path, wb: Any, progress: Progress) -> ImportedDocument:
    ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    try:
        header = next(rows, None)
        if header is None:
            raise InputError(_("the sheet is empty"), str(p))
        names = [str(h or "").strip().lower() for h in header]
        col = {name.lower(): names.index(name.lower()) for name in COLUMNS if name.lower() in names}
        for needed in ("source", "mt"):
            if needed not in col:
                raise InputError(_("the sheet has no {name!r} column").format(name=needed.title()), str(p), 1)
        segments: list[SegmentDraft] = []
        name = p.stem
        for number, row in enumerate(rows, start=2):
            if number > MAX_ROWS:
                raise InputError(_("too many rows"), str(p), number)

            def get(key: str, row: tuple[Any, ...] = row, number: int = number) -> str:
                i = col.get(key)
                if i is None or i >= len(row) or row[i] is None:
                    return ""
                value = row[i]
                if not isinstance(value, str):
                    return str(value)
                value = ooxml_unescape(value)
                if "\x00" in value:
                    raise InputError(_("the file contains NUL characters"), str(p), number)
                return value

            if not any(v not in (None, "") for v in row):
                continue
            status_text = get("status").strip().lower()
            if status_text and status_text not in {s.value for s in Status}:
                raise InputError(_("unknown status {status!r}").format(status=status_text), str(p), number)
            notes = (
                [
                    parse_annotation_line(line, (str(p), number))
                    for line in get("annotations").splitlines()
                    if line.strip()
                ]
                if "annotations" in col
                else None
            )
            corrected = get("corrected")
            meta: dict[str, Any] = {
                "segment_id": get("segment"),
                "annotations": notes,
                "row": number,
                "updated": get("updated"),
            }
            codes = parse_codes(get("codes"))
            if codes is not None:
                meta["inline"] = codes
            meta.update(
                common.po_shaped(
                    get("context") or None,
                    get("location").split("\n"),
                    get("translator comments"),
                    get("developer comments"),
                )
            )
            status = Status(status_text) if status_text else None
            segments.append(
                stamp(
                    SegmentDraft(
                        source=from_tokens(get("source")),
                        target=from_tokens(get("mt")),
                        source_lines=(number,),
                        target_lines=(number,),
                        corrected=from_tokens(corrected) if corrected != "" else None,
                        key=get("key") or None,
                        meta=meta,
                        status=status,
                    ),
                    translated=status in (Status.APPROVED, Status.CORRECTED),
                )
            )
            if len(segments) % 5000 == 0:
                progress.check()
                progress.report(len(segments), 0, "")
    finally:
        rows.close()
    return ImportedDocument(name=name, segments=segments, path=str(p), format="xlsx")


register_reader(ReaderInfo("xlsx", (".xlsx",), read_xlsx, "Review sheet (xlsx)"))
register_writer(WriterInfo("xlsx", ".xlsx", write_xlsx, "Review sheet (xlsx) that re-imports"))
