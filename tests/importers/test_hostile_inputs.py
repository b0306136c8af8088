"""Hostile files refused by the readers: one sentence naming the file, bounded time and memory.

The inputs are generated (see tests/hostile_files.py) and moderately sized: what is checked
here is that each one is refused (or read correctly) with the right message. That the work
grows linearly with the input is measured in benchmarks/import_scaling.py, not here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import hostile_files as hostile
import pytest

from qda_app.core.importers import odt_reader, pdf_reader, zip_guard
from qda_app.core.importers.extracted import ExtractionError
from qda_app.core.importers.formats import extract

REFUSED: list[tuple[str, Callable[[], bytes], str]] = [
    ("xxe.docx", hostile.xxe_docx, "hardening.xml_dtd"),
    ("lacher.docx", hostile.billion_laughs_docx, "hardening.xml_dtd"),
    ("lacher.odt", hostile.billion_laughs_odt, "hardening.xml_dtd"),
    ("utf16.docx", hostile.utf16_doctype_docx, "hardening.xml_dtd"),
    ("wiederholt.odt", hostile.repetition_odt, "hardening.odt_repetition"),
    ("gelogen.docx", hostile.lying_docx, "hardening.zip_size_mismatch"),
    ("tief.docx", hostile.deep_docx, "import.corrupt_docx"),
    ("tief.odt", hostile.deep_odt, "import.corrupt_odt"),
    ("zugesperrt.docx", hostile.encrypted_member_docx, "import.encrypted"),
    ("verschlüsselt.odt", hostile.encrypted_odt, "import.encrypted"),
    ("tief.rtf", hostile.deep_rtf, "hardening.rtf_too_deep"),
    ("binär.rtf", hostile.huge_bin_rtf, "import.corrupt_rtf"),
    ("schleife.pdf", hostile.pdf_page_tree_loop, "import.corrupt_pdf"),
]


@pytest.mark.parametrize(("name", "build", "key"), REFUSED, ids=[r[0] for r in REFUSED])
def test_hostile_file_is_refused_with_one_sentence(
    name: str, build: Callable[[], bytes], key: str
) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(Path(name), build())
    assert caught.value.key == key
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and "\n" not in message


def test_text_after_an_entity_is_never_dropped_silently() -> None:
    """The XXE document used to be stored as "A": the "B" after the entity vanished."""
    with pytest.raises(ExtractionError) as caught:
        extract(Path("xxe.docx"), hostile.xxe_docx())
    assert "DOCTYPE" in str(caught.value)


def test_dtd_in_a_part_with_another_name_and_in_a_picture() -> None:
    """python-docx reads parts by content type, not by name; pictures are never parsed."""
    doctype = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "y">]><x>&e;</x>'
    with pytest.raises(ExtractionError) as caught:
        extract(Path("getarnt.docx"), hostile.many_members_zip(0, {"word/part.dat": doctype}))
    assert caught.value.key == "hardening.xml_dtd"
    svg = b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    data = hostile.many_members_zip(0, {"word/media/logo.svg": svg})
    assert extract(Path("logo.docx"), data).text == "viele Teile"


def test_too_many_members(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zip_guard, "MAX_MEMBERS", 50)
    with pytest.raises(ExtractionError) as caught:
        extract(Path("viele.docx"), hostile.many_members_zip(60))
    assert caught.value.key == "hardening.zip_too_many_members"
    assert "50" in str(caught.value)
    assert "viele Teile" in extract(Path("wenige.docx"), hostile.many_members_zip(40)).text


def test_members_packed_more_tightly_than_documents_are(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zip_guard, "RATIO_FLOOR", 64 * 1024)
    data = hostile.docx(hostile.docx_xml(hostile.paragraph("a" * 1_000_000)))
    with pytest.raises(ExtractionError) as caught:
        extract(Path("dicht.docx"), data)
    assert caught.value.key == "import.unpacked_too_large"


def test_honest_archive_is_read_and_members_come_back_intact() -> None:
    text = "Wörter " * 50_000
    data = hostile.docx(hostile.docx_xml(hostile.paragraph(text)))
    kept = zip_guard.inspect_zip(data, keep=("word/document.xml",))
    assert kept["word/document.xml"] == hostile.docx_xml(hostile.paragraph(text)).encode()
    assert extract(Path("ehrlich.docx"), data).text == text.strip()


def test_spaces_count_against_the_repetition_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(odt_reader, "MAX_REPEATED_CHARS", 100_000)
    assert len(extract(Path("ok.odt"), hostile.spaces_odt(90)).text) > 90_000
    with pytest.raises(ExtractionError) as caught:
        extract(Path("leerzeichen.odt"), hostile.spaces_odt(120))
    assert caught.value.key == "hardening.odt_repetition"
    assert "100,000" in str(caught.value)


def test_repetition_within_the_budget_is_honoured() -> None:
    cell = (
        '<table:table-cell table:number-columns-repeated="3"><text:p>x</text:p></table:table-cell>'
    )
    row = f'<table:table-row table:number-rows-repeated="2000">{cell}</table:table-row>'
    result = extract(Path("tabelle.odt"), hostile.odt(f"<table:table>{row}</table:table>"))
    assert result.text.split("\n") == ["x\tx\tx"] * 2000


def test_pdf_with_more_pages_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 5)
    with pytest.raises(ExtractionError) as caught:
        extract(Path("dick.pdf"), hostile.pdf_pages(6))
    assert caught.value.key == "hardening.pdf_too_many_pages"
    assert "6" in str(caught.value)
    assert extract(Path("dünn.pdf"), hostile.pdf_pages(5)).text.count("Seite mit Text") == 5


def test_pdf_form_drawing_itself_is_read_once(capfd: pytest.CaptureFixture[str]) -> None:
    result = extract(Path("formular.pdf"), hostile.pdf_content_loop())
    assert result.text.split("\n")[0] == "Formular"
    assert capfd.readouterr().err == ""  # pypdf's warning does not leak onto the console


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("x" + " _a" * 20_000, "x" + " _a" * 20_000),
        ("x" + " *a" * 20_000, "x" + " *a" * 20_000),
        ("x" + "<!--" * 20_000, "x" + "<!--" * 20_000),
        (">" * 200_000 + " zitiert", "zitiert"),
        ("x" + "[a" * 20_000, "x" + "[a" * 20_000),
        ("x" + "![" * 20_000, "x" + "![" * 20_000),
        ("x" + "[a](" * 20_000, "x" + "[a](" * 20_000),
        ("x " + "`" * 20_000 + " y", "x " + "`" * 20_000 + " y"),
        ("# a" + " " * 100_000 + "b", "a" + " " * 100_000 + "b"),
    ],
    ids=[
        "underscores",
        "stars",
        "comments",
        "quotes",
        "brackets",
        "images",
        "links",
        "ticks",
        "atx",
    ],
)
def test_markdown_runs_that_used_to_be_quadratic(line: str, expected: str) -> None:
    assert extract(Path("lauf.md"), (line + "\n").encode()).text == expected


def test_markdown_inline_markup_still_removed() -> None:
    line = "**fett** *kursiv* _betont_ snake_case_name [Text](https://x.org) ![Bild](b.png) `a*b*`"
    assert (
        extract(Path("m.md"), line.encode()).text == "fett kursiv betont snake_case_name Text a*b*"
    )
