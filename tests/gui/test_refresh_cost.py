"""A new coding repaints its document and moves two counts; it does not re-read the lists."""

from __future__ import annotations

from benchmarks.window_statements import count_statements


def test_adding_a_coding_refreshes_without_re_reading_lists(window, sample_project) -> None:
    window.show_document(sample_project.workshop_id)
    category = sample_project.coded_category_id
    before = window.category_dock.model.coding_count(
        window.category_dock.model.index_of_category(category)
    )
    count_statements(window, sample_project.workshop_id, category, 0)  # the coder's first
    written, refreshed = count_statements(window, sample_project.workshop_id, category, 30)
    assert len(written) <= 8
    assert len(refreshed) <= 8  # BEGIN, five small lookup tables, the coding, its links
    reread = [s for s in refreshed if "count(" in s or "FROM documents" in s and " IN " not in s]
    assert reread == []  # no list of all documents, no count query: counts move in place
    model = window.category_dock.model
    assert model.coding_count(model.index_of_category(category)) == before + 2
    assert len(window.document_view.highlighted_ranges()) == 5
