"""A study goes out as QDPX and comes back into a new project unchanged: documents, texts,
categories, codings with offsets, coders and notes, statements, anchors, metadata, journal."""

from __future__ import annotations

from pathlib import Path

from exchange.helpers import NS, assert_valid, qde_of
from exchange.project_snapshot import snapshot

from qda_app.core.exchange.qdpx_export import QdpxExport
from qda_app.core.exchange.qdpx_import import import_qdpx
from qda_app.core.project import Project


def export(project: Project, path: Path) -> Path:
    run = QdpxExport(project, path)
    for _ in run.steps():
        pass
    return path


def guids(path: Path) -> dict[str, set[str]]:
    root = qde_of(path)
    return {
        tag: {e.get("guid") for e in root.iter(f"{{{NS['q']}}}{tag}")}
        for tag in ("User", "Code", "TextSource", "Case", "Set", "Variable")
    }


def test_the_small_study_comes_back_unchanged(
    study: Project, tmp_path: Path, project_schema
) -> None:
    # Variables named like document fields (in either language) stay variables.
    first = study.documents.list()[0]
    study.variables.set(first.id, "Datum", "morgens", "text")
    study.variables.set(first.id, "Quarter", "Nord", "text")
    before = snapshot(study)
    archive = export(study, tmp_path / "study.qdpx")
    summary = import_qdpx(archive, tmp_path / "back.qda", actor="Import")
    assert summary.left_out == () and summary.corrected == ()
    with Project.open(tmp_path / "back.qda") as back:
        after = snapshot(back)
        again = export(back, tmp_path / "again.qdpx")
    assert after == before
    assert summary.count("codings") == 5 and summary.count("statements") == 3
    # The objects keep their GUIDs when the imported project is exported again.
    assert_valid(qde_of(again), project_schema)
    first, second = guids(archive), guids(again)
    for tag in ("User", "Code", "TextSource", "Case", "Set"):
        assert second[tag] == first[tag], tag


def test_the_demo_study_comes_back_unchanged(demo_path: Path, tmp_path: Path) -> None:
    with Project.open(demo_path) as demo:
        before = snapshot(demo)
        archive = export(demo, tmp_path / "demo.qdpx")
    import_qdpx(archive, tmp_path / "back.qda")
    with Project.open(tmp_path / "back.qda") as back:
        after = snapshot(back)
    assert len(before["codings"]) >= 120 and len(before["statements"]) >= 20
    assert after == before


def test_the_import_is_one_change_and_speaker_turns_are_recognised_again(
    study: Project, tmp_path: Path
) -> None:
    archive = export(study, tmp_path / "study.qdpx")
    import_qdpx(archive, tmp_path / "back.qda")
    with Project.open(tmp_path / "back.qda") as back:
        commands = [entry.command for entry in back.history.entries()]
        manfort = next(d for d in back.documents.list() if d.title == "Workshop Manfort")
        turns = back.documents.speaker_turns(manfort.id)
        assert back.history.next_undo() is None  # a new project is not undone past creation
    assert sorted(commands) == ["exchange.import_qdpx", "project.create"]
    assert [t.speaker for t in turns] == ["I", "B", "B"]
