"""Dispatch by extension, size limit, read errors, and the message catalogs of all readers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qda_app.core import i18n
from qda_app.core.importers import formats
from qda_app.core.importers.extracted import ExtractionError
from qda_app.core.importers.formats import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, extract

IMPORTERS = Path(formats.__file__).parent
TRANSLATIONS = Path(__file__).parents[2] / "resources" / "translations"


def test_supported_suffixes_and_limit() -> None:
    assert set(SUPPORTED_SUFFIXES) == {
        ".docx",
        ".odt",
        ".rtf",
        ".txt",
        ".text",
        ".md",
        ".markdown",
        ".pdf",
    }
    assert MAX_FILE_BYTES == 50 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("alt.doc", "import.legacy_doc"),
        ("ALT.DOC", "import.legacy_doc"),
        ("tabelle.xlsx", "import.unsupported_format"),
        ("ohne_endung", "import.unsupported_format"),
        ("folien.pptx", "import.unsupported_format"),
    ],
)
def test_unsupported_files(name: str, key: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(Path(name), b"irrelevant")
    assert caught.value.key == key
    assert str(caught.value).startswith(f"{name}: ")


def test_messages_for_unsupported_types_name_the_way_out() -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(Path("alt.doc"), b"")
    assert str(caught.value) == (
        "alt.doc: the old Word format (.doc) cannot be read; please save the file as .docx in "
        "Word or LibreOffice and import that copy."
    )
    with pytest.raises(ExtractionError) as caught:
        extract(Path("t.xlsx"), b"")
    assert ".xlsx" in str(caught.value) and "DOCX, ODT, RTF, TXT, Markdown and PDF" in str(
        caught.value
    )


def test_file_is_read_from_disk_unless_bytes_are_given(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("von der Platte", encoding="utf-8")
    assert extract(path).text == "von der Platte"
    assert extract(path, b"aus dem Speicher").text == "aus dem Speicher"
    assert extract(str(path)).text == "von der Platte"  # type: ignore[arg-type]


def test_unreadable_file_becomes_an_extraction_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(tmp_path / "fehlt.txt")
    assert caught.value.key == "import.read_failed"
    assert str(caught.value).startswith("fehlt.txt: the file could not be read (")
    folder = tmp_path / "ordner.md"
    folder.mkdir()
    with pytest.raises(ExtractionError) as caught:
        extract(folder)
    assert caught.value.key == "hardening.not_regular_file"
    assert str(caught.value).startswith("ordner.md: ")


def test_size_limit_for_bytes_and_for_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "MAX_FILE_BYTES", 1024 * 1024)
    big = b"a" * (1024 * 1024 + 1)
    with pytest.raises(ExtractionError) as caught:
        extract(Path("gross.txt"), big)
    assert caught.value.key == "import.too_large"
    assert str(caught.value) == (
        "gross.txt: the file has 2 MB and is larger than the limit of 1 MB."
    )
    path = tmp_path / "gross.pdf"
    path.write_bytes(big)
    with pytest.raises(ExtractionError) as caught:
        extract(path)
    assert caught.value.key == "import.too_large"
    assert extract(Path("genau.txt"), b"a" * (1024 * 1024)).text == "a" * (1024 * 1024)


def _keys_used_in_readers() -> set[str]:
    used: set[str] = set()
    for module in [IMPORTERS / "formats.py", *IMPORTERS.glob("*_reader.py")]:
        used |= set(re.findall(r'"(import\.[a-z_]+)"', module.read_text(encoding="utf-8")))
    return used


def test_catalogs_cover_every_key_in_both_languages() -> None:
    english = json.loads((TRANSLATIONS / "import.en.json").read_text(encoding="utf-8"))
    german = json.loads((TRANSLATIONS / "import.de.json").read_text(encoding="utf-8"))
    assert set(english) == set(german)
    used = _keys_used_in_readers()
    assert len(used) >= 15
    assert used == set(english)
    for lang in ("de", "en"):
        catalog = i18n.catalog(lang)
        for key in used:
            message = catalog[key]
            assert message.startswith("{file}: "), (lang, key)
            assert message.endswith("."), (lang, key)
            assert message.count(". ") == 0, (lang, key)  # one sentence
    for key in used:
        assert english[key] != german[key]
        assert set(re.findall(r"{(\w+)}", english[key])) == set(
            re.findall(r"{(\w+)}", german[key])
        ), key


def test_messages_render_in_german_and_english() -> None:
    error = ExtractionError("import.encrypted", file="Protokoll.pdf")
    i18n.set_language("de")
    assert str(error) == (
        "Protokoll.pdf: Die Datei ist verschlüsselt und kann ohne Passwort nicht gelesen werden."
    )
    i18n.set_language("en")
    assert str(error) == (
        "Protokoll.pdf: the file is encrypted and cannot be read without its password."
    )


BAD_FILES = [
    ("zufall.docx", bytes(range(256)) * 8),
    ("ole.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)),
    ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"),
    ("leer.txt", b""),
    ("leer.md", b" \n \n"),
    ("kodierung.txt", b"abc\x81\x8d\x90def and more text here"),
    ("kaputt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog"),
    ("kaputt.odt", b"not a zip at all"),
    ("kaputt.rtf", b"{\\rtf1 {unclosed"),
    ("alt.doc", b"\xd0\xcf\x11\xe0"),
]


@pytest.mark.parametrize(("name", "data"), BAD_FILES, ids=[name for name, _ in BAD_FILES])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_bad_file_names_itself_in_both_languages(name: str, data: bytes, lang: str) -> None:
    i18n.set_language(lang)
    with pytest.raises(ExtractionError) as caught:
        extract(Path(name), data)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    assert caught.value.key in i18n.catalog(lang)
    assert "import." not in message and "{" not in message
