"""One statement executed with a parameter list through the driver (the bulk writes' inner loop)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_Plan = tuple[Any, str, bool, tuple[tuple[str, Any, Any], ...]]
_PLANS: dict[tuple[int, str, tuple[str, ...]], _Plan] = {}
_FROM_ROW = object()


def _plan(stmt: Any, dialect: Any, keys: tuple[str, ...]) -> _Plan:
    """The SQL and, for each parameter in order, where its value comes from: the row (with the type's
    bind processor) or the statement itself (a literal such as the ``1`` of ``version + 1``)."""
    compiled = stmt.compile(dialect=dialect, column_keys=list(keys))
    names = tuple(compiled.positiontup) if dialect.positional else tuple(compiled.binds)
    slots = []
    for name in names:
        proc = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        if name in keys:
            slots.append((name, _FROM_ROW, proc))
        else:
            value = compiled.binds[name].effective_value
            slots.append((name, value if proc is None else proc(value), None))
    return (stmt, compiled.string, bool(dialect.positional), tuple(slots))  # stmt: keeps its id taken


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
    _stmt, sql, positional, slots = plan

    def values(row: dict[str, Any]) -> list[Any]:
        out = []
        for name, const, proc in slots:
            if const is _FROM_ROW:
                value = row[name]
                out.append(value if proc is None else proc(value))
            else:
                out.append(const)
        return out

    if positional:
        params: list[Any] = [tuple(values(r)) for r in rows]
    else:
        names = [name for name, _c, _p in slots]
        params = [dict(zip(names, values(r), strict=True)) for r in rows]
    result = c.exec_driver_sql(sql, params)
    return int(result.rowcount)
