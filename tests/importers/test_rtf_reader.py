"""RTF reading with the built-in parser: code pages, \\u escapes, tables, skipped groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from qda_app.core.importers.extracted import ExtractionError
from qda_app.core.importers.formats import extract
from qda_app.core.importers.rtf_reader import read_rtf

SAMPLE = rb"""{\rtf1\ansi\ansicpg1252\deff0\uc1
{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\froman Times New Roman;}}
{\colortbl;\red255\green0\blue0;}
{\stylesheet{\s0 Normal;}{\s1 heading 1;}}
{\*\generator Riched20 10.0.19041}{\info{\title GEHEIMTITEL}{\author AUTOR}}
{\header KOPFZEILE\par}{\footer FUSSZEILE\par}
\pard\s1\outlinelevel0\b Interview M\'e4rz\b0\par
\pard\plain Die Stra\'dfe hei\'dft \u8222?Am Bach\u8220?\'85 \endash  gr\'fc\'dfe\par
\trowd\cellx2000\cellx4000\cellx6000
\pard\intbl Name\cell Alter\cell Ort\cell\row
\trowd\cellx2000\cellx4000\cellx6000
\pard\intbl J\'fcrgen\cell 54\cell K\'f6ln\par Mitte\cell\row
\pard Ende{\*\bkmkstart b1}{\*\bkmkend b1}.\par
}"""


def test_sample_text_and_blocks(block_texts) -> None:
    result = read_rtf(SAMPLE, "m.rtf")
    assert result.format == "rtf"
    assert result.text == (
        "Interview März\nDie Straße heißt „Am Bach“… – grüße\nName\tAlter\tOrt\n"
        "Jürgen\t54\tKöln Mitte\nEnde."
    )
    assert block_texts(result) == [
        ("heading", 1, "Interview März"),
        ("paragraph", 0, "Die Straße heißt „Am Bach“… – grüße"),
        ("table_row", 0, "Name\tAlter\tOrt"),
        ("table_row", 0, "Jürgen\t54\tKöln Mitte"),
        ("paragraph", 0, "Ende."),
    ]
    for hidden in (
        "GEHEIMTITEL",
        "AUTOR",
        "Riched",
        "Arial",
        "KOPFZEILE",
        "FUSSZEILE",
        "Normal",
        "heading",
    ):
        assert hidden not in result.text


def test_unicode_skip_counts_negative_values_and_surrogate_pairs() -> None:
    data = (
        rb"{\rtf1\ansi a\u228?b\uc2\u246xyc\uc0\u252 d{\uc3\u223 abce}f"
        rb"\uc1 \u-10179?\u-8704?!\u8364\'80}"
    )
    assert read_rtf(data, "u.rtf").text == "aäböcüdßef😀!€"


def test_code_pages_from_ansicpg_and_font_charset() -> None:
    data = (
        rb"{\rtf1\ansi\ansicpg1250{\fonttbl{\f0 Arial;}{\f1\fcharset204 Arial Cyr;}}"
        rb"\f0 \'9f\'b9\'ea {\f1 \'cf\'f0\'e8\'e2\'e5\'f2} \'9a\par}"
    )
    assert read_rtf(data, "cp.rtf").text == "źąę Привет š"


def test_symbols_and_control_symbols() -> None:
    data = (
        rb"{\rtf1 a\emdash b\endash c\lquote d\rquote e\ldblquote f\rdblquote g\bullet h"
        rb"\~i\-j\_k\\l\{m\}n\tab o\line p\par}"
    )
    assert read_rtf(data, "s.rtf").text == "a—b–c‘d’e“f”g•h\u00a0ij\u2011k\\l{m}n\to\np"


def test_skipped_destinations_never_reach_the_text() -> None:
    data = (
        rb"{\rtf1 Anfang {\pict\pngblip 89504e470d0a1a0a}"
        rb"{\object{\objdata 0102}}{\footnote FUSSNOTE}{\annotation ANMERKUNG}"
        rb"{\headerl L}{\headerr R}{\headerf F}{\footerl L}{\footerr R}{\footerf F}"
        rb"{\*\unbekannt STERNGRUPPE{\inner TIEF}}{\*\fldinst HYPERLINK x}{\fldrslt Link}"
        rb"{\pict\bin4 }}}}} Ende\par}"
    )
    assert read_rtf(data, "d.rtf").text == "Anfang Link Ende"


def test_lists_from_listtext_and_pntext_labels(block_texts) -> None:
    data = (
        rb"{\rtf1{\fonttbl{\f2\fcharset2 Symbol;}}"
        rb"{\listtext\pard\plain\f2 \'b7\tab}\pard\ls1 Punkt\par"
        rb"{\listtext\pard\plain 1.\tab}\pard\ls2 Erstens\par"
        rb"{\listtext\pard\plain o\tab}\pard\ls1\ilvl1 Unterpunkt\par"
        rb"{\pntext 2.\tab}\pard Zweitens\par Normal\par}"
    )
    assert block_texts(read_rtf(data, "l.rtf")) == [
        ("list_item", 1, "• Punkt"),
        ("list_item", 1, "1. Erstens"),
        ("list_item", 2, "• Unterpunkt"),
        ("list_item", 1, "2. Zweitens"),
        ("paragraph", 0, "Normal"),
    ]


def test_group_scoped_properties_and_missing_final_par() -> None:
    data = rb"{\rtf1{\pard\outlinelevel1 Kapitel\par}Text ohne par}"
    result = read_rtf(data, "g.rtf")
    assert result.text == "Kapitel\nText ohne par"
    assert [(b.kind, b.level) for b in result.blocks] == [("heading", 2), ("paragraph", 0)]


def test_table_without_closing_row_is_kept() -> None:
    data = rb"{\rtf1 Vorher\par\pard\intbl A\cell B\cell C}"
    assert read_rtf(data, "t.rtf").text == "Vorher\nA\tB\tC"


def test_raw_eight_bit_bytes_and_line_endings_in_source() -> None:
    data = "{\\rtf1\\ansi Gr\xf6\xdfe\r\nhier\\\r\nneu}".encode("cp1252")
    assert read_rtf(data, "r.rtf").text == "Größehier\nneu"


def test_extract_by_suffix() -> None:
    result = extract(Path("protokoll.RTF"), rb"{\rtf1 Hallo\par}")
    assert (result.format, result.text) == ("rtf", "Hallo")


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"Hallo Welt", "import.not_rtf"),
        (b"PK\x03\x04", "import.not_rtf"),
        (rb"{\rtf1 offen {\b fett\par", "import.corrupt_rtf"),
        (rb"{\rtf1 Ende\par\'", "import.corrupt_rtf"),
        (rb"{\rtf1 }", "import.no_text"),
        (rb"{\rtf1 {\*\generator nur Metadaten}\par\par}", "import.no_text"),
    ],
)
def test_bad_rtf(data: bytes, key: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        read_rtf(data, "Interview 3.rtf")
    assert caught.value.key == key
    assert str(caught.value).startswith("Interview 3.rtf: ")
