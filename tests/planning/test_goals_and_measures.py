"""Strategic goals, their links to statements, and the planning table's entries, with undo."""

from __future__ import annotations

import pytest

from qda_app.core.analysis.planning_table import planning_table
from qda_app.core.errors import ValidationError
from qda_app.core.project import Project

STUDY_GOALS = [
    "Sozialraumentwicklung strukturell stärken",
    "Netzwerkstrukturen (weiter)entwickeln",
    "Soziale Teilhabe ermöglichen",
    "Öffentlichen Raum ausbauen und stärken",
    "Digitalisierung verankern und erweitern",
]


def quarter_id(project: Project, name: str) -> int:
    found = project.quarters.find(name)
    assert found is not None
    return found.id


def a_statement(project: Project, quarter: str = "Manfort", text: str = "Treffpunkt fehlt") -> int:
    category = project.categories.find("Leerstellen/Sozialraum")
    assert category is not None
    return project.statements.add(category.id, text, quarter_id(project, quarter)).id


def test_the_preset_brings_the_five_goals_of_the_study(project: Project) -> None:
    goals = project.goals.list()
    assert [g.name for g in goals] == STUDY_GOALS
    assert [g.position for g in goals] == [0, 1, 2, 3, 4]
    assert len({g.tag for g in goals}) == 5
    assert all(g.description for g in goals)


def test_goals_are_edited_reordered_and_deleted_with_undo(empty_project: Project) -> None:
    first = empty_project.goals.create("Teilhabe", "T")
    second = empty_project.goals.create("Raum", "R", "Plätze")
    with pytest.raises(ValidationError, match="already"):
        empty_project.goals.create("teilhabe", "X")
    with pytest.raises(ValidationError, match="tag"):
        empty_project.goals.create("Neu", "r")
    empty_project.goals.rename(first.id, "Soziale Teilhabe")
    empty_project.goals.reorder(second.id, 0)
    assert [g.name for g in empty_project.goals.list()] == ["Raum", "Soziale Teilhabe"]
    empty_project.history.undo()
    assert [g.name for g in empty_project.goals.list()] == ["Soziale Teilhabe", "Raum"]
    empty_project.goals.delete(first.id)
    assert [g.name for g in empty_project.goals.list()] == ["Raum"]
    assert empty_project.goals.list()[0].position == 0
    empty_project.history.undo()
    assert [g.name for g in empty_project.goals.list()] == ["Soziale Teilhabe", "Raum"]
    assert empty_project.goals.find("r") == empty_project.goals.get(second.id)


def test_statement_goal_links_and_their_undo(project: Project) -> None:
    statement = a_statement(project)
    goal = project.goals.find("RAUM")
    other = project.goals.find("TEILHABE")
    assert goal is not None and other is not None
    project.goals.link_statement(goal.id, statement)
    project.goals.link_statement(other.id, statement)
    project.goals.link_statement(goal.id, statement)  # twice is once
    assert project.goals.get(goal.id).statement_ids == (statement,)
    assert [g.tag for g in project.goals.goals_of(statement)] == ["TEILHABE", "RAUM"]
    project.history.undo()  # the repeated link changed nothing, so this undoes TEILHABE
    assert [g.tag for g in project.goals.goals_of(statement)] == ["RAUM"]
    project.goals.unlink_statement(goal.id, statement)
    assert project.goals.goals_of(statement) == []
    project.history.undo()
    assert [g.tag for g in project.goals.goals_of(statement)] == ["RAUM"]
    project.statements.delete(statement)  # the link goes with the statement …
    assert project.goals.get(goal.id).statement_ids == ()
    project.history.undo()  # … and comes back with it
    assert project.goals.get(goal.id).statement_ids == (statement,)


def test_a_goal_shows_its_evidence_down_to_the_segments(project: Project) -> None:
    document = project.documents.add(
        "Workshop Manfort",
        "Es fehlt ein Treffpunkt im Quartier.",
        quarter_id=quarter_id(project, "Manfort"),
    )
    category = project.categories.find("Leerstellen/Sozialraum")
    assert category is not None
    coding = project.codings.add(document.id, 0, 26, category.id)
    statement = project.statements.add(
        category.id, "Treffpunkt fehlt", quarter_id(project, "Manfort"), [coding.id]
    )
    goal = project.goals.find("RAUM")
    assert goal is not None
    project.goals.link_statement(goal.id, statement.id)
    evidence = project.goals.evidence(goal.id)
    assert [s.text for s in evidence[statement.id]] == ["Es fehlt ein Treffpunkt im"]


def test_measures_keep_their_status_history_and_undo_takes_it_back(project: Project) -> None:
    manfort = quarter_id(project, "Manfort")
    goal = project.goals.find("NETZ")
    assert goal is not None
    statement = a_statement(project)
    measure = project.planning.add_measure(
        manfort,
        goal.id,
        "Sozialraum-AG monatlich",
        [statement],
        responsible="Quartiersmanagement",
        time_frame="ab 2022",
        priority="high",
    )
    assert measure.status == "proposed"
    project.planning.set_status(measure.id, "agreed")
    project.planning.set_status(measure.id, "running")
    history = project.planning.measure(measure.id).history
    assert [h.status for h in history] == ["proposed", "agreed", "running"]
    assert history[-1].actor == "tester"
    project.history.undo()
    current = project.planning.measure(measure.id)
    assert current.status == "agreed"
    assert [h.status for h in current.history] == ["proposed", "agreed"]
    with pytest.raises(ValidationError):
        project.planning.set_status(measure.id, "finished")
    with pytest.raises(ValidationError):
        project.planning.update_measure(measure.id, priority="urgent")
    assert project.planning.measure(measure.id).statement_ids == (statement,)


def test_missing_entries_and_the_planning_table(project: Project) -> None:
    manfort = quarter_id(project, "Manfort")
    rheindorf = quarter_id(project, "Rheindorf")
    raum = project.goals.find("RAUM")
    assert raum is not None
    statement = a_statement(project)
    project.goals.link_statement(raum.id, statement)
    entry = project.planning.add_missing(manfort, raum.id, "Ein überdachter Treffpunkt")
    project.planning.add_missing(manfort, raum.id, "Toilette am Platz")
    project.planning.add_measure(rheindorf, raum.id, "Bolzplatz öffnen")
    table = planning_table(project)
    cell = table.cell(manfort, raum.id)
    assert [s.id for s in cell.findings] == [statement]
    assert [m.text for m in cell.missing] == ["Ein überdachter Treffpunkt", "Toilette am Platz"]
    assert cell.counts() == {"findings": 1, "missing": 2, "measures": 0}
    assert table.cell(rheindorf, raum.id).counts()["measures"] == 1
    assert [q.name for q in table.quarters][-1] == "Stadtweit"
    project.planning.delete_missing(entry.id)
    assert [m.position for m in project.planning.missing(manfort)] == [0]
    project.history.undo()
    assert len(project.planning.missing(manfort, raum.id)) == 2
    statistical = quarter_id(project, "Opladen-Zentrum")
    with pytest.raises(ValidationError, match="not a Sozialraum"):
        project.planning.add_missing(statistical, raum.id, "x")


def test_deleting_a_goal_takes_its_entries_and_undo_restores_them(project: Project) -> None:
    manfort = quarter_id(project, "Manfort")
    goal = project.goals.find("DIGITAL")
    assert goal is not None
    statement = a_statement(project)
    project.goals.link_statement(goal.id, statement)
    project.planning.add_missing(manfort, goal.id, "WLAN im Treff")
    measure = project.planning.add_measure(manfort, goal.id, "Leihgeräte", [statement])
    project.planning.set_status(measure.id, "agreed")
    project.goals.delete(goal.id)
    assert project.planning.measures() == [] and project.planning.missing() == []
    project.history.undo()
    restored = project.planning.measure(measure.id)
    assert [h.status for h in restored.history] == ["proposed", "agreed"]
    assert restored.statement_ids == (statement,)
    assert project.goals.get(goal.id).statement_ids == (statement,)


def test_a_cross_quarter_statement_brings_the_segments_of_its_sources(project: Project) -> None:
    category = project.categories.find("Leerstellen/Sozialraum")
    assert category is not None
    manfort = quarter_id(project, "Manfort")
    document = project.documents.add("Workshop", "Plätze zum Verweilen fehlen.", quarter_id=manfort)
    coding = project.codings.add(document.id, 0, 27, category.id)
    source = project.statements.add(category.id, "Plätze fehlen", manfort, [coding.id])
    across = project.statements.add(category.id, "Aufenthaltsorte fehlen überall")
    project.statements.link_source(across.id, source.id)
    goal = project.goals.find("RAUM")
    assert goal is not None
    project.goals.link_statement(goal.id, across.id)
    evidence = project.goals.evidence(goal.id)
    assert [s.coding_id for s in evidence[across.id]] == [coding.id]
    table = planning_table(project)
    assert [s.id for s in table.cross_quarter[goal.id]] == [across.id]


def test_a_goal_gets_exactly_the_chosen_statements_in_one_step(project: Project) -> None:
    first, second, third = (a_statement(project, text=f"Lücke {n}") for n in range(3))
    goal = project.goals.find("TEILHABE")
    assert goal is not None
    project.goals.link_statement(goal.id, first)
    project.goals.set_statements(goal.id, [second, third])
    assert project.goals.get(goal.id).statement_ids == (second, third)
    assert "1 removed" in project.history.entries(limit=1)[0].description
    project.history.undo()
    assert project.goals.get(goal.id).statement_ids == (first,)
