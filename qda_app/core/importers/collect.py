"""Turning the paths a user chose (files and folders) into the list of files to import.

Folders are walked without following links to other folders (no loops); a folder that cannot
be read, a device, pipe or broken link found inside a folder and a file of another format are
each reported in one note instead of being skipped silently.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..i18n import tr
from .file_access import shown_path


def _supported() -> tuple[str, ...]:
    from .formats import SUPPORTED_SUFFIXES

    return tuple(SUPPORTED_SUFFIXES)


PROJECT_SUFFIXES = (".qda", ".qda-journal")


def _skippable(path: Path) -> bool:
    """Hidden files, Word's lock files (~$name.docx) and project files left out silently."""
    return path.name.startswith((".", "~$")) or path.suffix.casefold() in PROJECT_SUFFIXES


def _walk(folder: Path, recursive: bool, notes: list[str]) -> list[Path]:
    """Regular files in the folder (and its subfolders), every problem noted on the way."""
    found: list[Path] = []
    problems: list[tuple[Path, str]] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            message = tr("hardening.folder_unreadable", folder=shown_path(current), reason=reason)
            problems.append((current, message))
            continue
        for entry in listed:
            path = Path(entry.path)
            try:
                is_link = entry.is_symlink()
                is_folder = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file()  # follows a link to a regular file
            except OSError:
                is_link = is_folder = is_file = False
            if is_folder:
                if recursive:
                    pending.append(path)
            elif _skippable(path):
                continue
            elif is_file:
                found.append(path)
            elif is_link and _points_to_folder(path):
                problems.append((path, tr("hardening.link_to_folder", file=shown_path(path))))
            else:
                message = tr("hardening.not_regular_in_folder", file=shown_path(path))
                problems.append((path, message))
    notes.extend(message for _, message in sorted(problems))
    return sorted(found)


def _points_to_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def collect_files(
    paths: Iterable[Path | str], recursive: bool = True
) -> tuple[list[Path], list[str]]:
    """Files named directly are always tried (a wrong format gets a clear message later);
    folders contribute their supported files, sorted by name. Returns files and notes."""
    files: list[Path] = []
    notes: list[str] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if _points_to_folder(path):
            found = _walk(path, recursive, notes)
            chosen = [p for p in found if p.suffix.casefold() in _supported()]
            for other in found:
                if other.suffix.casefold() not in _supported():
                    notes.append(tr("batch.ignored_in_folder", file=shown_path(other)))
        else:
            chosen = [path]
        for file in chosen:
            key = _identity(file)
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, notes


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: the path itself is the best key
        return path.absolute()
