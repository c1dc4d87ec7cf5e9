"""Google MQM TSV (github.com/google/wmt-mqm-human-evaluation; Marot's input).

Columns ``system doc doc_id seg_id rater source target category severity [comment]``, one row per error
(or one ``No-error`` row for a rated segment without errors); the error span is marked with ``<v>…</v>`` in
``target``, or in ``source`` for omissions and source errors. A row without a marker (other than
``No-error``) is a whole-segment annotation.

Quoting differs between Google's files: ``ted/*`` are written without quoting (a field may start with a
literal ``"``), ``newstest2020/*source-errors.tsv`` use CSV quoting with doubled ``""``. The reader decides
per file (``split_rows``): CSV quoting only on positive evidence (a quoted field with a doubled quote, or
quoted tabs/line breaks); otherwise every ``"`` is literal. The writer uses Google's unquoted style when
the text reads back unchanged, else CSV quoting.

An opening ``<v>`` with no closing marker extends to the end of the field (two rows of Google's own TED data
are like that, and the published scores count them). A closing marker without an opening one, nested or
repeated markers are errors. Any error raises ``InputError`` with the file and line; nothing is imported.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Severity, Side
from mtreview.formats.base import ExportUnit, WriteOptions
from mtreview.formats.guard import guard, unguard
from mtreview.formats.textio import read_text
from mtreview.i18n import _

COLUMNS = ("system", "doc", "doc_id", "seg_id", "rater", "source", "target", "category", "severity")
COMMENT = "comment"
NO_ERROR = "No-error"
OPEN, CLOSE = "<v>", "</v>"
_QUOTED = re.compile(r'^"(?:[^"]|"")*"$', re.S)
_SEVERITY_OUT = {
    Severity.NEUTRAL: "Neutral",
    Severity.MINOR: "Minor",
    Severity.MAJOR: "Major",
    Severity.CRITICAL: "Critical",
}


@dataclass(frozen=True, slots=True)
class MqmSegment:
    system: str
    doc: str
    doc_id: str
    seg_id: str
    source: str
    """Without ``<v>`` markers."""
    target: str
    line: int
    """Line of the segment's first row."""
    raters: tuple[str, ...] = ()
    """Raters who rated it (with an error or a ``No-error`` row), in order of appearance."""

    @property
    def key(self) -> tuple[str, str]:
        return (self.system, self.seg_id)


@dataclass(frozen=True, slots=True)
class MqmAnnotation:
    system: str
    seg_id: str
    rater: str
    category: str
    severity: Severity
    side: Side
    start: int | None
    """Code-point offset into the unmarked ``source``/``target``; ``None`` for the whole segment."""
    end: int | None
    comment: str = ""
    line: int = 0
    row_source: str | None = None
    """This row's own unmarked source/target where it differs from the segment's first row (Google's data
    has such rows); ``None`` when it is the same. Offsets refer to this text then."""
    row_target: str | None = None

    @property
    def segment_key(self) -> tuple[str, str]:
        return (self.system, self.seg_id)


@dataclass(frozen=True)
class MqmTsv:
    segments: list[MqmSegment]
    annotations: list[MqmAnnotation]
    path: str | None = None
    quoting: str = "none"
    """``"none"`` (Google's TED style) or ``"csv"`` (doubled quotes)."""
    has_comment: bool = False
    warnings: list[str] = field(default_factory=list)

    def items(self) -> list[tuple[tuple[str, str], str]]:
        """Rated (segment key, rater) items in order."""
        return [(s.key, r) for s in self.segments for r in s.raters]


# -- reading -----------------------------------------------------------------------------------------


def _physical_rows(text: str) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate(re.split(r"\r\n|\n|\r", text), start=1):
        if line.strip():
            rows.append((number, line.split("\t")))
    return rows


def _csv_rows(text: str, path: str) -> list[tuple[int, list[str]]]:
    """CSV-quoted TSV records with the physical line each starts on (strict: odd quoting raises)."""
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter="\t", quotechar='"', doublequote=True, strict=True
    )
    rows = []
    start = 1
    try:
        for fields in reader:
            if any(f.strip() for f in fields):
                rows.append((start, fields))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(_("odd quoting: {error}").format(error=exc), path, start) from None
    return rows


def split_rows(text: str, path: str = "<text>") -> tuple[str, list[tuple[int, list[str]]]]:
    """Decide the quoting and split into (line, fields) rows: ``("csv", rows)`` or ``("none", rows)``.

    CSV quoting is chosen only on positive evidence that a CSV writer produced the file: a quoted field
    with a doubled ``""`` inside, or quoted tabs/line breaks (records that differ from the physical lines).
    A field wrapped in quotes with none of those inside is evidence of the unquoted style (a CSV writer
    would not have quoted it), and so is text that is not valid CSV; then every ``"`` is literal.
    """
    raw = _physical_rows(text)
    doubled = any(
        value[:1] == '"' and _QUOTED.match(value) and '""' in value[1:-1]
        for _n, fields in raw
        for value in fields
    )
    try:
        parsed = _csv_rows(text, path)
    except InputError:
        if doubled:
            raise
        return "none", raw
    if doubled:
        return "csv", parsed
    split_differently = len(parsed) != len(raw) or any(
        len(a) != len(b) or any(c in x for x in a for c in "\t\n\r")
        for (_n, a), (_m, b) in zip(parsed, raw, strict=True)
    )
    return ("csv", parsed) if split_differently else ("none", raw)


def unmark(text: str, path: str, line: int, column: str) -> tuple[str, tuple[int, int] | None]:
    """Remove one ``<v>…</v>`` pair; return the text and the span in code points (or ``None``)."""
    first = text.find(OPEN)
    close = text.find(CLOSE)
    if first < 0:
        if close >= 0:
            raise InputError(_("{column}: </v> without <v>").format(column=column), path, line)
        return text, None
    if close >= 0 and close < first:
        raise InputError(_("{column}: </v> before <v>").format(column=column), path, line)
    rest_from = first + len(OPEN)
    if close < 0:
        inner_end = len(text)
        after = ""
    else:
        inner_end = close
        after = text[close + len(CLOSE) :]
    inner = text[rest_from:inner_end]
    if OPEN in inner:
        raise InputError(_("{column}: nested <v> markers").format(column=column), path, line)
    if OPEN in after or CLOSE in after:
        raise InputError(
            _("{column}: more than one <v>…</v> span in a row").format(column=column), path, line
        )
    plain = text[:first] + inner + after
    return plain, (first, first + len(inner))


def parse_severity(text: str) -> Severity | None:
    """``None`` for ``No-error``; ``ValueError`` for anything unknown."""
    t = text.strip()
    if t.lower() == NO_ERROR.lower():
        return None
    return Severity.parse(t)


def read_mqm_tsv(path: str | os.PathLike[str]) -> MqmTsv:
    name = str(path)
    text = read_text(path).text
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError(
            _("the file contains NUL characters"), name, text[: text.index("\x00")].count("\n") + 1
        )
    return parse_mqm_tsv(text, name)


def parse_mqm_tsv(text: str, name: str = "<text>") -> MqmTsv:
    raw = _physical_rows(text)
    if not raw:
        raise InputError(_("the file has no rows"), name)
    first_line, header = raw[0]
    header_names = [h.strip().lower() for h in header]
    has_header = header_names[: len(COLUMNS)] == list(COLUMNS)
    if not has_header and header_names and header_names[0] == "system":
        missing = [c for c in COLUMNS if c not in header_names]
        raise InputError(
            _("missing column(s): {columns}").format(columns=", ".join(missing) or _("(wrong order)")),
            name,
            first_line,
        )
    width = len(header) if has_header else len(raw[0][1])
    if has_header and width > len(COLUMNS) + 1:
        raise InputError(
            _("unexpected extra columns after {columns}").format(columns=", ".join(header[:10])),
            name,
            first_line,
        )
    if has_header and width == len(COLUMNS) + 1 and header_names[-1] != COMMENT:
        raise InputError(_("the tenth column must be 'comment'"), name, first_line)
    quoting, rows = split_rows(text, name)
    if has_header:
        rows = rows[1:]
    if not has_header and width not in (len(COLUMNS), len(COLUMNS) + 1):
        raise InputError(
            _("expected {n} columns ({columns}[, comment]), found {found}").format(
                n=len(COLUMNS), columns=", ".join(COLUMNS), found=width
            ),
            name,
            first_line,
        )
    has_comment = width == len(COLUMNS) + 1
    segments: dict[tuple[str, str], MqmSegment] = {}
    raters: dict[tuple[str, str], list[str]] = {}
    annotations: list[MqmAnnotation] = []
    warnings: list[str] = []
    for number, fields in rows:
        if len(fields) == width + 1 and fields[-1] == "" and not has_comment:
            fields = fields[:-1]  # a trailing tab
        elif len(fields) == width - 1 and has_comment:
            fields = [*fields, ""]  # an empty last comment whose tab an editor trimmed
        if len(fields) != width:
            raise InputError(
                _("expected {n} columns, found {found}").format(n=width, found=len(fields)), name, number
            )
        fields = [unguard(f) for f in fields]  # our formula guard (formats.guard) is not text
        system, doc, doc_id, seg_id, rater, source_m, target_m, category, severity_text = fields[
            : len(COLUMNS)
        ]
        comment = fields[len(COLUMNS)] if has_comment else ""
        if not system.strip() or not seg_id.strip():
            raise InputError(_("empty system or seg_id"), name, number)
        try:
            severity = parse_severity(severity_text)
        except ValueError:
            raise InputError(
                _(
                    "unknown severity {severity!r} (expected Neutral, Minor, Major, Critical or No-error)"
                ).format(severity=severity_text),
                name,
                number,
            ) from None
        source, source_span = unmark(source_m, name, number, "source")
        target, target_span = unmark(target_m, name, number, "target")
        if source_span is not None and target_span is not None:
            raise InputError(_("<v> markers in both source and target"), name, number)
        if (source_span is not None and source_m.count(CLOSE) == 0) or (
            target_span is not None and target_m.count(CLOSE) == 0
        ):
            warnings.append(
                f"{name}:{number}: " + _("<v> without </v>: the span runs to the end of the text")
            )
        key = (system, seg_id)
        known = segments.get(key)
        if known is None:
            segments[key] = MqmSegment(system, doc, doc_id, seg_id, source, target, number)
            raters[key] = []
        elif (known.doc, known.doc_id) != (doc, doc_id):
            raise InputError(
                _("segment {system}/{seg} is in another document on line {line}").format(
                    system=system, seg=seg_id, line=known.line
                ),
                name,
                number,
            )
        row_source = row_target = None
        if known is not None and (known.source, known.target) != (source, target):
            row_source = None if known.source == source else source
            row_target = None if known.target == target else target
            warnings.append(
                f"{name}:{number}: "
                + _("the segment's text differs from line {line}; the row keeps its own text").format(
                    line=known.line
                )
            )
        if rater not in raters[key]:
            raters[key].append(rater)
        if severity is None or category.strip() == NO_ERROR:
            if category.strip() not in (NO_ERROR, "") or severity is not None:
                raise InputError(_("No-error must be both the category and the severity"), name, number)
            if row_source is not None or row_target is not None:
                raise InputError(
                    _("a No-error row's text differs from line {line}").format(line=segments[key].line),
                    name,
                    number,
                )
            continue
        if not category.strip():
            raise InputError(_("empty category"), name, number)
        side, span = (Side.SOURCE, source_span) if source_span is not None else (Side.TARGET, target_span)
        annotations.append(
            MqmAnnotation(
                system,
                seg_id,
                rater,
                category,
                severity,
                side,
                None if span is None else span[0],
                None if span is None else span[1],
                comment,
                number,
                row_source,
                row_target,
            )
        )
    segs = [
        MqmSegment(s.system, s.doc, s.doc_id, s.seg_id, s.source, s.target, s.line, tuple(raters[k]))
        for k, s in segments.items()
    ]
    return MqmTsv(segs, annotations, name, quoting, has_comment, warnings)


# -- writing -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MqmRow:
    """One row to write: ``category``/``severity`` ``None`` means a ``No-error`` row."""

    system: str
    doc: str
    doc_id: str
    seg_id: str
    rater: str
    source: str
    target: str
    category: str | None = None
    severity: Severity | None = None
    side: Side = Side.TARGET
    start: int | None = None
    end: int | None = None
    comment: str = ""


def mark(text: str, start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return text
    if not (0 <= start <= end <= len(text)):
        raise InputError(
            _("span {start}..{end} does not fit a text of {n} characters").format(
                start=start, end=end, n=len(text)
            )
        )
    return text[:start] + OPEN + text[start:end] + CLOSE + text[end:]


def rows_of(tsv: MqmTsv) -> list[MqmRow]:
    """The rows that write ``tsv`` back: its annotations, and a ``No-error`` row per item without one."""
    by_item: dict[tuple[str, str, str], list[MqmAnnotation]] = {}
    for a in tsv.annotations:
        by_item.setdefault((a.system, a.seg_id, a.rater), []).append(a)
    rows: list[MqmRow] = []
    for s in tsv.segments:
        for r in s.raters:
            anns = by_item.get((s.system, s.seg_id, r), [])
            if not anns:
                rows.append(MqmRow(s.system, s.doc, s.doc_id, s.seg_id, r, s.source, s.target))
            for a in anns:
                rows.append(
                    MqmRow(
                        s.system,
                        s.doc,
                        s.doc_id,
                        s.seg_id,
                        r,
                        s.source if a.row_source is None else a.row_source,
                        s.target if a.row_target is None else a.row_target,
                        a.category,
                        a.severity,
                        a.side,
                        a.start,
                        a.end,
                        a.comment,
                    )
                )
    return rows


def _fields(row: MqmRow) -> list[str]:
    if row.category is None or row.severity is None:
        category, severity = NO_ERROR, NO_ERROR
        source, target = row.source, row.target
    else:
        category, severity = row.category, _SEVERITY_OUT[row.severity]
        if row.side is Side.SOURCE:
            source, target = mark(row.source, row.start, row.end), row.target
        else:
            source, target = row.source, mark(row.target, row.start, row.end)
    return [
        row.system,
        row.doc,
        row.doc_id,
        row.seg_id,
        row.rater,
        source,
        target,
        category,
        severity,
        row.comment,
    ]


def _quote(value: str) -> str:
    if any(c in value for c in '"\t\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def format_mqm_tsv(rows: Iterable[MqmRow], formula_guard: bool = True) -> str:
    """Google's unquoted style when it reads back unchanged, else CSV quoting (the reader detects both).
    Cells a spreadsheet would evaluate are guarded invisibly (``formats.guard``; the reader removes it)."""
    protect = guard if formula_guard else (lambda v: v)
    table = [[*COLUMNS, COMMENT], *([protect(v) for v in _fields(r)] for r in rows)]
    plain = "".join("\t".join(fields) + "\n" for fields in table)
    try:
        mode, back = split_rows(plain)
    except InputError:
        mode, back = "csv", []
    if (
        mode == "none"
        and [f for _n, f in back] == [f for f in table if any(x.strip() for x in f)]
        and all(any(x.strip() for x in f) for f in table)
    ):
        return plain
    return "".join("\t".join(_quote(v) for v in fields) + "\n" for fields in table)


def write_mqm_tsv(path: str | os.PathLike[str], rows: Sequence[MqmRow] | Iterable[MqmRow]) -> int:
    """Write atomically (temporary file, fsync, rename); return the number of rows written."""
    from mtreview.formats.base import atomic_output

    rows = list(rows)
    text = format_mqm_tsv(rows)
    with atomic_output(path, (), newline="") as fh:
        fh.write(text)
    return len(rows)


# -- export from a project (the formats writer registry) ---------------------------------------------


def rows_from_units(units: Iterable[ExportUnit], options: WriteOptions) -> Iterator[MqmRow]:
    """MQM TSV rows for export units: each confirmed annotation is a row (span on the MT, or on the source),
    a segment without one is a ``No-error`` row. ``system`` is the unit's ``meta["mqm"]["system"]`` (kept by
    the importer), else ``options.extra["system"]``, else the document name; ``rater`` is the annotation's
    author."""
    from mtreview.domain.model import AnnotationState

    extra = options.extra or {}
    doc_ids: dict[str, str] = {}
    for u in units:
        meta = (u.meta or {}).get("mqm", {}) or {}
        document = u.document
        doc_ids.setdefault(document, str(len(doc_ids) + 1))
        system = str(meta.get("system") or extra.get("system") or document)
        doc = str(meta.get("doc") or document)
        doc_id = str(meta.get("doc_id") or doc_ids[document])
        seg_id = str(meta.get("seg_id") or u.ordinal)
        source, mt = u.source, u.mt
        confirmed = [a for a in u.annotations if a.state is AnnotationState.CONFIRMED]
        if not confirmed:
            rater = str(meta.get("rater") or extra.get("rater") or u.author or "mtreview")
            yield MqmRow(system, doc, doc_id, seg_id, rater, source, mt)
        for a in confirmed:
            yield MqmRow(
                system,
                doc,
                doc_id,
                seg_id,
                a.author,
                source,
                mt,
                a.category,
                a.severity,
                a.side,
                a.start,
                a.end,
                a.comment,
            )


def write_units(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions,
    progress: object = None,
) -> int:
    """The ``mqm-tsv`` writer of the formats registry."""
    from mtreview.formats.base import atomic_output

    count = 0

    def counted() -> Iterator[ExportUnit]:
        nonlocal count
        for unit in units:
            count += 1
            yield unit

    text = format_mqm_tsv(rows_from_units(counted(), options), options.formula_guard)
    with atomic_output(out_path, options.inputs, newline="") as fh:
        fh.write(text)
    return count


def _register() -> None:
    from mtreview.formats.registry import WriterInfo, register_writer

    register_writer(
        WriterInfo("mqm-tsv", ".tsv", write_units, "Google MQM TSV (annotations, <v>…</v> spans)")
    )


_register()


# -- into a project ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MqmImport:
    """One (system, doc) document ready for ``ProjectService.import_document`` plus its annotations,
    by 0-based segment index; ``rater`` becomes the annotation's author."""

    document: ImportedDocument
    annotations: list[tuple[int, MqmAnnotation]]


def to_documents(tsv: MqmTsv) -> list[MqmImport]:
    """Group a TSV's segments into documents named ``<system>/<doc>`` (engine = system); each segment keeps
    ``meta["mqm"]`` (system, doc, doc_id, seg_id) so an export writes the same keys back. Annotations with
    their own row text (see ``MqmAnnotation.row_source``) cannot be placed on the segment's text and are
    left out of ``annotations``; they stay available on ``tsv``."""
    by_doc: dict[tuple[str, str], list[MqmSegment]] = {}
    for s in tsv.segments:
        by_doc.setdefault((s.system, s.doc), []).append(s)
    index: dict[tuple[str, str], tuple[tuple[str, str], int]] = {}
    for doc_key, segs in by_doc.items():
        for i, s in enumerate(segs):
            index[s.key] = (doc_key, i)
    anns: dict[tuple[str, str], list[tuple[int, MqmAnnotation]]] = {k: [] for k in by_doc}
    for a in tsv.annotations:
        if a.row_source is not None or a.row_target is not None:
            continue
        doc_key, i = index[a.segment_key]
        anns[doc_key].append((i, a))
    out: list[MqmImport] = []
    for (system, doc), segs in by_doc.items():
        drafts = [
            SegmentDraft(
                source=s.source,
                target=s.target,
                key=f"{s.system}/{s.seg_id}",
                meta={"mqm": {"system": s.system, "doc": s.doc, "doc_id": s.doc_id, "seg_id": s.seg_id}},
            )
            for s in segs
        ]
        document = ImportedDocument(
            name=f"{system}/{doc}", segments=drafts, path=tsv.path, format="mqm-tsv", engine=system
        )
        out.append(MqmImport(document, anns[(system, doc)]))
    return out
