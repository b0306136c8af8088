"""ODT reading from content.xml: headings, spans, spaces, lists, tables; annotations left out."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from qda_app.core.importers import zip_guard
from qda_app.core.importers.extracted import ExtractionError
from qda_app.core.importers.formats import extract
from qda_app.core.importers.odt_reader import read_odt

BODY = (
    '<text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>'
    '<text:h text:outline-level="1">Interview <text:span>Süd</text:span></text:h>'
    '<text:p>Gr<text:span>ö<text:span>ß</text:span></text:span>e:<text:s text:c="3"/>ä'
    "<text:tab/>ü<text:line-break/>neue Zeile"
    "<office:annotation><dc:creator>A</dc:creator><text:p>KOMMENTAR</text:p></office:annotation>"
    " „Zitat“"
    '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    "<text:note-body><text:p>FUSSNOTE</text:p></text:note-body></text:note> – Ende</text:p>"
    "<text:p/>"
    '<text:list text:style-name="L1"><text:list-item><text:p>Punkt A</text:p>'
    "<text:list><text:list-item><text:p>Unterpunkt</text:p></text:list-item></text:list>"
    "</text:list-item><text:list-item><text:p>Punkt B</text:p></text:list-item></text:list>"
    '<text:list text:style-name="N1"><text:list-item><text:p>erstens</text:p></text:list-item>'
    "<text:list-item><text:p>zweitens</text:p></text:list-item></text:list>"
    '<table:table table:name="T"><table:table-column table:number-columns-repeated="3"/>'
    "<table:table-header-rows><table:table-row>"
    "<table:table-cell><text:p>Name</text:p></table:table-cell>"
    "<table:table-cell><text:p>Alter</text:p></table:table-cell>"
    "<table:table-cell><text:p>Ort</text:p></table:table-cell>"
    "</table:table-row></table:table-header-rows>"
    '<table:table-row><table:table-cell table:number-columns-spanned="2">'
    "<text:p>Anna</text:p><text:p>Maier</text:p></table:table-cell>"
    "<table:covered-table-cell/><table:table-cell><text:p>Köln</text:p></table:table-cell>"
    "</table:table-row>"
    '<table:table-row><table:table-cell table:number-columns-repeated="2"/>'
    "<table:table-cell><table:table><table:table-row>"
    "<table:table-cell><text:p>x</text:p></table:table-cell>"
    "<table:table-cell><text:p>y</text:p></table:table-cell>"
    "</table:table-row></table:table></table:table-cell></table:table-row>"
    "</table:table>"
    '<text:section text:name="S"><text:h text:outline-level="2">Teil 2</text:h>'
    "<text:p>Im Abschnitt</text:p></text:section>"
)
STYLES = (
    '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" '
    'text:bullet-char="•"/></text:list-style>'
    '<text:list-style style:name="N1"><text:list-level-style-number text:level="1" '
    'style:num-format="1" style:num-suffix=")"/></text:list-style>'
)


def test_full_document(make_odt, block_texts) -> None:
    result = read_odt(make_odt(BODY, STYLES), "i.odt")
    assert result.format == "odt"
    assert result.text == (
        "Interview Süd\nGröße:   ä\tü\nneue Zeile „Zitat“ – Ende\n\n• Punkt A\n• Unterpunkt\n"
        "• Punkt B\n1) erstens\n2) zweitens\nName\tAlter\tOrt\nAnna Maier\t\tKöln\n\t\tx y\n"
        "Teil 2\nIm Abschnitt"
    )
    assert block_texts(result) == [
        ("heading", 1, "Interview Süd"),
        ("paragraph", 0, "Größe:   ä\tü\nneue Zeile „Zitat“ – Ende"),
        ("list_item", 1, "• Punkt A"),
        ("list_item", 2, "• Unterpunkt"),
        ("list_item", 1, "• Punkt B"),
        ("list_item", 1, "1) erstens"),
        ("list_item", 1, "2) zweitens"),
        ("table_row", 0, "Name\tAlter\tOrt"),
        ("table_row", 0, "Anna Maier\t\tKöln"),
        ("table_row", 0, "\t\tx y"),
        ("heading", 2, "Teil 2"),
        ("paragraph", 0, "Im Abschnitt"),
    ]
    for hidden in ("KOMMENTAR", "FUSSNOTE", "Table"):
        assert hidden not in result.text


def test_whitespace_collapses_like_odf_but_text_s_is_kept(make_odt) -> None:
    body = (
        "<text:p>  viele   Leer\n  zeichen <text:span> hier</text:span></text:p>"
        '<text:p>a<text:s/>b<text:s text:c="2"/>c</text:p>'
    )
    assert read_odt(make_odt(body), "w.odt").text == "viele Leer zeichen hier\na b  c"


def test_uppercase_suffix_dispatches(make_odt) -> None:
    result = extract(Path("PROTOKOLL.ODT"), make_odt("<text:p>Hallo</text:p>"))
    assert (result.format, result.text) == ("odt", "Hallo")


def test_empty_body_is_no_text(make_odt) -> None:
    with pytest.raises(ExtractionError) as caught:
        read_odt(make_odt("<text:p/><text:p> </text:p>"), "leer.odt")
    assert caught.value.key == "import.no_text"
    assert "leer.odt" in str(caught.value)


def test_encrypted_odt(make_odt) -> None:
    with pytest.raises(ExtractionError) as caught:
        read_odt(make_odt("<text:p>x</text:p>", encrypted=True), "geheim.odt")
    assert caught.value.key == "import.encrypted"
    assert str(caught.value) == (
        "geheim.odt: the file is encrypted and cannot be read without its password."
    )


@pytest.mark.parametrize(
    "case", ["not_zip", "no_content", "bad_xml", "no_body", "truncated", "deep"]
)
def test_corrupt_odt(case: str, make_odt) -> None:
    if case == "not_zip":
        data = b"PK\x03\x04 this is not really a zip"
    elif case == "no_content":
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        data = buffer.getvalue()
    elif case == "bad_xml":
        data = make_odt("", content="<office:document-content><unclosed>")
    elif case == "no_body":
        data = make_odt("", content='<?xml version="1.0"?><root/>')
    elif case == "deep":
        data = make_odt(
            "<text:p>" + "<text:span>" * 5000 + "x" + "</text:span>" * 5000 + "</text:p>"
        )
    else:
        valid = make_odt("<text:p>" + "Text " * 200 + "</text:p>")
        data = valid[: len(valid) // 2]
    with pytest.raises(ExtractionError) as caught:
        read_odt(data, "kaputt.odt")
    assert caught.value.key == "import.corrupt_odt"
    assert str(caught.value).startswith("kaputt.odt: ")


def test_zip_bomb_guard(make_odt, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zip_guard, "MAX_UNPACKED_BYTES", 100)
    with pytest.raises(ExtractionError) as caught:
        read_odt(make_odt("<text:p>" + "a" * 500 + "</text:p>"), "bombe.odt")
    assert caught.value.key == "import.unpacked_too_large"
