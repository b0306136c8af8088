"""Plain-text protocols: detect the encoding without guessing silently, one block per line.

Detection order: byte-order mark, UTF-16 without BOM (NUL bytes in alternate positions),
strict UTF-8, strict cp1252. Nothing is ever decoded with replacement characters.
"""

from __future__ import annotations

import codecs
import re

from ..text_normalise import normalise_text
from .extracted import ExtractedText, ExtractionError, TextBuilder
from .formats import add_block, finish

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that do not occur in text files (tab, LF, FF and CR do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.10
_UTF16_SAMPLE = 64 * 1024


def read_txt(data: bytes, file_name: str, *, encoding: str | None = None) -> ExtractedText:
    """A plain-text file as one paragraph block per non-empty line."""
    text, used = decode_text(data, file_name, encoding)
    builder = TextBuilder()
    for line in normalise_text(text).split("\n"):
        add_block(builder, line.rstrip())
    return finish(builder, "txt", file_name, used)


def decode_text(data: bytes, file_name: str, encoding: str | None = None) -> tuple[str, str]:
    """The decoded text and the encoding used; `encoding` overrides detection."""
    if encoding is not None:
        text, used = _decode_forced(data, file_name, encoding)
    else:
        text, used = _detect(data, file_name)
    if not text.strip("\ufeff \t\r\n\f\v"):
        raise ExtractionError("import.no_text", file=file_name)
    if "\x00" in text or _too_many_controls(text):
        raise ExtractionError("import.not_text", file=file_name)
    return text, used


def _too_many_controls(text: str) -> bool:
    """More than a tenth control characters; counted without a list of every match."""
    allowed = _MAX_CONTROL_SHARE * len(text)
    return any(count > allowed for count, _ in enumerate(_CONTROL.finditer(text), start=1))


def _decode_forced(data: bytes, file_name: str, encoding: str) -> tuple[str, str]:
    try:
        name = codecs.lookup(encoding).name
    except LookupError as exc:
        raise ExtractionError(
            "import.unknown_encoding_name", file=file_name, encoding=encoding
        ) from exc
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, UnicodeError) as exc:
        raise ExtractionError("import.wrong_encoding", file=file_name, encoding=name) from exc


def _detect(data: bytes, file_name: str) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise ExtractionError("import.unknown_encoding", file=file_name) from exc
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise ExtractionError("import.not_text", file=file_name)
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise ExtractionError("import.not_text", file=file_name) from exc
    for name in ("utf-8", "cp1252"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise ExtractionError("import.unknown_encoding", file=file_name)


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the NUL bytes look like high bytes of Latin text."""
    if len(data) % 2:
        return None
    sample = data[:_UTF16_SAMPLE]
    first, second = sample[0::2], sample[1::2]
    units = len(first)
    if any(a == 0 and b == 0 for a, b in zip(first, second, strict=True)):
        return None  # U+0000 does not occur in text
    for high, name in ((second, "utf-16-le"), (first, "utf-16-be")):
        if high.count(0) >= 0.6 * units:
            return name
    return None
