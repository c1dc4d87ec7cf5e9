"""A translation-memory index: one local SQLite file with FTS5 full-text indexes over its units.

It is a cache, never part of a project: one file per reference TM (and per project, for its own
segments), rebuilt from its origin when missing or stale. That works the same for ``.mtreview`` files
and PostgreSQL projects (FTS5 is SQLite's; PostgreSQL's pg_trgm needs an extension a team server may
not have), keeps the project file small and its confirm path free of index maintenance, and keeps
reference TMs — files on the reviewer's machine — on that machine.

Schema (``sqlite3`` directly: the FTS5 virtual tables are not part of any project schema):

* ``unit(id, label, source, target, status, version, shash)`` — the units; ``shash`` is a hash of the
  normalised source (exact matches, repetitions);
* ``src`` — FTS5 over the English source, ``unicode61`` words with positions (phrases: an English
  concordance query of common words needs them; without, every unit having both words must be read),
  and the word statistics the fuzzy matcher uses to pick selective words (``df``);
* ``tgt`` — FTS5 over the target with every character a token of its own, with positions
  (``char_tokens``): a Japanese query of any length, Latin letters and digits in it included, is a phrase
  of characters, with no word splitter (a query of Latin words alone goes to the source index);
* ``df(term, n)`` — in how many units each source word occurs;
* ``meta(key, value)`` — what was indexed (origin, size, time, fingerprint…).

Both FTS tables are contentless (``content=''``): the text lives once, in ``unit``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import threading
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy

from mtreview.domain.errors import ProjectError
from mtreview.i18n import _

SCHEMA_VERSION = "3"
BATCH = 2000
BULK_HASH_BYTES = 96 * 1024 * 1024
"""FTS5's pending-terms hash while building (per table; the default is 1 MB)."""

_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile(
    "[\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]"
)


def char_tokens(text: str) -> str:
    """The text with a space between every two characters, so the FTS tokenizer makes each letter, digit
    and CJK character a token (what the ``tgt`` index holds; one C-level join, no word splitter)."""
    return " ".join(text)


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def normalise(text: str) -> str:
    """What "the same source" means for repetitions and 100% matches: whitespace runs as one space."""
    return " ".join(text.split())


def source_hash(text: str) -> int:
    plain = text == text.strip() and "  " not in text and "\n" not in text and "\t" not in text
    return zlib.crc32((text if plain else normalise(text)).encode("utf-8"))


def words(text: str) -> list[str]:
    """Source words as the ``src`` index sees them (lower case, letters and digits)."""
    return _WORD.findall(text.lower())


def phrase(tokens: Iterable[str]) -> str:
    """An FTS5 phrase of these tokens, quoted so that no token is read as query syntax."""
    return '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'


@dataclass(frozen=True, slots=True)
class Unit:
    id: int
    label: str | None
    """Where the unit is from: ``<document>#<ordinal>`` for a project, the unit's id in a TM file."""
    source: str
    target: str
    status: str | None = None
    version: int | None = None


TGT_TABLE = "tgt USING fts5(target, content='')"
"""The target index (also built alone in a file of its own by ``storage.tmsplit``)."""
_DDL = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS unit(
    id INTEGER PRIMARY KEY, label TEXT, source TEXT NOT NULL, target TEXT NOT NULL,
    status TEXT, version INTEGER, shash INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS src USING fts5(source, content='');
CREATE VIRTUAL TABLE IF NOT EXISTS {TGT_TABLE};
CREATE TABLE IF NOT EXISTS df(term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
"""
_SHASH_INDEX = "CREATE INDEX IF NOT EXISTS unit_shash ON unit(shash)"


def insert_targets(db: sqlite3.Connection, ids: Sequence[int], texts: Sequence[str]) -> None:
    """Index targets in ``tgt``, each character a token (``char_tokens``)."""
    db.executemany(
        "INSERT INTO tgt(rowid, target) VALUES (?, ?)", zip(ids, char_tokens_many(texts), strict=True)
    )


def fts_bulk_mode(db: sqlite3.Connection, table: str, on: bool) -> None:
    """An FTS5 table's settings while building (pending terms in a large hash, no merging until
    ``optimize``) or, ``on=False``, the defaults again."""
    db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', ?)", (0 if on else 4,))
    db.execute(
        f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?)",
        (BULK_HASH_BYTES if on else 1024 * 1024,),
    )


class TmIndex:
    """One index file. Reads may come from several threads (a connection per thread); writes are the
    builder's or ``sync``'s, one at a time."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ connections
    @property
    def db(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # a cache: rebuilt if lost
            conn.execute("PRAGMA cache_size=-65536")
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._all.clear()
        self._local = threading.local()

    def exists(self) -> bool:
        return self.path.exists() and self.meta("schema") == SCHEMA_VERSION

    # ------------------------------------------------------------------ meta
    def meta(self, key: str) -> str | None:
        if not self.path.exists():
            return None
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return None if row is None else str(row[0])

    def set_meta(self, values: dict[str, str]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", list(values.items()))

    def count(self) -> int:
        """How many units (kept in ``meta``: ``count(*)`` would read the whole table)."""
        value = self.meta("units")
        if value is None or not value.isdigit():
            value = str(self.db.execute("SELECT count(*) FROM unit").fetchone()[0])
        return int(value)

    # ------------------------------------------------------------------ writing
    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any error)."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def create(self, bulk: bool = False) -> None:
        """Make the tables (``bulk``: the lookup index comes with ``bulk_mode(False)``, after the load)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db.executescript(_DDL)
        if not bulk:
            self.db.execute(_SHASH_INDEX)
        self.set_meta({"schema": SCHEMA_VERSION})

    def add(self, db: sqlite3.Connection, units: Sequence[Unit], df: Counter[str] | None = None) -> None:
        """Insert units (inside ``writing()``); ``df``: count their source words there too."""
        self.add_rows(db, [(u.id, u.label, u.source, u.target, u.status, u.version) for u in units])
        if df is not None:
            for u in units:
                df.update(set(words(u.source)))

    @staticmethod
    def add_rows(
        db: sqlite3.Connection,
        rows: Sequence[tuple[int, str | None, str, str, str | None, int | None]],
        targets: bool = True,
    ) -> None:
        """Insert ``(id, label, source, target, status, version)`` rows (the bulk path of a build);
        ``targets=False``: not into ``tgt`` (a second process builds it, ``storage.tmsplit``)."""
        insert = "INSERT INTO unit(id, label, source, target, status, version, shash) VALUES (?,?,?,?,?,?,?)"
        db.executemany(insert, [(*r, source_hash(r[2])) for r in rows])
        db.executemany("INSERT INTO src(rowid, source) VALUES (?, ?)", [(r[0], r[2]) for r in rows])
        if targets:
            insert_targets(db, [r[0] for r in rows], [r[3] for r in rows])

    def add_targets(self, db: sqlite3.Connection) -> None:
        """Fill ``tgt`` from the ``unit`` table (a split build whose second process failed)."""
        cursor = db.execute("SELECT id, target FROM unit ORDER BY id")
        while batch := cursor.fetchmany(BATCH):
            insert_targets(db, [i for i, _t in batch], [t for _i, t in batch])

    def remove(self, db: sqlite3.Connection, ids: Sequence[int], df: Counter[str] | None = None) -> None:
        """Delete units by id (inside ``writing()``): FTS5 needs the indexed text to take it out."""
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = db.execute(f"SELECT id, source, target FROM unit WHERE id IN ({marks})", chunk).fetchall()
            db.executemany(
                "INSERT INTO src(src, rowid, source) VALUES ('delete', ?, ?)", [(i, s) for i, s, _t in rows]
            )
            db.executemany(
                "INSERT INTO tgt(tgt, rowid, target) VALUES ('delete', ?, ?)",
                [(i, char_tokens(t)) for i, _s, t in rows],
            )
            db.execute(f"DELETE FROM unit WHERE id IN ({marks})", chunk)
            if df is not None:
                for _i, s, _t in rows:
                    df.subtract(set(words(s)))

    def count_words(self, db: sqlite3.Connection) -> None:
        """Fill ``df`` from the source index itself (after a bulk build: no counting in Python)."""
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.src_vocab USING fts5vocab(main, src, 'row')")
        db.execute("DELETE FROM df")
        db.execute("INSERT INTO df(term, n) SELECT term, doc FROM temp.src_vocab")

    def bulk_mode(self, on: bool) -> None:
        """While building: pending terms gather in a large hash (a few big FTS5 segments instead of
        thousands of small ones to merge) and nothing is merged until ``optimize``; after it, the defaults
        again and the lookup index on source hashes (one sort instead of a million inserts)."""
        for table in ("src", "tgt"):
            fts_bulk_mode(self.db, table, on)
        if not on:
            self.db.execute(_SHASH_INDEX)

    def write_df(self, db: sqlite3.Connection, df: Counter[str]) -> None:
        """Add word-count increments (negative for units taken out)."""
        db.executemany(
            "INSERT INTO df(term, n) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
            [(t, n) for t, n in df.items() if n],
        )
        db.execute("DELETE FROM df WHERE n <= 0")

    def optimize(self, tables: Sequence[str] = ("src", "tgt")) -> None:
        """Merge the FTS5 index segments (faster queries after a bulk build)."""
        for table in tables:
            self.db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    def versions(self) -> dict[int, int]:
        return {i: v for i, v in self.db.execute("SELECT id, version FROM unit")}

    # ------------------------------------------------------------------ reading
    def units(self, ids: Sequence[int]) -> list[Unit]:
        """Units by id, in the order given."""
        found: dict[int, Unit] = {}
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, label, source, target, status, version FROM unit WHERE id IN ({marks})", chunk
            ):
                found[row[0]] = Unit(*row)
        return [found[i] for i in ids if i in found]

    def exact(self, source: str) -> list[Unit]:
        """Units whose source is the same text (whitespace normalised)."""
        norm = normalise(source)
        rows = self.db.execute(
            "SELECT id, label, source, target, status, version FROM unit WHERE shash = ?",
            (source_hash(source),),
        ).fetchall()
        return [Unit(*r) for r in rows if normalise(r[2]) == norm]

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        keys = sorted(set(terms))
        out: dict[str, int] = {}
        for start in range(0, len(keys), 900):
            chunk = keys[start : start + 900]
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(f"SELECT term, n FROM df WHERE term IN ({marks})", chunk).fetchall())
        return out

    def sources(self, ids: Sequence[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            marks = ",".join("?" * len(chunk))
            out.update(
                self.db.execute(f"SELECT id, source FROM unit WHERE id IN ({marks})", chunk).fetchall()
            )
        return out

    def ranked(
        self, weighted: Sequence[tuple[str, float]], limit: int, statuses: Sequence[str] | None = None
    ) -> list[int]:
        """Ids of units whose source has some of these words, by the sum of the weights of the words they
        have (highest first); ``statuses``: only units with one of these statuses."""
        if not weighted:
            return []
        union = " UNION ALL ".join("SELECT rowid AS id, ? AS w FROM src WHERE src MATCH ?" for _ in weighted)
        params: list[object] = []
        for term, weight in weighted:
            params += [weight, phrase([term])]
        sql = f"SELECT c.id FROM ({union}) AS c"
        if statuses is not None:
            marks = ",".join("?" * len(statuses))
            sql += f" JOIN unit AS u ON u.id = c.id AND u.status IN ({marks})"
            params += list(statuses)
        sql += f" GROUP BY c.id ORDER BY sum(c.w) DESC, c.id LIMIT {int(limit)}"
        return [r[0] for r in self.db.execute(sql, params)]

    def all_of(self, terms: Sequence[str], limit: int, statuses: Sequence[str] | None = None) -> list[int]:
        """Ids of units whose source has every one of these words."""
        expr = " AND ".join(phrase([t]) for t in terms)
        sql = "SELECT src.rowid FROM src"
        params: list[object] = [expr]
        if statuses is not None:
            marks = ",".join("?" * len(statuses))
            sql += f" JOIN unit AS u ON u.id = src.rowid AND u.status IN ({marks})"
            params = list(statuses) + params
        sql += f" WHERE src MATCH ? LIMIT {int(limit)}"
        return [r[0] for r in self.db.execute(sql, params)]

    def containing(
        self, source_words: Sequence[str], target_text: str, like: str | None, limit: int
    ) -> list[int]:
        """Ids (in id order, at most ``limit``) of units whose source has the phrase ``source_words`` or
        (with ``target_text``) whose target has its characters in a row, and, with ``like``, whose source
        or target is ``LIKE`` it (SQLite's LIKE: case-insensitive for ASCII)."""
        if target_text:
            table, expr = "tgt", phrase(words(char_tokens(target_text)))
        elif source_words:
            table, expr = "src", phrase(source_words)
        else:
            return []
        sql = f"SELECT u.id FROM {table} JOIN unit AS u ON u.id = {table}.rowid WHERE {table} MATCH ?"
        params: list[object] = [expr]
        if like is not None:
            sql += " AND (u.source LIKE ? ESCAPE '\\' OR u.target LIKE ? ESCAPE '\\')"
            params += [like, like]
        sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self.db.execute(sql, params)]

    def scan(self, like: str, limit: int) -> list[int]:
        """A plain scan (queries with no word or CJK character in them)."""
        rows = self.db.execute(
            f"SELECT id FROM unit WHERE source LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\' "
            f"ORDER BY id LIMIT {int(limit)}",
            (like, like),
        )
        return [r[0] for r in rows]


def char_tokens_many(texts: Sequence[str]) -> list[str]:
    """``[char_tokens(t) for t in texts]``, with the characters spaced out for all of them at once (as
    32-bit code points in one array: no Python string per character, which is what ``" ".join(t)``
    costs)."""
    big = "\x00".join(texts)
    if len(texts) < 2 or not all(texts) or big.count("\x00") != len(texts) - 1:
        return [char_tokens(t) for t in texts]  # the separator would be ambiguous
    try:
        points = numpy.frombuffer(big.encode("utf-32-le"), dtype=numpy.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return [char_tokens(t) for t in texts]
    spaced = numpy.full(2 * len(points), ord(" "), dtype=numpy.uint32)
    spaced[0::2] = points
    return spaced[:-1].tobytes().decode("utf-32-le").split(" \x00 ")


def like_pattern(query: str) -> str:
    """``%query%`` for LIKE, with ``%``, ``_`` and the escape character escaped, whitespace normalised."""
    text = " ".join(query.split()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{text}%"


@contextlib.contextmanager
def index_errors(path: Path) -> Iterator[None]:
    """A failure of the index database (full disk, unwritable cache folder, a damaged file) as a message
    naming the folder, not a traceback."""
    try:
        yield
    except sqlite3.Error as exc:
        reason = str(exc).strip() or type(exc).__name__
        raise ProjectError(
            _("cannot write the translation-memory index in {folder}: {reason}").format(
                folder=Path(path).parent, reason=reason
            )
        ) from None
    except OSError as exc:
        raise ProjectError(
            _("cannot write the translation-memory index in {folder}: {reason}").format(
                folder=Path(path).parent, reason=exc.strerror or exc
            )
        ) from None


def index_file_name(kind: str, identity: str) -> str:
    """A stable file name for an index of ``identity`` (a path or a redacted URL), never the identity
    itself (which may be long or hold characters a file name cannot)."""
    digest = hashlib.sha1(f"{kind}\x1f{identity}".encode()).hexdigest()[:20]
    return f"{kind}-{digest}.sqlite"


def discard(path: Path) -> None:
    """Remove an index file and its WAL companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(str(path) + suffix)
