"""ZIP containers (DOCX, ODT, XLSX) checked before any library reads them.

Every member is inflated once in small chunks while its bytes are counted, so a member that
claims 4 KB but inflates to gigabytes is stopped after its claimed size instead of filling
memory. The archive is refused when it has too many members, would unpack to too much, packs
a member more tightly than real documents do, lies about a member's size or checksum, is
encrypted, or when an XML part declares a DTD: office formats never contain one, and a DTD is
what entity expansion (billion laughs) and external entities need.

After `inspect_zip` succeeded, reading any member with `zipfile` produces exactly the checked
bytes, so python-docx and openpyxl may read the archive themselves.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Collection
from io import BytesIO

MAX_MEMBERS = 10_000
MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_XML_BYTES = 64 * 1024 * 1024  # all XML parts together (they are parsed into trees)
# Real documents pack XML about 5-30 : 1; deflate cannot exceed about 1032 : 1.
MAX_RATIO = 200
RATIO_FLOOR = 8 * 1024 * 1024  # small members may be packed as tightly as they like
_CHUNK = 64 * 1024
_END_OF_DIRECTORY = b"PK\x05\x06"
_LOCAL_HEADER = b"PK\x03\x04"
_DOCTYPE = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_DOCTYPE += tuple("<!DOCTYPE".encode(codec) for codec in ("utf-32-le", "utf-32-be"))
_CARRY = max(len(pattern) for pattern in _DOCTYPE) - 1
_XML_SUFFIXES = (".xml", ".rels", ".vml")
# Parts searched for a DTD: all but pictures and embedded files (an SVG may carry a DOCTYPE,
# and no reader parses these as XML). A part's name does not decide how python-docx reads it.
_NOT_SCANNED = (
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg", ".wdp",
    ".jfif", ".ico", ".webp", ".heic", ".odttf", ".ttf", ".otf", ".bin", ".xlsx", ".xlsm",
    ".docx", ".pptx", ".odt", ".ods", ".odp", ".zip", ".mp3", ".mp4", ".wav", ".avi", ".mov",
)  # fmt: skip


class ZipProblem(Exception):
    """Why an archive is refused: "corrupt", "encrypted", "too_large", "members", "dtd", or
    "mismatch" (a member inflates to more than the archive claims)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def inspect_zip(
    data: bytes, keep: Collection[str] = (), only: Collection[str] | None = None
) -> dict[str, bytes]:
    """Check every member of the archive (or those named in `only`); returns the bytes of the
    members named in `keep`."""
    _check_directory_size(data)
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ZipProblem("corrupt") from exc
    if len(infos) > MAX_MEMBERS:
        raise ZipProblem("members")
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise ZipProblem("too_large")
    xml_parts = [info for info in infos if info.filename.lower().endswith(_XML_SUFFIXES)]
    if sum(info.file_size for info in xml_parts) > MAX_XML_BYTES:
        raise ZipProblem("too_large")
    kept: dict[str, bytes] = {}
    for info in infos:
        if only is not None and info.filename not in only:
            continue
        if info.flag_bits & 0x1:
            raise ZipProblem("encrypted")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * info.compress_size:
            raise ZipProblem("too_large")
        chunks: list[bytes] | None = [] if info.filename in keep else None
        _inflate(data, info, chunks, scan=not info.filename.lower().endswith(_NOT_SCANNED))
        if chunks is not None:
            kept[info.filename] = b"".join(chunks)
    return kept


def _check_directory_size(data: bytes) -> None:
    """Refuse before `zipfile` builds one object per entry of a huge central directory."""
    end = data.rfind(_END_OF_DIRECTORY, max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        raise ZipProblem("corrupt")
    entries, size = struct.unpack("<H4xI", data[end + 10 : end + 20])
    if entries == 0xFFFF or size == 0xFFFFFFFF:  # ZIP64: sizes in another record
        size = _zip64_directory_size(data, end)
    if size > MAX_DIRECTORY_BYTES or entries > MAX_MEMBERS and entries != 0xFFFF:
        raise ZipProblem("members")


def _zip64_directory_size(data: bytes, end: int) -> int:
    locator = end - 20
    if locator < 0 or data[locator : locator + 4] != b"PK\x06\x07":
        raise ZipProblem("corrupt")
    (offset,) = struct.unpack("<Q", data[locator + 8 : locator + 16])
    record = data[offset : offset + 56]
    if len(record) < 56 or record[:4] != b"PK\x06\x06":
        raise ZipProblem("corrupt")
    entries, size = struct.unpack("<Q8xQ", record[32:56])
    if entries > MAX_MEMBERS:
        raise ZipProblem("members")
    return int(size)


def _raw_range(data: bytes, info: zipfile.ZipInfo) -> tuple[int, int]:
    """Where the member's packed bytes are, from its local header (as zipfile finds them)."""
    offset = info.header_offset
    header = data[offset : offset + 30]
    if len(header) < 30 or header[:4] != _LOCAL_HEADER:
        raise ZipProblem("corrupt")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = offset + 30 + name_length + extra_length
    end = start + info.compress_size
    if end > len(data):
        raise ZipProblem("corrupt")
    return start, end


def _inflate(data: bytes, info: zipfile.ZipInfo, chunks: list[bytes] | None, scan: bool) -> None:
    """Unpack one member chunk by chunk, never producing more than its declared size."""
    start, end = _raw_range(data, info)
    if info.compress_type == zipfile.ZIP_STORED:
        if end - start != info.file_size:
            raise ZipProblem("corrupt")
        pieces = (data[p : min(p + _CHUNK, end)] for p in range(start, end, _CHUNK))
        decompressor = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        decompressor = zlib.decompressobj(-15)
        pieces = None
    else:
        raise ZipProblem("corrupt")
    produced, crc, tail, position = 0, 0, b"", start
    while True:
        if decompressor is None:
            out = next(pieces, b"") if pieces is not None else b""
            if not out:
                break
        else:
            if decompressor.unconsumed_tail:
                packed = decompressor.unconsumed_tail
            elif position < end and not decompressor.eof:
                packed = data[position : min(position + _CHUNK, end)]
                position += len(packed)
            else:
                break
            try:
                out = decompressor.decompress(packed, _CHUNK)
            except zlib.error as exc:
                raise ZipProblem("corrupt") from exc
        produced += len(out)
        if produced > info.file_size:
            raise ZipProblem("mismatch")  # inflates beyond what the archive claims
        crc = zlib.crc32(out, crc)
        if scan:
            window = tail + out
            if any(pattern in window for pattern in _DOCTYPE):
                raise ZipProblem("dtd")
            tail = window[-_CARRY:]
        if chunks is not None:
            chunks.append(out)
    if decompressor is not None and not decompressor.eof:
        raise ZipProblem("corrupt")  # truncated stream
    if produced != info.file_size or crc != info.CRC:
        raise ZipProblem("corrupt")
