"""The category properties dialog (coding agenda), driven through the category tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.window_helpers import show_main_window
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QColorDialog, QLineEdit, QMenu
from qda_app.sample_projects.demo_builder import build_demo

from qda_app.core.project import Project
from qda_app.gui.categories.anchor_picker_dialog import AnchorPickerDialog
from qda_app.gui.categories.category_properties_dialog import CategoryPropertiesDialog
from qda_app.gui.categories.category_tree_model import CategoryTreeModel
from qda_app.gui.categories.segment_list import ENTRY_ROLE
from qda_app.gui.shell.ui_language import apply_language

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
LEFT = Qt.MouseButton.LeftButton


def replace_text(qtbot, edit, text: str) -> None:
    """Select everything in a line or text field and type over it, as a person would."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def choose_from_context_menu(qtbot, view, index, label: str) -> None:
    """Right-click the row and pick the entry called `label` from the menu that opens."""

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text() == label)
        assert action.isEnabled()
        menu.setActiveAction(action)
        # Posted, not sent: the key reaches the menu from its own event loop, as typed keys do.
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        QApplication.postEvent(menu, key)

    QTimer.singleShot(50, pick)
    viewport = view.viewport()
    position = view.visualRect(index).center()
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=position)
    # What the window system sends after a right-click (QTest does not synthesise it).
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, position, viewport.mapToGlobal(position)
    )
    QApplication.sendEvent(viewport, event)


def open_dialog(qtbot, window, category_id: int) -> CategoryPropertiesDialog:
    dialog = window.category_dock.make_properties_dialog(category_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_edit_from_the_context_menu_and_undo_in_one_step(
    qtbot, window, sample_project, answer_dialog, monkeypatch, message_boxes
):
    dock, project = window.category_dock, window.project
    youth = sample_project.coded_category_id
    before = project.categories.get(youth)
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args, **_kw: QColor("#1a5fb4"))
    index = dock.model.index_of_category(youth)  # the right-click selects it

    def edit(dialog) -> None:
        assert isinstance(dialog, CategoryPropertiesDialog)
        assert dialog.name_edit.text() == "im Hinblick auf die Zielgruppe"
        assert dialog.path_label.text() == "Unterkategorie von „Herausforderungen und Bedarfe“"
        replace_text(qtbot, dialog.tag_edit, "Jugend")
        replace_text(qtbot, dialog.definition_edit, "Aussagen zu Kindern und Jugendlichen.")
        replace_text(qtbot, dialog.rules_edit, "Nur wenn eine Gruppe genannt wird.")
        qtbot.mouseClick(dialog.colour_button, LEFT)
        assert dialog.colour_button.text() == "#1a5fb4"
        qtbot.mouseClick(dialog.codable_box, LEFT)
        assert not dialog.codable_box.isChecked()
        qtbot.mouseClick(dialog.ok_button, LEFT)
        assert not dialog.isVisible()

    answer_dialog(edit)
    choose_from_context_menu(qtbot, dock.view, index, "Eigenschaften …")

    after = project.categories.get(youth)
    assert (after.tag, after.colour, after.codable) == ("Jugend", "#1a5fb4", False)
    assert after.definition == "Aussagen zu Kindern und Jugendlichen."
    assert after.coding_rules == "Nur wenn eine Gruppe genannt wird."
    assert (after.name, after.origin) == (before.name, before.origin)
    entry = project.history.next_undo()
    changed = set(entry.params) - {"id", "category"}
    assert changed == {"tag", "colour", "definition", "coding_rules", "codable"}
    tag_cell = dock.model.index_of_category(youth, CategoryTreeModel.TAG)
    assert tag_cell.data() == "Jugend"
    assert window.menus.undo_action.text().endswith("„im Hinblick auf die Zielgruppe“ bearbeiten")
    assert message_boxes == []

    window.menus.undo_action.trigger()

    assert project.categories.get(youth) == before
    assert dock.model.index_of_category(youth, CategoryTreeModel.TAG).data() == before.tag


def test_alt_return_and_a_double_click_on_the_tag_open_the_dialog(
    qtbot, window, sample_project, answer_dialog
):
    dock = window.category_dock
    youth = sample_project.coded_category_id
    opened: list[int] = []

    def note_and_cancel(dialog) -> None:
        assert isinstance(dialog, CategoryPropertiesDialog)
        opened.append(dialog.category.id)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    dock.view.setCurrentIndex(dock.model.index_of_category(youth))
    dock.view.setFocus()
    answer_dialog(note_and_cancel)
    qtbot.keyClick(dock.view, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert opened == [youth]

    tag_cell = dock.model.index_of_category(youth, CategoryTreeModel.TAG)
    position = dock.view.visualRect(tag_cell).center()
    answer_dialog(note_and_cancel)
    # A double-click on the selected row: press, release, double-click, release.
    qtbot.mousePress(dock.view.viewport(), LEFT, pos=position)
    qtbot.mouseRelease(dock.view.viewport(), LEFT, pos=position)
    qtbot.mouseDClick(dock.view.viewport(), LEFT, pos=position)
    assert opened == [youth, youth]
    qtbot.wait(QApplication.doubleClickInterval() + 100)
    assert dock.view.findChild(QLineEdit) is None  # no in-place editor left behind


def test_an_invalid_pattern_line_disables_ok_with_the_reason(qtbot, window, sample_project):
    dialog = open_dialog(qtbot, window, sample_project.parent_category_id)
    assert dialog.ok_button.isEnabled()
    assert dialog.pattern_edit.toPlainText()  # the preset recognises the question block
    dialog.pattern_edit.setFocus()
    dialog.pattern_edit.moveCursor(dialog.pattern_edit.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.pattern_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.pattern_edit, "(")

    assert not dialog.ok_button.isEnabled()
    assert dialog.pattern_problem.isVisible()
    reason = dialog.pattern_problem.text()
    assert reason.startswith("Zeile 2: Das Muster „(“ ist kein gültiger regulärer Ausdruck")
    assert dialog.ok_button.toolTip() == reason
    assert len(dialog.pattern_edit.extraSelections()) == 1

    qtbot.keyClicks(dialog.pattern_edit, ")")
    assert dialog.ok_button.isEnabled() and not dialog.pattern_problem.isVisible()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    patterns = window.project.categories.get(sample_project.parent_category_id).block_patterns
    assert patterns.splitlines()[-1] == "()"


def test_anchor_examples_are_added_from_the_picker_and_removed(
    qtbot, window, sample_project, answer_dialog
):
    project = window.project
    youth = sample_project.coded_category_id
    assert project.categories.anchors(youth) == []
    dialog = open_dialog(qtbot, window, youth)
    assert dialog.anchors.empty_label.isVisible() and not dialog.anchors.remove_button.isEnabled()

    def pick_by_filter(picker) -> None:
        assert isinstance(picker, AnchorPickerDialog)
        assert picker.count_label.text() == "2 von 2 Segmenten"
        qtbot.keyClicks(picker.filter_edit, "jugendlichE")
        assert picker.count_label.text() == "1 von 2 Segmenten"
        visible = [picker.list.item(r) for r in range(picker.list.count())]
        visible = [item for item in visible if not item.isHidden()]
        assert visible[0].data(ENTRY_ROLE).title == "Workshop Manfort, Gruppe 1"
        qtbot.mouseClick(
            picker.list.viewport(), LEFT, pos=picker.list.visualItemRect(visible[0]).center()
        )
        qtbot.mouseClick(picker.ok_button, LEFT)

    answer_dialog(pick_by_filter)
    qtbot.mouseClick(dialog.anchors.add_button, LEFT)

    anchors = project.categories.anchors(youth)
    assert len(anchors) == 1
    assert project.segments.get(anchors[0].coding_id).text == sample_project.coded_text
    shown = dialog.anchors.entries()
    assert [e.text for e in shown] == [sample_project.coded_text]
    assert sample_project.coded_text in dialog.anchors.list.item(0).toolTip()

    def already_anchored_is_greyed(picker) -> None:
        offered = [picker.list.item(r) for r in range(picker.list.count())]
        enabled = [
            i.data(ENTRY_ROLE).coding_id for i in offered if i.flags() & Qt.ItemFlag.ItemIsEnabled
        ]
        assert anchors[0].coding_id not in enabled and len(enabled) == 1
        qtbot.mouseClick(picker.buttons.button(picker.buttons.StandardButton.Cancel), LEFT)

    answer_dialog(already_anchored_is_greyed)
    qtbot.mouseClick(dialog.anchors.add_button, LEFT)
    assert len(project.categories.anchors(youth)) == 1

    qtbot.mouseClick(dialog.anchors.remove_button, LEFT)
    assert project.categories.anchors(youth) == []
    assert dialog.anchors.entries() == [] and dialog.anchors.empty_label.isVisible()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), LEFT)
    assert project.categories.anchors(youth) == []  # anchor edits are not taken back by Cancel

    window.menus.undo_action.trigger()  # … but by undo, one step each
    assert [a.coding_id for a in project.categories.anchors(youth)] == [anchors[0].coding_id]


def test_a_duplicate_sibling_name_is_told_in_the_dialog_and_changes_nothing(
    qtbot, window, sample_project, message_boxes
):
    project = window.project
    youth = sample_project.coded_category_id
    before = project.categories.get(youth)
    last_entry = project.history.next_undo()
    dialog = open_dialog(qtbot, window, youth)
    replace_text(qtbot, dialog.name_edit, "im Hinblick auf die Institutionen")
    replace_text(qtbot, dialog.tag_edit, "Neu")

    qtbot.mouseClick(dialog.ok_button, LEFT)

    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "Auf dieser Ebene gibt es bereits eine Kategorie „im Hinblick auf die Institutionen“."
    )
    assert project.categories.get(youth) == before
    assert project.history.next_undo() == last_entry
    assert message_boxes == []
    qtbot.keyClicks(dialog.name_edit, " 2")  # editing again clears the message
    assert not dialog.error_label.isVisible()


def test_a_colleagues_edit_while_the_dialog_is_open_is_not_overwritten(
    qtbot, window, sample_project, message_boxes
):
    project = window.project
    youth = sample_project.coded_category_id
    dialog = open_dialog(qtbot, window, youth)
    replace_text(qtbot, dialog.tag_edit, "Meins")
    with Project.open(sample_project.path, actor="Kollegin") as colleague:
        colleague.categories.update(youth, definition="Die Definition der Kollegin")

    qtbot.mouseClick(dialog.ok_button, LEFT)

    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "neu laden" in dialog.error_label.text()
    after = project.categories.get(youth)
    assert after.definition == "Die Definition der Kollegin" and after.tag != "Meins"
    assert message_boxes == []


def test_ok_without_changes_records_nothing(qtbot, window, sample_project):
    project = window.project
    last_entry = project.history.next_undo()
    dialog = open_dialog(qtbot, window, sample_project.parent_category_id)
    assert dialog.changes() == {}
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert not dialog.isVisible()
    assert project.history.next_undo() == last_entry


# -- screenshots with the demo study ---------------------------------------------------------


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))


def save(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_screenshots_with_the_demo_study(qtbot, temporary_settings, demo_path, tmp_path, lang):
    apply_language(lang)
    copy = tmp_path / demo_path.name
    copy.write_bytes(demo_path.read_bytes())
    window = show_main_window(qtbot, temporary_settings, copy)
    project = window.project
    paths = {path: cid for cid, path in project.categories.paths().items()}
    youth = paths["Herausforderungen und Bedarfe/im Hinblick auf die Zielgruppe"]
    second = project.segments.of_category(youth)[3].coding_id
    project.categories.add_anchor(youth, second)

    dialog = open_dialog(qtbot, window, youth)
    save(dialog, f"category_properties_{lang}")
    refused = open_dialog(qtbot, window, youth)
    replace_text(qtbot, refused.name_edit, "im Hinblick auf die Institutionen")
    qtbot.mouseClick(refused.ok_button, LEFT)
    assert refused.error_label.isVisible()
    save(refused, f"category_properties_refused_{lang}")
    picker = dialog.anchors.make_picker()
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.filter_edit, "Eltern")
    save(picker, f"category_properties_picker_{lang}")

    top = open_dialog(qtbot, window, paths["Herausforderungen und Bedarfe"])
    top.pattern_edit.appendPlainText("frage\\s*(1")
    assert not top.ok_button.isEnabled()
    save(top, f"category_properties_patterns_{lang}")
