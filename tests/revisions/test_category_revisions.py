"""Merge, split and move codings on the demo study; each undone restores everything exactly."""

from __future__ import annotations

import pytest
from revisions.revision_support import category_id, full_state

from qda_app.core.errors import ValidationError
from qda_app.core.project import Project
from qda_app.core.services.categories import CodingFate
from qda_app.core.values import SegmentFilter

pytestmark = pytest.mark.both_backends

NEEDS_PLACE = "Bedarfe/Sozialraum"
NEEDS_GROUP = "Bedarfe/Zielgruppe"


def codings_of(project: Project, path: str) -> list:
    return project.segments.list(
        SegmentFilter(category_ids=(category_id(project, path),), subcategories=False),
        texts=False,
    )


def test_merge_moves_codings_anchors_statements_then_undo_restores(demo: Project) -> None:
    source, target = category_id(demo, NEEDS_PLACE), category_id(demo, NEEDS_GROUP)
    before = full_state(demo)
    moving = codings_of(demo, NEEDS_PLACE)
    staying = codings_of(demo, NEEDS_GROUP)
    statements = [s.id for s in demo.statements.list(category_id=source)]
    assert moving and statements
    demo.categories.update(source, definition="Orte im Quartier.", coding_rules="Nur Orte.")
    demo.categories.update(target, definition="Gruppen.", coding_rules="")
    before = full_state(demo)
    preview = demo.categories.preview_merge(source, target)
    assert full_state(demo) == before  # a preview changes nothing
    source_anchors = len(demo.categories.anchors(source))
    target_anchors = len(demo.categories.anchors(target))
    assert source_anchors >= 1

    done = demo.categories.merge(source, target)

    assert done == preview
    assert (done.codings, done.merged, done.anchors) == (len(moving), 0, source_anchors)
    assert done.statements == len(statements)
    assert demo.categories.find(NEEDS_PLACE) is None
    merged = codings_of(demo, NEEDS_GROUP)
    assert {s.coding_id for s in merged} == {s.coding_id for s in moving + staying}
    anchors = demo.categories.anchors(target)
    assert len(anchors) == source_anchors + target_anchors
    assert [a.position for a in anchors] == list(range(len(anchors)))
    assert {s.id for s in demo.statements.list(category_id=target)} >= set(statements)
    agenda = demo.categories.get(target)
    assert agenda.definition == "Gruppen.\n\nOrte im Quartier."
    assert agenda.coding_rules == "Nur Orte."
    entry = demo.history.next_undo()
    assert entry is not None and entry.command == "category.merge"
    assert "im Hinblick auf den Sozialraum" in entry.description

    after = full_state(demo)
    demo.history.undo()
    assert full_state(demo) == before
    demo.history.redo()
    assert full_state(demo) == after


def test_identical_codings_become_one_keeping_links_and_notes(demo: Project) -> None:
    source, target = category_id(demo, NEEDS_PLACE), category_id(demo, NEEDS_GROUP)
    linked = next(s for s in codings_of(demo, NEEDS_PLACE) if s.statement_ids)
    coder = linked.coder
    twin = demo.codings.add(
        linked.document_id, linked.start, linked.end, target, coder=coder, memo="Zweitsicht"
    )
    other_coder = demo.codings.add(
        linked.document_id, linked.start, linked.end, target, coder="Zweitkodiererin"
    )
    before = full_state(demo)
    count = demo.categories.merge(source, target, append_definition=False)
    assert count.merged == 1
    after = {s.coding_id: s for s in codings_of(demo, NEEDS_GROUP)}
    assert linked.coding_id not in after  # became one with its twin
    kept = after[twin.id]
    assert kept.statement_ids == linked.statement_ids  # the links went to the twin
    assert kept.memo.startswith("Zweitsicht") and kept.paraphrase == linked.paraphrase
    assert other_coder.id in after  # another coder's coding of the same words stays
    demo.history.undo()
    assert full_state(demo) == before


def test_merge_of_top_level_categories_merges_same_named_subcategories(demo: Project) -> None:
    needs, gaps = category_id(demo, "Bedarfe"), category_id(demo, "Leerstellen")
    count_before = len(demo.segments.list(SegmentFilter(category_ids=(needs, gaps)), texts=False))
    before = full_state(demo)
    done = demo.categories.merge(needs, gaps, append_definition=False)
    assert done.subcategories == 0
    children = [c.name for c in demo.categories.list() if c.parent_id == gaps]
    assert len(children) == 4
    assert len(demo.segments.list(SegmentFilter(category_ids=(gaps,)), texts=False)) == (
        count_before
    )
    demo.history.undo()
    assert full_state(demo) == before


def test_merge_refuses_itself_and_its_subtree(demo: Project) -> None:
    needs = category_id(demo, "Bedarfe")
    with pytest.raises(ValidationError, match="itself"):
        demo.categories.merge(needs, needs)
    with pytest.raises(ValidationError, match="own subcategories"):
        demo.categories.merge(needs, category_id(demo, NEEDS_GROUP))


def test_split_into_new_category_then_undo(demo: Project) -> None:
    source = category_id(demo, NEEDS_GROUP)
    chosen = codings_of(demo, NEEDS_GROUP)[:3]
    before = full_state(demo)
    count = demo.categories.split(
        [s.coding_id for s in chosen],
        new_name="im Hinblick auf Familien",
        parent_id=category_id(demo, "Bedarfe"),
        definition="Familien mit Kindern.",
    )
    created = demo.categories.find("Bedarfe/im Hinblick auf Familien")
    assert created is not None and created.definition == "Familien mit Kindern."
    assert count.codings == 3 and count.target_id == created.id
    moved = demo.segments.list(SegmentFilter(category_ids=(created.id,)), texts=False)
    assert [(s.start, s.end, s.coder) for s in moved] == [(s.start, s.end, s.coder) for s in chosen]
    remaining = {s.coding_id for s in codings_of(demo, NEEDS_GROUP)}
    assert remaining.isdisjoint(s.coding_id for s in chosen)
    assert demo.categories.get(source).name == "im Hinblick auf die Zielgruppe"
    demo.history.undo()
    assert full_state(demo) == before


def test_split_takes_the_anchor_example_along(demo: Project) -> None:
    source = category_id(demo, NEEDS_GROUP)
    anchor, *others = demo.categories.anchors(source)
    target = category_id(demo, "Ressourcen/Zielgruppe")
    preview = demo.categories.preview_split([anchor.coding_id], target)
    assert (preview.codings, preview.anchors) == (1, 1)
    demo.categories.split([anchor.coding_id], target)
    assert [a.coding_id for a in demo.categories.anchors(source)] == [a.coding_id for a in others]
    assert anchor.coding_id in [a.coding_id for a in demo.categories.anchors(target)]


def test_move_codings_with_preview_then_undo(demo: Project) -> None:
    source, target = category_id(demo, NEEDS_PLACE), category_id(demo, "Ressourcen/Sozialraum")
    n_source = len(codings_of(demo, NEEDS_PLACE))
    n_target = len(codings_of(demo, "Ressourcen/Sozialraum"))
    before = full_state(demo)
    preview = demo.categories.preview_move_codings(source, target)
    assert preview.codings == n_source and preview.merged == 0
    assert "codings will move" in preview.describe()
    assert full_state(demo) == before
    demo.categories.move_codings(source, target)
    assert codings_of(demo, NEEDS_PLACE) == []
    assert len(codings_of(demo, "Ressourcen/Sozialraum")) == n_source + n_target
    assert demo.categories.find(NEEDS_PLACE) is not None  # the category itself stays
    demo.history.undo()
    assert full_state(demo) == before


def test_delete_with_fate_uses_the_same_rule_for_identical_codings(demo: Project) -> None:
    source, parent = category_id(demo, NEEDS_PLACE), category_id(demo, "Bedarfe")
    linked = next(s for s in codings_of(demo, NEEDS_PLACE) if s.statement_ids)
    twin = demo.codings.add(
        linked.document_id, linked.start, linked.end, parent, coder=linked.coder
    )
    before = full_state(demo)
    demo.categories.delete(source, CodingFate.TO_PARENT)
    kept = demo.segments.get(twin.id)
    assert kept.statement_ids == linked.statement_ids
    demo.history.undo()
    assert full_state(demo) == before


def test_moving_into_a_category_that_is_not_codable_is_refused(demo: Project) -> None:
    source, target = category_id(demo, NEEDS_PLACE), category_id(demo, "Ressourcen")
    demo.categories.update(target, codable=False)
    before = full_state(demo)
    with pytest.raises(ValidationError, match="only groups"):
        demo.categories.move_codings(source, target)
    assert full_state(demo) == before
