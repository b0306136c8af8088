"""Copying a whole project between stores (a file and a server): every row of every table,
the change log included, with its ids, and each table's id counter where it stood.

The target is created and filled in one transaction: a failed copy leaves no file and no
tables behind. The source is only read (a file of an older revision is upgraded first, as
opening it would).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select, text

from .models import Base, utcnow
from .store import create_store, display_name, open_store

BATCH = 1000
# Tables whose rows the copy writes itself (the record of the copy is added afterwards).
TRANSFERS = "project_transfers"


def copy_project(source: str | os.PathLike[str], target: str | os.PathLike[str], actor: str) -> int:
    """Copy `source` into a new `target` (file or empty server database); returns the rows."""
    engine, _backup = open_store(source)
    copied = 0
    try:
        with engine.connect() as reader:

            def fill(writer: Connection) -> None:
                nonlocal copied
                copied = copy_rows(reader, writer)
                set_counters(writer, counters(reader))
                direction = "push" if writer.dialect.name != "sqlite" else "pull"
                writer.execute(
                    _table(TRANSFERS)
                    .insert()
                    .values(
                        direction=direction, other=display_name(source), actor=actor, at=utcnow()
                    )
                )

            create_store(target, fill=fill).dispose()
    finally:
        engine.dispose()
    return copied


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def copied_tables() -> list[Table]:
    """Every table of the project, parents before the tables that refer to them."""
    return list(Base.metadata.sorted_tables)


def copy_rows(reader: Connection, writer: Connection) -> int:
    total = 0
    for table in copied_tables():
        insert = table.insert()
        batch: list[dict[str, Any]] = []
        for row in _rows_parents_first(reader, table):
            batch.append(row)
            if len(batch) >= BATCH:
                writer.execute(insert, batch)
                total += len(batch)
                batch = []
        if batch:
            writer.execute(insert, batch)
            total += len(batch)
    return total


def _self_reference(table: Table) -> str | None:
    for key in table.foreign_keys:
        if key.column.table is table:
            return str(key.parent.name)
    return None


def _rows_parents_first(reader: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """All rows by primary key; in a tree (categories, quarters) a parent before its children
    whatever their ids (a category moved under a newer one)."""
    query = select(table).order_by(*table.primary_key.columns)
    parent_column = _self_reference(table)
    if parent_column is None:
        for found in reader.execute(query):
            yield dict(found._mapping)
        return
    pending: list[dict[str, Any]] = [dict(row._mapping) for row in reader.execute(query)]
    placed: set[Any] = set()
    key = next(iter(table.primary_key.columns)).name
    while pending:
        ready = [r for r in pending if r[parent_column] is None or r[parent_column] in placed]
        if not ready:  # a cycle cannot be stored; let the database say so
            ready = pending
        for row in ready:
            placed.add(row[key])
            yield row
        pending = [r for r in pending if r[key] not in placed]


def _counted_tables() -> list[Table]:
    """Tables with a single integer id the store counts up (never reusing one)."""
    found = []
    for table in copied_tables():
        keys = list(table.primary_key.columns)
        if len(keys) == 1 and keys[0].autoincrement in (True, "auto") and keys[0].name == "id":
            try:
                if keys[0].type.python_type is int:
                    found.append(table)
            except NotImplementedError:
                continue
    return found


def counters(connection: Connection) -> dict[str, int]:
    """Where each table's id counter stands (at least its highest id)."""
    result: dict[str, int] = {}
    for table in _counted_tables():
        result[table.name] = int(connection.scalar(select(func.max(table.c.id))) or 0)
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql("SELECT name, seq FROM sqlite_sequence").all()
        for name, seq in rows:
            if name in result:
                result[name] = max(result[name], int(seq))
    elif connection.dialect.name == "postgresql":
        for name in result:
            sequence = connection.scalar(
                text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": name}
            )
            if sequence:
                row = connection.execute(
                    text(f"SELECT last_value, is_called FROM {sequence}")
                ).one()
                if row.is_called:
                    result[name] = max(result[name], int(row.last_value))
    return result


def set_counters(connection: Connection, positions: dict[str, int]) -> None:
    """Set the id counters so the copy never reuses an id the original had given out."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("DELETE FROM sqlite_sequence")
        rows = [(name, seq) for name, seq in positions.items() if seq > 0]
        if rows:
            connection.exec_driver_sql(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", rows
            )
    elif connection.dialect.name == "postgresql":
        for name, seq in positions.items():
            sequence = connection.scalar(
                text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": name}
            )
            if sequence:
                connection.execute(
                    text("SELECT setval(CAST(:s AS regclass), :v, :called)"),
                    {"s": sequence, "v": max(seq, 1), "called": seq > 0},
                )


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (ordered by key), for comparing two stores."""
    result: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in copied_tables():
            query = select(table).order_by(*table.primary_key.columns)
            result[table.name] = [tuple(row) for row in connection.execute(query)]
    return result
