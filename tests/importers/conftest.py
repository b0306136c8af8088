"""Shared builders for the format-reader tests: every input file is created in the test."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path

import pytest

from qda_app.core import i18n
from qda_app.core.importers.extracted import ExtractedText

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
    "{encryption}</manifest:file-entry></manifest:manifest>"
)


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Render messages in English during a test and restore the previous language after."""
    monkeypatch.setattr(i18n, "_current", i18n._current)  # undone after the test
    i18n.set_language("en")
    yield


@pytest.fixture
def block_texts() -> Callable[[ExtractedText], list[tuple[str, int, str]]]:
    """(kind, level, text) of every block, cut from the stored text by its offsets."""

    def cut(result: ExtractedText) -> list[tuple[str, int, str]]:
        return [(b.kind, b.level, result.text[b.start : b.end]) for b in result.blocks]

    return cut


@pytest.fixture
def make_odt() -> Callable[..., bytes]:
    """A minimal valid ODT: mimetype first and stored, then content.xml and the manifest."""

    def build(
        body: str, automatic_styles: str = "", encrypted: bool = False, content: str | None = None
    ) -> bytes:
        xml = (
            content
            if content is not None
            else (
                f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS} '
                f'office:version="1.2"><office:automatic-styles>{automatic_styles}'
                f"</office:automatic-styles><office:body><office:text>{body}"
                "</office:text></office:body></office:document-content>"
            )
        )
        encryption = (
            ('<manifest:encryption-data manifest:checksum-type="SHA1" manifest:checksum="x"/>')
            if encrypted
            else ""
        )
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(
                zipfile.ZipInfo("mimetype"),
                "application/vnd.oasis.opendocument.text",
                compress_type=zipfile.ZIP_STORED,
            )
            archive.writestr("content.xml", xml, compress_type=zipfile.ZIP_DEFLATED)
            archive.writestr("META-INF/manifest.xml", ODT_MANIFEST.format(encryption=encryption))
        return buffer.getvalue()

    return build


@pytest.fixture
def qt_pdf(qapp: object, tmp_path: Path) -> Callable[..., bytes]:
    """A PDF written by Qt: each page is a list of text lines (or None for a drawn box only)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    def build(pages: list[list[str] | None], name: str = "qt.pdf") -> bytes:
        path = tmp_path / name
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter(writer)
        painter.setFont(QFont("DejaVu Sans", 12))
        for number, lines in enumerate(pages):
            if number:
                writer.newPage()
            if lines is None:
                painter.fillRect(QRect(500, 500, 3000, 2000), 0x336699)
                painter.drawRect(QRect(400, 400, 3200, 2200))
                continue
            for row, line in enumerate(lines):
                painter.drawText(300, 600 + row * 400, line)
        painter.end()
        return path.read_bytes()

    return build
