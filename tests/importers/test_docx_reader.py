"""DOCX reading: document order, headings, list labels, tables; headers/comments left out."""

from __future__ import annotations

import copy
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from qda_app.core.importers import zip_guard
from qda_app.core.importers.docx_reader import read_docx
from qda_app.core.importers.extracted import ExtractionError
from qda_app.core.importers.formats import extract

GERMAN = "Die Straße: ä ö ü ß „Zitat“ – Ende 😀"


def _save(document: docx.document.Document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _full_document() -> bytes:
    document = docx.Document()
    document.add_heading("Interview Nord", level=1)
    paragraph = document.add_paragraph(GERMAN)
    document.add_paragraph("Erster Punkt", style="List Bullet")
    document.add_paragraph("Zweiter Punkt", style="List Bullet")
    document.add_paragraph("Erstens", style="List Number")
    document.add_paragraph("Zweitens", style="List Number")
    table = document.add_table(rows=2, cols=3)
    for row in range(2):
        for column in range(3):
            table.cell(row, column).text = f"Z{row}S{column}"
    document.add_paragraph("Schluss")
    section = document.sections[0]
    section.header.paragraphs[0].text = "KOPFZEILE"
    section.footer.paragraphs[0].text = "FUSSZEILE"
    document.add_comment(paragraph.runs[0], text="KOMMENTAR", author="A", initials="A")
    return _save(document)


def test_full_document_text_blocks_and_offsets(tmp_path: Path, block_texts) -> None:
    path = tmp_path / "Interview.docx"
    path.write_bytes(_full_document())
    result = extract(path)
    assert result.format == "docx"
    assert result.text == (
        f"Interview Nord\n{GERMAN}\n• Erster Punkt\n• Zweiter Punkt\n1. Erstens\n2. Zweitens\n"
        "Z0S0\tZ0S1\tZ0S2\nZ1S0\tZ1S1\tZ1S2\nSchluss"
    )
    assert block_texts(result) == [
        ("heading", 1, "Interview Nord"),
        ("paragraph", 0, GERMAN),
        ("list_item", 1, "• Erster Punkt"),
        ("list_item", 1, "• Zweiter Punkt"),
        ("list_item", 1, "1. Erstens"),
        ("list_item", 1, "2. Zweitens"),
        ("table_row", 0, "Z0S0\tZ0S1\tZ0S2"),
        ("table_row", 0, "Z1S0\tZ1S1\tZ1S2"),
        ("paragraph", 0, "Schluss"),
    ]
    for hidden in ("KOPFZEILE", "FUSSZEILE", "KOMMENTAR"):
        assert hidden not in result.text
    assert result.blocks[0].start == 0 and result.blocks[-1].end == len(result.text)


def test_heading_styles_title_and_outline_level(block_texts) -> None:
    document = docx.Document()
    document.add_heading("Titel", level=0)
    document.add_heading("Kapitel", level=2)
    document.add_heading("Abschnitt", level=3)
    german = document.styles.add_style("Überschrift 2", 1)
    document.add_paragraph("Deutsche Vorlage", style=german)
    outlined = document.add_paragraph("Gliederungsebene")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="3"/>'))
    document.add_paragraph("Text")
    assert block_texts(read_docx(_save(document), "h.docx")) == [
        ("heading", 1, "Titel"),
        ("heading", 2, "Kapitel"),
        ("heading", 3, "Abschnitt"),
        ("heading", 2, "Deutsche Vorlage"),
        ("heading", 4, "Gliederungsebene"),
        ("paragraph", 0, "Text"),
    ]


def test_soft_breaks_tabs_empty_paragraphs_and_hidden_text(block_texts) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Zeile eins")
    paragraph.add_run().add_break()
    paragraph.add_run("Zeile\tzwei")
    document.add_paragraph("")
    document.add_paragraph("   ")
    visible = document.add_paragraph("sichtbar")
    visible.add_run(" VERSTECKT").font.hidden = True
    sized = document.add_paragraph()
    sized.add_run("groß").font.size = Pt(20)
    sized.add_run(" und klein")
    result = read_docx(_save(document), "b.docx")
    assert result.text == "Zeile eins\nZeile\tzwei\nsichtbar\ngroß und klein"
    assert block_texts(result)[0] == ("paragraph", 0, "Zeile eins\nZeile\tzwei")


def test_revisions_hyperlinks_and_content_controls() -> None:
    document = docx.Document()
    body = document.element.body
    w = nsdecls("w")
    body.insert(
        0,
        parse_xml(
            f'<w:p {w}><w:r><w:t xml:space="preserve">Alt </w:t></w:r>'
            '<w:del w:id="1" w:author="A"><w:r><w:delText>GELÖSCHT</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="A"><w:r><w:t>eingefügt</w:t></w:r></w:ins>'
            '<w:hyperlink><w:r><w:t xml:space="preserve"> Link</w:t></w:r></w:hyperlink></w:p>'
        ),
    )
    body.insert(
        1,
        parse_xml(
            f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Im Steuerelement</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    result = read_docx(_save(document), "r.docx")
    assert result.text == "Alt eingefügt Link\nIm Steuerelement"


def test_table_merged_nested_and_multi_paragraph_cells(block_texts) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "Kopf"
    table.cell(0, 0).merge(table.cell(0, 1)).add_paragraph("zweiter Absatz")
    table.cell(0, 2).text = "rechts"
    table.cell(1, 0).merge(table.cell(2, 0)).paragraphs[0].text = "senkrecht"
    table.cell(1, 1).text = "b"
    nested = table.cell(2, 2).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "innen1"
    nested.cell(0, 1).text = "innen2"
    table.cell(2, 1).text = "c"
    assert block_texts(read_docx(_save(document), "t.docx")) == [
        ("table_row", 0, "Kopf zweiter Absatz\t\trechts"),
        ("table_row", 0, "senkrecht\tb"),
        ("table_row", 0, "\tc\tinnen1 innen2"),
    ]


def test_numbering_continues_across_interruptions_and_levels() -> None:
    document = docx.Document()
    document.add_paragraph("a", style="List Number")
    document.add_paragraph("Zwischentext")
    document.add_paragraph("b", style="List Number")
    document.add_paragraph("eigene Liste", style="List Number 2")
    document.add_paragraph("", style="List Number")  # an empty item still takes number 3
    document.add_paragraph("d", style="List Number")
    assert read_docx(_save(document), "n.docx").text == (
        "1. a\nZwischentext\n2. b\n1. eigene Liste\n4. d"
    )


def test_number_format_and_level_text_come_from_the_numbering_part() -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for abstract in numbering.iter(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) == "7":  # "List Number" uses numId 5 -> 7
            level = abstract.find(qn("w:lvl"))
            level.find(qn("w:numFmt")).set(qn("w:val"), "upperRoman")
            level.find(qn("w:lvlText")).set(qn("w:val"), "%1)")
            second = copy.deepcopy(level)
            second.set(qn("w:ilvl"), "1")
            second.find(qn("w:numFmt")).set(qn("w:val"), "lowerLetter")
            second.find(qn("w:lvlText")).set(qn("w:val"), "%1.%2")
            abstract.append(second)
    document.add_paragraph("eins", style="List Number")
    document.add_paragraph("zwei", style="List Number")
    sub = document.add_paragraph("unter", style="List Number")
    sub._p.get_or_add_pPr().insert(
        0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr>')
    )
    document.add_paragraph("drei", style="List Number")
    result = read_docx(_save(document), "n.docx")
    assert result.text == "I) eins\nII) zwei\nII.a unter\nIII) drei"
    assert [block.level for block in result.blocks] == [1, 1, 2, 1]


def test_list_styles_without_numbering_part_fall_back_to_style_names() -> None:
    document = docx.Document()
    document.add_paragraph("Punkt", style="List Bullet")
    document.add_paragraph("eins", style="List Number")
    document.add_paragraph("zwei", style="List Number")
    part = document.part
    rel_id = next(rid for rid, rel in part.rels.items() if rel.reltype == RT.NUMBERING)
    part.drop_rel(rel_id)
    assert read_docx(_save(document), "s.docx").text == "• Punkt\n1. eins\n2. zwei"


def test_document_without_text_is_refused() -> None:
    document = docx.Document()
    document.add_paragraph("")
    document.sections[0].header.paragraphs[0].text = "nur Kopfzeile"
    with pytest.raises(ExtractionError) as caught:
        read_docx(_save(document), "leer.docx")
    assert caught.value.key == "import.no_text"
    assert str(caught.value) == "leer.docx: the file is empty or contains no readable text."


def _zip(members: dict[str, str]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _with_document_xml(original: bytes, document_xml: str) -> bytes:
    source = zipfile.ZipFile(BytesIO(original))
    members = {
        name: source.read(name).decode("utf-8", "surrogateescape")
        for name in source.namelist()
        if name.endswith((".xml", ".rels"))
    }
    members["word/document.xml"] = document_xml
    return _zip(members)


@pytest.mark.parametrize("case", ["random", "truncated", "no_document", "invalid_xml", "empty"])
def test_corrupt_files_raise_a_clear_error(case: str) -> None:
    valid = _full_document()
    data = {
        "random": bytes(range(256)) * 20,
        "truncated": valid[: len(valid) // 2],
        "no_document": _zip({"[Content_Types].xml": "<Types/>", "word/other.xml": "<x/>"}),
        "invalid_xml": _with_document_xml(valid, "<w:document><w:body><w:p>"),
        "empty": b"",
    }[case]
    with pytest.raises(ExtractionError) as caught:
        extract(Path("Protokoll 7.docx"), data)
    assert caught.value.key == "import.corrupt_docx"
    assert str(caught.value).startswith("Protokoll 7.docx: ")
    assert "damaged" in str(caught.value)


def test_ole_file_is_reported_as_encrypted_or_old_word() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    with pytest.raises(ExtractionError) as caught:
        extract(Path("geheim.docx"), data)
    assert caught.value.key == "import.docx_encrypted_or_legacy"
    assert "geheim.docx" in str(caught.value) and ".docx" in str(caught.value)


def test_zip_bomb_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zip_guard, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(ExtractionError) as caught:
        read_docx(_full_document(), "bombe.docx")
    assert caught.value.key == "import.unpacked_too_large"
    assert "bombe.docx" in str(caught.value)
