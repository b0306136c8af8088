"""File → Export report, slides, tables in the window: choose quarters, see the preview,
export with progress, cancel between files, confirm overwriting, open the result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.window_helpers import show_main_window
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from qda_app.core import i18n
from qda_app.gui.exports.export_dialog import ExportDialog
from qda_app.gui.shell.app_settings import AppSettings
from qda_app.gui.shell.ui_language import apply_language

ALL_DECKS = 8  # Stadtweit, six Sozialräume, across quarters
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def settings(qapp, tmp_path: Path) -> Iterator[AppSettings]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    chosen = AppSettings()
    chosen.language_choice = "en"
    chosen.coder_name = "Keller"
    chosen.sync()
    previous = i18n.language()
    apply_language("en")
    yield chosen
    apply_language(previous)


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox.StandardButton]:
    """Answers QMessageBox.question gives, in order (the texts asked are kept in `asked`)."""
    answers: list[QMessageBox.StandardButton] = []

    def ask(_parent: object, _title: str, text: str, *_args: object) -> object:
        questions_asked.append(text)
        return answers.pop(0)

    questions_asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", ask)
    return answers


def open_dialog(qtbot, settings: AppSettings, project: Path) -> ExportDialog:
    window = show_main_window(qtbot, settings, project)
    action = window.menus.exports.action
    assert action.isEnabled() and action.text() == "Export report, slides, tables…"
    action.trigger()
    dialog = window.menus.exports.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def type_folder(qtbot, dialog: ExportDialog, folder: Path) -> None:
    dialog.folder_edit.selectAll()
    qtbot.keyClicks(dialog.folder_edit, str(folder))


def toggle(qtbot, widget, label: str) -> None:
    """Select an entry of a choice list and press Space, as a person ticks a box."""
    widget.setFocus()
    widget.setCurrentItem(widget.item_for(label))
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def only(qtbot, widget, keep: str) -> None:
    for item in widget.entries():
        if item.text().strip() != keep:
            toggle(qtbot, widget, item.text().strip())


def test_choose_preview_export_and_open(
    qtbot, settings, demo_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    dialog = open_dialog(qtbot, settings, demo_copy)
    out = tmp_path / "exporte"
    type_folder(qtbot, dialog, out)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pptx"))
    only(qtbot, dialog.quarters, "Manfort")
    assert dialog.quarters.checked_ids() and len(dialog.quarters.checked_ids()) == 1
    preview = dialog.preview.toPlainText()
    assert "leverkusen-demo-Manfort.pptx" in preview and "across-quarters" in preview
    assert "Opladen" not in preview and "coded segments" in preview
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "export-dialog.png"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=60000)
    assert sorted(p.name for p in out.iterdir()) == [
        "leverkusen-demo-Manfort.pptx",
        "leverkusen-demo-across-quarters.pptx",
    ]
    assert "Done: 2 file(s) written." in dialog.preview.toPlainText()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(out))]


def test_nothing_chosen_disables_export(qtbot, settings, demo_copy: Path) -> None:
    dialog = open_dialog(qtbot, settings, demo_copy)
    for item in dialog.coders.entries():
        toggle(qtbot, dialog.coders, item.text().strip())
    assert not dialog.export_button.isEnabled()
    assert "Nothing is chosen" in dialog.preview.toPlainText()


def test_existing_files_are_replaced_only_after_asking(
    qtbot, settings, demo_copy: Path, tmp_path: Path, questions
) -> None:
    dialog = open_dialog(qtbot, settings, demo_copy)
    type_folder(qtbot, dialog, tmp_path)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    csv = tmp_path / "leverkusen-demo-segments.csv"
    csv.write_text("mine", encoding="utf-8")
    dialog.update_preview()
    assert "exists" in dialog.preview.toPlainText()
    questions.append(QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert csv.read_text(encoding="utf-8") == "mine"
    questions.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=60000)
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert dialog.result_url() == QUrl.fromLocalFile(str(csv))


def test_cancel_stops_between_files(qtbot, settings, demo_copy: Path, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, settings, demo_copy)
    type_folder(qtbot, dialog, tmp_path / "decks")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pptx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    menu = dialog.parent().menus.exports
    run = menu.run
    assert run is not None
    run.cancel_button().click()
    qtbot.waitUntil(lambda: run.ended, timeout=60000)
    written = list((tmp_path / "decks").glob("*"))
    assert len(written) < ALL_DECKS  # stopped at the next file; finished ones stay
    assert all(p.suffix == ".pptx" and not p.name.startswith(".") for p in written)
    assert not dialog.open_button.isEnabled()


def test_only_the_formats_options_are_offered(qtbot, settings, demo_copy: Path) -> None:
    dialog = open_dialog(qtbot, settings, demo_copy)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    assert dialog.semicolon.isEnabled() and not dialog.template_edit.isEnabled()
    assert not dialog.appendix.isEnabled() and not dialog.cross.isEnabled()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("docx"))
    assert dialog.appendix.isEnabled() and dialog.sources.isEnabled() and dialog.cross.isEnabled()
    assert not dialog.max_bullets.isEnabled() and not dialog.semicolon.isEnabled()


def test_the_files_language_defaults_to_the_ui_and_can_be_german(
    qtbot, settings, demo_copy: Path, tmp_path: Path
) -> None:
    from pptx import Presentation

    dialog = open_dialog(qtbot, settings, demo_copy)
    assert dialog.language_box.currentData() == "en"  # the window's language
    type_folder(qtbot, dialog, tmp_path)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pptx"))
    only(qtbot, dialog.quarters, "Manfort")
    qtbot.mouseClick(dialog.cross, Qt.MouseButton.LeftButton)  # no cross-quarter deck
    dialog.language_box.setFocus()
    qtbot.keyClicks(dialog.language_box, "German")
    assert dialog.options().language == "de"
    assert "leverkusen-demo-Manfort.pptx" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=60000)
    deck = Presentation(str(tmp_path / "leverkusen-demo-Manfort.pptx"))
    titles = [s.shapes.title.text_frame.text for s in list(deck.slides)[:3]]
    assert titles == ["Ergebnisse Sozialraum: Manfort", "Erhebungsinstrumente", "Kategoriensystem"]
    assert dialog.export_button.text() == "Export"  # the window stays English


def test_cancel_while_the_workbook_is_written_leaves_no_file(
    qtbot, settings, demo_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    from qda_app.core.exporters.workbook import workbook_export

    dialog = open_dialog(qtbot, settings, demo_copy)
    type_folder(qtbot, dialog, tmp_path / "tables")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("xlsx"))
    menu = dialog.parent().menus.exports
    matrix_sheet = workbook_export._matrix_sheet

    def cancelled_meanwhile(*args, **kwargs):  # Cancel pressed while the sheets are written
        menu.run.cancelled = True
        return matrix_sheet(*args, **kwargs)

    monkeypatch.setattr(workbook_export, "_matrix_sheet", cancelled_meanwhile)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    run = menu.run
    qtbot.waitUntil(lambda: run.ended, timeout=60000)
    assert not run.completed and not run.error
    assert not (tmp_path / "tables").exists() or list((tmp_path / "tables").iterdir()) == []
    assert not dialog.open_button.isEnabled()
