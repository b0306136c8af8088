"""Metadata from the dialog/CLI, a file-name pattern and a manifest, combined."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from qda_app.core.errors import ValidationError
from qda_app.core.importers.filename_pattern import compile_pattern
from qda_app.core.importers.manifest import read_manifest
from qda_app.core.importers.metadata import (
    FileMetadata,
    layered,
    parse_date,
    parse_participants,
)


def test_pattern_reads_fields_and_variables() -> None:
    pattern = compile_pattern("{quarter}_{method}_{date}_{Arbeitsfeld}")
    meta = pattern.read(Path("/x/Manfort_Workshop_2020-11-09_Jugendarbeit.docx"))
    assert (meta.quarter, meta.method, meta.date) == ("Manfort", "Workshop", "2020-11-09")
    assert meta.variables == {"Arbeitsfeld": "Jugendarbeit"}
    assert pattern.read(Path("anders benannt.docx")) is None
    with pytest.raises(ValidationError, match="contains no"):
        compile_pattern("kein_feld")


def test_layers_most_specific_wins() -> None:
    merged = layered(
        FileMetadata(title="datei"),
        FileMetadata(quarter="Opladen", group="A"),
        FileMetadata(quarter="Manfort", variables={"x": 1}),
        FileMetadata(title="Workshop Manfort", group=""),
    )
    assert (merged.title, merged.quarter, merged.group) == ("Workshop Manfort", "Manfort", "A")
    assert merged.variables == {"x": 1}


@pytest.mark.parametrize("text", ["2020-11-09", "09.11.2020", "9.11.20", "20201109"])
def test_dates_in_the_forms_researchers_write(text) -> None:
    assert parse_date(text, "a.docx") == date(2020, 11, 9)


def test_bad_values_name_file_and_value() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date("31.02.2020", "ws.docx")
    assert (
        str(caught.value) == "ws.docx: “31.02.2020” is not a date (use 2020-11-09 or 09.11.2020)."
    )
    assert parse_participants("N=8", "a") == 8
    with pytest.raises(ValidationError, match="not a number of participants"):
        parse_participants("acht", "a")


def test_csv_manifest_with_semicolons_german_titles_and_typed_variables(tmp_path: Path) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text(
        "Datei;Titel;Sozialraum;Methode;Datum;Teilnehmende;Dauer;Vor Ort\n"
        "ws.docx;Workshop Manfort;Manfort;Workshop;09.11.2020;8;90;ja\n"
        "ti.txt;Interview;Alkenrath;Telefoninterview;2020-12-01;1;25,5;nein\n",
        encoding="cp1252",
    )
    manifest = read_manifest(path)
    ws = manifest.for_file(Path("/anywhere/WS.DOCX"))
    assert (ws.title, ws.quarter, ws.method, ws.participants) == (
        "Workshop Manfort",
        "Manfort",
        "Workshop",
        "8",
    )
    assert ws.variables == {"Dauer": 90.0, "Vor Ort": "ja"}
    assert manifest.unmatched([Path("ws.docx")]) == ["ti.txt"]


def test_xlsx_manifest(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["file", "quarter", "date", "participants", "Arbeitsfeld"])
    sheet.append(["ti_1.docx", "Rheindorf", date(2020, 11, 30), 1, "Kita"])
    book.save(tmp_path / "m.xlsx")
    meta = read_manifest(tmp_path / "m.xlsx").for_file(Path("ti_1.docx"))
    assert (meta.quarter, meta.date, meta.participants) == ("Rheindorf", date(2020, 11, 30), 1)
    assert meta.variables == {"Arbeitsfeld": "Kita"}


def test_broken_manifests_are_clear(tmp_path: Path) -> None:
    no_file = tmp_path / "ohne.csv"
    no_file.write_text("Titel,Datum\nA,2020-01-01\n")
    with pytest.raises(ValidationError, match="has no column naming the files"):
        read_manifest(no_file)
    fake = tmp_path / "kaputt.xlsx"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(ValidationError, match="Manifest kaputt.xlsx is damaged or not a valid"):
        read_manifest(fake)
