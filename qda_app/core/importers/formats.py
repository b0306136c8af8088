"""Pick the reader for a protocol file by its extension, plus the guards all readers share.

Readers are imported lazily so that opening the app does not pay for pypdf or python-docx.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Collection
from pathlib import Path

from ..text_normalise import normalise_text
from . import zip_guard
from .extracted import ExtractedText, ExtractionError, TextBuilder
from .file_access import read_regular_file, shown_name

MAX_FILE_BYTES = 50 * 1024 * 1024

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
    name = shown_name(path)
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
    """The bytes of a regular file, refusing special files and files over the size limit
    before reading them."""
    name = shown_name(path)
    return read_regular_file(
        path,
        MAX_FILE_BYTES,
        failed=lambda reason: ExtractionError("import.read_failed", file=name, reason=reason),
        not_regular=lambda: ExtractionError("hardening.not_regular_file", file=name),
        too_large=lambda size: _too_large(size, name),
    )


def _check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise _too_large(size, name)


def _too_large(size: int, name: str) -> ExtractionError:
    return ExtractionError(
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


def checked_zip(
    data: bytes,
    file_name: str,
    corrupt_key: str,
    keep: Collection[str] = (),
    only: Collection[str] | None = None,
) -> dict[str, bytes]:
    """Check a ZIP container member by member (see `zip_guard`); the members named in `keep`.

    Damaged archives get `corrupt_key`; bombs, encrypted members and XML parts with a DTD get
    their own message naming the file.
    """
    try:
        return zip_guard.inspect_zip(data, keep, only)
    except zip_guard.ZipProblem as problem:
        if problem.reason == "encrypted":
            raise ExtractionError("import.encrypted", file=file_name) from problem
        if problem.reason == "too_large":
            raise ExtractionError(
                "import.unpacked_too_large",
                file=file_name,
                limit_mb=_mb(zip_guard.MAX_UNPACKED_BYTES),
            ) from problem
        if problem.reason == "members":
            raise ExtractionError(
                "hardening.zip_too_many_members", file=file_name, limit=zip_guard.MAX_MEMBERS
            ) from problem
        if problem.reason == "dtd":
            raise ExtractionError("hardening.xml_dtd", file=file_name) from problem
        if problem.reason == "mismatch":
            raise ExtractionError("hardening.zip_size_mismatch", file=file_name) from problem
        raise ExtractionError(corrupt_key, file=file_name) from problem
