"""Moving a project between a file and a server: `push` copies a project file into an empty
server database, `pull` copies a server project into a new file. Nothing is lost: every
table (change log, original files, exchange GUIDs …) with its ids and id counters."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .db import project_copy, store
from .errors import ProjectFileError


@dataclass(frozen=True)
class TransferSummary:
    source: str  # as messages show it (no password)
    target: str
    rows: int
    tables: int


def _require_file(location: str | os.PathLike[str]) -> None:
    if store.is_server(location) or os.fspath(location).startswith("sqlite:"):
        raise ProjectFileError("server.not_a_file", path=store.display_name(location))


def _require_server(location: str | os.PathLike[str]) -> None:
    if not store.is_server(location):
        raise ProjectFileError("server.not_a_server", path=store.display_name(location))


def push(file: str | os.PathLike[str], url: str, actor: str) -> TransferSummary:
    """Copy the project file into the (empty) database at `url`."""
    _require_file(file)
    _require_server(url)
    return _copy(file, url, actor)


def pull(url: str, file: str | os.PathLike[str], actor: str) -> TransferSummary:
    """Copy the project on the server into a new project file."""
    _require_server(url)
    _require_file(file)
    if Path(file).exists():
        raise ProjectFileError("store.already_exists", path=os.fspath(file))
    return _copy(url, file, actor)


def _copy(source: str | os.PathLike[str], target: str | os.PathLike[str], actor: str):  # noqa: ANN202
    rows = project_copy.copy_project(source, target, actor)
    return TransferSummary(
        store.display_name(source),
        store.display_name(target),
        rows,
        len(project_copy.copied_tables()),
    )
