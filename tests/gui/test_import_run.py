"""Importing from the window: menu, dropped files, progress with Cancel, summary, and the
project holding exactly what the table showed."""

from __future__ import annotations

import threading
from datetime import date

from gui.import_helpers import cell, open_import, type_into_cell
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from shiboken6 import isValid

from qda_app.gui.importing.import_dialog import ImportDialog
from qda_app.gui.shell.main_window import MainWindow


def wait_for_summary(qtbot, window: MainWindow):
    qtbot.waitUntil(lambda: window.importer.summary_dialog is not None)
    summary = window.importer.summary_dialog
    qtbot.waitExposed(summary)
    return summary


def new_documents(window: MainWindow, before: set[int]):
    return {d.title: d for d in window.project.documents.list() if d.id not in before}


def test_import_shows_progress_stores_the_tables_metadata_and_summarises(qtbot, window, protocols):
    project = window.project
    before = {d.id for d in project.documents.list()}
    dialog = open_import(qtbot, window, protocols.all())
    qtbot.keyClicks(dialog.form.pattern_edit, "{quarter}_{method}_{date}")
    dialog.form.participants_spin.setValue(6)
    qtbot.keyClicks(dialog.form.group_edit, "1")
    type_into_cell(qtbot, dialog.table, cell(dialog, protocols.workshop, "title"), "WS Manfort")
    dialog.table.setCurrentIndex(cell(dialog, protocols.interview, "file"))
    preview = dialog.preview.text.toPlainText()

    dialog.import_button.click()

    progress = dialog.run.progress
    assert progress.isVisible()
    assert progress.labelText() == (
        "Datei 1 von 2 wird importiert:\nManfort_Workshop_2020-11-09.docx"
    )
    summary = wait_for_summary(qtbot, window)
    # Both are gone: hidden, or already deleted (the dialog is deleted once it has finished).
    assert all(not isValid(w) or not w.isVisible() for w in (dialog, progress))

    documents = new_documents(window, before)
    assert set(documents) == {"WS Manfort", "Manfort_Telefoninterview_2020-12-03"}
    workshop, interview = documents["WS Manfort"], documents["Manfort_Telefoninterview_2020-12-03"]
    manfort = project.quarters.find("Manfort")
    assert (workshop.quarter_id, workshop.date, workshop.participants) == (
        manfort.id,
        date(2020, 11, 9),
        6,
    )
    assert workshop.group_label == "1" and workshop.source_filename == protocols.workshop.name
    assert project.methods.find("Workshop").id == workshop.method_id
    assert project.methods.find("phone_interview").id == interview.method_id
    assert interview.date == date(2020, 12, 3)
    assert project.documents.text(interview.id) == preview
    assert len(project.documents.speaker_turns(interview.id)) == 8

    assert summary.windowTitle() == "Import abgeschlossen"
    text = summary.text()
    assert text.startswith("2 von 3 Dateien importiert.")
    assert "Importiert (2)" in text and "Nicht importiert (1)" in text
    assert "Alkenrath_Workshop_2020-11-10.docx: Die Datei ist beschädigt" in text
    # The window shows the first imported document, and its quarter holds both.
    assert window.document_view.document_id == workshop.id
    assert window.quarter_dock.model.document_id(window.quarter_dock.view.currentIndex()) == (
        workshop.id
    )
    assert "2 Dokumente" not in window.status.text() and "6 Dokumente" in window.status.text()


def test_cancel_stops_after_the_current_file_and_keeps_it(qtbot, window, protocols):
    before = {d.id for d in window.project.documents.list()}
    dialog = open_import(qtbot, window, protocols.all())

    dialog.import_button.click()
    dialog.run.cancel_button().click()

    assert "wird noch fertig importiert" in dialog.run.progress.labelText()
    summary = wait_for_summary(qtbot, window)
    assert list(new_documents(window, before)) == ["Protokoll Workshop Manfort"]  # its first line
    assert summary.windowTitle() == "Import abgebrochen"
    text = summary.text()
    assert text.startswith("Import abgebrochen: 1 von 3 Dateien importiert.")
    assert (
        "Wegen des Abbruchs nicht importiert (1): Manfort_Telefoninterview_2020-12-03.txt." in text
    )


def test_an_unknown_quarter_fails_only_its_own_file(qtbot, window, protocols):
    before = {d.id for d in window.project.documents.list()}
    dialog = open_import(qtbot, window, [protocols.workshop, protocols.interview])
    type_into_cell(qtbot, dialog.table, cell(dialog, protocols.workshop, "quarter"), "Neustadt")

    dialog.import_button.click()

    text = wait_for_summary(qtbot, window).text()
    assert list(new_documents(window, before)) == ["Manfort_Telefoninterview_2020-12-03"]
    assert "Manfort_Workshop_2020-11-09.docx: Ein Quartier „Neustadt“ gibt es im Projekt" in text


def test_file_menu_imports_files_or_a_folder_and_needs_a_project(
    qtbot, window, protocols, monkeypatch
):
    chosen = [str(protocols.workshop), str(protocols.interview)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    window.menus.import_files_action.trigger()
    dialog = window.importer.dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    assert [row.path.name for row in dialog.model.rows] == [
        protocols.workshop.name,
        protocols.interview.name,
    ]
    dialog.buttons.rejected.emit()
    assert window.importer.dialog is None

    nested = protocols.folder / "Telefon"
    nested.mkdir()
    (nested / "Wiesdorf_Telefoninterview_2020-12-01.txt").write_text("I: Hallo\nB: Ja\n")
    (protocols.folder / "notizen.xyz").write_text("keine Protokolldatei")
    folder = str(protocols.folder)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: folder)
    window.menus.import_folder_action.trigger()
    dialog = window.importer.dialog
    names = [row.path.name for row in dialog.model.rows]
    assert "Wiesdorf_Telefoninterview_2020-12-01.txt" in names and len(names) == 4
    assert any("notizen.xyz wurde ausgelassen" in note for note in dialog.notes)
    assert window.settings.import_folder == folder
    dialog.reject()
    qtbot.waitUntil(lambda: window.importer.dialog is None)

    window.close_project()
    assert not window.menus.import_files_action.isEnabled()
    assert not window.menus.import_folder_action.isEnabled()


def drag_events(paths: list[str], urls: list[QUrl] | None = None):
    mime = QMimeData()
    mime.setUrls(urls if urls is not None else [QUrl.fromLocalFile(p) for p in paths])
    enter = QDragEnterEvent(
        QPoint(600, 400),  # an integer point in every PySide6 release
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    drop = QDropEvent(
        QPointF(600, 400),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    return mime, enter, drop


def test_dropping_files_on_the_window_opens_the_import_dialog_with_them(qtbot, window, protocols):
    paths = [str(protocols.interview), str(protocols.broken)]
    _mime, enter, drop = drag_events(paths)

    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, drop)

    dialog = window.importer.dialog
    assert dialog is not None and dialog.isVisible()
    assert [str(row.path) for row in dialog.model.rows] == paths
    qtbot.waitUntil(lambda: not dialog.reader.busy())

    _mime, enter, drop = drag_events([str(protocols.workshop), str(protocols.interview)])
    QApplication.sendEvent(dialog, enter)  # more files, dropped on the dialog itself
    assert enter.isAccepted()
    QApplication.sendEvent(dialog, drop)
    assert [row.path.name for row in dialog.model.rows] == [
        protocols.interview.name,
        protocols.broken.name,
        protocols.workshop.name,
    ]
    qtbot.waitUntil(lambda: not dialog.reader.busy())
    dialog.reject()


def test_web_links_and_drops_without_a_project_are_refused(qtbot, window, protocols):
    _mime, enter, _drop = drag_events([], [QUrl("https://example.org/protokoll.docx")])
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()

    window.close_project()
    _mime, enter, drop = drag_events([str(protocols.workshop)])
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    QApplication.sendEvent(window, drop)
    assert window.importer.dialog is None


def test_changes_committed_on_another_thread_refresh_the_window_on_the_gui_thread(
    qtbot, window, find, names
):
    refreshed_on: list[int] = []
    window.changes.changed.connect(lambda _event: refreshed_on.append(threading.get_ident()))
    worker = threading.Thread(
        target=lambda: window.project.documents.add("Aus dem Hintergrund", "Text.\n")
    )
    worker.start()
    worker.join()

    model = window.quarter_dock.model
    assert "Aus dem Hintergrund" not in names(model, find(model, "Ohne Quartier"))
    qtbot.waitUntil(lambda: "Aus dem Hintergrund" in names(model, find(model, "Ohne Quartier")))
    assert refreshed_on == [threading.get_ident()]
    assert "5 Dokumente" in window.status.text()
