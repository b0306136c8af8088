"""`qda demo` builds a realistic, deterministic project of the reference study."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from qda_app.sample_projects.demo_builder import BUILDER_ACTOR, STUDY, build_demo
from sample_study import agreement
from sample_study.agreement import Segment

from qda_app.cli import main
from qda_app.core.analysis.agreement import AgreementOptions, intercoder_agreement
from qda_app.core.analysis.planning_table import planning_table
from qda_app.core.errors import ValidationError
from qda_app.core.integrity import check_project
from qda_app.core.presets import apply_preset
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
    assert data["codings"] >= 1000 and data["coders"] == 2
    subcategories = {path: n for path, n in data["codings_by_category"].items() if "/" in path}
    assert len(subcategories) == 12 and min(subcategories.values()) >= 30


def test_coding_is_thorough_and_anchored_in_both_kinds_of_protocol(demo_path: Path) -> None:
    with Project.open(demo_path) as project:
        assert check_project(project) == []
        documents = {d.id: d for d in project.documents.list()}
        codings = [c for d in documents for c in project.segments.of_document(d)]
        per_quarter = Counter(documents[c.document_id].quarter_id for c in codings)
        assert len(per_quarter) == 7 and min(per_quarter.values()) >= 80
        method = {m.id: m.name for m in project.methods.list()}
        assert sum(c.is_quote for c in codings) >= 40
        assert sum(bool(c.paraphrase and c.generalisation) for c in codings) >= 250
        subcategories = [c for c in project.categories.list() if c.parent_id is not None]
        kinds = set()
        for category in subcategories:
            anchors = project.categories.anchors(category.id)
            assert 1 <= len(anchors) <= 2, category.name
            for anchor in anchors:
                coding = project.codings.get(anchor.coding_id)
                assert coding.category_id == category.id
                kinds.add(method[documents[coding.document_id].method_id])
        assert kinds == {"Workshop", "Telefoninterview"}
        turns = [t for d in documents for t in project.documents.speaker_turns(d)]
        assert {t.role for t in turns} == {"interviewer", "respondent"}


def test_every_quarter_has_statements_linked_to_its_own_codings(demo_path: Path) -> None:
    with Project.open(demo_path) as project:
        quarters = {q.id: q.name for q in project.quarters.list() if q.kind != "statistical"}
        quarter_of = {d.id: d.quarter_id for d in project.documents.list()}
        segments = {s.coding_id: s for s in project.segments.list()}
        statements = project.statements.list()
        per_quarter = [s for s in statements if s.quarter_id is not None]
        assert {quarters[s.quarter_id] for s in per_quarter} == set(quarters.values())
        for statement in per_quarter:
            assert statement.coding_ids
            linked = [segments[c] for c in statement.coding_ids]
            assert {seg.category_id for seg in linked} == {statement.category_id}
            assert {quarter_of[seg.document_id] for seg in linked} == {statement.quarter_id}
        cell_sizes = Counter((s.quarter_id, s.category_id) for s in per_quarter)
        assert 10 <= max(cell_sizes.values()) <= 12  # slides continue as "(1/2)", "(2/2)"
        cross = [s for s in statements if s.quarter_id is None]
        # Cross-quarter statements generalise per-quarter statements (issue 12's links).
        assert len(cross) >= 15 and all(s.source_ids for s in cross)


def test_double_coded_documents_agree_as_two_careful_coders_would(demo_path: Path) -> None:
    with Project.open(demo_path) as project:
        method = {m.id: m.name for m in project.methods.list()}
        double = [
            d
            for d in project.documents.list()
            if project.variables.values(d.id).get("Doppelkodierung") == "ja"
        ]
        assert sorted(method[d.method_id] for d in double) == ["Telefoninterview"] * 3 + [
            "Workshop"
        ]
        labels = []
        for document in double:
            by_coder = {"Keller": [], "Yilmaz": []}
            for seg in project.segments.of_document(document.id, texts=False):
                by_coder[seg.coder].append(Segment(seg.start, seg.end, seg.category_label))
            units = agreement.units(by_coder["Keller"], by_coder["Yilmaz"])
            assert 50 <= len(units) <= 70, document.title
            labels += units
        kinds = Counter(
            "omission"
            if agreement.NOT_CODED in pair
            else "top level"
            if pair[0].split("/")[0] != pair[1].split("/")[0]
            else "subcategory"
            if pair[0] != pair[1]
            else "agreement"
            for pair in labels
        )
        assert min(kinds.values()) >= 5  # every kind of disagreement occurs, and agreement
        assert 0.6 <= agreement.cohens_kappa(labels) <= 0.75
        # The app's own agreement test (issue 15) finds the same units and the same kappa.
        coders = {c.name: c.id for c in project.coders.list()}
        result = intercoder_agreement(
            project,
            AgreementOptions(
                (coders["Keller"], coders["Yilmaz"]), document_ids=tuple(d.id for d in double)
            ),
        )
        assert result.overall.units == len(labels)
        assert result.overall.cohen == pytest.approx(agreement.cohens_kappa(labels))
        assert len(result.disagreements) == len(labels) - kinds["agreement"]


def test_slides_can_name_each_workshop_with_format_date_and_n(demo_path: Path) -> None:
    with Project.open(demo_path) as project:
        lines = {}
        workshop = next(m.id for m in project.methods.list() if m.name == "Workshop")
        for d in project.documents.list():
            if d.method_id != workshop:
                continue
            prefix = {"online": "Online-", "vor Ort": "Vor-Ort-"}[
                project.variables.values(d.id)["Format"]
            ]
            lines[project.quarters.get(d.quarter_id).name] = (
                f"{prefix}Expert*innen-Workshop {d.date:%d.%m.%Y} (N={d.participants})"
            )
    assert lines["Manfort"] == "Online-Expert*innen-Workshop 09.11.2020 (N=8)"
    assert lines["Stadtweit"] == "Vor-Ort-Expert*innen-Workshop 22.09.2020 (N=18)"


def test_the_category_system_has_a_history_and_ends_as_the_preset(
    demo_path: Path, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "preset.qda") as fresh:
        apply_preset(fresh, "leverkusen")
        expected = [_scheme_row(fresh, c) for c in fresh.categories.list()]
    with Project.open(demo_path) as project:
        assert [_scheme_row(project, c) for c in project.categories.list()] == expected
        log = list(reversed(project.history.entries()))
    commands = Counter(entry.command for entry in log)
    created = [e.params["name"] for e in log if e.command == "category.create"]
    assert created[:6] == [
        "Gesundheit und Pflege",
        "Ökonomie",
        "Wohnen",
        "Bildung",
        "Zielgruppe",
        "Digitalisierung",
    ]
    assert "im Hinblick auf die Institution" in created  # renamed later for the slides
    fates = Counter(e.params["fate"] for e in log if e.command == "category.delete")
    assert fates == {"delete": 3} and commands["category.merge"] == 3
    assert commands["coding.change_category"] >= 10 and commands["coding.add"] >= 20
    assert commands["category.rename"] == 3 and commands["category.update"] >= 3
    assert {e.actor for e in log if e.command == "coding.change_category"} == {"Keller", "Yilmaz"}
    first_revision = next(i for i, e in enumerate(log) if e.command == "coding.change_category")
    early = [e for e in log[:first_revision] if e.command == "coding.add"]
    assert len(early) == commands["coding.add"]  # early codings precede the revision


def _scheme_row(project: Project, category) -> tuple:
    parent = project.categories.get(category.parent_id).name if category.parent_id else None
    fields = ("name", "tag", "colour", "origin", "definition", "coding_rules", "block_patterns")
    return (parent, category.position, *(getattr(category, f) for f in fields), category.codable)


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


def test_the_demo_links_its_gap_statements_to_goals_and_plans_two_quarters(demo_path) -> None:
    with Project.open(demo_path) as project:
        goals = project.goals.list()
        assert len(goals) == 5 and all(goal.statement_ids for goal in goals)
        categories = {c.id: c for c in project.categories.list()}
        gap = project.categories.find("Leerstellen")
        assert gap is not None
        linked = {i for goal in goals for i in goal.statement_ids}
        gap_statements = [
            s for s in project.statements.list() if categories[s.category_id].parent_id == gap.id
        ]
        assert {s.id for s in gap_statements} <= linked
        table = planning_table(project)
        planned = {
            q.name
            for q in table.quarters
            for g in table.goals
            if table.cell(q.quarter_id, g.id).missing and table.cell(q.quarter_id, g.id).measures
        }
        assert {"Manfort", "Rheindorf"} <= planned
        statuses = {m.status for m in project.planning.measures()}
        assert {"agreed", "running", "done"} <= statuses
