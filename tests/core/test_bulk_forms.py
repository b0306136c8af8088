"""Adding many codings or statements in one command: the same checks as one at a time."""

from __future__ import annotations

import pytest

from qda_app.core.errors import NotFoundError, ValidationError
from qda_app.core.services.codings import NewCoding
from qda_app.core.services.statements import NewStatement

pytestmark = pytest.mark.both_backends


def test_many_codings_in_one_step_and_one_undo(project, document, categories) -> None:
    needs, youth = categories["Bedarfe"], categories["Bedarfe/Zielgruppe"]
    with project.command("test.bulk") as session:
        ids = project.codings.add_many_in(
            session,
            [
                NewCoding(document.id, 0, 9, needs),
                NewCoding(document.id, 0, 9, youth, fields={"memo": "m"}),
                NewCoding(document.id, 0, 9, needs, coder="Yilmaz"),
                NewCoding(document.id, 0, 9, needs),  # the same again
            ],
            skip_duplicates=True,
        )
    assert ids[:3] == sorted(ids[:3]) and ids[3] is None
    segments = project.segments.of_document(document.id)
    assert {(s.category_id, s.coder, s.memo) for s in segments} == {
        (needs, "tester", ""),
        (youth, "tester", "m"),
        (needs, "Yilmaz", ""),
    }
    project.history.undo()
    assert project.segments.of_document(document.id) == []


@pytest.mark.parametrize(
    ("new", "error"),
    [
        ([NewCoding(1, 0, 10_000, 1)], "do not lie within"),
        ([NewCoding(1, 0, 9, 1), NewCoding(1, 0, 9, 1)], "already coded"),
    ],
)
def test_a_bad_item_refuses_the_whole_batch(project, document, new, error) -> None:
    with pytest.raises(ValidationError, match=error), project.command("test.bulk") as session:
        project.codings.add_many_in(session, new)
    assert project.segments.of_document(document.id) == []


def test_many_statements_append_to_their_cells(project, document, categories) -> None:
    needs = categories["Bedarfe"]
    quarter = document.quarter_id
    first = project.statements.add(needs, "Schon da", quarter)
    coding = project.codings.add(document.id, 0, 9, needs)
    with project.command("test.bulk") as session:
        ids = project.statements.add_many_in(
            session,
            [
                NewStatement(needs, "Zweite", quarter, (coding.id,)),
                NewStatement(needs, "Dritte", quarter),
                NewStatement(needs, "Übergreifend", None, (coding.id, coding.id)),
            ],
        )
    cell = project.statements.list(quarter, needs)
    assert [s.text for s in cell] == ["Schon da", "Zweite", "Dritte"]
    assert [s.position for s in cell] == [0, 1, 2] and cell[0].id == first.id
    assert project.statements.list(cross_quarter=True)[0].coding_ids == (coding.id,)
    assert ids[0] == cell[1].id
    with pytest.raises(NotFoundError), project.command("test.bulk") as session:
        project.statements.add_many_in(session, [NewStatement(needs, "X", quarter, (999,))])
