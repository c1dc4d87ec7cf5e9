"""gettext PO/POT through polib.

Reading: the file is decoded by us (BOM, UTF-16, the header's declared charset, then detection) and the
text handed to polib; each active entry is one segment (``source`` = msgid, ``target`` = msgstr or
msgstr[0]); the key is ``msgctxt + "\\x04" + msgid`` as in compiled catalogues (or msgid alone).
Flags, comments, references, previous strings, plural forms, the header and obsolete entries are kept
in ``meta`` and written back. An entry with a msgstr and no ``fuzzy`` flag arrived translated
(``formats.state``); every entry is imported as ``new`` (to be reviewed) unless a ``[mtreview] status:``
comment this writer added says otherwise.

Writing (``formats.state``): an untouched entry that came from PO is written as it arrived — its flags,
fuzzy or not, its previous strings, its plural forms. Any other unit is written with the reviewer's
decision: approved or corrected → no ``fuzzy``; new (unconfirmed MT) or rejected → ``fuzzy`` (or
untranslated without text); an untouched unit that arrived translated from another format → no
``fuzzy``. Clearing ``fuzzy`` drops the ``#|`` previous strings, as gettext editors do. Annotations
become translator comments starting ``[mtreview]`` (read back as annotations, not as foreign comments),
and so does a status other than ``new``. The header is the imported one when there is exactly one source
document, else a Japanese header with ``Plural-Forms: nplurals=1; plural=0;``. Duplicated (msgctxt,
msgid) pairs get the segment id as msgctxt so that ``msgfmt --check`` passes.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import polib

from mtreview import __version__
from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats import common
from mtreview.formats import placeholders as ph
from mtreview.formats.base import DEFAULT_OPTIONS, ExportUnit, WriteOptions, atomic_output, now_utc
from mtreview.formats.registry import ReaderInfo, WriterInfo, register_reader, register_writer
from mtreview.formats.state import UnitState, stamp
from mtreview.formats.textio import MAX_TEXT_BYTES, decode_bytes, refuse_damaged_utf8, remember
from mtreview.i18n import _

CTX_SEP = "\x04"
NOTE_PREFIX = "[mtreview] "
WRAP = 0  # no wrapping: polib would also wrap comments, changing them on a round trip
_CHARSET = re.compile(rb"charset\s*=\s*([A-Za-z0-9_.:-]+)")
_LINE = re.compile(r"line (\d+)")
STATUS_NOTE = "status: "
CODES_NOTE = "codes: "
_STATUS_VALUES = {s.value for s in Status}


def _decode(path: Path) -> str:
    text, encoding = _decode_with(path)
    remember(path, encoding)
    return text


def _decode_with(path: Path) -> tuple[str, str]:
    try:
        if not path.is_file():
            raise InputError(_("not a regular file"), str(path))
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise InputError(_("the file is too large"), str(path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(_("no such file"), str(path)) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), str(path)) from None
    if not data.strip():
        raise InputError(_("the file is empty"), str(path))
    boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if not data.startswith(boms):
        m = _CHARSET.search(data[:8192])
        if m:
            charset = m.group(1).decode("ascii")
            try:
                codecs.lookup(charset)
            except LookupError:
                charset = ""
            if charset and charset.upper() != "CHARSET":
                name = codecs.lookup(charset).name
                if name != "utf-8" and not name.startswith(("utf-16", "utf-32")) and not data.isascii():
                    # text beyond ASCII that is valid UTF-8 is UTF-8 whatever the header says (a legacy
                    # encoding's text is practically never valid UTF-8); trusting "ISO-8859-1" here
                    # would import Japanese as mojibake
                    try:
                        return data.decode("utf-8"), "utf-8"
                    except UnicodeDecodeError:
                        refuse_damaged_utf8(data, str(path))  # UTF-8 with a stray byte is not Latin-1
                try:
                    return data.decode(charset), name
                except UnicodeDecodeError:
                    pass  # a wrong declaration: fall back to detection
    decoded = decode_bytes(data, path)
    return decoded.text, decoded.encoding


def _lines(text: str) -> Iterator[str]:
    """Physical lines as a file would give them (universal newlines), without copying the text."""
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        if end < 0:
            end = n - 1
        line = text[start : end + 1]
        if "\r" in line:
            pieces = line.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for piece in pieces[:-1]:
                yield piece + "\n"
            if pieces[-1]:
                yield pieces[-1]
        else:
            yield line
        start = end + 1


_C_ESCAPE = re.compile(r"\\(\\|a|[0-7]{1,3}|x[0-9A-Fa-f]{1,2})")
_STRING_LINE_START = re.compile(r'\s*(?:#[|~]\s*)*(?:msg\w*(?:\[\d+\])?\s*)?"')


def _c_unescape(line: str) -> str:
    """The C escapes GNU gettext reads and polib does not (``\\a``, octal ``\\ooo``, hex ``\\xhh``) as the
    characters they stand for, in string lines only (``\\\\`` stays for polib)."""
    if "\\" not in line or not _STRING_LINE_START.match(line):
        return line

    def repl(m: re.Match[str]) -> str:
        code = m.group(1)
        if code == "\\":
            return m.group()
        if code == "a":
            return "\x07"
        ch = chr(int(code[1:], 16)) if code[0] == "x" else chr(int(code, 8))
        return _POLIB_ESCAPES.get(ch, ch)  # a quote or a line break must stay escaped for polib

    return _C_ESCAPE.sub(repl, line)


_POLIB_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\v": "\\v",
    "\b": "\\b",
    "\f": "\\f",
}
_RAW_CONTROL = re.compile("[\x01-\x07\x0e-\x1f]")


EOT_STAND_IN = "\u2404"
"""U+0004 is gettext's context separator: msgfmt refuses it inside a string, escaped or not. PO writes it
as ␄ (SYMBOL FOR END OF TRANSMISSION), the one character PO cannot carry."""


def _c_escape(entry: str) -> str:
    """Control characters polib writes raw, as the C escapes gettext reads (``\\a``, octal), in string
    lines only (comments are written as they are)."""
    if _RAW_CONTROL.search(entry) is None:
        return entry
    lines = entry.split("\n")
    for i, line in enumerate(lines):
        if _STRING_LINE_START.match(line):
            line = line.replace("\x04", EOT_STAND_IN)
            lines[i] = _RAW_CONTROL.sub(
                lambda m: "\\a" if m.group() == "\x07" else f"\\{ord(m.group()):03o}", line
            )
    return "\n".join(lines)


def _syntax_line(message: str) -> int | None:
    m = _LINE.search(message)
    return int(m.group(1)) if m else None


def _entry_meta(e: polib.POEntry, tnotes: list[str]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if e.msgctxt is not None:
        meta["msgctxt"] = e.msgctxt
    if e.msgid_plural:
        meta["msgid_plural"] = e.msgid_plural
        meta["msgstr_plural"] = {str(k): v for k, v in sorted(e.msgstr_plural.items())}
    if e.flags:
        meta["flags"] = list(e.flags)
    if e.occurrences:
        meta["references"] = [[f, ln] for f, ln in e.occurrences]
    if e.comment:
        meta["extracted"] = e.comment
    if tnotes:
        meta["comments"] = "\n".join(tnotes)
    for name in ("previous_msgctxt", "previous_msgid", "previous_msgid_plural"):
        value = getattr(e, name)
        if value is not None:
            meta[name] = value
    return meta


_KEYWORD = re.compile(r'(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s*"')
_STRING_LINE = re.compile(r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s*)?"(?:[^"\\]|\\.)*"\s*')


def _check_strings(text: str, p: Path) -> None:
    """Refuse NUL characters and unterminated strings (a truncated file), which polib would take in
    silently (``"abc`` read as ``ab``)."""
    if "\x00" in text:
        at = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(_("the file contains NUL characters"), str(p), at)
    for number, line in enumerate(_lines(text), start=1):
        s = line.strip()
        if not s or not (s[0] == '"' or _KEYWORD.match(s)):
            continue
        if s.endswith('"') and s.index('"') < len(s) - 1 and "\\" not in s:
            continue  # the common case, no need for the full pattern
        if not _STRING_LINE.fullmatch(s):
            raise InputError(
                _("malformed PO file: {error}").format(error="unterminated or malformed string"),
                str(p),
                number,
            )


def read_po(
    path: str | os.PathLike[str], progress: Progress = NO_PROGRESS, segments: Any = None
) -> ImportedDocument:
    """``segments``: where the entries go as they are read (``services.import_stream``), else a new list."""
    p = Path(path)
    text = _decode(p)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\n" not in text:
        text += "\n"
    _check_strings(text, p)
    try:
        # polib splits text content with str.splitlines(), which also breaks at \v, \f, U+2028…;
        # a file is read line by line at \n. Feed the parser physical lines, as from a file.
        parser = polib._POFileParser("\n", encoding="utf-8", wrapwidth=WRAP, check_for_duplicates=False)
        parser.fhandle = (_c_unescape(line) for line in _lines(text))
        po = parser.parse()
    except (OSError, ValueError) as exc:
        msg = str(exc)
        raise InputError(
            _("malformed PO file: {error}").format(error=msg), str(p), _syntax_line(msg)
        ) from None
    segments = [] if segments is None else segments
    obsolete: list[str] = []
    total = len(po)
    po.reverse()  # entries are taken off the end one by one: the catalogue shrinks as segments grow
    while po:
        e = po.pop()
        if e.obsolete:
            obsolete.append(e.__unicode__(wrapwidth=WRAP))
            continue
        tlines = e.tcomment.split("\n") if e.tcomment else []
        own = [t[len(NOTE_PREFIX) :] for t in tlines if t.startswith(NOTE_PREFIX)]
        tnotes = [t for t in tlines if not t.startswith(NOTE_PREFIX)]
        meta = _entry_meta(e, tnotes)
        status: Status | None = None
        codes: dict[str, Any] | None = None
        for note in own:
            if note.startswith(STATUS_NOTE) and note[len(STATUS_NOTE) :].strip() in _STATUS_VALUES:
                status = Status(note[len(STATUS_NOTE) :].strip())
            elif note.startswith(CODES_NOTE):
                codes = parse_codes(note[len(CODES_NOTE) :])
        own = [n for n in own if not n.startswith((STATUS_NOTE, CODES_NOTE))]
        if own:
            meta["mtreview_notes"] = own
        target = e.msgstr_plural.get(0, "") if e.msgid_plural else e.msgstr
        if "\x00" in e.msgid + target + (e.msgctxt or ""):  # a \0 escape: C strings end there
            raise InputError(_("the file contains NUL characters"), str(p), e.linenum)
        if codes is not None:  # inline codes of another format, as tokens (see ``_text``)
            smarkup, tmarkup = list(codes["source"]), list(codes["target"])
            source = ph.from_tokens(e.msgid, smarkup)
            target = ph.from_tokens(target, tmarkup)
            meta["inline"] = {"format": codes["format"], "source": smarkup, "target": tmarkup}
        else:
            smarkup, tmarkup = [], []
            source = ph.escape_literal(e.msgid, smarkup)
            target = ph.escape_literal(target, tmarkup)
            if smarkup or tmarkup:
                meta["inline"] = {"format": "text", "source": smarkup, "target": tmarkup}
        key = e.msgid if e.msgctxt is None else e.msgctxt + CTX_SEP + e.msgid
        line = e.linenum or 0
        draft = SegmentDraft(
            source=source,
            target=target,
            source_lines=(line,) if line else (),
            target_lines=(line,) if line else (),
            key=key,
            meta=meta,
            status=status,
        )
        segments.append(stamp(draft, translated="fuzzy" not in e.flags))
        if len(segments) % 5000 == 0:
            progress.check()
            progress.report(len(segments), total, "")
    header = {
        "metadata": [[k, v] for k, v in po.ordered_metadata()],
        "comment": po.header,
        "flags": list(po.metadata_is_fuzzy) if po.metadata_is_fuzzy else [],
    }
    lang = po.metadata.get("Language", "") or "ja"
    return ImportedDocument(
        name=p.stem,
        segments=segments,
        source_lang="en",
        target_lang=lang,
        path=str(p),
        format="pot" if p.suffix.lower() == ".pot" else "po",
        meta={"po_header": header, "obsolete": obsolete},
    )


# ------------------------------------------------------------------------------------------- writer


def _nplurals(metadata: Mapping[str, str]) -> int:
    m = re.search(r"nplurals\s*=\s*(\d+)", metadata.get("Plural-Forms", ""))
    return int(m.group(1)) if m else 1


def _header(options: WriteOptions) -> polib.POFile:
    po = polib.POFile(wrapwidth=WRAP)
    hdr = (options.document_meta or {}).get("po_header")
    if hdr:
        for k, v in hdr.get("metadata") or ():
            po.metadata[k] = v
        po.header = hdr.get("comment") or ""
        if hdr.get("flags"):
            po.metadata_is_fuzzy = list(hdr["flags"])
    else:
        po.header = "Translation memory exported by mtreview."
        po.metadata = {
            "Project-Id-Version": "mtreview export",
            "POT-Creation-Date": now_utc().strftime("%Y-%m-%d %H:%M+0000"),
            "PO-Revision-Date": now_utc().strftime("%Y-%m-%d %H:%M+0000"),
            "Language": options.target_lang,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
    if hdr and not hdr.get("metadata"):
        return po  # an empty header entry stays empty (msgfmt counts it as a message, as it did before)
    po.metadata.setdefault("Content-Type", "text/plain; charset=UTF-8")
    po.metadata["Content-Type"] = re.sub(r"charset=[^;\s]+", "charset=UTF-8", po.metadata["Content-Type"])
    if "charset=" not in po.metadata["Content-Type"]:
        po.metadata["Content-Type"] += "; charset=UTF-8"
    po.metadata.setdefault("Content-Transfer-Encoding", "8bit")
    if not hdr and options.target_lang.lower().split("-")[0].split("_")[0] == "ja":
        po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.metadata["X-Generator"] = f"mtreview {options.tool_version or __version__}"
    return po


def _plain(text: str, meta: Mapping[str, Any], side: str) -> str:
    inline = meta.get("inline")
    return ph.restore_text(text, (inline or {}).get(side)) if inline else text


def coded(meta: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The unit's inline codes, if it has any (not only literal Private Use characters)."""
    inline = meta.get("inline") or {}
    return inline if ph.has_codes(inline.get("source")) or ph.has_codes(inline.get("target")) else None


def codes_json(inline: Mapping[str, Any]) -> str:
    return json.dumps(
        {"format": inline.get("format"), "source": inline.get("source"), "target": inline.get("target")},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def parse_codes(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    ok = isinstance(value, dict) and all(isinstance(value.get(k), list) for k in ("source", "target"))
    return value if ok else None


def _annotation_line(a: Any, unit: ExportUnit) -> str:
    base = unit.source if str(a.side) == "source" else unit.mt
    where = f"{a.side}"
    if a.start is not None and a.end is not None:
        where += f" {a.start}-{a.end} «{ph.strip_placeholders(base[a.start : a.end])}»"
    text = f"{NOTE_PREFIX}{a.severity} {a.category} [{where}]"
    if a.comment:
        text += f" — {a.comment}"
    if a.suggestion:
        text += f" → {a.suggestion}"
    return text.replace("\n", " ")


PO_ORIGINS = ("po", "pot")


def _flags(u: ExportUnit, msgstr: str) -> list[str]:
    """The entry's flags: as they arrived for an untouched PO entry, else from the unit's state."""
    flags = list((u.meta or {}).get("flags") or ())
    if u.untouched and u.origin in PO_ORIGINS:
        return flags
    flags = [fl for fl in flags if fl != "fuzzy"]
    if msgstr and u.state in (UnitState.NEEDS_REVIEW, UnitState.REJECTED):
        flags.insert(0, "fuzzy")
    return flags


def _occurrences(meta: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``#:`` locations: a PO unit's own, or those another format carried (TMX props, XLIFF context)."""
    if "references" in meta:
        return [(str(r[0]), str(r[1])) for r in meta["references"] or ()]
    return [(file, line) for file, line in (common.parse_location(x) for x in common.locations(meta))]


def write_po(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions = DEFAULT_OPTIONS,
    progress: Progress = NO_PROGRESS,
) -> int:
    head = _header(options)
    nplurals = _nplurals(head.metadata)
    has_plural_forms = "Plural-Forms" in head.metadata
    seen: set[tuple[str | None, str]] = set()
    count = 0
    with atomic_output(out_path, options.inputs) as f:
        f.write(head.__unicode__())  # header only: the file has no entries yet
        for u in units:
            meta = u.meta or {}
            inline = coded(meta)
            if inline is not None:  # TMX/XLIFF codes as readable ⟦n⟧ tokens, the codes in a comment
                msgid = ph.to_tokens(u.source, inline.get("source"))
                msgstr = ph.to_tokens(u.target, inline.get("target"))
            else:
                msgid = _plain(u.source, meta, "source")
                msgstr = _plain(u.target, meta, "target")
            ctx = meta["msgctxt"] if "msgctxt" in meta else common.context(meta)
            if (ctx, msgid) in seen or (ctx is None and msgid == ""):
                ctx = u.segment_id
            seen.add((ctx, msgid))
            flags = _flags(u, msgstr)
            tcomment = (
                (meta.get("comments") or "")
                if "comments" in meta
                else "\n".join(common.translator_notes(meta))
            )
            own = [f"{NOTE_PREFIX}{STATUS_NOTE}{u.status}"] if str(u.status) != Status.NEW else []
            if inline is not None:
                own.append(f"{NOTE_PREFIX}{CODES_NOTE}{codes_json(inline)}")
            if options.include_annotations and u.annotations:
                own += [_annotation_line(a, u) for a in u.annotations]
            if own:
                tcomment = "\n".join(([tcomment] if tcomment else []) + own)
            # clearing fuzzy drops the previous strings (#|), as msgmerge and PO editors do
            keep_previous = "fuzzy" in flags or (u.untouched and u.origin in PO_ORIGINS)
            kwargs: dict[str, Any] = {
                "msgid": msgid,
                "msgctxt": ctx,
                "flags": flags,
                "occurrences": _occurrences(meta),
                "comment": (meta.get("extracted") or "")
                if "extracted" in meta
                else "\n".join(common.developer_notes(meta)),
                "tcomment": tcomment,
            }
            if keep_previous:
                for name in ("previous_msgctxt", "previous_msgid", "previous_msgid_plural"):
                    kwargs[name] = meta.get(name)
            if meta.get("msgid_plural"):
                kwargs["msgid_plural"] = meta["msgid_plural"]
                old = {int(k): v for k, v in (meta.get("msgstr_plural") or {}).items()}
                plural = {0: msgstr}
                for i in range(1, max(nplurals, max(old, default=0) + 1 if not has_plural_forms else 0)):
                    plural[i] = old.get(i, msgstr)
                kwargs["msgstr_plural"] = plural
            else:
                kwargs["msgstr"] = msgstr
            entry = polib.POEntry(**kwargs)
            f.write("\n")
            f.write(_c_escape(entry.__unicode__(wrapwidth=WRAP)))
            count += 1
            if count % 2000 == 0:
                progress.check()
                progress.report(count, 0, "")
        for text in (options.document_meta or {}).get("obsolete") or ():
            f.write("\n")
            f.write(text)
    return count


register_reader(ReaderInfo("po", (".po", ".pot"), read_po, "gettext PO/POT", sink=True))
register_writer(WriterInfo("po", ".po", write_po, "gettext PO (msgstr = corrected text)"))
