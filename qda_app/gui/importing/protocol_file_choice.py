"""Choosing protocol files to import: file and folder choosers, and files dropped from outside."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QFileDialog, QWidget

from ...core.i18n import tr
from ...core.importers.formats import SUPPORTED_SUFFIXES


def protocol_file_filter() -> str:
    """ "Protokolle (*.docx *.odt …);;Alle Dateien (*)" in the UI language."""
    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
    return f"{tr('gui.import.filter_protocols')} ({patterns});;{tr('gui.import.filter_all')} (*)"


def choose_protocol_files(parent: QWidget | None, folder: str) -> list[Path]:
    paths, _filter = QFileDialog.getOpenFileNames(
        parent, tr("gui.import.choose_files_title"), folder, protocol_file_filter()
    )
    return [Path(path) for path in paths]


def choose_protocol_folder(parent: QWidget | None, folder: str) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, tr("gui.import.choose_folder_title"), folder)
    return Path(path) if path else None


def dropped_paths(mime: QMimeData | None) -> list[Path]:
    """The local files and folders in a drag (links to web pages are not protocols)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
