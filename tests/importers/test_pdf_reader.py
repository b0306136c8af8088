"""PDF reading with pypdf: text layer in, scans and password-protected files refused."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pypdf
import pytest

from qda_app.core.importers.extracted import ExtractionError
from qda_app.core.importers.formats import extract
from qda_app.core.importers.pdf_reader import read_pdf

PAGE_ONE = ["Interview mit Frau Müller", "Die Straße „Am Bach“ – größer als gedacht."]
PAGE_TWO = ["Seite zwei: ÄÖÜ äöü ß"]


def _encrypt(data: bytes, user: str, owner: str | None = None, algorithm: str = "RC4-128") -> bytes:
    writer = pypdf.PdfWriter(clone_from=BytesIO(data))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_german_text_arrives_line_by_line(qt_pdf, block_texts) -> None:
    result = extract(Path("Interview.pdf"), qt_pdf([PAGE_ONE, PAGE_TWO]))
    assert result.format == "pdf"
    assert result.text == "\n".join(PAGE_ONE + PAGE_TWO)
    assert block_texts(result) == [("paragraph", 0, line) for line in PAGE_ONE + PAGE_TWO]
    assert "\f" not in result.text and "\t" not in result.text


def test_pdf_without_text_layer_needs_ocr(qt_pdf) -> None:
    with pytest.raises(ExtractionError) as caught:
        read_pdf(qt_pdf([None, None]), "scan.pdf")
    assert caught.value.key == "import.pdf_no_text_layer"
    assert str(caught.value) == (
        "scan.pdf: the PDF has no text layer (probably a scan) and must be run through text "
        "recognition (OCR) first."
    )


def test_mostly_empty_pages_count_as_scan(qt_pdf) -> None:
    data = qt_pdf([["Seite 1"], None, None])
    with pytest.raises(ExtractionError) as caught:
        read_pdf(data, "scan.pdf")
    assert caught.value.key == "import.pdf_no_text_layer"


def test_password_protected_pdf_is_refused(qt_pdf) -> None:
    data = _encrypt(qt_pdf([PAGE_ONE]), user="secret")
    with pytest.raises(ExtractionError) as caught:
        read_pdf(data, "geheim.pdf")
    assert caught.value.key == "import.encrypted"
    assert str(caught.value) == (
        "geheim.pdf: the file is encrypted and cannot be read without its password."
    )


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_with_only_an_owner_password_is_read(qt_pdf, algorithm: str) -> None:
    data = _encrypt(qt_pdf([PAGE_ONE]), user="", owner="chef", algorithm=algorithm)
    assert pypdf.PdfReader(BytesIO(data)).is_encrypted
    assert read_pdf(data, "rechte.pdf").text == "\n".join(PAGE_ONE)


@pytest.mark.parametrize("case", ["truncated", "random", "header_only", "no_eof"])
def test_corrupt_pdf(case: str, qt_pdf) -> None:
    valid = qt_pdf([PAGE_ONE, PAGE_TWO])
    data = {
        "truncated": valid[: len(valid) // 2],
        "random": bytes(range(256)) * 10,
        "header_only": b"%PDF-1.4\n%%EOF\n",
        "no_eof": valid.replace(b"%%EOF", b"%%END"),
    }[case]
    with pytest.raises(ExtractionError) as caught:
        extract(Path("kaputt.pdf"), data)
    assert caught.value.key == "import.corrupt_pdf"
    assert str(caught.value) == ("kaputt.pdf: the PDF is damaged or incomplete and cannot be read.")
