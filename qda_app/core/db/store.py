"""The one start-up routine for a project store: create, open, back up and upgrade, or refuse.

A new file is created at the newest revision. Opening checks the file first (header, SQLite's
quick check of every page, schema revision) and never writes to a file it refuses. An older
file must have exactly its revision's structure; it is copied to a backup beside it and
upgraded in one transaction, so a failed upgrade leaves it byte-identical (and the backup is
removed). A file this process may not write is opened read-only and never upgraded.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError

from ..errors import ProjectFileError
from . import migrate, postgres_specific, revision_structure, sqlite_specific, store_errors
from .file_location import folder_writable
from .write_access import writer

URL_SCHEMES = ("sqlite:", "postgresql:", "postgresql+", "postgres:")


def location_to_url(location: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL for either a URL or a path to a project file."""
    text = os.fspath(location)
    if text.startswith(URL_SCHEMES):
        return text
    return sqlite_specific.url_for_path(Path(text))


def display_name(location: str | os.PathLike[str]) -> str:
    """How messages name a store: the path as given, or the URL without its password."""
    text = os.fspath(location)
    if not text.startswith(URL_SCHEMES):
        return text
    if postgres_specific.is_postgres_url(text):
        return postgres_specific.masked(text)
    path = _file_of(text)
    return str(path) if path is not None else make_url(text).render_as_string(hide_password=True)


def without_password(location: str) -> str:
    """A server URL without its password; a path as it is."""
    if postgres_specific.is_postgres_url(location):
        return postgres_specific.without_password(location)
    return location


def is_server(location: str | os.PathLike[str]) -> bool:
    """True when the project lives on a database server rather than in a file."""
    return postgres_specific.is_postgres_url(os.fspath(location))


def title_of(location: str | os.PathLike[str]) -> str:
    """A short name for a project: the file name without suffix, or the database name."""
    text = os.fspath(location)
    if postgres_specific.is_postgres_url(text):
        return postgres_specific.database_name(text)
    return Path(text).stem


def _file_of(url: str) -> Path | None:
    return sqlite_specific.path_of_url(url) if sqlite_specific.is_sqlite_url(url) else None


def create_store_engine(url: str, *, display: str | None = None, read_only: bool = False) -> Engine:
    """An engine for the store; per-backend settings and the error sentences are applied here."""
    path = _file_of(url)
    if path is not None:
        engine = sqlite_specific.create_file_engine(path, read_only=read_only)
    elif postgres_specific.is_postgres_url(url):
        engine = postgres_specific.create_server_engine(url)
    else:
        engine = create_engine(url)
        if sqlite_specific.is_sqlite_url(url):
            sqlite_specific.configure_engine(engine)
    store_errors.translate_errors(engine, display or display_name(url))
    return engine


def _check_can_create(path: Path, display: str) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise ProjectFileError("store.folder_missing", path=display, folder=str(folder))
    if not folder_writable(folder):
        raise ProjectFileError("store.folder_read_only", path=display, folder=str(folder))


def _check_existing_file(path: Path, display: str) -> None:
    if not path.exists():
        raise ProjectFileError("store.not_found", path=display)
    if path.is_dir():
        raise ProjectFileError("store.is_folder", path=display)
    try:
        kind = sqlite_specific.file_kind(path)
    except OSError as error:
        raise ProjectFileError("store.unreadable", path=display, reason=error.strerror) from error
    if kind == "empty":
        raise ProjectFileError("store.empty_file", path=display)
    if kind == "not_sqlite":
        raise ProjectFileError("store.not_a_project", path=display)
    if kind == "foreign":
        raise ProjectFileError("store.foreign_database", path=display)


def _writable(path: Path, url: str) -> bool:
    """May this process change the file (and create SQLite's journal files beside it)?"""
    if sqlite_specific.asks_read_only(url):
        return False
    return os.access(path, os.W_OK) and folder_writable(path.parent)


def backup_path_for(path: Path, revision: str) -> Path:
    """Where the copy of an older project goes before it is upgraded."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.backup-r{revision}-{stamp}{path.suffix}")


def _backup(path: Path, revision: str, display: str) -> Path:
    target = backup_path_for(path, revision)
    if not folder_writable(target.parent):
        raise ProjectFileError("store.backup_read_only", path=display, folder=str(path.parent))
    try:
        sqlite_specific.backup_file(path, target)
    except Exception as error:
        target.unlink(missing_ok=True)
        raise ProjectFileError("storage.backup_failed", path=display) from error
    return target


def create_store(
    location: str | os.PathLike[str], fill: Callable[[Connection], None] | None = None
) -> Engine:
    """Create a new, empty store at the newest schema revision.

    `fill` writes rows in the same transaction (a copied project): if it fails, nothing of
    the new store is left behind."""
    url = location_to_url(location)
    display = display_name(location)
    path = _file_of(url)
    if path is not None:
        if path.exists():
            raise ProjectFileError("store.already_exists", path=display)
        _check_can_create(path, display)
    engine = create_store_engine(url, display=display)
    try:
        if path is None:
            _check_server_empty(engine, display)
        with writer(engine).begin() as connection:
            if path is not None:
                sqlite_specific.mark_as_project(connection)
            migrate.upgrade_in(connection)
            if fill is not None:
                fill(connection)
        if path is not None:
            sqlite_specific.use_suitable_journal(engine, path)
    except BaseException as error:
        engine.dispose()
        if path is not None:
            path.unlink(missing_ok=True)
        if isinstance(error, ProjectFileError) or not isinstance(error, (DatabaseError, OSError)):
            raise
        raise ProjectFileError("storage.create_failed", path=display) from error
    return engine


def open_store(location: str | os.PathLike[str]) -> tuple[Engine, Path | None]:
    """Open an existing store, upgrading an older one after backing it up.

    Returns the engine and, when a backup was made, its path.
    """
    url = location_to_url(location)
    display = display_name(location)
    path = _file_of(url)
    writable = True
    if path is not None:
        _check_existing_file(path, display)
        writable = _writable(path, url)
    engine = create_store_engine(url, display=display, read_only=not writable)
    try:
        if path is not None and not sqlite_specific.passes_quick_check(engine):
            raise store_errors.error_for("damaged", display)
        revision = _readable_revision(engine, display)
        backup = None
        if revision != migrate.head_revision():
            backup = _upgrade(engine, path, revision, display, writable)
        if path is not None and writable:
            sqlite_specific.use_suitable_journal(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return engine, backup


def _upgrade(
    engine: Engine, path: Path | None, revision: str, display: str, writable: bool
) -> Path | None:
    """Back up and upgrade an older store in one transaction; refuse what cannot be."""
    if revision not in migrate.known_revisions():
        newer = revision[:4].isdigit() and revision[:4] > migrate.head_revision()[:4]
        key = "store.newer_revision" if newer else "storage.unknown_revision"
        raise ProjectFileError(key, path=display, revision=revision)
    if not writable:
        raise ProjectFileError("storage.upgrade_read_only", path=display, revision=revision)
    if path is not None and revision_structure.differences(engine, revision):
        raise ProjectFileError("storage.structure_differs", path=display, revision=revision)
    backup = _backup(path, revision, display) if path is not None else None
    try:
        migrate.upgrade(engine)
    except BaseException as error:
        if backup is not None:
            backup.unlink(missing_ok=True)
        if isinstance(error, ProjectFileError) or not isinstance(error, Exception):
            raise
        raise ProjectFileError("storage.upgrade_failed", path=display, revision=revision) from error
    return backup


def _check_server_empty(engine: Engine, display: str) -> None:
    """A project is created only in an empty database (never over someone's tables)."""
    try:
        tables = inspect(engine).get_table_names()
    except DatabaseError as error:
        raise server_error(error, display) from error
    if tables:
        raise ProjectFileError("store.already_exists", path=display)


def server_error(error: BaseException, display: str) -> ProjectFileError:
    """The sentence for a server that cannot be reached or refuses the login (no password)."""
    return ProjectFileError("server.cannot_connect", path=display)


def _readable_revision(engine: Engine, display: str) -> str:
    try:
        tables = set(inspect(engine).get_table_names())
        revision = migrate.current_revision(engine)
    except DatabaseError as error:
        if engine.dialect.name == "postgresql":
            raise server_error(error, display) from error
        raise store_errors.error_for("damaged", display) from error
    if revision is None or "project_info" not in tables:
        raise ProjectFileError("store.foreign_database", path=display)
    return revision
