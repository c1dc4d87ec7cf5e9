"""Renderings JMdict's glosses do not give (当局 for "authority", 残り for "rest"), from the lexicon file
``glosses.tsv``: the shipped one and the user's own (``user_lexicon_dir()``), read once per process and
merged into every dictionary lookup (``dictionary._lookup``). A malformed line of the user's file is
reported with its file and line in the log and leaves that file out; the shipped file is checked by the
tests."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from mtreview.domain.errors import InputError
from mtreview.i18n import _

FILENAME = "glosses.tsv"
_ENGLISH = re.compile(r"[a-z][a-z'\- ]*")
_JAPANESE = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff々0-9０-９]{2,}")
log = logging.getLogger(__name__)

Tables = tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]


def load_glosses(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """The file's (English, Japanese renderings) pairs; ``InputError`` naming the line of a bad one."""
    from mtreview.qa.lexicons import _lines

    out = []
    for number, line in _lines(path):
        english, _tab, japanese = line.partition("\t")
        english = english.strip()
        words = tuple(w.strip() for w in japanese.split("|") if w.strip())
        if not _ENGLISH.fullmatch(english) or not words:
            raise InputError(
                _("expected an English word, a tab and Japanese words separated by |"), str(path), number
            )
        bad = next((w for w in words if not _JAPANESE.fullmatch(w)), None)
        if bad is not None:
            raise InputError(
                _("“{word}” is not a Japanese word of two characters or more").format(word=bad),
                str(path),
                number,
            )
        out.append((english, words))
    return out


@lru_cache(maxsize=1)
def tables() -> Tables:
    """(English → Japanese, Japanese → English) of the shipped file and the user's."""
    from mtreview.qa.lexicons import LEXICON_DIR, user_lexicon_dir

    en: dict[str, set[str]] = {}
    ja: dict[str, set[str]] = {}
    for path in (LEXICON_DIR / FILENAME, user_lexicon_dir() / FILENAME):
        if not path.is_file():
            continue
        try:
            pairs = load_glosses(path)
        except InputError as exc:
            log.warning("%s", exc)
            continue
        for english, words in pairs:
            en.setdefault(english, set()).update(words)
            for w in words:
                ja.setdefault(w, set()).update(english.split())
    return {k: frozenset(v) for k, v in en.items()}, {k: frozenset(v) for k, v in ja.items()}


def extra(table: str, key: str) -> frozenset[str]:
    """What the supplement adds to a lookup of ``key`` in the dictionary's ``table`` ("en" or "ja")."""
    en, ja = tables()
    return (en if table == "en" else ja).get(key, frozenset())
