"""Does a project file have exactly the structure of its schema revision?

Checked before an upgrade: the migrations assume that structure, and a file changed outside
qda_app (a missing index, an extra table, another program's database carrying our id) is
refused instead of being half-converted. The expected structure is what the migrations up
to that revision build in an empty in-memory database. Compared: tables, views and triggers
by name; each table's columns (type, NOT NULL, default, primary key), indexes (columns,
unique) and foreign keys. CHECK constraints are not compared (SQLite cannot list them).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Engine, create_engine

from . import migrate, sqlite_specific

Structure = dict[str, Any]


@cache
def expected_structure(revision: str) -> Structure:
    """What the migrations up to `revision` build in an empty database."""
    engine = create_engine("sqlite://")
    sqlite_specific.configure_engine(engine)
    try:
        migrate.upgrade(engine, revision)
        with engine.connect() as connection:
            return sqlite_specific.schema_structure(connection)
    finally:
        engine.dispose()


def differences(engine: Engine, revision: str) -> list[str]:
    """Names of the tables (and views, triggers) that differ from `revision`'s structure."""
    with engine.connect() as connection:
        actual = sqlite_specific.schema_structure(connection)
    expected = expected_structure(revision)
    return sorted(
        name
        for name in set(actual) | set(expected)
        if actual.get(name, None) != expected.get(name, None)
    )
