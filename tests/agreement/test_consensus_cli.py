"""`qda consensus`: one decision for every disagreement of an agreement test, as one undoable
step; `--dry-run` lists the disagreements and changes nothing."""

from __future__ import annotations

import pytest
from agreement.pair_study import Pair

from qda_app.cli.main import main
from qda_app.core.project import Project
from qda_app.core.values import SegmentFilter

WORKSHOP = ("--documents", "Workshop Manfort")


def run(pair: Pair, *extra: str) -> int:
    pair.project.close()
    return main(["consensus", pair.project.location, "--coders", "A,B", *extra])


def ranges(project: Project, coder: str, document_id: int) -> list[tuple[int, int, int]]:
    coder_id = {c.name: c.id for c in project.coders.list()}.get(coder)
    if coder_id is None:
        return []
    where = SegmentFilter(coder_ids=(coder_id,), document_ids=(document_id,))
    return sorted((s.start, s.end, s.category_id) for s in project.segments.list(where))


def test_dry_run_lists_the_disagreements_and_changes_nothing(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = len(pair.project.history.entries())
    assert run(pair, "--decision", "keep-first", "--dry-run", *WORKSHOP) == 0
    out = capsys.readouterr().out
    assert "Disagreements: 4" in out
    assert "Familien mit kleinen Kindern" in out
    assert "Dry run: would keep A's version at 4 disagreements for Consensus" in out
    with Project.open(pair.project.location) as project:
        assert len(project.history.entries()) == entries
        assert "Consensus" not in {c.name for c in project.coders.list()}


def test_keep_first_for_a_new_consensus_coder(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(pair, "--decision", "keep-first", "--into", "Konsens", *WORKSHOP) == 0
    assert "Consensus for Konsens: keep A's version at 4 disagreements" in capsys.readouterr().out
    document = pair.documents[0]
    with Project.open(pair.project.location) as project:
        # The agreed place and A's side of every disagreement: exactly A's pass.
        assert ranges(project, "Konsens", document) == ranges(project, "A", document)
        entry = project.history.entries()[0]
        assert entry.description.startswith("Consensus after the agreement test for Konsens")


def test_keep_second_in_place_for_a_compared_coder_is_one_undoable_step(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    document = pair.documents[0]
    before = {c: ranges(pair.project, c, document) for c in "AB"}
    assert run(pair, "--decision", "keep-second", "--into", "A", *WORKSHOP) == 0
    capsys.readouterr()
    with Project.open(pair.project.location) as project:
        assert ranges(project, "A", document) == before["B"]
        assert ranges(project, "B", document) == before["B"]
    assert main(["undo", pair.project.location]) == 0
    with Project.open(pair.project.location) as project:
        assert ranges(project, "A", document) == before["A"]


def test_neither_removes_both_versions_from_the_consensus(pair: Pair) -> None:
    assert run(pair, "--decision", "neither", *WORKSHOP) == 0
    document = pair.documents[0]
    with Project.open(pair.project.location) as project:
        agreed = [r for r in ranges(project, "A", document) if r in ranges(project, "B", document)]
        assert ranges(project, "Consensus", document) == agreed


def test_more_than_two_coders_are_refused_in_one_sentence(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    pair.project.close()
    code = main(["consensus", pair.project.location, "--coders", "A,B,C", "--decision", "both"])
    assert code != 0
    assert "A consensus compares exactly two coders" in capsys.readouterr().err
