"""The two tree models over core values: structure, what they show, and Qt's model checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView

from qda_app.gui.categories.category_tree_model import CategoryTreeModel
from qda_app.gui.common.tree_view_state import TreeViewState
from qda_app.gui.documents.quarter_document_model import NO_QUARTER_KEY, QuarterDocumentModel


def qt_warnings(qtlog) -> list[str]:
    """What Qt's C++ model tester (or anything else) warned about during the test."""
    return [r.message for r in qtlog.records if r.type_name in ("QtWarningMsg", "QtCriticalMsg")]


@pytest.mark.parametrize("force_py", [False, True], ids=["qt_tester", "python_tester"])
def test_quarter_model_passes_model_tester_through_changes(
    qtmodeltester, qtlog, open_project, force_py
):
    model = QuarterDocumentModel()
    model.set_project(open_project)
    qtmodeltester.check(model, force_py=force_py)
    quarter = open_project.quarters.find("Alkenrath-Nord")
    added = open_project.documents.add("Neu", "Text", quarter_id=quarter.id)
    model.refresh()
    open_project.documents.update(added.id, title="Umbenannt")
    model.refresh()
    open_project.history.undo()
    open_project.history.undo()
    model.refresh()
    assert qt_warnings(qtlog) == []


def test_quarter_tree_shows_hierarchy_documents_and_no_quarter_node(
    open_project, sample_project, find, names
):
    model = QuarterDocumentModel()
    model.set_project(open_project)
    assert names(model) == ["Stadtweit", "Ohne Quartier"]
    south_east = find(model, "Stadtweit", "Manfort", "Manfort-Südost (15)")
    assert names(model, south_east) == [
        "Workshop Manfort, Gruppe 1",
        "Telefoninterview Manfort 1",
    ]
    workshop = model.index(0, 0, south_east)
    assert model.index(0, QuarterDocumentModel.DATE, south_east).data() == "09.11.2020"
    assert model.document_id(workshop) == sample_project.workshop_id
    assert "Workshop" in workshop.data(Qt.ItemDataRole.ToolTipRole)
    assert not workshop.data(Qt.ItemDataRole.DecorationRole).isNull()
    homeless = model.index_for_key(NO_QUARTER_KEY)
    assert names(model, homeless) == ["Notizen ohne Zuordnung"]


def test_selection_survives_a_refresh_that_changes_the_tree(qtbot, open_project, sample_project):
    model = QuarterDocumentModel()
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    TreeViewState(view, model)
    model.set_project(open_project)
    index = model.index_of_document(sample_project.interview_id)
    view.setCurrentIndex(index)
    open_project.documents.add("Weiteres Protokoll", "Text")  # a new branch: model reset
    model.refresh()
    assert model.document_id(view.currentIndex()) == sample_project.interview_id
    assert view.selectionModel().isSelected(model.index_of_document(sample_project.interview_id))
    assert view.isExpanded(model.index_of_document(sample_project.interview_id).parent())


@pytest.mark.parametrize("force_py", [False, True], ids=["qt_tester", "python_tester"])
def test_category_model_passes_model_tester_through_edits(
    qtmodeltester, qtlog, open_project, force_py
):
    model = CategoryTreeModel()
    model.set_project(open_project)
    unsubscribe = open_project.subscribe(model.on_change)
    qtmodeltester.check(model, force_py=force_py)
    top = model.index(0, 0)
    top_id = model.category(top).id
    assert model.setData(top, "Bedarfe und Herausforderungen")  # rename: in-place update
    assert model.index(0, 0).data() == "Bedarfe und Herausforderungen"
    created = open_project.categories.create("Gesundheit", None)  # new row: reset
    open_project.categories.move(created.id, top_id)
    open_project.categories.delete(created.id, "delete")
    open_project.history.undo()
    unsubscribe()
    assert qt_warnings(qtlog) == []


def test_category_model_shows_swatch_tag_count_origin_and_agenda(open_project, sample_project):
    model = CategoryTreeModel()
    model.set_project(open_project)
    youth = model.index_of_category(sample_project.coded_category_id)
    assert youth.data() == "im Hinblick auf die Zielgruppe"
    assert youth.siblingAtColumn(CategoryTreeModel.TAG).data() == "Zielgruppe"
    assert youth.siblingAtColumn(CategoryTreeModel.CODINGS).data() == "2"
    assert not youth.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert youth.data(Qt.ItemDataRole.FontRole).italic()  # inductive
    top = youth.parent()
    assert top.data(Qt.ItemDataRole.FontRole) is None  # deductive: upright
    tooltip = youth.data(Qt.ItemDataRole.ToolTipRole)
    assert "induktiv" in tooltip and "Definition:" in tooltip and "Kodierregel:" in tooltip


def test_refused_rename_is_reported_and_changes_nothing(qtbot, open_project):
    model = CategoryTreeModel()
    model.set_project(open_project)
    first, second = model.index(0, 0), model.index(1, 0)
    with qtbot.waitSignal(model.error_occurred) as blocker:
        assert not model.setData(second, first.data())
    assert "Herausforderungen und Bedarfe" in blocker.args[0]
    tops = [c.name for c in open_project.categories.list() if c.parent_id is None]
    assert tops == [
        "Herausforderungen und Bedarfe",
        "Ressourcen und Möglichkeiten",
        "Empfehlungen und Leerstellen",
    ]
    assert model.index(1, 0).data() == "Ressourcen und Möglichkeiten"


def test_documents_hang_under_their_statistical_quarter_inside_the_sozialraum(
    open_project, sample_project, find, names
):
    manfort = open_project.quarters.find("Manfort")
    own = open_project.documents.add("Workshop Manfort gesamt", "Text.\n", quarter_id=manfort.id)
    open_project.codings.add(own.id, 0, 4, sample_project.coded_category_id)
    model = QuarterDocumentModel()
    model.set_project(open_project)
    sozialraum = find(model, "Stadtweit", "Manfort")
    # The statistical quarter first, with its documents; the Sozialraum's own document beside it.
    assert names(model, sozialraum) == ["Manfort-Südost (15)", "Workshop Manfort gesamt"]
    south_east = find(model, "Stadtweit", "Manfort", "Manfort-Südost (15)")
    assert names(model, south_east) == ["Workshop Manfort, Gruppe 1", "Telefoninterview Manfort 1"]
    # Counts: the statistical quarter's four codings plus the Sozialraum's own one.
    assert model.coding_count(south_east) == 4
    assert model.coding_count(sozialraum) == 5
