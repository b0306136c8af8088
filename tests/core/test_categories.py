"""Revising the category system: create, rename, move, reorder, delete with a fate."""

from __future__ import annotations

import pytest

from qda_app.core.errors import ValidationError
from qda_app.core.services.categories import CodingFate

pytestmark = pytest.mark.both_backends


def names_under(project, parent_id):
    return [c.name for c in project.categories.list() if c.parent_id == parent_id]


def test_preset_builds_three_by_four_tree(project) -> None:
    tops = [c for c in project.categories.list() if c.parent_id is None]
    assert [(c.name, c.tag, c.origin) for c in tops] == [
        ("Herausforderungen und Bedarfe", "Bedarfe", "deductive"),
        ("Ressourcen und Möglichkeiten", "Ressourcen", "deductive"),
        ("Empfehlungen und Leerstellen", "Leerstellen", "deductive"),
    ]
    for top in tops:
        subs = [c for c in project.categories.list() if c.parent_id == top.id]
        assert [c.tag for c in subs] == [
            "Institutionen",
            "Zielgruppe",
            "Sozialraum",
            "Digitalisierung",
        ]
        assert {c.origin for c in subs} == {"inductive"}
        assert all(c.definition and c.coding_rules for c in subs)


def test_find_by_path_tag_path_and_unique_name(project, categories) -> None:
    find = project.categories.find
    assert find("Bedarfe/Zielgruppe").id == categories["Bedarfe/Zielgruppe"]
    assert (
        find("Ressourcen und Möglichkeiten/im Hinblick auf den Sozialraum").id
        == categories["Ressourcen/Sozialraum"]
    )
    assert find("leerstellen").id == categories["Leerstellen"]
    assert find("Zielgruppe") is None  # ambiguous: three subcategories carry the tag


def test_sibling_names_are_unique_but_cousins_may_share(project, categories) -> None:
    with pytest.raises(ValidationError, match="already a category called"):
        project.categories.create("ressourcen und möglichkeiten")
    created = project.categories.create("Wohnen", categories["Bedarfe"])
    assert created.origin == "inductive"
    project.categories.create("Wohnen", categories["Ressourcen"])


def test_move_and_reorder_keep_positions_dense(project, categories) -> None:
    bedarfe = categories["Bedarfe"]
    project.categories.reorder(categories["Bedarfe/Digitalisierung"], 0)
    assert (
        names_under(project, bedarfe)[0] == "im Hinblick auf das Querschnittsthema Digitalisierung"
    )
    housing = project.categories.create("Wohnen", bedarfe, position=1)
    assert names_under(project, bedarfe)[1] == "Wohnen"
    project.categories.move(housing.id, categories["Ressourcen"], 1)
    subs = [c for c in project.categories.list() if c.parent_id == categories["Ressourcen"]]
    assert [c.position for c in subs] == [0, 1, 2, 3, 4]
    assert subs[1].id == housing.id
    remaining = [c for c in project.categories.list() if c.parent_id == bedarfe]
    assert [c.position for c in remaining] == [0, 1, 2, 3]
    with pytest.raises(ValidationError, match="already a category called"):
        project.categories.move(categories["Bedarfe/Zielgruppe"], categories["Ressourcen"])


def test_move_into_own_subtree_is_refused(project, categories) -> None:
    with pytest.raises(ValidationError, match="into itself"):
        project.categories.move(categories["Bedarfe"], categories["Bedarfe/Zielgruppe"])


def test_delete_moves_codings_to_parent(project, document, categories) -> None:
    sub = categories["Bedarfe/Zielgruppe"]
    coding = project.codings.add(document.id, 0, 9, sub)
    project.categories.delete(sub, CodingFate.TO_PARENT)
    assert project.codings.get(coding.id).category_id == categories["Bedarfe"]
    assert len(names_under(project, categories["Bedarfe"])) == 3


def test_delete_subtree_moves_codings_and_statements_to_target(project, document, categories):
    coding = project.codings.add(document.id, 0, 9, categories["Bedarfe/Zielgruppe"])
    statement = project.statements.add(categories["Bedarfe/Sozialraum"], "Treffpunkte fehlen")
    project.categories.delete(
        categories["Bedarfe"], CodingFate.TO_CATEGORY, categories["Leerstellen"]
    )
    assert project.codings.get(coding.id).category_id == categories["Leerstellen"]
    assert project.statements.list()[0].id == statement.id
    assert project.statements.list()[0].category_id == categories["Leerstellen"]
    assert project.categories.find("Bedarfe") is None
    assert len(project.categories.list()) == 10


def test_delete_with_codings_gone_then_undo(project, document, categories) -> None:
    coding = project.codings.add(document.id, 0, 9, categories["Bedarfe/Zielgruppe"])
    anchor = project.categories.add_anchor(categories["Bedarfe/Zielgruppe"], coding.id)
    project.categories.delete(categories["Bedarfe"], CodingFate.DELETE)
    assert project.segments.of_document(document.id) == []
    project.history.undo()
    assert project.codings.get(coding.id).category_id == categories["Bedarfe/Zielgruppe"]
    assert project.categories.anchors(categories["Bedarfe/Zielgruppe"])[0].id == anchor.id


def test_fates_that_cannot_work_are_refused(project, categories) -> None:
    with pytest.raises(ValidationError, match="top-level category"):
        project.categories.delete(categories["Bedarfe"], CodingFate.TO_PARENT)
    with pytest.raises(ValidationError, match="being deleted with it"):
        project.categories.delete(
            categories["Bedarfe"], CodingFate.TO_CATEGORY, categories["Bedarfe/Zielgruppe"]
        )
    with pytest.raises(ValidationError, match="Choose the category"):
        project.categories.delete(categories["Bedarfe"], CodingFate.TO_CATEGORY)
    assert len(project.categories.list()) == 15


def test_moving_onto_an_identical_coding_keeps_one(project, document, categories) -> None:
    project.codings.add(document.id, 0, 9, categories["Bedarfe"])
    project.codings.add(document.id, 0, 9, categories["Bedarfe/Zielgruppe"])
    project.categories.delete(categories["Bedarfe/Zielgruppe"], CodingFate.TO_PARENT)
    assert len(project.segments.of_document(document.id)) == 1


def test_edit_agenda_fields(project, categories) -> None:
    edited = project.categories.update(
        categories["Bedarfe/Sozialraum"],
        tag="Quartier",
        colour="#AABBCC",
        definition="Neu",
        codable=False,
    )
    assert (edited.tag, edited.colour, edited.definition, edited.codable) == (
        "Quartier",
        "#aabbcc",
        "Neu",
        False,
    )
    with pytest.raises(ValidationError, match="not a colour"):
        project.categories.update(categories["Bedarfe"], colour="rot")
