"""The one start-up routine for a project store: create, open, back up and upgrade, or refuse.

A new file is created at the newest revision; an older one is copied to a backup beside it
and then upgraded; a newer, foreign or damaged file is refused and left untouched.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from ..errors import ProjectFileError
from . import migrate, sqlite_specific

URL_SCHEMES = ("sqlite:", "postgresql:", "postgresql+")


def location_to_url(location: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL for either a URL or a path to a project file."""
    text = os.fspath(location)
    if text.startswith(URL_SCHEMES):
        return text
    return sqlite_specific.url_for_path(Path(text))


def create_store_engine(url: str) -> Engine:
    """An engine for the store; per-backend settings are applied here."""
    engine = create_engine(url)
    if sqlite_specific.is_sqlite_url(url):
        sqlite_specific.configure_engine(engine)
    return engine


def _folder_writable(folder: Path) -> bool:
    """Really try to create a file: permission bits alone mislead (root, read-only mounts)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _check_can_create(path: Path) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise ProjectFileError("store.folder_missing", path=str(path), folder=str(folder))
    if not _folder_writable(folder):
        raise ProjectFileError("store.folder_read_only", path=str(path), folder=str(folder))


def _check_existing_file(path: Path) -> None:
    if path.is_dir():
        raise ProjectFileError("store.is_folder", path=str(path))
    try:
        kind = sqlite_specific.file_kind(path)
    except OSError as error:
        raise ProjectFileError("store.unreadable", path=str(path), reason=error.strerror) from error
    if kind == "empty":
        raise ProjectFileError("store.empty_file", path=str(path))
    if kind == "not_sqlite":
        raise ProjectFileError("store.not_a_project", path=str(path))
    if kind == "foreign":
        raise ProjectFileError("store.foreign_database", path=str(path))


def backup_path_for(path: Path, revision: str) -> Path:
    """Where the copy of an older project goes before it is upgraded."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.backup-r{revision}-{stamp}{path.suffix}")


def _backup(path: Path, revision: str) -> Path:
    target = backup_path_for(path, revision)
    if not _folder_writable(target.parent):
        raise ProjectFileError("store.backup_read_only", path=str(path), folder=str(path.parent))
    try:
        sqlite_specific.backup_file(path, target)
    except Exception as error:
        target.unlink(missing_ok=True)
        raise ProjectFileError("store.backup_failed", path=str(path), reason=str(error)) from error
    return target


def create_store(location: str | os.PathLike[str]) -> Engine:
    """Create a new, empty store at the newest schema revision."""
    url = location_to_url(location)
    path = sqlite_specific.path_of_url(url) if sqlite_specific.is_sqlite_url(url) else None
    if path is not None:
        if path.exists():
            raise ProjectFileError("store.already_exists", path=str(path))
        _check_can_create(path)
    engine = create_store_engine(url)
    try:
        if path is not None:
            sqlite_specific.mark_as_project(engine)
        migrate.upgrade(engine)
    except (OperationalError, OSError) as error:
        engine.dispose()
        if path is not None:
            path.unlink(missing_ok=True)
        raise ProjectFileError(
            "store.create_failed", path=str(location), reason=str(error)
        ) from error
    return engine


def open_store(location: str | os.PathLike[str]) -> tuple[Engine, Path | None]:
    """Open an existing store, upgrading an older one after backing it up.

    Returns the engine and, when a backup was made, its path.
    """
    url = location_to_url(location)
    path = sqlite_specific.path_of_url(url) if sqlite_specific.is_sqlite_url(url) else None
    if path is not None:
        if not path.exists():
            raise ProjectFileError("store.not_found", path=str(path))
        _check_existing_file(path)
    engine = create_store_engine(url)
    try:
        revision = _readable_revision(engine, str(location))
        backup = None
        if revision != migrate.head_revision():
            if revision not in migrate.known_revisions():
                raise ProjectFileError(
                    "store.newer_revision", path=str(location), revision=revision
                )
            if path is not None:
                backup = _backup(path, revision)
            try:
                migrate.upgrade(engine)
            except DatabaseError as error:
                raise ProjectFileError(
                    "store.upgrade_failed", path=str(location), reason=str(error.orig)
                ) from error
    except Exception:
        engine.dispose()
        raise
    return engine, backup


def _readable_revision(engine: Engine, location: str) -> str:
    try:
        tables = set(inspect(engine).get_table_names())
        revision = migrate.current_revision(engine)
    except DatabaseError as error:
        raise ProjectFileError("store.damaged", path=location, reason=str(error.orig)) from error
    if revision is None or "project_info" not in tables:
        raise ProjectFileError("store.foreign_database", path=location)
    return revision
