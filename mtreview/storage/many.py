"""One statement executed with a parameter list through the driver (the bulk writes' inner loop)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

import sqlalchemy as sa

_FROM_ROW = object()
_Slots = tuple[tuple[str, Any, Any], ...]
# (statement, SQL, positional?, slots, factory of row → driver tuple or None)
_Plan = tuple[Any, str, bool, _Slots, Callable[[], Any] | None]
_PLANS: dict[tuple[int, str, tuple[str, ...]], _Plan] = {}


def _plan(stmt: Any, dialect: Any, keys: tuple[str, ...]) -> _Plan:
    """The SQL and, for each parameter in order, where its value comes from: the row (with the type's
    bind processor) or the statement itself (a literal such as the ``1`` of ``version + 1``)."""
    compiled = stmt.compile(dialect=dialect, column_keys=list(keys))
    names = tuple(compiled.positiontup) if dialect.positional else tuple(compiled.binds)
    plain_json = dialect.name == "sqlite" and getattr(dialect, "_json_serializer", None) is None
    slots = []
    for name in names:
        bind_type = compiled.binds[name].type
        proc = bind_type.dialect_impl(dialect).bind_processor(dialect)
        if proc is not None and plain_json and isinstance(bind_type, sa.JSON):
            proc = _int_list_json(proc)
        if name in keys:
            slots.append((name, _FROM_ROW, proc))
        else:
            value = compiled.binds[name].effective_value
            slots.append((name, value if proc is None else proc(value), None))
    frozen = tuple(slots)
    every_from_row = all(const is _FROM_ROW for _n, const, _p in frozen)
    make = _converter(frozen) if dialect.positional and every_from_row else None
    return (stmt, compiled.string, bool(dialect.positional), frozen, make)  # stmt: keeps its id taken


def _int_list_json(proc: Any) -> Any:
    """SQLite's JSON bind processor with a fast path for the commonest value, a short list of line
    numbers: the same text ``json.dumps`` writes (``[3, 4]``), without its encoder's per-call setup."""

    def process(value: Any) -> Any:
        if type(value) is list and len(value) == 1 and type(value[0]) is int:
            return f"[{value[0]}]"
        if type(value) is list and all(type(v) is int for v in value):
            return "[" + ", ".join(map(str, value)) + "]"
        return proc(value)

    return process


def _converter(slots: _Slots) -> Callable[[], Any]:
    """A factory of row → driver tuple: the values taken in C (``itemgetter``), the bind processors applied
    only where a type has one, each remembering its last value within one call (the import's single
    timestamp is formatted once, not once per row)."""
    names = tuple(name for name, _c, _p in slots)
    getter = itemgetter(*names)
    single = len(names) == 1
    procs = tuple((i, proc) for i, (_name, _c, proc) in enumerate(slots) if proc is not None)

    def make() -> Any:
        if not procs:
            return (lambda row: (getter(row),)) if single else getter
        memo: list[tuple[Any, Any]] = [(_FROM_ROW, None)] * len(procs)

        def convert(row: dict[str, Any]) -> tuple[Any, ...]:
            values = [getter(row)] if single else list(getter(row))
            for k, (i, proc) in enumerate(procs):
                value = values[i]
                last = memo[k]
                if value is last[0]:
                    values[i] = last[1]
                else:
                    out = values[i] = proc(value)
                    memo[k] = (value, out)
            return tuple(values)

        return convert

    return make


def execute_many(c: Any, stmt: Any, rows: Sequence[dict[str, Any]]) -> int:
    """Execute ``stmt`` (a module-level statement) once per row, every row with the same keys, through
    the driver's ``executemany``: compiled once per dialect and set of keys as ``c.execute(stmt, rows)``
    compiles it, each value converted by its type's own bind processor — the same values SQLAlchemy
    sends, without its per-row bookkeeping, which costs more than the SQL itself for 10k small rows.
    Returns how many rows the statement changed."""
    if not rows:
        return 0
    dialect = c.dialect
    keys = tuple(rows[0])
    plan_key = (id(stmt), dialect.name, keys)
    plan = _PLANS.get(plan_key)
    if plan is None:
        plan = _PLANS[plan_key] = _plan(stmt, dialect, keys)
    _stmt, sql, positional, slots, make = plan

    def values(row: dict[str, Any]) -> list[Any]:
        out = []
        for name, const, proc in slots:
            if const is _FROM_ROW:
                value = row[name]
                out.append(value if proc is None else proc(value))
            else:
                out.append(const)
        return out

    if make is not None:
        params: list[Any] = list(map(make(), rows))
    elif positional:
        params = [tuple(values(r)) for r in rows]
    else:
        names = [name for name, _c, _p in slots]
        params = [dict(zip(names, values(r), strict=True)) for r in rows]
    result = c.exec_driver_sql(sql, params)
    return int(result.rowcount)
