"""An English↔Japanese word index derived from JMdict (EDRDG licence; ``jamdict-data`` ships it as SQLite).

The package's database is 300 MB of normalised tables; the checks need two questions answered fast —
"which Japanese words can render this English word" and "which English words can this Japanese word
mean". On first use the glosses are read once and folded into a compact SQLite file in the user cache
folder (``<cache>/jmdict-index-v1-<data version>.sqlite``, about 20 MB: two ``WITHOUT ROWID`` tables keyed
by the word), written to a temporary name and renamed, so an interrupted build leaves nothing half-made.
Lookups go through an LRU cache; nothing is held in a large Python dict, so memory stays flat.

JMdict is the property of the Electronic Dictionary Research and Development Group, used under its
licence (https://www.edrdg.org/edrdg/licence.html); the About box and the README say so.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.qa.analysis import supplement

FORMAT = 2
_PAREN = re.compile(r"\([^)]*\)")
_GLOSS_WORD = re.compile(r"[a-z][a-z'\-]*")
_SKIP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "and",
        "or",
        "be",
        "is",
        "are",
        "one's",
        "oneself",
        "someone",
        "something",
        "etc",
        "e.g.",
        "i.e.",
        "esp",
        "sth",
        "sb",
        "it",
        "its",
        "that",
        "this",
        "not",
        "no",
    ]
)


class DictionaryUnavailable(RuntimeError):
    """JMdict (the ``jamdict-data`` package) is not installed or cannot be read."""


def cache_dir() -> Path:
    env = os.environ.get("MTREVIEW_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("mtreview", appauthor=False))


def source_database() -> tuple[Path, str]:
    """The installed JMdict database and its package version."""
    try:
        import jamdict_data
    except ImportError:
        raise DictionaryUnavailable("JMdict is not installed (the jamdict-data package)") from None
    path = Path(jamdict_data.__file__).parent / "jamdict.db"
    if not path.is_file():
        raise DictionaryUnavailable(f"JMdict database not found: {path}")
    version = getattr(jamdict_data, "__version__", "") or "0"
    return path, str(version)


def _keys(gloss: str) -> set[str]:
    """Index keys of one English gloss: the whole short gloss and its content words."""
    text = _PAREN.sub(" ", gloss.lower()).strip()
    if text.startswith("to "):
        text = text[3:]
    words = _GLOSS_WORD.findall(text)
    if not words or len(words) > 4:
        return set()
    keys: set[str] = set()
    if len(words) <= 3:
        keys.add(" ".join(words))
    if len(words) <= 3:
        keys.update(w for w in words if w not in _SKIP and len(w) > 1)
    return keys


def build_index(source: Path, target: Path, progress: Progress = NO_PROGRESS) -> None:
    """Fold JMdict's glosses into the two-table index at ``target`` (atomically)."""
    progress.report(0, 3, "JMdict")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        forms: dict[int, list[str]] = {}
        for idseq, text in src.execute(
            "SELECT idseq, text FROM Kanji UNION ALL SELECT idseq, text FROM Kana"
        ):
            forms.setdefault(idseq, []).append(text)
        progress.check()
        progress.report(1, 3, "JMdict")
        en: dict[str, set[str]] = {}
        ja: dict[str, set[str]] = {}
        rows = src.execute(
            "SELECT s.idseq, g.text FROM SenseGloss g JOIN Sense s ON g.sid = s.ID WHERE g.lang = 'eng'"
        )
        for idseq, gloss in rows:
            keys = _keys(gloss or "")
            if not keys:
                continue
            entry_forms = forms.get(idseq, ())
            for key in keys:
                en.setdefault(key, set()).update(entry_forms)
            single = {k for k in keys if " " not in k}
            for form in entry_forms:
                ja.setdefault(form, set()).update(single)
    finally:
        src.close()
    progress.check()
    progress.report(2, 3, "JMdict")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".jmdict-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        out = sqlite3.connect(tmp)
        out.execute("PRAGMA journal_mode=OFF")
        out.execute("CREATE TABLE en (key TEXT PRIMARY KEY, ja TEXT NOT NULL) WITHOUT ROWID")
        out.execute("CREATE TABLE ja (key TEXT PRIMARY KEY, en TEXT NOT NULL) WITHOUT ROWID")
        out.executemany("INSERT INTO en VALUES (?, ?)", ((k, "\t".join(sorted(v))) for k, v in en.items()))
        out.executemany(
            "INSERT INTO ja VALUES (?, ?)", ((k, "\t".join(sorted(v))) for k, v in ja.items() if v)
        )
        out.execute("CREATE TABLE meta (format INTEGER)")
        out.execute("INSERT INTO meta VALUES (?)", (FORMAT,))
        out.commit()
        out.close()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    progress.report(3, 3, "JMdict")


class Dictionary:
    """Read-only lookups in the derived index (thread-safe: one connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def japanese(self, english: str) -> frozenset[str]:
        """Japanese words JMdict gives for an English word or short phrase (lower case)."""
        return _lookup(self, "en", english)

    def english(self, japanese: str) -> frozenset[str]:
        """English gloss words of a Japanese word (any of its written forms)."""
        return _lookup(self, "ja", japanese)

    def japanese_any(self, forms: Iterable[str]) -> frozenset[str]:
        out: set[str] = set()
        for form in forms:
            out |= self.japanese(form)
        return frozenset(out)


@lru_cache(maxsize=8192)
def _lookup(d: Dictionary, table: str, key: str) -> frozenset[str]:
    row = (
        d._conn()
        .execute(f"SELECT {'ja' if table == 'en' else 'en'} FROM {table} WHERE key = ?", (key,))
        .fetchone()
    )
    # the words are shared by the many entries that give them (some 8,000 cached entries at a time)
    found = frozenset(map(sys.intern, row[0].split("\t"))) if row else frozenset()
    return found | supplement.extra(table, key)  # what JMdict's glosses do not say (当局, "authority")


_DEFAULT: Dictionary | None = None
_DEFAULT_LOCK = threading.Lock()
_LOCAL = threading.local()
_GENERATION = 0


class _NoWait:
    """``with no_wait():`` — in this thread, a dictionary that is not ready is unavailable: it is neither
    built here nor waited for (the GUI thread's correction checks use it; a worker builds it)."""

    def __enter__(self) -> None:
        _LOCAL.depth = getattr(_LOCAL, "depth", 0) + 1

    def __exit__(self, *exc: object) -> None:
        _LOCAL.depth -= 1


def no_wait() -> _NoWait:
    return _NoWait()


def generation() -> int:
    """Bumped when the dictionary becomes available: results computed without it are stale after that."""
    return _GENERATION


def default_dictionary(progress: Progress = NO_PROGRESS) -> Dictionary:
    """The index for the installed JMdict, built on first use; ``DictionaryUnavailable`` without it (and,
    inside ``no_wait()``, while it is not built yet or another thread is building it)."""
    global _DEFAULT, _GENERATION
    if _DEFAULT is not None:
        return _DEFAULT
    waiting = getattr(_LOCAL, "depth", 0) == 0
    if not _DEFAULT_LOCK.acquire(blocking=waiting):
        raise DictionaryUnavailable("the JMdict index is being built")
    try:
        if _DEFAULT is None:
            source, version = source_database()
            path = cache_dir() / f"jmdict-index-v{FORMAT}-{version}.sqlite"
            if not path.is_file():
                if not waiting:
                    raise DictionaryUnavailable("the JMdict index is not built yet")
                build_index(source, path, progress)
            _DEFAULT = Dictionary(path)
            _GENERATION += 1
        return _DEFAULT
    finally:
        _DEFAULT_LOCK.release()
