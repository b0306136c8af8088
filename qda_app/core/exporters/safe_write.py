"""Writing an export file safely: never over an existing file unless asked, and never a
half-written file (the writer fills a temporary name in the same folder, then it is renamed)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from ..errors import QdaError


class ExportFileExistsError(QdaError):
    """The export would overwrite a file and `force` was not given."""


class ExportWriteError(QdaError):
    """The export file cannot be written (folder missing rights, disk full …)."""


def check_free(paths: list[Path], *, force: bool) -> None:
    """Refuse before anything is written when one of the files exists already."""
    if force:
        return
    for path in paths:
        if path.exists():
            raise ExportFileExistsError("exports.exists", path=str(path))


def write_safely(path: Path, writer: Callable[[Path], None], *, force: bool = False) -> Path:
    """Let `writer` fill a temporary file next to `path`, then rename it to `path`."""
    check_free([path], force=force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportWriteError("exports.cannot_write", path=str(path), reason=str(error)) from error
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.part{path.suffix}")
    try:
        writer(temporary)
        os.replace(temporary, path)
    except OSError as error:
        raise ExportWriteError("exports.cannot_write", path=str(path), reason=str(error)) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return path
