"""Everything in the core that knows the store is an SQLite file lives in this module.

Other modules address the store by SQLAlchemy URL only, so the same code runs on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import make_url

# "QDA1": written into the file header so foreign SQLite files are told apart from ours.
APPLICATION_ID = 0x51444131
HEADER = b"SQLite format 3\x00"


def is_sqlite_url(url: str) -> bool:
    """True when the URL addresses an SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def url_for_path(path: Path) -> str:
    """The SQLAlchemy URL of a project file."""
    return f"sqlite:///{path.resolve()}"


def path_of_url(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for an in-memory database."""
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


# Execution option of the connections that commands write through (see Project.command).
WRITE_OPTIONS = {"qda_write": True}


def configure_engine(engine: Engine) -> None:
    """Foreign keys on, full durability, waiting instead of failing on a busy file, and
    transactions begun by us: BEGIN IMMEDIATE for commands, plain BEGIN for readers."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # the driver no longer begins on its own
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A writer that begins deferred and reads first can find, when it comes to write,
        # that another process wrote meanwhile (SQLITE_BUSY, no waiting helps): commands
        # therefore take the write lock at once and wait for it (busy_timeout).
        write = connection.get_execution_options().get("qda_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class CommitCounter:
    """SQLite's `data_version`, read on a connection held open for it: it changes when any
    other connection (of this or another process) commits to the file."""

    def __init__(self, engine: Engine) -> None:
        self._connection: Any = engine.raw_connection()

    def read(self) -> int:
        cursor = self._connection.cursor()
        try:
            return int(cursor.execute("PRAGMA data_version").fetchone()[0])
        finally:
            cursor.close()

    def close(self) -> None:
        self._connection.close()


def commit_counter(engine: Engine) -> CommitCounter | None:
    """A cheap way to ask "did anyone commit?", or None where the store offers none."""
    return CommitCounter(engine) if engine.dialect.name == "sqlite" else None


def mark_as_project(engine: Engine) -> None:
    """Stamp a new file with our application id."""
    with engine.begin() as connection:
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def file_kind(path: Path) -> str:
    """Classify a file: 'project', 'empty', 'foreign' (another SQLite file), 'not_sqlite'."""
    with path.open("rb") as handle:
        head = handle.read(100)
    if not head:
        return "empty"
    if len(head) < 100 or not head.startswith(HEADER):
        return "not_sqlite"
    application_id = int.from_bytes(head[68:72], "big")
    return "project" if application_id == APPLICATION_ID else "foreign"


def backup_file(source: Path, target: Path) -> None:
    """Consistent copy of a project file through SQLite's online backup."""
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()


def integrity_problems(engine: Engine) -> list[str]:
    """SQLite's own page and index check plus its foreign-key check (nothing for other stores)."""
    problems: list[str] = []
    if engine.dialect.name != "sqlite":
        return problems
    with engine.connect() as connection:
        for (row,) in connection.exec_driver_sql("PRAGMA integrity_check"):
            if row != "ok":
                problems.append(f"integrity: {row}")
        for row in connection.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: table {row[0]} row {row[1]} -> {row[2]}")
    return problems
