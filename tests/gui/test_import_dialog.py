"""The import dialog before importing: files read in the background, the metadata table fed by
common values, pattern and manifest, typed cells, marked problems, the preview."""

from __future__ import annotations

import pytest
from gui.import_helpers import cell, column, open_import, replace_text, type_into_cell
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from qda_app.core.importers.batch import MetadataSources
from qda_app.core.importers.filename_pattern import compile_pattern
from qda_app.core.importers.metadata import FileMetadata
from qda_app.core.importers.prepared_batch import MetadataCheck, block_patterns, read_files
from qda_app.gui.importing.import_file_table_model import PROBLEM_BACKGROUND, ImportFileTableModel

PATTERN = "{quarter}_{method}_{date}"


def qt_warnings(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if r.type_name in ("QtWarningMsg", "QtCriticalMsg")]


@pytest.mark.parametrize("force_py", [False, True], ids=["qt_tester", "python_tester"])
def test_metadata_table_passes_model_tester_through_changes(
    qtmodeltester, qtlog, open_project, protocols, force_py
):
    model = ImportFileTableModel()
    model.add_files(protocols.all())
    qtmodeltester.check(model, force_py=force_py)
    for reading in read_files(protocols.all(), block_patterns(open_project)):
        model.set_reading(reading)
    sources = MetadataSources(FileMetadata(group="1"), None, compile_pattern(PATTERN))
    model.set_sources(sources, MetadataCheck(open_project, create_missing=False))
    assert model.setData(model.cell(0, "title"), "Von Hand")
    model.revert_cell(model.cell(0, "title"))
    model.remove_rows([1])
    model.add_files([protocols.interview])
    qtmodeltester.check(model, force_py=force_py)
    assert qt_warnings(qtlog) == []


def test_files_are_read_in_the_background_and_an_unreadable_one_says_why(qtbot, window, protocols):
    dialog = window.importer.open_dialog(protocols.all())
    assert dialog.model.rowCount() == 3  # rows appear at once, filled in as files are read
    qtbot.waitUntil(lambda: not dialog.reader.busy())

    assert column(dialog, "status") == {
        "Manfort_Workshop_2020-11-09.docx": "Bereit",
        "Manfort_Telefoninterview_2020-12-03.txt": "Bereit",
        "Alkenrath_Workshop_2020-11-10.docx": "Nicht lesbar",
    }
    broken = cell(dialog, protocols.broken, "status")
    reason = broken.data(Qt.ItemDataRole.ToolTipRole)
    assert reason.startswith("Alkenrath_Workshop_2020-11-10.docx: ") and "beschädigt" in reason
    assert not cell(dialog, protocols.broken, "quarter").flags() & Qt.ItemFlag.ItemIsEditable
    assert dialog.status_label.text() == (
        "3 Dateien · 2 bereit · 1 nicht lesbar (wird übersprungen)"
    )
    assert dialog.import_button.isEnabled()

    dialog.table.setCurrentIndex(broken)
    assert dialog.preview.facts.text() == reason
    assert dialog.preview.text.toPlainText() == ""


def test_common_values_and_pattern_fill_the_rows_but_typed_cells_stay(qtbot, window, protocols):
    dialog = open_import(qtbot, window, protocols.all())
    form = dialog.form

    qtbot.keyClicks(form.quarter_combo.lineEdit(), "Manfort")
    assert set(column(dialog, "quarter").values()) == {"Manfort"}

    title = cell(dialog, protocols.interview, "title")
    type_into_cell(qtbot, dialog.table, title, "Telefoninterview Jugendzentrum")
    assert title.data(Qt.ItemDataRole.FontRole).bold()

    qtbot.keyClicks(form.pattern_edit, PATTERN)
    assert column(dialog, "quarter") == {
        "Manfort_Workshop_2020-11-09.docx": "Manfort",
        "Manfort_Telefoninterview_2020-12-03.txt": "Manfort",
        "Alkenrath_Workshop_2020-11-10.docx": "Alkenrath",
    }
    assert column(dialog, "method")["Manfort_Telefoninterview_2020-12-03.txt"] == (
        "Telefoninterview"
    )
    assert column(dialog, "date")["Manfort_Workshop_2020-11-09.docx"] == "09.11.2020"
    assert form.pattern_message.text() == "Das Muster passt auf 3 von 3 Dateinamen."

    date = cell(dialog, protocols.workshop, "date")
    type_into_cell(qtbot, dialog.table, date, "10.11.20")
    replace_text(qtbot, form.group_edit, "2")
    replace_text(qtbot, form.pattern_edit, "{*}_{method}_{date}")
    qtbot.keyClicks(form.moderator_edit, "K. Schulz")

    assert title.data() == "Telefoninterview Jugendzentrum"
    assert date.data() == "10.11.2020"  # what was typed, read as a date
    assert column(dialog, "date")["Manfort_Telefoninterview_2020-12-03.txt"] == "03.12.2020"
    assert set(column(dialog, "group").values()) == {"2"}
    assert set(column(dialog, "moderator").values()) == {"K. Schulz"}
    assert not cell(dialog, protocols.workshop, "group").data(Qt.ItemDataRole.FontRole)

    dialog.table.setCurrentIndex(title)  # context menu: discard the typed value
    dialog.table.revert_action.trigger()
    assert title.data() == "Manfort_Telefoninterview_2020-12-03"
    assert not title.data(Qt.ItemDataRole.FontRole)


def test_an_unknown_quarter_is_marked_with_its_reason_and_blocks_nothing_else(
    qtbot, window, protocols
):
    dialog = open_import(qtbot, window, protocols.all())
    quarter = cell(dialog, protocols.workshop, "quarter")

    type_into_cell(qtbot, dialog.table, quarter, "Neustadt")

    assert quarter.data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    reason = quarter.data(Qt.ItemDataRole.ToolTipRole)
    assert reason == (
        "Manfort_Workshop_2020-11-09.docx: Ein Quartier „Neustadt“ gibt es im Projekt nicht "
        "(mit „Fehlende anlegen“ wird es angelegt)."
    )
    assert cell(dialog, protocols.workshop, "status").data() == "Prüfen"
    assert cell(dialog, protocols.interview, "status").data() == "Bereit"
    interview_quarter = cell(dialog, protocols.interview, "quarter")
    assert interview_quarter.data(Qt.ItemDataRole.BackgroundRole) is None
    assert dialog.import_button.isEnabled()
    assert dialog.status_label.text().startswith(
        "3 Dateien · 1 bereit · 1 mit unpassenden Angaben (rot markiert,"
    )

    participants = cell(dialog, protocols.interview, "participants")
    type_into_cell(qtbot, dialog.table, participants, "acht")
    assert "„acht“ ist keine Teilnehmendenzahl" in participants.data(Qt.ItemDataRole.ToolTipRole)

    dialog.form.create_check.click()
    assert quarter.data(Qt.ItemDataRole.BackgroundRole) is None
    assert participants.data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND


def test_a_bad_common_date_is_explained_at_the_field_and_holds_the_import(qtbot, window, protocols):
    dialog = open_import(qtbot, window, protocols.all())

    qtbot.keyClicks(dialog.form.date_edit, "31.02.2020")

    message = "„31.02.2020“ ist kein Datum; bitte als 09.11.2020 oder 2020-11-09 angeben."
    assert dialog.form.date_message.text() == message
    assert dialog.status_label.text() == message
    assert not dialog.import_button.isEnabled()
    reason = cell(dialog, protocols.workshop, "date").data(Qt.ItemDataRole.ToolTipRole)
    assert "„31.02.2020“ ist kein Datum" in reason

    replace_text(qtbot, dialog.form.date_edit, "2020-11-09")
    assert dialog.form.date_message.isHidden()
    assert dialog.import_button.isEnabled()


def test_selecting_a_row_previews_its_text_with_turns_and_question_blocks(qtbot, window, protocols):
    from protocol_files import INTERVIEW

    dialog = open_import(qtbot, window, protocols.all())

    dialog.table.setCurrentIndex(cell(dialog, protocols.interview, "file"))

    assert dialog.preview.heading.text() == protocols.interview.name
    assert dialog.preview.text.toPlainText() == INTERVIEW.rstrip("\n")
    assert dialog.preview.text.isReadOnly()
    assert dialog.preview.facts.text() == "515 Zeichen · 8 Redebeiträge · 3 Fragenblöcke"


def test_rows_are_removed_with_the_delete_key_and_files_added_later(
    qtbot, window, protocols, monkeypatch
):
    dialog = open_import(qtbot, window, protocols.all())
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(cell(dialog, protocols.broken, "file"))
    dialog.table.selectRow(dialog.model.row_of(protocols.broken))

    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)

    assert set(column(dialog, "file")) == {protocols.workshop.name, protocols.interview.name}
    assert dialog.status_label.text() == "2 Dateien · 2 bereit"

    extra = protocols.folder / "Opladen_Workshop_2020-11-19.md"
    extra.write_text("# Workshop Opladen\n\nDie Schusterinsel braucht Treffpunkte.\n", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(extra)], ""))
    dialog.add_files_button.click()
    qtbot.waitUntil(lambda: not dialog.reader.busy())
    assert column(dialog, "status")[extra.name] == "Bereit"


def test_a_manifest_fills_values_per_file_and_names_rows_that_fit_no_file(
    qtbot, window, protocols, tmp_path, monkeypatch
):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "Datei;Quartier;Methode;Datum;Teilnehmende;Träger\n"
        "Manfort_Workshop_2020-11-09.docx;Manfort-Südost;Workshop;09.11.2020;8;AWO\n"
        "Manfort_Telefoninterview_2020-12-03;Manfort;Telefoninterview;2020-12-03;1;Caritas\n"
        "Rheindorf_Workshop.docx;Rheindorf;Workshop;16.11.2020;12;AWO\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(manifest), ""))
    dialog = open_import(qtbot, window, protocols.all())
    qtbot.keyClicks(dialog.form.pattern_edit, PATTERN)

    dialog.form.manifest_button.click()

    assert column(dialog, "quarter")[protocols.workshop.name] == "Manfort-Südost"  # over pattern
    assert column(dialog, "participants")[protocols.interview.name] == "1"
    assert column(dialog, "quarter")[protocols.broken.name] == "Alkenrath"  # pattern only
    note = dialog.form.manifest_message.text()
    assert note.startswith("3 Zeilen gelesen.")
    assert "„Rheindorf_Workshop.docx“, das nicht unter den importierten Dateien ist" in note


def test_an_unreadable_manifest_is_reported_inline_and_holds_the_import(
    qtbot, window, protocols, tmp_path, monkeypatch
):
    manifest = tmp_path / "liste.csv"
    manifest.write_text("Name;Quartier\nx;Manfort\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(manifest), ""))
    dialog = open_import(qtbot, window, protocols.all())

    dialog.form.manifest_button.click()

    expected = (
        "Das Manifest liste.csv hat keine Spalte mit den Dateinamen "
        "(Spaltentitel „Datei“ oder „file“)."
    )
    assert dialog.form.manifest_message.text() == expected
    assert dialog.status_label.text() == expected
    assert not dialog.import_button.isEnabled()

    dialog.form.manifest_clear.click()
    assert dialog.form.manifest_message.isHidden()
    assert dialog.import_button.isEnabled()


def test_the_table_shows_the_title_the_import_will_give(qtbot, window, tmp_path):
    """A protocol whose first line is a title shows it in the table instead of the file
    name, and imports with it; a title typed into the table wins."""
    titled = tmp_path / "ws_opladen.txt"
    titled.write_text("Protokoll: Treffen der Träger Opladen\n\nText.\n", encoding="utf-8")
    plain = tmp_path / "ti_opladen.txt"
    plain.write_text("I: Guten Tag.\nB: Hallo.\n", encoding="utf-8")
    dialog = open_import(qtbot, window, [titled, plain])
    assert dialog.model.data(cell(dialog, titled, "title")) == "Treffen der Träger Opladen"
    assert dialog.model.data(cell(dialog, plain, "title")) == "ti_opladen"
    type_into_cell(qtbot, dialog.table, cell(dialog, titled, "title"), "ws_opladen")
    assert dialog.model.data(cell(dialog, titled, "title")) == "ws_opladen"
    dialog.reject()
