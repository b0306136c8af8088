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

CAUSES = ("busy", "read_only", "disk_full", "damaged", "io_error", "cannot_open")

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
}


def cause_of(error: BaseException) -> str | None:
    """One of CAUSES for a driver error (or SQLAlchemy's wrapper of one), else None."""
    original = getattr(error, "orig", None) or error
    cause = sqlite_specific.failure_cause(original)
    if cause is None:
        code = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
        cause = _POSTGRES_CAUSES.get(code or "")
    return cause


def error_for(cause: str, display: str) -> ProjectFileError:
    """The user's sentence for a cause, naming the project as the user named it."""
    return ProjectFileError(f"storage.{cause}", path=display)


def translate_errors(engine: Engine, display: str) -> None:
    """Make `engine` raise our sentences for the causes above (see module docstring)."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        cause = cause_of(context.original_exception)
        if cause is not None:
            raise error_for(cause, display) from context.original_exception
