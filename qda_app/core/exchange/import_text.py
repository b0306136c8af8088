"""Reading the text files of a QDPX: UTF-8 as the standard asks, with or without a byte-order
mark; other encodings are read as the protocol importer reads text files, and reported."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..importers.extracted import ExtractionError
from ..importers.text_reader import decode_text


@dataclass(frozen=True)
class SourceText:
    """A text as written (byte-order mark removed), whether it had one, and its encoding."""

    raw: str
    has_bom: bool
    encoding: str


def decode_source(data: bytes, name: str) -> SourceText:
    """Decode a source or note file; ExtractionError when it is no text."""
    has_bom = data.startswith(codecs.BOM_UTF8)
    try:
        return SourceText(data.decode("utf-8-sig"), has_bom, "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = decode_text(data, name)
    except ExtractionError:
        raise
    return SourceText(text.removeprefix("\ufeff"), text.startswith("\ufeff"), encoding)
