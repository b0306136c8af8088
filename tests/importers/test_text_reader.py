"""TXT reading: encoding detection without guessing, normalisation, one block per line."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from qda_app.core.importers.extracted import ExtractionError
from qda_app.core.importers.formats import extract
from qda_app.core.importers.text_reader import read_txt

SAMPLE = "Interview mit Frau Müller\nDie Straße „Am Bach“ – größer als gedacht.\nÄÖÜ äöü ß"
LINES = SAMPLE.split("\n")


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-32"), "utf-32"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
    ids=[
        "utf8",
        "utf8-sig",
        "utf16-bom-le",
        "utf16-bom-be",
        "utf16-le",
        "utf16-be",
        "utf32",
        "cp1252",
    ],
)
def test_encodings_are_detected(encoded: bytes, name: str, block_texts) -> None:
    result = read_txt(encoded, "i.txt")
    assert result.text == SAMPLE
    assert result.encoding == name
    assert result.format == "txt"
    assert block_texts(result) == [("paragraph", 0, line) for line in LINES]


def test_line_endings_nfc_control_characters_and_blank_lines() -> None:
    nfd = unicodedata.normalize("NFD", "Größe über")
    data = f"  eingerückt \r\n{nfd}\rzwei\x07te\x1b Zeile\r\n\r\n \t \n\fSeite\u200b2\n".encode()
    result = read_txt(data, "n.txt")
    # blank and whitespace-only lines in a row become one blank line
    assert result.text == "  eingerückt\nGröße über\nzweite Zeile\n\nSeite\u200b2"
    assert [(b.start, b.end) for b in result.blocks] == [(0, 12), (13, 23), (24, 36), (38, 45)]


def test_forced_encoding_overrides_detection() -> None:
    data = "Grüße".encode()
    assert read_txt(data, "f.txt", encoding="cp1252").text == "GrÃ¼ÃŸe"
    result = read_txt("Grüße".encode("cp1252"), "f.txt", encoding="Latin-1")
    assert (result.text, result.encoding) == ("Grüße", "iso8859-1")


def test_forced_encoding_that_fails_is_a_clear_error() -> None:
    with pytest.raises(ExtractionError) as caught:
        read_txt("Grüße".encode("cp1252"), "f.txt", encoding="utf-8")
    assert caught.value.key == "import.wrong_encoding"
    assert str(caught.value) == (
        "f.txt: the file cannot be decoded as utf-8; please choose another encoding."
    )
    with pytest.raises(ExtractionError) as caught:
        read_txt(b"abc", "f.txt", encoding="klingonisch")
    assert caught.value.key == "import.unknown_encoding_name"
    assert "klingonisch" in str(caught.value)


def test_undecodable_bytes_are_never_guessed() -> None:
    data = b"Interview abc\x81\x8d\x90def \xff\xfe mehr Text " * 3
    with pytest.raises(ExtractionError) as caught:
        read_txt(data[2:], "x.txt")
    assert caught.value.key == "import.unknown_encoding"
    assert str(caught.value).startswith("x.txt: the text encoding could not be determined")


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
    b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
    b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.mark.parametrize(
    "data",
    [
        PNG,
        b"Text mit \x00 Nullbyte in der Mitte.",
        bytes(range(1, 32)) * 4 + b"etwas Text",
        b"\x01\x02\x03\x04abcdefghij" * 10,
    ],
    ids=["png", "nul", "controls", "ten-percent-controls"],
)
def test_binary_data_is_not_a_text_file(data: bytes) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(Path("bild.txt"), data)
    assert caught.value.key == "import.not_text"
    assert str(caught.value) == "bild.txt: the file is not a text file but contains binary data."


def test_few_control_characters_are_only_removed() -> None:
    assert read_txt(b"\x01" + b"a" * 20, "c.txt").text == "a" * 20


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \r\n\t\n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        "\u00a0\n".encode(),
        b"\x07\x07\x07" + b" " * 40,
    ],
)
def test_empty_files(data: bytes) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(Path("leer.txt"), data)
    assert caught.value.key == "import.no_text"
    assert str(caught.value) == "leer.txt: the file is empty or contains no readable text."


@pytest.mark.parametrize("suffix", [".txt", ".TXT", ".text", ".Text"])
def test_suffixes(suffix: str) -> None:
    result = extract(Path(f"notiz{suffix}"), b"Hallo")
    assert (result.format, result.text, result.encoding) == ("txt", "Hallo", "utf-8")


def test_extract_passes_the_encoding_through(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("Grüße".encode("cp1252"))
    assert extract(path).encoding == "cp1252"
    assert extract(path, encoding="cp850").text == "Gr³▀e"
