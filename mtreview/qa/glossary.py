"""The project glossary: English term → required Japanese rendering(s), entity types, forbidden renderings.

Importable from CSV/TSV (columns ``source, target[, type, forbidden, note]``; an optional header row naming
them; several renderings separated by ``|``) and TBX (TBX-Basic / TBX 2/3: ``termEntry`` or
``conceptEntry`` with ``langSet xml:lang``; a term whose ``administrativeStatus`` is deprecated,
superseded or forbidden is a forbidden rendering; ``<descrip type="entityType">`` (or ``termNote``)
gives person/organization/product). The entity type of a name overrides every other person/organisation
decision of the name checks.

Bad input raises ``InputError`` with file and line; an English term listed twice is a duplicate.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.i18n import _

ENTITY_TYPES = {
    "person": "person",
    "people": "person",
    "personal name": "person",
    "name": "person",
    "organization": "org",
    "organisation": "org",
    "org": "org",
    "company": "org",
    "product": "product",
    "term": "term",
    "": "term",
    "place": "place",
    "location": "place",
}
FORBIDDEN_STATUS = {
    "deprecatedterm-admn-sts",
    "supersededterm-admn-sts",
    "deprecated",
    "forbidden",
    "supersededterm",
    "deprecatedterm",
    "notrecommended",
    "nonstandardized",
}


@dataclass(frozen=True)
class GlossaryEntry:
    source: str
    targets: tuple[str, ...]
    type: str = "term"
    """``person``, ``org``, ``product``, ``place`` or ``term``."""
    forbidden: tuple[str, ...] = ()
    note: str = ""
    case_sensitive: bool = False
    path: str | None = None
    line: int | None = None

    def pattern(self) -> re.Pattern[str]:
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return re.compile(r"(?<![\w])" + re.escape(self.source) + r"(?:['’]s|s)?(?![\w])", flags)


class Glossary:
    def __init__(self, entries: Iterable[GlossaryEntry] = ()) -> None:
        self.entries: list[GlossaryEntry] = list(entries)
        self._patterns = [(e, e.pattern()) for e in self.entries]
        self._types = {e.source.lower(): e.type for e in self.entries}
        words: dict[str, list[int]] = {}
        for i, entry in enumerate(self.entries):
            first = re.findall(r"\w+", entry.source.lower())
            words.setdefault(first[0] if first else "", []).append(i)
        self._by_first_word = words

    def __len__(self) -> int:
        return len(self.entries)

    def entity_type(self, name: str) -> str | None:
        return self._types.get(name.lower())

    def matches(self, source: str) -> list[tuple[GlossaryEntry, int, int]]:
        """Entries whose English term occurs in ``source``, with the source span."""
        if not self.entries:
            return []
        words = set(re.findall(r"\w+", source.lower()))
        found: list[tuple[GlossaryEntry, int, int]] = []
        for word in words & self._by_first_word.keys():
            for i in self._by_first_word[word]:
                entry, pattern = self._patterns[i]
                m = pattern.search(source)
                if m:
                    found.append((entry, m.start(), m.end()))
        found.sort(key=lambda item: item[1])
        return found

    @classmethod
    def from_entries(cls, rows: Iterable[Mapping[str, Any]]) -> Glossary:
        """From plain dicts as the project settings store them (``source``, ``targets``/``target``…)."""
        entries = []
        for row in rows:
            targets = row.get("targets") or row.get("target") or ()
            if isinstance(targets, str):
                targets = tuple(t.strip() for t in targets.split("|") if t.strip())
            forbidden = row.get("forbidden") or ()
            if isinstance(forbidden, str):
                forbidden = tuple(t.strip() for t in forbidden.split("|") if t.strip())
            entries.append(
                GlossaryEntry(
                    str(row["source"]),
                    tuple(targets),
                    ENTITY_TYPES.get(str(row.get("type", "")).lower(), "term"),
                    tuple(forbidden),
                    str(row.get("note", "")),
                    bool(row.get("case_sensitive", False)),
                )
            )
        return cls(entries)


def _check_duplicates(entries: list[GlossaryEntry], path: str) -> None:
    seen: dict[str, int | None] = {}
    for entry in entries:
        key = entry.source if entry.case_sensitive else entry.source.lower()
        if key in seen:
            raise InputError(
                _("duplicate glossary entry {term!r} (first on line {line})").format(
                    term=entry.source, line=seen[key]
                ),
                path,
                entry.line,
            )
        seen[key] = entry.line


def read_csv_glossary(path: Path) -> list[GlossaryEntry]:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise InputError(
            _("cannot read the file: {error}").format(error=exc.strerror or exc), str(path)
        ) from None
    except UnicodeDecodeError as exc:
        raise InputError(_("the file is not UTF-8"), str(path), raw[: exc.start].count(b"\n") + 1) from None
    if "\x00" in text:
        raise InputError(
            _("the file contains NUL characters"), str(path), text[: text.index("\x00")].count("\n") + 1
        )
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(_("malformed row: {error}").format(error=exc), str(path), reader.line_num) from None
    rows = [(n, r) for n, r in rows if any(c.strip() for c in r) and not r[0].lstrip().startswith("#")]
    columns = {"source": 0, "target": 1, "type": 2, "forbidden": 3, "note": 4}
    if rows:
        header = [c.strip().lower() for c in rows[0][1]]
        if "source" in header or "en" in header or "english" in header:
            names = {
                "source": ("source", "en", "english", "term"),
                "target": ("target", "ja", "japanese"),
                "type": ("type", "entity", "entity type"),
                "forbidden": ("forbidden", "do not use"),
                "note": ("note", "notes", "comment"),
            }
            columns = {
                key: next((i for i, h in enumerate(header) if h in alias), -1) for key, alias in names.items()
            }
            if columns["source"] < 0 or columns["target"] < 0:
                raise InputError(
                    _("the header must name a source and a target column"), str(path), rows[0][0]
                )
            rows = rows[1:]
    entries: list[GlossaryEntry] = []
    for number, row in rows:

        def col(key: str, row: list[str] = row) -> str:
            i = columns[key]
            return row[i].strip() if 0 <= i < len(row) else ""

        if len(row) < 2 or not col("source"):
            raise InputError(_("expected at least 2 columns (source, target)"), str(path), number)
        kind = col("type").lower()
        if kind not in ENTITY_TYPES:
            raise InputError(
                _("unknown entry type {type!r} (person, organization, product, place, term)").format(
                    type=kind
                ),
                str(path),
                number,
            )
        targets = tuple(t.strip() for t in col("target").split("|") if t.strip())
        forbidden = tuple(t.strip() for t in col("forbidden").split("|") if t.strip())
        if not targets and not forbidden and ENTITY_TYPES[kind] == "term":
            raise InputError(_("no target term and no forbidden term"), str(path), number)
        entries.append(
            GlossaryEntry(
                col("source"),
                targets,
                ENTITY_TYPES[kind],
                forbidden,
                col("note"),
                path=str(path),
                line=number,
            )
        )
    _check_duplicates(entries, str(path))
    return entries


def _local(tag: object) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def read_tbx_glossary(path: Path, source_lang: str = "en", target_lang: str = "ja") -> list[GlossaryEntry]:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if getattr(exc, "lineno", None) else None
        raise InputError(_("malformed TBX: {error}").format(error=exc.msg), str(path), line) from None
    except OSError as exc:
        raise InputError(_("cannot read the file: {error}").format(error=exc), str(path)) from None
    root = tree.getroot()
    if _local(root.tag).lower() not in ("martif", "tbx"):
        raise InputError(
            _("not a TBX file (root element {tag!r})").format(tag=_local(root.tag)),
            str(path),
            root.sourceline,
        )
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    entries: list[GlossaryEntry] = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        kind = ""
        for el in entry.iter():
            if _local(el.tag) in ("descrip", "termNote") and (el.get("type") or "").lower() in (
                "entitytype",
                "entity",
                "propernountype",
            ):
                kind = (el.text or "").strip().lower()
        source: list[tuple[str, int | None]] = []
        targets: list[str] = []
        forbidden: list[str] = []
        for lang_set in entry:
            if _local(lang_set.tag) != "langSet":
                continue
            lang = (lang_set.get(xml_lang) or lang_set.get("lang") or "").lower().split("-")[0]
            for term_el in lang_set.iter():
                if _local(term_el.tag) != "term":
                    continue
                text = "".join(term_el.itertext()).strip()
                if not text:
                    raise InputError(_("empty term"), str(path), term_el.sourceline)
                status = ""
                holder = term_el.getparent()
                if holder is not None:
                    for note in holder:
                        if _local(note.tag) == "termNote" and (note.get("type") or "") in (
                            "administrativeStatus",
                            "normativeAuthorization",
                        ):
                            status = (note.text or "").strip().lower()
                bad = status.replace(" ", "") in FORBIDDEN_STATUS
                if lang == source_lang:
                    source.append((text, term_el.sourceline))
                elif lang == target_lang:
                    (forbidden if bad else targets).append(text)
        if not source:
            continue
        if kind not in ENTITY_TYPES:
            raise InputError(_("unknown entity type {type!r}").format(type=kind), str(path), entry.sourceline)
        for term, line in source:
            entries.append(
                GlossaryEntry(
                    term, tuple(targets), ENTITY_TYPES[kind], tuple(forbidden), path=str(path), line=line
                )
            )
    _check_duplicates(entries, str(path))
    return entries


def read_glossary(path: str | os.PathLike[str]) -> list[GlossaryEntry]:
    p = Path(path)
    if p.suffix.lower() in (".tbx", ".xml"):
        return read_tbx_glossary(p)
    if p.suffix.lower() in (".csv", ".tsv", ".tab", ".txt"):
        return read_csv_glossary(p)
    raise InputError(_("unknown glossary format (expected .csv, .tsv or .tbx)"), str(p))
