"""``storage.many.execute_many`` writes exactly what SQLAlchemy's own ``execute(stmt, rows)`` writes, on
both backends: JSON, time zones, booleans, floats and enums converted by the same bind processors."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from enum import IntEnum
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    insert,
)

from mtreview.storage.many import execute_many

meta = MetaData()
things = Table(
    "things",
    meta,
    Column("id", Integer, primary_key=True),
    Column("label", Text),
    Column("doc", JSON, nullable=True),
    Column("at", DateTime(timezone=True)),
    Column("flag", Boolean),
    Column("weight", Float),
)
INSERT = insert(things)


class Level(IntEnum):
    LOW = 1


def rows(offset: int) -> list[dict[str, Any]]:
    same = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    tokyo = same.astimezone(timezone(timedelta(hours=9)))  # the same instant, printed differently
    docs: list[Any] = [
        None,
        [1],
        [True],
        ["1"],
        [1.0],
        [-0.0],
        [0.0],
        {},
        {"a": [1, 2]},
        [1],
        None,
        (2, 3),
        1,
        True,
        [],
        [1, 20, 300],
        [1, True],
        [[1]],
    ]
    out = []
    for i, doc in enumerate(docs * 3):
        out.append(
            {
                "id": offset + i,
                "label": ["x", "1", None][i % 3],
                "doc": doc,
                "at": [same, tokyo, same, datetime(2020, 1, 1, tzinfo=UTC)][i % 4],
                "flag": [True, False, 1, 0][i % 4],
                "weight": [0.0, -0.0, 1.5, Level.LOW][i % 4],
            }
        )
    return out


@pytest.fixture
def url(project_url: str, tmp_path: Path) -> str:
    return project_url if "://" in project_url else f"sqlite:///{tmp_path / 'many.sqlite'}"


def test_bulk_values_are_those_sqlalchemy_writes(url: str) -> None:
    engine = create_engine(url)
    try:
        meta.create_all(engine)
        with engine.begin() as c:
            c.execute(INSERT, rows(0))  # SQLAlchemy's own conversion, row by row
            assert execute_many(c, INSERT, rows(1000)) == len(rows(0))
        with engine.connect() as c:
            raw = c.exec_driver_sql(
                "SELECT id, label, doc, at, flag, weight FROM things ORDER BY id"
            ).fetchall()
    finally:
        engine.dispose()
    ours = [tuple(r[1:]) for r in raw if r[0] >= 1000]
    theirs = [tuple(r[1:]) for r in raw if r[0] < 1000]
    assert ours == theirs
    # and the cases that would collide in a cache keyed on equal values came out different
    assert (
        len({repr(r[1]) for r in theirs}) >= 10
    )  # JSON texts: null, [1], [true], ["1"], [1.0], [-0.0], [0.0], ...
    if url.startswith("sqlite"):  # stored as text there (PostgreSQL gives them back in one time zone)
        assert len({r[2] for r in theirs}) == 3  # UTC, +09:00, 2020


def test_a_value_reused_and_changed_between_calls_is_written_as_it_is_then(url: str) -> None:
    """The bulk path remembers the last value each column converted (one timestamp for a whole import):
    never across calls, where the caller may have changed the same object."""
    engine = create_engine(url)
    lines = [4]
    at = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    try:
        meta.create_all(engine)
        with engine.begin() as c:
            base = {"label": "x", "at": at, "flag": True, "weight": 1.0}
            execute_many(c, INSERT, [{"id": 1, **base, "doc": lines}, {"id": 2, **base, "doc": lines}])
            lines.append(5)
            execute_many(c, INSERT, [{"id": 3, **base, "doc": lines}])
        with engine.connect() as c:
            docs = c.exec_driver_sql("SELECT doc FROM things ORDER BY id").scalars().all()
    finally:
        engine.dispose()
    parsed = [d if isinstance(d, list) else json.loads(d) for d in docs]
    assert parsed == [[4], [4], [4, 5]]
