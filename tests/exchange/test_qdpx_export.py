"""Exporting a project as REFI-QDA (QDPX): valid against Project.xsd, texts as UTF-8 files
named by GUID, every part of the study mapped, the same GUIDs every time."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from exchange.helpers import NS, TEXT_MANFORT, assert_valid, qde_of

from qda_app.core.exchange.exchange_values import ExchangeError
from qda_app.core.exchange.qdpx_export import QdpxExport
from qda_app.core.project import Project


def export(project: Project, path: Path) -> Path:
    run = QdpxExport(project, path)
    for _ in run.steps():
        pass
    return path


def by_guid(root, tag: str) -> dict:
    return {element.get("guid"): element for element in root.iter(f"{{{NS['q']}}}{tag}")}


def test_the_project_file_validates_and_texts_are_utf8_files_named_by_guid(
    study: Project, tmp_path: Path, project_schema
) -> None:
    path = export(study, tmp_path / "study.qdpx")
    root = qde_of(path)
    assert_valid(root, project_schema)
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert [s.get("name") for s in sources] == [d.title for d in study.documents.list()]
    with zipfile.ZipFile(path) as archive:
        for source, document in zip(sources, study.documents.list(), strict=True):
            guid = source.get("guid")
            assert source.get("plainTextPath") == f"internal://{guid}.txt"
            data = archive.read(f"sources/{guid}.txt")
            assert not data.startswith(b"\xef\xbb\xbf")
            assert data.decode("utf-8") == study.documents.text(document.id)


def test_codings_are_selections_in_code_points_by_their_coder(
    study: Project, tmp_path: Path
) -> None:
    root = qde_of(export(study, tmp_path / "study.qdpx"))
    users = {u.get("guid"): u.get("name") for u in root.iterfind("q:Users/q:User", NS)}
    codes = {guid: code.get("name") for guid, code in by_guid(root, "Code").items()}
    found = set()
    for selection in root.iterfind(".//q:PlainTextSelection", NS):
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        coding = selection.find("q:Coding", NS)
        code = codes[coding.find("q:CodeRef", NS).get("targetGUID")]
        found.add((start, end, code, users[coding.get("creatingUser")]))
    emoji = TEXT_MANFORT.index("Die Hygienekonzepte")
    expected_end = emoji + len("Die Hygienekonzepte haben viel Personal gebunden. 😀")
    assert (emoji, expected_end, "im Hinblick auf die Institutionen", "Keller") in found
    assert len(found) == 5
    assert sorted(users.values()) == ["Keller", "Yilmaz"]


def test_the_codebook_carries_colour_codable_flag_and_the_coding_agenda(
    study: Project, tmp_path: Path
) -> None:
    root = qde_of(export(study, tmp_path / "study.qdpx"))
    tops = root.findall("q:CodeBook/q:Codes/q:Code", NS)
    assert [t.get("name") for t in tops] == [
        c.name for c in study.categories.list() if c.parent_id is None
    ]
    institution = tops[0].find("q:Code", NS)
    category = study.categories.find("Bedarfe/Institutionen")
    assert category is not None
    assert institution.get("color") == category.colour.upper()
    assert institution.get("isCodable") == "true"
    description = institution.findtext("q:Description", namespaces=NS)
    assert category.definition in description and category.coding_rules in description
    assert "„Die Hygienekonzepte haben viel Personal gebunden. 😀“" in description  # anchor
    assert "Institutionen" in description  # the tag


def test_coding_notes_statements_and_journal_are_notes(study: Project, tmp_path: Path) -> None:
    root = qde_of(export(study, tmp_path / "study.qdpx"))
    notes = {n.get("guid"): n for n in root.iterfind("q:Notes/q:Note", NS)}
    text = {guid: n.findtext("q:PlainTextContent", namespaces=NS) for guid, n in notes.items()}
    first = next(
        s
        for s in root.iterfind(".//q:PlainTextSelection", NS)
        if s.get("startPosition") == str(TEXT_MANFORT.index("Die Hygienekonzepte"))
    )
    attached = {
        notes[r.get("targetGUID")].get("name"): text[r.get("targetGUID")]
        for r in first.iterfind("q:NoteRef", NS)
    }
    assert attached == {
        "Memo": "Personal fehlt überall.\nZweite Zeile.",
        "Paraphrase": "Hygiene bindet Personal",
        "Generalisation": "Personalmangel durch Schutzauflagen",
    }
    quote = next(
        s for s in root.iterfind(".//q:PlainTextSelection", NS) if "Wir haben" in s.get("name")
    )
    assert [notes[r.get("targetGUID")].get("name") for r in quote.iterfind("q:NoteRef", NS)] == [
        "Verbatim quote"
    ]
    journal = root.find("q:NoteRef", NS).get("targetGUID")
    assert text[journal] == "Projektjournal\n\n09.11.: Workshop Manfort ausgewertet."
    links = [
        (link.get("originGUID"), link.get("targetGUID"), link.get("name"))
        for link in root.iterfind("q:Links/q:Link", NS)
    ]
    statement = next(g for g, t in text.items() if t == "Familien schwer erreichbar")
    kinds = {name for origin, _target, name in links if origin == statement}
    assert kinds == {"condenses", "Category", "Quarter"}
    assert sum(1 for origin, _t, name in links if origin == statement and name == "condenses") == 2
    cross = next(g for g, t in text.items() if t == "Angebote für Jugendliche fehlen stadtweit")
    assert {name for origin, _t, name in links if origin == cross} == {"condenses", "Category"}
    assert any(name == "Anchor example" for _o, _t, name in links)


def test_quarters_are_cases_methods_are_sets_metadata_are_typed_variables(
    study: Project, tmp_path: Path
) -> None:
    root = qde_of(export(study, tmp_path / "study.qdpx"))
    sources = {s.get("guid"): s.get("name") for s in root.iterfind("q:Sources/q:TextSource", NS)}
    cases = {
        c.get("name"): sorted(sources[r.get("targetGUID")] for r in c.iterfind("q:SourceRef", NS))
        for c in root.iterfind("q:Cases/q:Case", NS)
    }
    assert cases["Stadtweit / Manfort"] == ["Workshop Manfort"]
    # A Sozialraum holds its quarters' documents; the city-wide level only its own.
    assert cases["Stadtweit / Opladen"] == ["Interview Opladen"]
    assert cases["Stadtweit / Opladen / Opladen-Zentrum (30)"] == ["Interview Opladen"]
    assert cases["Stadtweit"] == []
    sets = {
        s.get("name"): [sources[r.get("targetGUID")] for r in s.iterfind("q:MemberSource", NS)]
        for s in root.iterfind("q:Sets/q:Set", NS)
    }
    assert sets["Workshop"] == ["Workshop Manfort"]
    assert sets["Telefoninterview"] == ["Interview Opladen"]
    variables = {
        v.get("guid"): (v.get("name"), v.get("typeOfVariable"))
        for v in root.iterfind("q:Variables/q:Variable", NS)
    }
    assert set(variables.values()) >= {
        ("Date", "Date"),
        ("Participants", "Integer"),
        ("Group", "Text"),
        ("Träger", "Text"),
        ("Dauer", "Integer"),
        ("Anteil", "Float"),
        ("Nachgespräch", "Date"),
        ("Aufgezeichnet", "Boolean"),
    }
    workshop = root.find("q:Sources/q:TextSource", NS)
    values = {
        variables[v.find("q:VariableRef", NS).get("targetGUID")][0]: v[1].text
        for v in workshop.iterfind("q:VariableValue", NS)
    }
    assert values["Date"] == "2020-11-09" and values["Participants"] == "8"
    assert values["Anteil"] == "0.25" and values["Aufgezeichnet"] == "true"
    assert values["Quarter"] == "Stadtweit / Manfort" and values["Method"] == "Workshop"


def test_exporting_twice_gives_the_same_guids_and_the_same_file(
    study: Project, tmp_path: Path
) -> None:
    first = export(study, tmp_path / "one.qdpx")
    second = export(study, tmp_path / "two.qdpx")
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        assert a.read("project.qde") == b.read("project.qde")
        assert sorted(a.namelist()) == sorted(b.namelist())


def test_the_demo_study_exports_valid(demo_path: Path, tmp_path: Path, project_schema) -> None:
    with Project.open(demo_path) as project:
        root = qde_of(export(project, tmp_path / "demo.qdpx"))
    assert_valid(root, project_schema)
    assert len(root.findall(".//q:PlainTextSelection", NS)) >= 120


def test_a_failed_or_cancelled_export_leaves_no_file(study: Project, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="cannot be written"):
        export(study, tmp_path / "missing" / "study.qdpx")
    assert not (tmp_path / "missing").exists()
    run = QdpxExport(study, tmp_path / "study.qdpx")
    steps = run.steps()
    next(steps)
    steps.close()  # as Cancel in the window does
    assert list(tmp_path.glob("*.qdpx*")) == [] and list(tmp_path.glob(".*partial")) == []


def test_an_empty_project_exports_valid_and_comes_back_empty(
    tmp_path: Path, project_schema
) -> None:
    from qda_app.core.exchange.qdpx_import import import_qdpx

    with Project.create(tmp_path / "leer.qda") as empty:
        root = qde_of(export(empty, tmp_path / "leer.qdpx"))
    assert_valid(root, project_schema)
    assert [child.tag.split("}")[1] for child in root] == ["Sets"]  # the three default methods
    summary = import_qdpx(tmp_path / "leer.qdpx", tmp_path / "zurück.qda")
    assert summary.count("documents") == 0 and summary.left_out == ()
