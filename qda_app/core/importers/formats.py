"""Pick the reader for a protocol file by its extension, plus the guards all readers share.

Readers are imported lazily so that opening the app does not pay for pypdf or python-docx.
"""

from __future__ import annotations

import importlib
import math
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

from ..text_normalise import normalise_text
from .extracted import ExtractedText, ExtractionError, TextBuilder

MAX_FILE_BYTES = 50 * 1024 * 1024
# ZIP-based formats: refuse archives that would unpack to more than this (zip bombs).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

# suffix -> (module, function, accepts an `encoding` argument)
_READERS: dict[str, tuple[str, str, bool]] = {
    ".docx": ("docx_reader", "read_docx", False),
    ".odt": ("odt_reader", "read_odt", False),
    ".rtf": ("rtf_reader", "read_rtf", False),
    ".txt": ("text_reader", "read_txt", True),
    ".text": ("text_reader", "read_txt", True),
    ".md": ("markdown_reader", "read_md", True),
    ".markdown": ("markdown_reader", "read_md", True),
    ".pdf": ("pdf_reader", "read_pdf", False),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)


def extract(path: Path, data: bytes | None = None, *, encoding: str | None = None) -> ExtractedText:
    """Read `path` (or the bytes already read from it) into normalised text and blocks.

    `encoding` forces the text encoding of TXT and Markdown files; other formats ignore it.
    """
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ExtractionError("import.legacy_doc", file=name)
    if suffix not in _READERS:
        raise ExtractionError("import.unsupported_format", file=name, suffix=suffix or "—")
    if data is None:
        data = read_file(path)
    _check_size(len(data), name)
    module_name, func_name, takes_encoding = _READERS[suffix]
    module = importlib.import_module(f"{__package__}.{module_name}")
    reader = getattr(module, func_name)
    if takes_encoding:
        return reader(data, name, encoding=encoding)
    return reader(data, name)


def read_file(path: Path) -> bytes:
    """The file's bytes, refusing files over the size limit before reading them."""
    try:
        _check_size(path.stat().st_size, path.name)
        return path.read_bytes()
    except OSError as exc:
        raise ExtractionError(
            "import.read_failed", file=path.name, reason=exc.strerror or type(exc).__name__
        ) from exc


def _check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise ExtractionError(
            "import.too_large", file=name, size_mb=_mb(size), limit_mb=_mb(MAX_FILE_BYTES)
        )


def _mb(size: int) -> int:
    return max(1, math.ceil(size / (1024 * 1024)))


def add_block(builder: TextBuilder, text: str, kind: str = "paragraph", level: int = 0) -> None:
    """Add a block; an empty paragraph or line becomes a blank line between blocks."""
    stripped = text.strip()
    # Printable text keeps its visible characters; only the rest needs the full normalisation.
    if stripped and (stripped.isprintable() or normalise_text(stripped).strip()):
        builder.add(text, kind, level)
    else:
        builder.add_blank()


def finish(
    builder: TextBuilder, fmt: str, file_name: str, encoding: str | None = None
) -> ExtractedText:
    """The result, or the "no text" error when nothing readable was found."""
    if not builder.parts:
        raise ExtractionError("import.no_text", file=file_name)
    return builder.build(fmt, encoding)


def open_zip(data: bytes, file_name: str, corrupt_key: str) -> zipfile.ZipFile:
    """Open a ZIP container, refusing damaged archives and ones that unpack too large."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ExtractionError(corrupt_key, file=file_name) from exc
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise ExtractionError(
            "import.unpacked_too_large", file=file_name, limit_mb=_mb(MAX_UNPACKED_BYTES)
        )
    return archive


def read_member(archive: zipfile.ZipFile, member: str, file_name: str, corrupt_key: str) -> bytes:
    """One member of an archive opened with `open_zip`; a missing or broken one is corrupt."""
    try:
        return archive.read(member)
    except (
        KeyError,
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        zlib.error,
    ) as exc:
        raise ExtractionError(corrupt_key, file=file_name) from exc
