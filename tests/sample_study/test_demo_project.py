"""`qda demo` builds a realistic, deterministic project of the reference study."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from qda_app.sample_projects.demo_builder import BUILDER_ACTOR, STUDY, build_demo

from qda_app.cli import main
from qda_app.core.errors import ValidationError
from qda_app.core.integrity import check_project
from qda_app.core.project import Project


def info(path: Path, capsys) -> dict:
    assert main(["info", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_counts_through_qda_info(demo_path: Path, capsys) -> None:
    data = info(demo_path, capsys)
    assert data["documents"] == 27
    assert data["documents_by_method"] == {"Workshop": 7, "Telefoninterview": 20}
    assert data["documents_by_quarter"] == {
        "Stadtweit": 1,
        "Manfort": 6,
        "Alkenrath": 5,
        "Rheindorf": 5,
        "Opladen": 4,
        "Wiesdorf": 3,
        "Steinbüchel": 3,
    }
    assert data["codings"] >= 120 and data["coders"] == 2
    subcategories = {path: n for path, n in data["codings_by_category"].items() if "/" in path}
    assert len(subcategories) == 12 and all(n > 0 for n in subcategories.values())


def test_coding_is_plausible_work_in_progress(demo_path: Path) -> None:
    with Project.open(demo_path) as project:
        assert check_project(project) == []
        quarter_of = {d.id: d.quarter_id for d in project.documents.list()}
        codings = [c for d in project.documents.list() for c in project.segments.of_document(d.id)]
        per_quarter = Counter(quarter_of[c.document_id] for c in codings)
        assert len(per_quarter) == 7 and min(per_quarter.values()) >= 20
        assert sum(c.is_quote for c in codings) >= 20
        assert sum(bool(c.paraphrase) for c in codings) >= 50
        subcategories = [c for c in project.categories.list() if c.parent_id is not None]
        anchors = {c.id: project.categories.anchors(c.id) for c in subcategories}
        assert all(len(found) == 1 for found in anchors.values())
        for category_id, (anchor,) in anchors.items():
            assert project.codings.get(anchor.coding_id).category_id == category_id
        turns = [t for d in project.documents.list() for t in project.documents.speaker_turns(d.id)]
        assert {t.role for t in turns} == {"interviewer", "respondent"}


def test_statements_for_at_least_two_quarters(demo_path: Path) -> None:
    with Project.open(demo_path) as project:
        statements = project.statements.list()
        quarters = {s.quarter_id for s in statements if s.quarter_id is not None}
        assert len(quarters) >= 2
        assert all(s.coding_ids for s in statements)


def test_rebuilding_gives_identical_offsets(demo_path: Path, tmp_path: Path) -> None:
    again = build_demo(tmp_path)

    def offsets(path: Path) -> list[tuple]:
        with Project.open(path) as project:
            return [
                (d.source_filename, c.start, c.end, c.category_id, c.coder_id)
                for d in project.documents.list()
                for c in project.segments.of_document(d.id)
            ]

    assert offsets(again) == offsets(demo_path)


def test_existing_demo_is_kept_unless_forced(demo_path: Path, capsys) -> None:
    before = demo_path.read_bytes()
    code = main(["--lang", "en", "demo", str(demo_path.parent)])
    assert code == 1
    assert capsys.readouterr().err == (
        f"qda: {demo_path} already exists; use --force to rebuild it.\n"
    )
    assert demo_path.read_bytes() == before


def test_a_quote_that_is_gone_stops_the_build_by_name(tmp_path: Path) -> None:
    study = tmp_path / "study"
    shutil.copytree(STUDY, study)
    coding_file = study / "codings" / "ws_02_manfort.toml"
    text = coding_file.read_text(encoding="utf-8")
    coding_file.write_text(
        text.replace("Markenzeichen der Einrichtungen", "Aushängeschild der Einrichtungen", 1),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        build_demo(tmp_path / "out", study=study)
    assert str(caught.value).startswith(
        "Coding manfort-ws-01 in ws_02_manfort.toml: the quote "
        "“Die offene Tür war bisher das Aushängeschild"
    )
    assert list((tmp_path / "out").iterdir()) == []  # nothing half-built left behind


def test_the_built_demo_is_a_baseline_nothing_can_undo(demo_path) -> None:
    for actor in (BUILDER_ACTOR, "Kim Meyer"):
        with Project.open(demo_path, actor=actor) as project:
            assert project.history.next_undo() is None
            assert project.history.next_redo() is None
            assert len(project.history.entries()) > 30  # the build stays on record
