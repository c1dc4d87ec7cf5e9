"""Message catalogue tooling: extract translatable strings and keep the translations in step.

    python -m mtreview.tools.catalogue extract   # mtreview/**/*.py -> resources/locale/mtreview.pot,
                                                 # merged into resources/locale/<lang>/mtreview.po
    python -m mtreview.tools.catalogue check     # exit 1 if the template is stale or a catalogue has
                                                 # missing, untranslated or inconsistent entries
    python -m mtreview.tools.catalogue missing   # list the msgids that still need a translation

Strings are found with Python's ``ast`` (no import of the code): calls ``_("…")``, ``N_("…")``,
``pgettext("context", "…")`` and ``ngettext("… one", "… many", n)`` (also spelled ``i18n._`` etc.) whose
arguments are string literals (``ngettext`` gives a plural entry, ``msgid_plural``); adjacent literals are
joined as Python joins them. Calls with a non-literal argument (``_(status.value)``) cannot be extracted:
the values such calls receive are declared in ``DYNAMIC`` below.

Merging keeps every existing translation whose (context, msgid) is still extracted, adds new entries with an
empty ``msgstr`` and drops entries whose msgid disappeared (no fuzzy guessing: a guessed translation of a
changed English string is worse than none, and the loader ignores fuzzy entries anyway).
"""

from __future__ import annotations

import argparse
import ast
import string
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polib

from mtreview.paths import locale_dir

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = locale_dir()
DOMAIN = "mtreview"
LANGUAGES = ("ja",)
KEYWORDS = {"_": 1, "N_": 1, "gettext": 1, "pgettext": 2, "ngettext": 2}


def _dynamic_messages() -> list[tuple[str | None, str, str]]:
    """Strings translated through a variable: the values of the enums the UI shows with ``_(x.value)``, the
    category names of the shipped typologies and the descriptions of the registered formats."""
    from mtreview.domain.model import AnnotationState, Severity, Side, Status
    from mtreview.i18n import CATEGORY_CONTEXT
    from mtreview.scoring.typology import available, load

    found: list[tuple[str | None, str, str]] = []
    for enum in (Status, Severity, AnnotationState, Side):
        found.extend((None, member.value, f"mtreview/domain/model.py: {enum.__name__}") for member in enum)
    # Category names of the shipped typologies, shown through i18n.category_label(path).
    for typology_id in available():
        typology = load(typology_id)
        for category in typology.categories:
            for part in [*category.path.split("/"), *([category.group] if category.group else [])]:
                found.append((CATEGORY_CONTEXT, part, f"typology {typology_id}"))
    # Descriptions of the registered readers and writers (export dialog, import filters).
    import mtreview.formats  # noqa: F401  (registers them)
    from mtreview.formats.registry import readers, writers

    for name, description in [(w.name, w.description) for w in writers()] + [
        (r.name, r.description) for r in readers()
    ]:
        if description:
            found.append((None, description, f"format {name}"))
    return found


@dataclass
class Message:
    msgid: str
    context: str | None = None
    plural: str | None = None
    """``msgid_plural`` of an ``ngettext`` message."""
    locations: list[tuple[str, int]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)


@dataclass
class Extraction:
    messages: dict[tuple[str | None, str], Message]
    problems: list[str]


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _keyword(func: ast.expr) -> str | None:
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name == "gettext" and not (isinstance(func, ast.Attribute) and _is_i18n(func.value)):
        return None  # gettext.gettext and friends belong to someone else
    return name if name in KEYWORDS else None


def _is_i18n(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "i18n"


def _iter_calls(tree: ast.AST) -> Iterator[tuple[str, ast.Call]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            keyword = _keyword(node.func)
            if keyword is not None:
                yield keyword, node


def python_files(root: Path = PACKAGE_DIR) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts and p.name != "i18n.py")


def extract(files: Iterable[Path] | None = None, root: Path = PACKAGE_DIR) -> Extraction:
    messages: dict[tuple[str | None, str], Message] = {}
    problems: list[str] = []

    def add(
        context: str | None,
        msgid: str,
        location: tuple[str, int] | None,
        comment: str | None = None,
        plural: str | None = None,
    ) -> None:
        message = messages.setdefault((context, msgid), Message(msgid, context, plural))
        if plural is not None and message.plural != plural:
            problems.append(f"{msgid!r}: used with two plural forms ({message.plural!r}, {plural!r})")
        if location is not None and location not in message.locations:
            message.locations.append(location)
        if comment and comment not in message.comments:
            message.comments.append(comment)

    for path in files if files is not None else python_files(root):
        rel = (path.relative_to(root.parent) if path.is_relative_to(root.parent) else path).as_posix()
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except SyntaxError as exc:
            problems.append(f"{rel}:{exc.lineno}: cannot parse: {exc.msg}")
            continue
        for keyword, call in _iter_calls(tree):
            needed = KEYWORDS[keyword]
            args = call.args[:needed]
            if len(args) < needed:
                continue
            texts = [_literal(a) for a in args]
            if any(t is None for t in texts):
                if any(isinstance(a, ast.JoinedStr) for a in args):
                    problems.append(
                        f"{rel}:{call.lineno}: f-string passed to {keyword}(): cannot be translated"
                    )
                continue  # a variable: declared in DYNAMIC
            plural = None
            if keyword == "pgettext":
                context, msgid = texts[0], texts[1]
            elif keyword == "ngettext":
                context, msgid, plural = None, texts[0], texts[1]
            else:
                context, msgid = None, texts[0]
            assert msgid is not None
            if not msgid:
                problems.append(f"{rel}:{call.lineno}: empty string passed to {keyword}()")
                continue
            add(context, msgid, (rel, call.lineno), plural=plural)
    for context, msgid, origin in _dynamic_messages():
        add(context, msgid, None, f"shown through a variable ({origin})")
    return Extraction(messages, problems)


def placeholders(text: str) -> list[str]:
    """The ``str.format`` field names in a message (``{n}``, ``{c:.2f}`` -> ``n``, ``c``), sorted."""
    names: list[str] = []
    try:
        for _literal_text, name, _spec, _conv in string.Formatter().parse(text):
            if name is not None:
                names.append(name)
    except ValueError:
        return ["<malformed>"]
    return sorted(names)


def has_format(text: str) -> bool:
    return bool(placeholders(text))


def build_template(extraction: Extraction) -> polib.POFile:
    pot = polib.POFile(wrapwidth=0)
    pot.metadata = {
        "Project-Id-Version": "mtreview",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for message in sorted(
        extraction.messages.values(),
        key=lambda m: (m.locations[0] if m.locations else ("~", 0), m.context or "", m.msgid),
    ):
        entry = polib.POEntry(
            msgid=message.msgid,
            msgstr="",
            msgctxt=message.context,
            occurrences=[(f, str(line)) for f, line in message.locations],
            comment="\n".join(message.comments),
            flags=["python-brace-format"] if has_format(message.plural or message.msgid) else [],
        )
        if message.plural is not None:
            entry.msgid_plural = message.plural
            entry.msgstr_plural = {0: "", 1: ""}
        pot.append(entry)
    return pot


def merge(pot: polib.POFile, po_path: Path, language: str) -> tuple[polib.POFile, list[str], list[str]]:
    """The catalogue for ``language`` with ``pot``'s entries; returns (po, added msgids, dropped msgids)."""
    old = polib.pofile(str(po_path), wrapwidth=0) if po_path.exists() else polib.POFile(wrapwidth=0)
    existing = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete}
    po = polib.POFile(wrapwidth=0)
    po.metadata = dict(pot.metadata)
    po.metadata.update(
        {
            "PO-Revision-Date": old.metadata.get("PO-Revision-Date", pot.metadata["POT-Creation-Date"]),
            "Last-Translator": old.metadata.get("Last-Translator", "mtreview developers"),
            "Language-Team": old.metadata.get("Language-Team", language),
            "Language": language,
            "Plural-Forms": old.metadata.get("Plural-Forms", "nplurals=1; plural=0;"),
        }
    )
    added: list[str] = []
    for template in pot:
        previous = existing.pop((template.msgctxt, template.msgid), None)
        entry = polib.POEntry(
            msgid=template.msgid,
            msgctxt=template.msgctxt,
            occurrences=template.occurrences,
            comment=template.comment,
            flags=list(template.flags),
            msgstr=previous.msgstr if previous is not None else "",
            tcomment=previous.tcomment if previous is not None else "",
        )
        if template.msgid_plural:
            entry.msgid_plural = template.msgid_plural
            old_forms = previous.msgstr_plural if previous is not None and previous.msgid_plural else {}
            count = _nplurals(po.metadata["Plural-Forms"])
            entry.msgstr_plural = {i: old_forms.get(i, "") for i in range(count)}
        if previous is not None and "fuzzy" in previous.flags:
            entry.flags.append("fuzzy")
        if previous is None or not translated(entry):
            added.append(template.msgid)
        po.append(entry)
    return po, added, [e.msgid for e in existing.values()]


def _nplurals(header: str) -> int:
    for part in header.split(";"):
        key, _sep, value = part.partition("=")
        if key.strip() == "nplurals" and value.strip().isdigit():
            return max(1, int(value))
    return 2


def translated(entry: polib.POEntry) -> bool:
    """Every form of the entry has a translation."""
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def translations(entry: polib.POEntry) -> list[str]:
    """The entry's translated strings (one, or one per plural form)."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def template_path() -> Path:
    return LOCALE_DIR / f"{DOMAIN}.pot"


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / f"{DOMAIN}.po"


def _keys(po: polib.POFile) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in po if not e.obsolete}


def _mnemonic_ok(msgid: str, msgstr: str) -> bool:
    """A translation keeps a mnemonic when the English has one ("&File" -> "ファイル(&F)")."""

    def count(text: str) -> int:
        return text.replace("&&", "").count("&")

    return count(msgid) == count(msgstr)


def catalogue_problems(extraction: Extraction, language: str) -> list[str]:
    """Why the catalogue for ``language`` is not complete and consistent with the code (empty: it is)."""
    path = catalogue_path(language)
    if not path.exists():
        return [f"{path}: missing"]
    po = polib.pofile(str(path))
    problems: list[str] = []
    by_key = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    for key, message in extraction.messages.items():
        entry = by_key.get(key)
        where = f"{message.locations[0][0]}:{message.locations[0][1]}" if message.locations else "(dynamic)"
        if entry is None or not translated(entry):
            problems.append(f"{path.name}: untranslated: {message.msgid!r} ({where})")
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"{path.name}: fuzzy: {message.msgid!r}")
        if (entry.msgid_plural or None) != message.plural:
            problems.append(f"{path.name}: plural form changed (run extract): {message.msgid!r}")
        english = entry.msgid_plural or entry.msgid
        for text in translations(entry):
            if placeholders(english) != placeholders(text):
                problems.append(f"{path.name}: placeholders differ: {english!r} -> {text!r}")
            if not _mnemonic_ok(entry.msgid, text):
                problems.append(f"{path.name}: mnemonic (&) count differs: {entry.msgid!r} -> {text!r}")
    for key in sorted(by_key.keys() - extraction.messages.keys(), key=lambda k: (k[0] or "", k[1])):
        problems.append(f"{path.name}: no longer in the code (run extract): {key[1]!r}")
    return problems


def template_is_current(extraction: Extraction) -> bool:
    path = template_path()
    if not path.exists():
        return False
    return _keys(polib.pofile(str(path))) == set(extraction.messages)


def cmd_extract(languages: Iterable[str]) -> int:
    extraction = extract()
    for problem in extraction.problems:
        print(f"warning: {problem}", file=sys.stderr)
    pot = build_template(extraction)
    if template_path().exists():  # keep the date when nothing changed, so a re-run leaves no diff
        old = polib.pofile(str(template_path()), wrapwidth=0)

        def shape(po: polib.POFile) -> list[tuple[object, ...]]:
            return [(e.msgctxt, e.msgid, e.msgid_plural, e.occurrences, e.flags, e.comment) for e in po]

        if shape(old) == shape(pot):
            pot.metadata["POT-Creation-Date"] = old.metadata.get("POT-Creation-Date", "")
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    pot.save(str(template_path()))
    print(f"{template_path().relative_to(PACKAGE_DIR.parent)}: {len(pot)} messages")
    for language in languages:
        path = catalogue_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        po, added, dropped = merge(pot, path, language)
        po.save(str(path))
        print(
            f"{path.relative_to(PACKAGE_DIR.parent)}: {len(po)} messages, {len(added)} to translate, "
            f"{len(dropped)} dropped"
        )
        for msgid in dropped:
            print(f"  dropped: {msgid!r}")
    return 0


def cmd_check(languages: Iterable[str]) -> int:
    extraction = extract()
    problems = list(extraction.problems)
    if not template_is_current(extraction):
        problems.append(f"{template_path().name}: out of date with the code (run extract)")
    for language in languages:
        problems.extend(catalogue_problems(extraction, language))
    for problem in problems:
        print(problem)
    print(f"{len(extraction.messages)} messages, {len(problems)} problems")
    return 1 if problems else 0


def cmd_missing(languages: Iterable[str]) -> int:
    extraction = extract()
    for language in languages:
        path = catalogue_path(language)
        po = polib.pofile(str(path)) if path.exists() else polib.POFile()
        done = {(e.msgctxt, e.msgid) for e in po if translated(e) and "fuzzy" not in e.flags}
        for key, message in extraction.messages.items():
            if key not in done:
                print(f"{language}\t{message.msgid!r}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mtreview.tools.catalogue", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("command", choices=["extract", "check", "missing"])
    parser.add_argument("--lang", action="append", help="catalogue language (default: all shipped)")
    args = parser.parse_args(argv)
    languages = args.lang or list(LANGUAGES)
    return {"extract": cmd_extract, "check": cmd_check, "missing": cmd_missing}[args.command](languages)


if __name__ == "__main__":
    sys.exit(main())
