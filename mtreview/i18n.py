"""Translatable strings for the whole application, without Qt.

Catalogues are gettext PO files under ``resources/locale/<lang>/mtreview.po``; they are read with polib at
start-up (no compile step). The UI uses the same ``_`` and, in addition, loads Qt's own translations.
"""

from __future__ import annotations

import gettext
import locale
import os
import re
from collections.abc import Callable
from pathlib import Path

from mtreview.paths import locale_dir

LOCALE_DIR = locale_dir()
DOMAIN = "mtreview"
AVAILABLE = ("en", "ja")


class _PoTranslations(gettext.NullTranslations):
    def __init__(
        self,
        catalogue: dict[tuple[str | None, str], str],
        plurals: dict[tuple[str | None, str], list[str]] | None = None,
        plural_index: Callable[[int], int] | None = None,
    ) -> None:
        super().__init__()
        self._catalogue = catalogue
        self._plurals = plurals or {}
        self._plural_index = plural_index or (lambda n: 0)

    def gettext(self, message: str) -> str:
        return self._catalogue.get((None, message)) or message

    def pgettext(self, context: str, message: str) -> str:
        return self._catalogue.get((context, message)) or message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._plurals.get((None, msgid1))
        if not forms:
            return msgid1 if n == 1 else msgid2
        index = self._plural_index(n)
        return forms[index] if 0 <= index < len(forms) and forms[index] else forms[0]


class _PseudoTranslations(gettext.NullTranslations):
    """Longer, accented strings that show clipped layouts and hard-coded text."""

    _MAP = str.maketrans("aeiouAEIOUcnsy", "àéîöûÀÉÎÖÛçñšý")

    def gettext(self, message: str) -> str:
        # Accent the words, never the {placeholders} (they must still format).
        padded = "".join(
            part if part.startswith("{") else part.translate(self._MAP)
            for part in re.split(r"(\{[^{}]*\})", message)
        )
        return "[" + padded + " ~" * max(1, len(message) // 6) + "]"

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / f"{DOMAIN}.po"


def load_catalogue(lang: str) -> dict[tuple[str | None, str], str]:
    return _read_catalogue(lang)[0]


def _read_catalogue(
    lang: str,
) -> tuple[dict[tuple[str | None, str], str], dict[tuple[str | None, str], list[str]], Callable[[int], int]]:
    """(messages, plural messages -> their forms, n -> plural form index) of a catalogue."""
    import polib

    path = catalogue_path(lang)
    if not path.exists():
        return {}, {}, lambda n: 0
    po = polib.pofile(str(path))
    entries = [e for e in po if not e.obsolete and "fuzzy" not in e.flags]
    singular = {(e.msgctxt, e.msgid): e.msgstr for e in entries if e.msgstr and not e.msgid_plural}
    plurals = {
        (e.msgctxt, e.msgid): [e.msgstr_plural[i] for i in sorted(e.msgstr_plural)]
        for e in entries
        if e.msgid_plural and e.msgstr_plural and all(e.msgstr_plural.values())
    }
    return singular, plurals, _plural_rule(po.metadata.get("Plural-Forms", ""))


def _plural_rule(header: str) -> Callable[[int], int]:
    """The catalogue's ``Plural-Forms`` as a function (gettext's own C-expression compiler)."""
    match = re.search(r"plural\s*=\s*([^;]+)", header)
    if not match:
        return lambda n: 0 if n == 1 else 1
    try:
        rule: Callable[[int], int] = gettext.c2py(match.group(1).strip())
        return rule
    except (ValueError, SyntaxError):
        return lambda n: 0 if n == 1 else 1


def system_language() -> str:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return value.split(":")[0].split(".")[0].split("_")[0] or "en"
    try:
        loc = locale.getlocale()[0]
    except ValueError:
        loc = None
    return (loc or "en").split("_")[0]


def set_language(lang: str | None) -> str:
    """Switch the language of every later ``_()`` call; ``None`` or ``"system"`` follows the OS."""
    global _current, _language
    if not lang or lang == "system":
        lang = system_language()
    if lang == "pseudo":
        _current, _language = _PseudoTranslations(), "pseudo"
        return _language
    if lang not in AVAILABLE:
        lang = "en"
    _current = _PoTranslations(*_read_catalogue(lang)) if lang != "en" else gettext.NullTranslations()
    _language = lang
    return lang


def language() -> str:
    return _language


def _(message: str) -> str:
    return _current.gettext(message)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n`` ("{n} document" / "{n} documents"; Japanese has one
    form). Format the result yourself: ``ngettext("{n} file", "{n} files", n).format(n=n)``."""
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


CATEGORY_CONTEXT = "typology category"


def category_label(path: str) -> str:
    """A typology category path (``Accuracy/Mistranslation``) in the UI language, parts joined by `` / ``.
    The parts are in the catalogue under the context ``typology category`` (extracted from the typology
    files by ``python -m mtreview.tools.catalogue extract``)."""
    return " / ".join(pgettext(CATEGORY_CONTEXT, part) for part in path.split("/"))
