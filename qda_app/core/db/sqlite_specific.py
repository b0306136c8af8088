"""Everything in the core that knows the store is an SQLite file lives in this module.

Other modules address the store by SQLAlchemy URL only, so the same code runs on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from .file_location import is_network_folder
from .write_access import WRITE_OPTION

# "QDA1": written into the file header so foreign SQLite files are told apart from ours.
APPLICATION_ID = 0x51444131
HEADER = b"SQLite format 3\x00"
# How long a writer waits for another writer (one imported file commits within seconds).
BUSY_TIMEOUT_MS = 10_000
_WRITES_SEEN = "qda_total_changes"

# SQLite's primary result codes (extended codes carry them in the low byte).
_CAUSES = {
    3: "read_only",  # SQLITE_PERM
    5: "busy",  # SQLITE_BUSY
    6: "busy",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    10: "io_error",  # SQLITE_IOERR
    11: "damaged",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    14: "cannot_open",  # SQLITE_CANTOPEN
    26: "damaged",  # SQLITE_NOTADB
}


def is_sqlite_url(url: str) -> bool:
    """True when the URL addresses an SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def url_for_path(path: Path) -> str:
    """The SQLAlchemy URL of a project file."""
    return f"sqlite:///{path.resolve()}"


def path_of_url(url: str) -> Path | None:
    """The file behind an SQLite URL (also a `file:` URI one), or None for an in-memory one."""
    parsed = make_url(url)
    database = parsed.database
    if not database or database == ":memory:":
        return None
    if parsed.query.get("uri") == "true" and database.startswith("file:"):
        return Path(unquote(urlsplit(database).path))
    return Path(database)


def asks_read_only(url: str) -> bool:
    """True for a URI URL that opens the file read-only (`?mode=ro&uri=true`)."""
    query = make_url(url).query
    return query.get("uri") == "true" and query.get("mode") == "ro"


def create_file_engine(path: Path, *, read_only: bool) -> Engine:
    """An engine for a project file; a read-only one cannot write even when run as root."""
    url = url_for_path(path)
    if not read_only:
        engine = create_engine(url)
    else:
        uri = f"{path.resolve().as_uri()}?{_read_only_query(path)}"
        engine = create_engine(
            url, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )
    configure_engine(engine)
    return engine


def _read_only_query(path: Path) -> str:
    """`mode=ro`. A WAL file that nobody has open (no -wal, no -shm beside it) is opened as
    immutable: a read-only connection could not remove the -wal and -shm files SQLite would
    otherwise create, and they would stay beside a file the user may not change."""
    with path.open("rb") as handle:
        wal_mode = handle.read(20)[18:19] == b"\x02"
    helpers = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    if wal_mode and not any(helper.exists() for helper in helpers):
        return "mode=ro&immutable=1"
    return "mode=ro"


def configure_engine(engine: Engine) -> None:
    """Foreign keys on, full durability, waiting for a busy file, our own BEGIN, checkpoints.

    pysqlite would begin transactions only before INSERT/UPDATE/DELETE, so DDL (upgrades)
    ran outside any transaction; here every transaction starts with an explicit BEGIN.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN/COMMIT from pysqlite
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.close()
        record.info[_WRITES_SEEN] = dbapi_connection.total_changes

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: sqlite3.Connection | None, record: Any) -> None:
        """After a write, copy the WAL into the file: the .qda alone then holds everything."""
        if dbapi_connection is None or dbapi_connection.in_transaction:
            return
        changes = dbapi_connection.total_changes
        if changes != record.info.get(_WRITES_SEEN):
            record.info[_WRITES_SEEN] = changes
            # What this one cannot copy (a reader still needs old pages), a later one or
            # closing the project does.
            with suppress(sqlite3.Error):
                dbapi_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


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


def use_suitable_journal(engine: Engine, path: Path) -> None:
    """WAL journal (readers never wait for a writer) on local disks; the classic rollback
    journal on network folders, where SQLite's WAL shared memory does not work.

    Switching needs the file to itself; while another program has it open the file keeps
    its journal (both work, WAL just lets readers go on during a write).
    """
    mode = "DELETE" if is_network_folder(path.parent) else "WAL"
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        if raw is not None and not raw.in_transaction:
            raw.execute("PRAGMA busy_timeout = 200")  # not worth waiting for: next open
            with suppress(sqlite3.Error):
                raw.execute(f"PRAGMA journal_mode = {mode}").fetchall()
            raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def mark_as_project(connection: Connection) -> None:
    """Stamp a new file with our application id."""
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
    # (A connection's own `with` only ends a transaction; it never closes the connection,
    # and an open reader keeps the source's -wal and -shm files until it is collected.)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def passes_quick_check(engine: Engine) -> bool:
    """SQLite's quick check of every page of the file (b-tree structure, free list, records).

    It reads the whole file once; on the large benchmark project it takes tens of
    milliseconds (see benchmarks/README.md). Unlike integrity_check it skips comparing
    indexes with their tables, which `qda check` does.
    """
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA quick_check").fetchall()
    return [row[0] for row in rows] == ["ok"]


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


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table_structure(connection: Connection, table: str) -> dict[str, Any]:
    name = _quoted(table)
    columns = {
        row[1]: (str(row[2]).upper(), bool(row[3]), row[4], row[5])
        for row in connection.exec_driver_sql(f"PRAGMA table_info({name})")
    }
    indexes = {}
    for row in connection.exec_driver_sql(f"PRAGMA index_list({name})").fetchall():
        index_columns = [
            info[2] for info in connection.exec_driver_sql(f"PRAGMA index_info({_quoted(row[1])})")
        ]
        key = row[1] if row[3] == "c" else f"{row[3]}:{','.join(map(str, index_columns))}"
        indexes[key] = (bool(row[2]), tuple(index_columns))
    foreign_keys = sorted(
        (row[2], row[3], str(row[4]), row[5], row[6])
        for row in connection.exec_driver_sql(f"PRAGMA foreign_key_list({name})")
    )
    return {"columns": columns, "indexes": indexes, "foreign_keys": foreign_keys}


def schema_structure(connection: Connection) -> dict[str, Any]:
    """The structure of the database behind `connection` (tables of SQLite itself left out)."""
    objects = connection.exec_driver_sql(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger') "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    result: dict[str, Any] = {}
    for kind, name in objects:
        result[f"{kind} {name}"] = _table_structure(connection, name) if kind == "table" else {}
    return result


def failure_cause(error: BaseException) -> str | None:
    """What an SQLite error means for the user: busy, read_only, disk_full, damaged, io_error,
    cannot_open; None for anything else (constraints, programming errors)."""
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(error, sqlite3.Error) or code is None:
        return None
    return _CAUSES.get(code & 0xFF)
