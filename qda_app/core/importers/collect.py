"""Turning the paths a user chose (files and folders) into the list of files to import."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..i18n import tr


def _supported() -> tuple[str, ...]:
    from .formats import SUPPORTED_SUFFIXES

    return tuple(SUPPORTED_SUFFIXES)


PROJECT_SUFFIXES = (".qda", ".qda-journal")


def _skippable(path: Path) -> bool:
    """Hidden files, Word's lock files (~$name.docx) and project files left out silently."""
    return path.name.startswith((".", "~$")) or path.suffix.casefold() in PROJECT_SUFFIXES


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
        if path.is_dir():
            pattern = "**/*" if recursive else "*"
            found = sorted(p for p in path.glob(pattern) if p.is_file() and not _skippable(p))
            chosen = [p for p in found if p.suffix.casefold() in _supported()]
            for other in found:
                if other not in chosen:
                    notes.append(tr("batch.ignored_in_folder", file=str(other)))
        else:
            chosen = [path]
        for file in chosen:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, notes
