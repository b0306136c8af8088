"""Statements: verbatim-quote mark, several segments at once, cross-quarter statements linked
to the per-quarter statements they generalise, and the quarters counted behind them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qda_app.core.analysis.statement_support import statement_support
from qda_app.core.db import migrate, store
from qda_app.core.errors import ValidationError
from qda_app.core.project import Project

pytestmark = pytest.mark.both_backends

FIXTURES = Path(__file__).parents[1] / "fixtures" / "projects"


@pytest.fixture
def cells(study):
    """Per-quarter statements of Bedarfe/Institutionen in four quarters and one cross-quarter
    statement of the same category."""
    project, cats, quarters = study.project, study.categories, study.quarters
    institution = cats["Bedarfe/Institutionen"]
    per_quarter = {
        name: project.statements.add(institution, f"Geschlossen in {name}", quarters[name])
        for name in ("Manfort", "Alkenrath", "Opladen", "Stadtweit")
    }
    across = project.statements.add(institution, "Einrichtungen lange geschlossen")
    return study, per_quarter, across


def test_quarters_behind_a_cross_quarter_statement_come_from_its_links(cells) -> None:
    study, per_quarter, across = cells
    project = study.project
    for name in ("Opladen", "Manfort", "Stadtweit"):
        project.statements.link_source(across.id, per_quarter[name].id)
    project.statements.link_source(across.id, per_quarter["Manfort"].id)  # twice: one link
    info = project.statements.get(across.id)
    assert set(info.source_ids) == {per_quarter[n].id for n in ("Opladen", "Manfort", "Stadtweit")}
    assert project.statements.get(per_quarter["Manfort"].id).generalised_by == (across.id,)
    support = statement_support(project)[across.id]
    # Quarter order, the city-wide level apart; the text says nothing about it.
    assert support.quarter_ids == (study.quarters["Manfort"], study.quarters["Opladen"])
    assert (support.count, support.total, support.city_wide) == (2, 6, True)
    project.statements.unlink_source(across.id, per_quarter["Opladen"].id)
    assert statement_support(project)[across.id].count == 1


def test_a_per_quarter_statement_on_a_statistical_quarter_counts_for_its_sozialraum(
    cells,
) -> None:
    study, _per_quarter, across = cells
    project = study.project
    centre = project.statements.add(
        study.categories["Bedarfe/Institutionen"], "Zentrum", study.quarters["Opladen-Zentrum"]
    )
    project.statements.link_source(across.id, centre.id)
    assert statement_support(project)[across.id].quarter_ids == (study.quarters["Opladen"],)


def test_links_that_make_no_sense_are_refused(cells) -> None:
    study, per_quarter, across = cells
    project, cats = study.project, study.categories
    manfort = per_quarter["Manfort"].id
    with pytest.raises(ValidationError, match="belongs to a quarter"):
        project.statements.link_source(manfort, per_quarter["Opladen"].id)
    other = project.statements.add(cats["Bedarfe/Institutionen"], "Noch eine übergreifende")
    with pytest.raises(ValidationError, match="cross-quarter statement itself"):
        project.statements.link_source(across.id, other.id)
    elsewhere = project.statements.add(
        cats["Ressourcen/Sozialraum"], "Hof", study.quarters["Manfort"]
    )
    with pytest.raises(ValidationError, match="another category"):
        project.statements.link_source(across.id, elsewhere.id)
    # A top-level cross-quarter statement may generalise statements of its subcategories.
    top = project.statements.add(cats["Bedarfe"], "Bedarfe überall")
    project.statements.link_source(top.id, manfort)
    assert project.statements.get(top.id).source_ids == (manfort,)


def test_deleting_either_side_takes_the_link_and_undo_brings_it_back(cells) -> None:
    study, per_quarter, across = cells
    project = study.project
    manfort = per_quarter["Manfort"].id
    project.statements.link_source(across.id, manfort)
    project.statements.delete(manfort)
    assert project.statements.get(across.id).source_ids == ()
    project.history.undo()
    assert project.statements.get(across.id).source_ids == (manfort,)
    project.statements.delete(across.id)
    assert project.statements.get(manfort).generalised_by == ()
    project.history.undo()
    assert project.statements.get(manfort).generalised_by == (across.id,)


def test_link_commands_are_logged_and_undoable(cells) -> None:
    study, per_quarter, across = cells
    project = study.project
    project.statements.link_source(across.id, per_quarter["Manfort"].id)
    entry = project.history.entries(1)[0]
    assert entry.command == "statement.link_source"
    assert "Geschlossen in Manfort" in entry.description
    project.history.undo()
    assert project.statements.get(across.id).source_ids == ()
    project.history.redo()
    assert project.statements.get(across.id).source_ids == (per_quarter["Manfort"].id,)


def test_the_quote_mark_needs_a_linked_segment_and_goes_with_the_last_one(study) -> None:
    project = study.project
    coding = project.segments.list()[0]
    statement = project.statements.add(
        coding.category_id, "„Die Einrichtung war zu“", coding.quarter_id
    )
    with pytest.raises(ValidationError, match="no segment is linked"):
        project.statements.set_quote(statement.id, True)
    project.statements.link(statement.id, coding.coding_id)
    assert project.statements.set_quote(statement.id, True).contains_quote
    assert project.history.entries(1)[0].command == "statement.set_quote"
    project.statements.unlink(statement.id, coding.coding_id)
    assert not project.statements.get(statement.id).contains_quote
    project.history.undo()
    assert project.statements.get(statement.id).contains_quote
    made = project.statements.add(
        coding.category_id, "Zitat", coding.quarter_id, [coding.coding_id], contains_quote=True
    )
    assert made.contains_quote


def test_several_segments_are_linked_in_one_command(study) -> None:
    project = study.project
    segments = project.segments.list()[:3]
    statement = project.statements.add(segments[0].category_id, "Drei Belege")
    before = len(project.history.entries())
    linked = project.statements.link_codings(statement.id, [s.coding_id for s in segments])
    assert linked.coding_ids == tuple(sorted(s.coding_id for s in segments))
    assert len(project.history.entries()) == before + 1
    project.history.undo()
    assert project.statements.get(statement.id).coding_ids == ()


def test_upgrading_a_0002_project_keeps_the_links_of_its_statements(tmp_path) -> None:
    """The new column is added in place: statements are not copied, their links stay."""
    path = tmp_path / "alt.qda"
    shutil.copy(FIXTURES / "empty-r0002.qda", path)
    engine = store.create_store_engine(store.location_to_url(path))
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO categories (id, parent_id, position, name, tag, colour, origin, "
            "definition, coding_rules, codable, block_patterns, created_at) VALUES "
            "(1, NULL, 0, 'Bedarfe', 'B', '#ff0000', 'deductive', '', '', 1, '', '2021-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO coders (id, name, colour, created_at) "
            "VALUES (1, 'Keller', '#000000', '2021-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO documents (id, title, group_label, moderator, source_filename, "
            "source_format, content_hash, text, text_length, position, created_at) VALUES "
            "(1, 'Alt', '', '', '', 'txt', 'x', 'Ein alter Text', 14, 0, '2021-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO codings (id, document_id, document_length, start_pos, end_pos, "
            "category_id, coder_id, memo, paraphrase, generalisation, is_quote, created_at, "
            "updated_at) VALUES (1, 1, 14, 4, 9, 1, 1, '', '', '', 0, '2021-01-01', '2021-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO statements (id, category_id, quarter_id, text, position, created_at, "
            "updated_at) VALUES (1, 1, NULL, 'Alte Aussage', 0, '2021-01-01', '2021-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO statement_codings (statement_id, coding_id) VALUES (1, 1)"
        )
    engine.dispose()
    with Project.open(path) as project:
        assert migrate.current_revision(project.engine) == migrate.head_revision()
        statement = project.statements.get(1)
        assert (statement.coding_ids, statement.contains_quote) == ((1,), False)
