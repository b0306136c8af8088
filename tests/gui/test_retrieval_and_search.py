"""Segment retrieval and search with autocoding, in the window, on the demo project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gui.window_helpers import show_main_window
from PySide6.QtCore import Qt
from qda_app.sample_projects.demo_builder import build_demo

from qda_app.core.values import SegmentFilter


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo_window(qtbot, temporary_settings, built_demo: Path, tmp_path: Path):
    path = tmp_path / "demo.qda"
    shutil.copy(built_demo, path)
    return show_main_window(qtbot, temporary_settings, path)


def double_click_row(qtbot, table, row: int) -> None:
    index = table.model().index(row, 0)
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_segment_list_filters_and_jumps_to_the_segment(qtbot, demo_window, tmp_path):
    window = demo_window
    project = window.project
    page = window.workbench.segments
    window.workspace.show_page(page)
    assert len(page.segments()) == project.segments.count()

    needs = project.categories.find("Herausforderungen und Bedarfe").id
    page.set_filter(category=needs)
    expected = project.segments.count(SegmentFilter(category_ids=(needs,)))
    assert len(page.segments()) == expected > 0
    page.subtree.setChecked(False)
    assert page.segments() == []  # the parent has no codings of its own
    page.subtree.setChecked(True)

    coder = project.coders.list()[0]
    quarter = project.quarters.find("Manfort")
    page.set_filter(quarter=quarter.id, coder=coder.id)
    wanted = SegmentFilter(category_ids=(needs,), quarter_ids=(quarter.id,), coder_ids=(coder.id,))
    assert [s.coding_id for s in page.segments()] == [
        s.coding_id for s in project.segments.list(wanted, texts=False)
    ]
    page.quotes.setChecked(True)
    assert all(s.is_quote for s in page.segments())
    page.quotes.setChecked(False)
    page.text_filter.setText("jugend")
    qtbot.keyClick(page.text_filter, Qt.Key.Key_Return)
    assert page.segments() and all(
        "jugend" in (s.text + s.memo + s.paraphrase + s.generalisation).casefold()
        for s in page.segments()
    )

    first = page.segments()[0]
    double_click_row(qtbot, page.table, 0)
    assert window.workspace.currentWidget() is window.document_view
    assert window.document_view.document_id == first.document_id
    assert window.document_view.selected_range() == (first.start, first.end)

    xlsx, docx = tmp_path / "segmente.xlsx", tmp_path / "segmente.docx"
    page.export_to(str(xlsx))
    page.export_to(str(docx))
    from docx import Document
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet.max_row == len(page.segments()) + 1
    assert sheet.cell(2, 1).value == first.text
    paragraphs = [p.text for p in Document(str(docx)).paragraphs]
    assert any(first.text in p for p in paragraphs)


def test_search_jump_and_autocode_sentences_in_one_undoable_step(qtbot, demo_window):
    window = demo_window
    project = window.project
    page = window.workbench.search
    window.workspace.show_page(page)
    qtbot.keyClicks(page.query, "Strasse")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    hits = page.hits_model.rows
    assert len(hits) >= 5 and {h.text for h in hits} <= {"Straße", "Straßen", "Strasse"}

    double_click_row(qtbot, page.hits, 1)
    assert window.document_view.document_id == hits[1].document_id
    assert window.document_view.selected_range() == (hits[1].start, hits[1].end)

    window.workspace.show_page(page)
    page.unit.setCurrentIndex(page.unit.findData("sentence"))
    target = "Herausforderungen und Bedarfe/im Hinblick auf den Sozialraum"
    page.category.setCurrentIndex(page.category.findText(target))
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    ranges = page.preview_model.rows
    assert len(ranges) == len(hits)
    assert all(r.text.endswith((".", "?", "!", "…")) for r in ranges)
    before = project.segments.count()
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert project.segments.count() == before + len(ranges)
    assert "autokodieren" in window.menus.undo_action.text()
    window.menus.undo_action.trigger()
    assert project.segments.count() == before


def test_clicking_a_category_or_quarter_filters_the_segment_list(qtbot, window, sample_project):
    page = window.workbench.segments
    window.workspace.show_page(page)
    dock = window.category_dock
    assert dock.isVisible() and window.quarter_dock.isVisible()  # the list keeps the trees
    place = window.project.categories.find(
        "Ressourcen und Möglichkeiten/im Hinblick auf den Sozialraum"
    ).id
    index = dock.model.index_of_category(place)
    dock.view.scrollTo(index)
    qtbot.mouseClick(
        dock.view.viewport(), Qt.MouseButton.LeftButton, pos=dock.view.visualRect(index).center()
    )
    assert [s.category_id for s in page.segments()] == [place]
    assert page.combos["category"].currentData() == place

    page.set_filter(category=None)
    quarters = window.quarter_dock
    stadtweit = quarters.model.index(0, 0)
    qtbot.mouseClick(
        quarters.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=quarters.view.visualRect(stadtweit).center(),
    )
    assert page.combos["quarter"].currentData() is not None
    assert len(page.segments()) == 4  # every coding of the sample lies in the city


def test_search_with_a_regular_expression_and_a_clear_error_for_a_bad_one(qtbot, window):
    page = window.workbench.search
    window.workspace.show_page(page)
    qtbot.mouseClick(page.regex, Qt.MouseButton.LeftButton)
    assert page.regex.isChecked() and page.regex.text() == "Regulärer Ausdruck"
    qtbot.keyClicks(page.query, r"treff\w+|wlan")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert sorted(h.text for h in page.hits_model.rows) == ["Treffpunkte", "WLAN", "treffen"]
    assert page.count.text() == "3 Treffer"

    page.query.clear()
    qtbot.keyClicks(page.query, "(Treff")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert page.hits_model.rows == []
    message = page.count.text()
    assert message.startswith("Das Muster „(Treff“ ist kein gültiger regulärer Ausdruck (")
    assert message.count(".") == 1 and message.endswith(").")  # one sentence

    qtbot.mouseClick(page.regex, Qt.MouseButton.LeftButton)  # off: the same words, literally
    assert not page.regex.isChecked()
    assert page.hits_model.rows == [] and page.count.text() == "0 Treffer"
