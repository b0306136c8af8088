"""Database failures the user can act on, said in one sentence without SQL, URLs or passwords.

Every engine of a project store raises `ProjectFileError("storage.<cause>")` instead of the
driver's error when the cause is one of: the file is busy (another writer), read-only, the
disk is full, the file is damaged, the disk or network failed, or the file cannot be
opened. The translation happens once, in the engine's error hook, so commands, undo/redo,
reads and upgrades all say the same thing. Other errors (constraints) pass unchanged.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

from ..errors import ProjectFileError
from . import sqlite_specific

CAUSES = ("busy", "read_only", "disk_full", "damaged", "io_error", "cannot_open", "unreachable")

# PostgreSQL SQLSTATE codes (psycopg exposes them as `pgcode` / `sqlstate`).
_POSTGRES_CAUSES = {
    "55P03": "busy",  # lock_not_available
    "40001": "busy",  # serialization_failure
    "40P01": "busy",  # deadlock_detected
    "25006": "read_only",  # read_only_sql_transaction
    "42501": "read_only",  # insufficient_privilege
    "53100": "disk_full",
    "XX001": "damaged",  # data_corrupted
    "XX002": "damaged",  # index_corrupted
    "28P01": "unreachable",  # invalid_password
    "28000": "unreachable",  # invalid_authorization_specification
    "3D000": "unreachable",  # invalid_catalog_name (no such database)
    "57P01": "unreachable",  # admin_shutdown
    "08006": "unreachable",  # connection_failure
    "08001": "unreachable",  # unable to connect
}
# Keys of causes whose sentence is not storage.<cause>.
_KEYS = {"unreachable": "server.cannot_connect"}


def cause_of(error: BaseException) -> str | None:
    """One of CAUSES for a driver error (or SQLAlchemy's wrapper of one), else None."""
    original = getattr(error, "orig", None) or error
    cause = sqlite_specific.failure_cause(original)
    if cause is None:
        code = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
        cause = _POSTGRES_CAUSES.get(code or "")
        if cause is None and code is None and _is_postgres_connection_error(original):
            cause = "unreachable"  # refused before any SQL state: no server, wrong host
    return cause


def _is_postgres_connection_error(error: BaseException) -> bool:
    kind = type(error)
    return kind.__module__.startswith("psycopg") and kind.__name__ == "OperationalError"


def error_for(cause: str, display: str) -> ProjectFileError:
    """The user's sentence for a cause, naming the project as the user named it."""
    return ProjectFileError(_KEYS.get(cause, f"storage.{cause}"), path=display)


def translate_errors(engine: Engine, display: str) -> None:
    """Make `engine` raise our sentences for the causes above (see module docstring)."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        cause = cause_of(context.original_exception)
        if cause is not None:
            raise error_for(cause, display) from context.original_exception
