"""REFI-QDA codebooks (QDC): the category system out, valid against Codebook.xsd, and in,
into a new project or into an open one (merging by name on request) as one undoable change."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange.helpers import NS, REFI, assert_valid
from exchange.refi_archives import code, g
from lxml import etree

from qda_app.core.exchange.codebook_exchange import (
    create_project_from_codebook,
    export_codebook,
    import_codebook,
)
from qda_app.core.exchange.exchange_values import ExchangeError
from qda_app.core.project import Project


def agenda(project: Project) -> list[tuple]:
    paths = project.categories.paths()
    return [
        (paths[c.id], c.tag, c.colour, c.origin, c.definition, c.coding_rules, c.codable)
        for c in project.categories.list()
    ]


def test_the_codebook_validates_and_makes_a_new_project_with_the_same_categories(
    study: Project, tmp_path: Path, codebook_schema
) -> None:
    summary = export_codebook(study, tmp_path / "study.qdc")
    root = etree.parse(str(tmp_path / "study.qdc")).getroot()
    assert_valid(root, codebook_schema)
    assert summary.count("categories") == 15
    assert len(root.findall("c:Codes/c:Code", NS)) == 3
    created = create_project_from_codebook(tmp_path / "study.qdc", tmp_path / "new.qda")
    assert created.project_path == tmp_path / "new.qda"
    with Project.open(tmp_path / "new.qda") as new:
        assert agenda(new) == agenda(study)


def test_an_open_project_takes_a_codebook_in_one_undoable_change(
    study: Project, tmp_path: Path
) -> None:
    export_codebook(study, tmp_path / "study.qdc")
    with Project.create(tmp_path / "other.qda", actor="Keller") as other:
        other.categories.create("Herausforderungen und Bedarfe", definition="")
        other.categories.create("Eigene Kategorie")
        merged = import_codebook(other, tmp_path / "study.qdc", merge_by_name=True)
        assert merged.count("merged") == 1 and merged.count("categories") == 14
        names = [c.name for c in other.categories.list() if c.parent_id is None]
        assert names == [
            "Herausforderungen und Bedarfe",
            "Eigene Kategorie",
            "Ressourcen und Möglichkeiten",
            "Empfehlungen und Leerstellen",
        ]
        needs = other.categories.find("Herausforderungen und Bedarfe")
        assert needs is not None and needs.definition.startswith("Probleme und Bedarfe")
        other.history.undo()
        assert [c.name for c in other.categories.list()] == [
            "Herausforderungen und Bedarfe",
            "Eigene Kategorie",
        ]
        separate = import_codebook(other, tmp_path / "study.qdc")
        assert separate.count("categories") == 15
        assert any(f.key == "exchange.fixed.renamed" for f in separate.corrected)
        assert other.categories.find("Herausforderungen und Bedarfe (2)") is not None


def test_codebooks_of_other_programs(tmp_path: Path) -> None:
    qualcoder = tmp_path / "qualcoder.qdc"
    qualcoder.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder 4.0"><Codes>'
        + code(g(1), "Orte", codable=False, color=None, children=code(g(2), "Parks", color="#abc"))
        + f'</Codes><Sets><Set guid="{g(3)}" name="Alle"><MemberCode guid="{g(2)}"/></Set>'
        + "</Sets></CodeBook>",
        encoding="utf-8",
    )
    summary = create_project_from_codebook(qualcoder, tmp_path / "q.qda")
    with Project.open(tmp_path / "q.qda") as project:
        places, parks = project.categories.list()
        assert places.codable and places.colour.startswith("#")
        assert parks.colour == "#aabbcc"
    assert {f.key for f in summary.corrected} == {
        "exchange.fixed.qualcoder_category_codable",
        "exchange.fixed.colour_assigned",
    }
    assert [f.key for f in summary.left_out] == ["exchange.left.codebook_sets"]
    # The codebook of a project file (QDPX) imports as well.
    create_project_from_codebook(REFI / "samples" / "atlasti-23-codes.qdpx", tmp_path / "a.qda")
    with Project.open(tmp_path / "a.qda") as project:
        assert len(project.categories.list()) == 3


def test_an_empty_category_system_is_not_exported(tmp_path: Path) -> None:
    with (
        Project.create(tmp_path / "empty.qda") as empty,
        pytest.raises(ExchangeError, match="has no categories yet"),
    ):
        export_codebook(empty, tmp_path / "empty.qdc")
    assert not (tmp_path / "empty.qdc").exists()
