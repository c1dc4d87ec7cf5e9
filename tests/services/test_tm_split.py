"""A large reference TM is indexed by two processes (``storage.tmsplit``): the same index as one process
builds, whatever the second process does — it may fail, or the user may cancel."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from mtreview.domain.errors import Cancelled, InputError
from mtreview.domain.progress import Progress
from mtreview.services.tm import build_file_index, concordance_in, fuzzy, index_dir
from mtreview.storage import tmindex, tmsplit

PLACES = ["harbour", "lighthouse", "station", "library", "market", "bridge", "school", "museum"]
PLACES_JA = ["港", "灯台", "駅", "図書館", "市場", "橋", "学校", "博物館"]
TIMES = ["at dawn", "at noon", "at dusk", "at night"]
TIMES_JA = ["夜明けに", "正午に", "夕暮れに", "夜に"]


def write_tmx(path: Path, n: int, broken_at: int | None = None) -> Path:
    units = []
    for i in range(n):
        p, t = i % len(PLACES), (i // len(PLACES)) % len(TIMES)
        en = f"Visitor {i} walked to the {PLACES[p]} {TIMES[t]} & stayed <there>."
        ja = f"訪問者{i}は{TIMES_JA[t]}{PLACES_JA[p]}まで歩き、そこに留まった。"
        en = en.replace("&", "&amp;").replace("<", "&lt;")
        tuvs = f'<tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="ja"><seg>{ja}</seg></tuv>'
        units.append(f'<tu tuid="u{i}">{tuvs}</tu>\n')
        if broken_at == i:
            units.append("<tu><tuv>\n")
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'
        '<header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
        'creationtoolversion="1" o-tmf="x"/><body>\n' + "".join(units) + "</body></tmx>\n",
        encoding="utf-8",
    )
    return path


def contents(index: tmindex.TmIndex) -> dict[str, object]:
    """What a user gets from an index: units, Japanese and English concordance, fuzzy matches."""
    db = index.db
    return {
        "units": db.execute("SELECT id, label, source, target, shash FROM unit ORDER BY id").fetchall(),
        "df": db.execute("SELECT term, n FROM df ORDER BY term").fetchall(),
        "meta_units": index.meta("units"),
        "ja": {
            q: [(u.id, t) for u, _s, t in concordance_in(index, q, 10_000)]
            for q in ("灯台", "夕暮れに港", "訪問者1")
        },
        "en": {
            q: [(u.id, s) for u, s, _t in concordance_in(index, q, 10_000)] for q in ("the museum", "noon")
        },
        "fuzzy": [
            (score, u.source, u.target)
            for score, u in fuzzy(index, "Visitor 77 walked to the old bridge at noon & stayed <there>.", 5)
        ],
    }


def assert_sound(index: tmindex.TmIndex) -> None:
    """FTS5's own check of both indexes (structure, segments, doclists)."""
    for table in ("src", "tgt"):
        index.db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 0)")


@pytest.fixture
def tmx(tmp_path: Path) -> Path:
    return write_tmx(tmp_path / "visits.tmx", 5000)


def build(
    path: Path, monkeypatch: pytest.MonkeyPatch, split: bool, progress: Progress | None = None
) -> tmindex.TmIndex:
    monkeypatch.setenv("MTREVIEW_TM_SPLIT_BYTES", "1" if split else "0")
    return build_file_index(path, progress) if progress is not None else build_file_index(path)


def test_two_processes_build_the_index_one_process_builds(tmx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = build(tmx, monkeypatch, split=False)
    expected = contents(one)
    assert len(expected["units"]) == 5000 and expected["ja"]["灯台"] and expected["en"]["the museum"]
    assert expected["fuzzy"][0][1].startswith("Visitor 77 walked to the bridge at noon")
    one.close()
    tmindex.discard(one.path)

    two = build(tmx, monkeypatch, split=True)
    assert contents(two) == expected
    assert_sound(two)
    assert multiprocessing.active_children() == []
    names = [p.name for p in index_dir().iterdir() if not p.name.endswith(("-wal", "-shm"))]
    assert names == [two.path.name]  # no side file, no temp file left (-wal/-shm: the open connection's)
    two.close()


def test_a_failed_second_process_costs_time_not_the_index(
    tmx: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    expected = contents(build(tmx, monkeypatch, split=False))
    for p in index_dir().iterdir():
        tmindex.discard(p)
    # The second process cannot create its file: a folder stands where it would go.
    target = index_dir() / tmindex.index_file_name("file", str(tmx.resolve()))
    blocker = target.with_name(target.name + f".{os.getpid()}.building.tgt")
    blocker.mkdir(parents=True)
    (blocker / "keep").write_text("x", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mtreview.services.tm"):
        index = build(tmx, monkeypatch, split=True)
    assert "second process failed" in caplog.text
    assert contents(index) == expected
    assert_sound(index)
    assert multiprocessing.active_children() == []
    index.close()


def test_cancelling_a_two_process_build_leaves_nothing(tmx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    progress = Progress(report_fn=lambda d, t, m: calls.append(d), cancelled_fn=lambda: len(calls) > 1)
    with pytest.raises(Cancelled):
        build(tmx, monkeypatch, split=True, progress=progress)
    assert multiprocessing.active_children() == []
    assert list(index_dir().iterdir()) == []


def test_a_malformed_file_stops_both_processes_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = write_tmx(tmp_path / "bad.tmx", 3000, broken_at=2500)
    with pytest.raises(InputError) as info:
        build(bad, monkeypatch, split=True)
    assert str(bad) in str(info.value) and info.value.line is not None
    assert multiprocessing.active_children() == []
    assert list(index_dir().iterdir()) == []


def test_the_second_process_makes_the_same_target_table() -> None:
    """The side file's table must be the index's own ``tgt`` for the shadow tables to be copied."""
    (ddl,) = [line for line in tmindex._DDL.splitlines() if " tgt USING " in line]
    assert ddl.replace(" IF NOT EXISTS", "").rstrip(";") == tmsplit._TGT_DDL


def test_adopting_from_a_file_without_the_table_is_refused(tmp_path: Path) -> None:
    index = tmindex.TmIndex(tmp_path / "i.sqlite")
    index.create()
    index.close()
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    with pytest.raises(sqlite3.DatabaseError, match="differ"):
        tmsplit.adopt(index.path, empty)
