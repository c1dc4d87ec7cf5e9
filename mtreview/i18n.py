"""Translatable strings for the whole application, without Qt.

Catalogues are gettext PO files under ``resources/locale/<lang>/mtreview.po``; they are read with polib at
start-up (no compile step). The UI uses the same ``_`` and, in addition, loads Qt's own translations.
"""

from __future__ import annotations

import gettext
import locale
import os
import re
from pathlib import Path

from mtreview.paths import locale_dir

LOCALE_DIR = locale_dir()
DOMAIN = "mtreview"
AVAILABLE = ("en", "ja")


class _PoTranslations(gettext.NullTranslations):
    def __init__(self, catalogue: dict[tuple[str | None, str], str]) -> None:
        super().__init__()
        self._catalogue = catalogue

    def gettext(self, message: str) -> str:
        return self._catalogue.get((None, message)) or message

    def pgettext(self, context: str, message: str) -> str:
        return self._catalogue.get((context, message)) or message


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


_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / f"{DOMAIN}.po"


def load_catalogue(lang: str) -> dict[tuple[str | None, str], str]:
    import polib

    path = catalogue_path(lang)
    if not path.exists():
        return {}
    po = polib.pofile(str(path))
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in po
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


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
    _current = _PoTranslations(load_catalogue(lang)) if lang != "en" else gettext.NullTranslations()
    _language = lang
    return lang


def language() -> str:
    return _language


def _(message: str) -> str:
    return _current.gettext(message)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


CATEGORY_CONTEXT = "typology category"


def category_label(path: str) -> str:
    """A typology category path (``Accuracy/Mistranslation``) in the UI language, parts joined by `` / ``.
    The parts are in the catalogue under the context ``typology category`` (extracted from the typology
    files by ``python -m mtreview.tools.catalogue extract``)."""
    return " / ".join(pgettext(CATEGORY_CONTEXT, part) for part in path.split("/"))
