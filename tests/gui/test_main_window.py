"""The window on a project, as a person uses it: tree, text, highlights, status bar, files."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from qda_app.gui.shell.app import open_main_window, run_app
from qda_app.gui.shell.main_window import MainWindow
from qda_app.gui.shell.new_project_dialog import NewProjectDialog

OLDER_PROJECT = Path(__file__).parents[1] / "fixtures" / "projects" / "empty-r0001.qda"


def click(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def test_quarter_tree_and_clicking_a_document_shows_its_highlighted_text(
    qtbot, window, sample_project, find
):
    model, view = window.quarter_dock.model, window.quarter_dock.view
    south_east = find(model, "Stadtweit", "Manfort", "Manfort-Südost (15)")
    document = model.index(0, 0, south_east)
    assert document.data() == "Workshop Manfort, Gruppe 1"
    assert view.isExpanded(south_east)

    click(qtbot, view, document)

    view = window.document_view
    assert view.document_id == sample_project.workshop_id
    text = view.text.toPlainText()
    assert text.startswith("Online-Workshop Manfort")
    header = view.header_text()
    assert "Workshop Manfort, Gruppe 1" in header
    for part in ("Manfort-Südost (15)", "Workshop", "09.11.2020", "8 Teilnehmende", "Zeichen"):
        assert part in header
    # The first highlight is the coded sentence, though two emoji come before it.
    start, end = view.highlighted_ranges()[0]
    assert (
        text.encode("utf-16-le")[start * 2 : end * 2].decode("utf-16-le")
        == sample_project.coded_text
    )
    assert len(view.highlighted_ranges()) == 3


def test_status_bar_names_project_coder_and_counts(window, sample_project):
    status = window.status.text()
    assert "manfort" in status
    assert sample_project.coder in status
    assert "4 Dokumente" in status and "4 Kodierungen" in status and "15 Kategorien" in status
    assert window.windowTitle() == "manfort.qda – qda_app"


def test_opening_a_non_project_file_warns_and_the_window_stays_usable(
    qtbot, window, tmp_path, monkeypatch, message_boxes
):
    notes = tmp_path / "notizen.qda"
    notes.write_text("Das ist eine Textdatei, kein Projekt.\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(notes), ""))

    window.menus.open_action.trigger()

    assert len(message_boxes) == 1
    kind, text = message_boxes[0]
    assert kind == "warning" and str(notes) in text and "keine qda_app-Projektdatei" in text
    assert window.project is not None and window.project.location.endswith("manfort.qda")
    category = window.category_dock.model.index(0, 0)
    assert window.category_dock.model.setData(category, "Bedarfe")
    assert window.menus.undo_action.isEnabled()


def test_without_a_file_the_most_recent_project_opens(qtbot, temporary_settings, sample_project):
    temporary_settings.add_recent(str(sample_project.path))
    window = open_main_window([], temporary_settings)
    qtbot.addWidget(window)
    assert window.project is not None
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.currentWidget() is window.document_view


def test_start_page_opens_recent_and_drops_missing_ones(
    qtbot, temporary_settings, sample_project, tmp_path, message_boxes
):
    gone = tmp_path / "verschwunden.qda"
    temporary_settings.add_recent(str(sample_project.path))
    temporary_settings.add_recent(str(gone))  # the newest entry no longer exists
    window = open_main_window([], temporary_settings)
    qtbot.addWidget(window)
    assert window.project is None
    page = window.start_page
    assert window.stack.currentWidget() is page
    items = [page.recent_list.item(row) for row in range(page.recent_list.count())]
    assert "nicht gefunden" in items[0].text()
    assert items[1].text().startswith("manfort.qda")

    click(qtbot, page.recent_list, page.recent_list.indexFromItem(items[0]))
    assert message_boxes and "verschwunden.qda" in message_boxes[0][1]
    assert temporary_settings.recent_files() == [str(sample_project.path)]

    click(qtbot, page.recent_list, page.recent_list.indexFromItem(page.recent_list.item(0)))
    assert window.project is not None
    assert window.menus.recent_menu.actions()[0].text() == "&1 manfort.qda"


def test_new_project_button_creates_a_project_from_the_preset(
    qtbot, temporary_settings, tmp_path, find, answer_dialog
):
    window = MainWindow(temporary_settings)
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "neu"

    def fill_in(dialog) -> None:
        assert isinstance(dialog, NewProjectDialog)
        dialog.selectFile(str(target))
        dialog.preset_box.setChecked(True)
        dialog.accept()

    answer_dialog(fill_in)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)

    assert window.project is not None
    assert Path(window.project.location) == tmp_path / "neu.qda"
    tree = window.quarter_dock.model
    assert find(tree, "Stadtweit", "Opladen", "Opladen-Zentrum (30)").isValid()
    assert window.category_dock.model.rowCount() == 3
    assert "0 Dokumente" in window.status.text()


def test_creating_over_an_existing_file_warns(
    qtbot, window, sample_project, monkeypatch, message_boxes
):
    assert not window.create_project(str(sample_project.path), None)
    assert "existiert bereits" in message_boxes[0][1]
    assert window.project is not None


def test_opening_an_older_project_names_its_backup(qtbot, window, tmp_path, message_boxes):
    older = tmp_path / "alt.qda"
    shutil.copyfile(OLDER_PROJECT, older)

    assert window.open_project(str(older))

    assert [kind for kind, _text in message_boxes] == ["information"]
    backups = list(tmp_path.glob("alt.backup-*.qda"))
    assert len(backups) == 1 and str(backups[0]) in message_boxes[0][1]
    assert window.project.location == str(older)


def test_about_names_the_version(qtbot, window, message_boxes):
    window.menus.about_action.trigger()
    kind, text = message_boxes[-1]
    assert kind == "about" and "qda_app" in text and "0." in text


def test_view_menu_hides_and_shows_the_docks(qtbot, window):
    toggle = window.quarter_dock.toggleViewAction()
    assert toggle in window.menus.view_menu.actions()
    toggle.trigger()
    assert window.quarter_dock.isHidden()
    toggle.trigger()
    assert not window.quarter_dock.isHidden()


def test_run_app_opens_the_file_and_returns_when_the_window_closes(qtbot, sample_project):
    seen: list[str] = []

    def close_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = [w for w in windows if w.isVisible()]
        if shown and shown[0].project is not None:
            seen.append(shown[0].project.location)
        for window in shown:
            window.close()

    closer, guard = QTimer(), QTimer()
    closer.setSingleShot(True)
    closer.timeout.connect(close_window)
    guard.setSingleShot(True)
    guard.timeout.connect(QApplication.quit)  # never hang, whatever happens above
    closer.start(50)
    guard.start(5_000)
    try:
        assert run_app([str(sample_project.path)]) == 0
    finally:
        closer.stop()
        guard.stop()
    assert seen == [str(sample_project.path)]


def test_undo_is_disabled_when_there_is_nothing_to_undo(qtbot, window, tmp_path):
    assert window.create_project(str(tmp_path / "leer.qda"), None)
    undo, redo = window.menus.undo_action, window.menus.redo_action
    assert not undo.isEnabled() and undo.text() == "&Rückgängig"
    assert not redo.isEnabled() and redo.text() == "&Wiederherstellen"
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.currentWidget() is window.document_view
    assert "0 Kategorien" in window.status.text()


def test_deleting_the_shown_document_clears_the_view(qtbot, window, sample_project, find):
    window.quarter_dock.select_document(sample_project.loose_id)
    assert window.document_view.document_id == sample_project.loose_id

    window.project.documents.delete(sample_project.loose_id)

    assert window.document_view.document_id is None
    assert window.document_view.text.toPlainText() == ""
    assert "Kein Dokument ausgewählt" in window.document_view.header_text()
    model = window.quarter_dock.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Stadtweit"]
    assert "3 Dokumente" in window.status.text()

    window.menus.undo_action.trigger()
    assert model.index(1, 0).data() == "Ohne Quartier"
