"""The category system's history read from the change log: entries, before/after, a date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from revisions.revision_support import category_id

from qda_app.core import i18n
from qda_app.core.project import Project
from qda_app.core.services.categories import CodingFate

pytestmark = pytest.mark.both_backends

PLACE, GROUP = "Bedarfe/Sozialraum", "Bedarfe/Zielgruppe"


def test_history_lists_a_merge_with_its_before_and_after(demo: Project) -> None:
    source, target = category_id(demo, PLACE), category_id(demo, GROUP)
    demo.categories.update(source, definition="Orte.")
    original = demo.categories.get(target).definition
    demo.categories.merge(source, target)
    newest = demo.category_history.changes()[0]
    assert newest.kind == "merged" and newest.actor == "Keller"
    assert source in newest.category_ids and target in newest.category_ids
    before, after = demo.category_history.before_and_after(newest.entry_id, target)
    assert before is not None and after is not None
    assert before.definition == original and after.definition == original + "\n\nOrte."
    assert (
        before.path == after.path == "Herausforderungen und Bedarfe/im Hinblick auf die Zielgruppe"
    )
    gone_before, gone_after = demo.category_history.before_and_after(newest.entry_id, source)
    assert gone_before is not None and gone_before.definition == "Orte."
    assert gone_after is None


def test_each_kind_of_revision_is_named_and_filtered_by_category(demo: Project) -> None:
    needs = category_id(demo, "Bedarfe")
    created = demo.categories.create("Wohnen", None)
    demo.categories.rename(created.id, "Wohnen und Mieten")
    demo.categories.move(created.id, needs)
    demo.categories.update(created.id, coding_rules="Nur Mietfragen.")
    demo.categories.update(created.id, colour="#123456")
    demo.categories.split(
        [demo.categories.anchors(category_id(demo, PLACE))[0].coding_id], created.id
    )
    demo.categories.delete(created.id, CodingFate.TO_PARENT)
    kinds = [c.kind for c in demo.category_history.changes(created.id)]
    assert kinds == ["deleted", "split", "edited", "definition", "moved", "renamed", "created"]
    everything = demo.category_history.changes()
    oldest = everything[-1]  # the team's first deductive scheme, made in the window
    assert oldest.kind == "created" and "Gesundheit und Pflege" in oldest.description
    assert all(c.command != "coding.add" for c in everything)
    i18n.set_language("de")
    assert everything[0].kind_label == "gelöscht"


def test_an_undone_revision_shows_as_undone_with_its_marker(demo: Project) -> None:
    source, target = category_id(demo, PLACE), category_id(demo, GROUP)
    demo.categories.merge(source, target)
    demo.history.undo()
    marker, merge = demo.category_history.changes()[:2]
    assert marker.kind == "undone" and marker.marks == merge.entry_id
    assert merge.state == "undone" and merge.undone_by == marker.entry_id
    assert "Undo" in marker.description and "Merge" in marker.description
    # before and after an undo marker: the merge taken back
    before, after = demo.category_history.around(marker.entry_id)
    assert source not in before and source in after
    demo.history.redo()
    redo = demo.category_history.changes()[0]
    assert redo.kind == "redone" and demo.category_history.changes()[2].state == "done"


def test_the_system_at_a_date_beside_the_current_one(demo: Project) -> None:
    source, target = category_id(demo, PLACE), category_id(demo, GROUP)
    counts_now = {c.id: c for c in demo.category_history.compare(datetime.now(UTC))}
    assert all(c.status == "unchanged" for c in counts_now.values())
    moment = demo.history.entries(limit=1)[0].created_at  # the system after the last change
    n_source = counts_now[source].codings_now
    n_target = counts_now[target].codings_now
    demo.categories.rename(target, "im Hinblick auf Zielgruppen")
    demo.categories.merge(source, target)
    new = demo.categories.create("Gesundheit und Pflege")
    compared = {c.id: c for c in demo.category_history.compare(moment)}
    assert compared[source].status == "removed" and compared[source].codings_then == n_source
    assert compared[target].status == "changed" and "name" in compared[target].changed
    assert compared[target].then.name == "im Hinblick auf die Zielgruppe"
    assert (compared[target].codings_then, compared[target].codings_now) == (
        n_target,
        n_source + n_target,
    )
    assert compared[new.id].status == "added" and compared[new.id].then is None
    system, counts = demo.category_history.system_at(moment)
    assert len(system) == 15 and counts[source] == n_source
    # long before the project existed: nothing
    assert demo.category_history.system_at(moment - timedelta(days=3650))[0] == []
