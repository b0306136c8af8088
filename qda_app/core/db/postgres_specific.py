"""Everything in the core that knows the store is a PostgreSQL server lives in this module.

A shared project is one database on a server. Writers serialise as on SQLite: a writing
transaction first takes one transaction-level advisory lock (SQLite's BEGIN IMMEDIATE), so a
command never reads a state that another client changes before it writes; readers never
wait. A command that changed rows sends a NOTIFY in its transaction, so open windows hear of
it as soon as it commits (LISTEN on a connection held open for the purpose).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url

from .write_access import WRITE_OPTION

# The advisory lock every writing transaction takes ("QDA1" as a number).
WRITE_LOCK_KEY = 0x51444131
CHANNEL = "qda_changes"
# How long a writer waits for another writer before the user is told the project is busy.
LOCK_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10
DRIVER = "postgresql+psycopg"


def is_postgres_url(url: str) -> bool:
    """True for postgresql:// and postgresql+driver:// URLs."""
    return url.startswith(("postgresql:", "postgresql+", "postgres:"))


def driver_url(url: str) -> URL:
    """The URL with psycopg 3 as the driver (a plain postgresql:// would ask for psycopg2)."""
    if url.startswith("postgres:"):
        url = "postgresql:" + url[len("postgres:") :]
    parsed = make_url(url)
    return parsed.set(drivername=DRIVER)


def masked(url: str) -> str:
    """The URL as messages show it: no password, plain postgresql:// scheme."""
    return driver_url(url).set(drivername="postgresql").render_as_string(hide_password=True)


def without_password(url: str) -> str:
    """The URL as given but with no password (it may be kept, e.g. in a list of recent ones)."""
    parsed = make_url(_plain_scheme(url))
    bare = URL.create(
        parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database
    ).update_query_dict(dict(parsed.query))
    return bare.render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    parsed = make_url(_plain_scheme(url))
    if password:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)


def _plain_scheme(url: str) -> str:
    return "postgresql:" + url[len("postgres:") :] if url.startswith("postgres:") else url


def database_name(url: str) -> str:
    return driver_url(url).database or "qda"


def create_server_engine(url: str) -> Engine:
    """An engine for a project on a server: writers take the write lock when they begin."""
    engine = create_engine(
        driver_url(url),
        pool_recycle=600,  # servers drop idle connections; no ping per checkout (a round trip)
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "qda"},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
        dbapi_connection.autocommit = autocommit

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(WRITE_OPTION, False):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")

    return engine


def announce_commit(connection: Connection) -> None:
    """Tell listening clients, when this transaction commits, that the project changed."""
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"NOTIFY {CHANNEL}"))


class NotificationCounter:
    """Counts the NOTIFYs of committed changes, on a connection held open to LISTEN."""

    def __init__(self, engine: Engine) -> None:
        self._raw: Any = engine.raw_connection()
        self._connection: Any = self._raw.driver_connection
        assert self._connection is not None
        self._connection.autocommit = True
        self._connection.execute(f"LISTEN {CHANNEL}")
        self._count = 0

    def read(self) -> int:
        """The number of commits heard of so far (it changes when anyone commits)."""
        for _ in self._connection.notifies(timeout=0):
            self._count += 1
        return self._count

    def fileno(self) -> int:
        return int(self._connection.fileno())

    def close(self) -> None:
        try:
            self._connection.execute(f"UNLISTEN {CHANNEL}")
        finally:
            self._raw.invalidate()  # not back into the pool in autocommit mode
