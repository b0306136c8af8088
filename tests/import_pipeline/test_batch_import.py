"""Importing batches: every file in its own transaction, bad files reported, the rest goes on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from protocol_files import INTERVIEW

from qda_app.core.errors import ValidationError
from qda_app.core.importers.batch import ImportOptions, ImportSummary, import_files
from qda_app.core.importers.metadata import FileMetadata

PATTERN = "{quarter}_{method}_{date}"


def run(project, paths, **options) -> ImportSummary:
    summary = ImportSummary()
    for _ in import_files(project, paths, ImportOptions(**options), summary):
        pass
    return summary


def test_folder_with_pattern_precode_and_turns(project, protocols: Path) -> None:
    summary = run(project, [protocols], pattern=PATTERN, precode=True)
    assert [o.path.name for o in summary.imported] == [
        "Alkenrath_Telefoninterview_2020-12-07.txt",
        "Manfort_Telefoninterview_2020-12-03.txt",
        "Manfort_Workshop_2020-11-09.docx",
    ]
    assert summary.warnings == [
        f"{protocols / 'notizen.xyz'} was left out: not a supported protocol format."
    ]
    docs = {d.source_filename: d for d in project.documents.list()}
    interview = docs["Manfort_Telefoninterview_2020-12-03.txt"]
    assert project.documents.text(interview.id) == INTERVIEW.rstrip("\n")
    assert interview.quarter_id == project.quarters.find("Manfort").id
    assert interview.method_id == project.methods.find("phone_interview").id
    assert interview.date == date(2020, 12, 3) and interview.source_format == "txt"
    assert project.documents.original(interview.id) == INTERVIEW.encode("cp1252")
    turns = project.documents.speaker_turns(interview.id)
    assert [t.role for t in turns] == ["interviewer", "respondent"] * 4
    utf16 = docs["Alkenrath_Telefoninterview_2020-12-07.txt"]
    assert "Senior*innen" in project.documents.text(utf16.id)

    workshop = docs["Manfort_Workshop_2020-11-09.docx"]
    text = project.documents.text(workshop.id)
    assert text.startswith("Protokoll Workshop Manfort\nDatum\t09.11.2020\nTeilnehmende\tN=8\n")
    codings = project.segments.of_document(workshop.id)
    paths = project.categories.paths()
    assert [paths[c.category_id] for c in codings] == [
        "Herausforderungen und Bedarfe",
        "Ressourcen und Möglichkeiten",
        "Empfehlungen und Leerstellen",
    ]
    first = text[codings[0].start : codings[0].end]
    assert first.startswith("1. Herausforderungen & Bedarfe") and first.endswith("im Quartier.")
    last = text[codings[2].start : codings[2].end]
    assert last.endswith("Netzwerk der Träger wird gewünscht.")  # stops at "Weitere Hinweise"


def test_same_content_twice_is_skipped_or_imported_on_request(project, protocols) -> None:
    files = [protocols / "Manfort_Telefoninterview_2020-12-03.txt"]
    run(project, files, pattern=PATTERN)
    again = run(project, files, pattern=PATTERN)
    assert again.imported == []
    assert again.outcomes[0].message == (
        "Manfort_Telefoninterview_2020-12-03.txt: skipped, the same text is already in the "
        "project as “Manfort_Telefoninterview_2020-12-03” (#1)."
    )
    forced = run(project, files, pattern=PATTERN, allow_duplicates=True)
    assert len(forced.imported) == 1 and len(project.documents.list()) == 2


def test_bad_files_are_reported_and_the_batch_goes_on(project, protocols, tmp_path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "kaputt.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (bad / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (bad / "leer.txt").write_bytes(b"")
    summary = run(
        project,
        [
            bad / "kaputt.docx",
            bad / "bild.txt",
            bad / "leer.txt",
            protocols / "Manfort_Workshop_2020-11-09.docx",
        ],
        pattern=PATTERN,
    )
    assert [o.status for o in summary.outcomes] == ["failed", "failed", "failed", "imported"]
    for outcome in summary.outcomes[:3]:
        assert outcome.message.startswith(outcome.path.name + ":")
        assert outcome.message.count(".") >= 1 and "\n" not in outcome.message
    assert len(project.documents.list()) == 1


def test_unknown_quarter_is_an_error_unless_created(project, protocols) -> None:
    file = protocols / "Manfort_Workshop_2020-11-09.docx"
    summary = run(project, [file], common=FileMetadata(quarter="Hitdorf", method="Workshop"))
    assert summary.outcomes[0].message == (
        "Manfort_Workshop_2020-11-09.docx: there is no quarter “Hitdorf” in the project "
        "(choose “create missing” to add it)."
    )
    assert project.documents.list() == []
    summary = run(
        project,
        [file],
        common=FileMetadata(quarter="Hitdorf", method="Begehung"),
        create_missing=True,
    )
    assert summary.outcomes[0].status == "imported"
    hitdorf = project.quarters.find("Hitdorf")
    assert hitdorf.parent_id == project.quarters.find("Stadtweit").id
    assert project.methods.find("Begehung") is not None


def test_manifest_overrides_pattern_and_adds_variables(project, protocols, tmp_path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "Datei,Titel,Teilnehmende,Moderation,Arbeitsfeld,Dauer\n"
        "Manfort_Workshop_2020-11-09.docx,Workshop Manfort,8,A. Beispiel,,90\n"
        "gibt_es_nicht.docx,Phantom,,,,\n",
        encoding="utf-8",
    )
    summary = run(
        project,
        [protocols / "Manfort_Workshop_2020-11-09.docx"],
        pattern=PATTERN,
        manifest=manifest,
        common=FileMetadata(group="Gruppen A–B"),
    )
    assert summary.warnings == [
        "Manifest manifest.csv lists “gibt_es_nicht.docx”, which is not "
        "among the files being imported."
    ]
    doc = project.documents.list()[0]
    assert (doc.title, doc.participants, doc.moderator, doc.group_label) == (
        "Workshop Manfort",
        8,
        "A. Beispiel",
        "Gruppen A–B",
    )
    assert project.variables.values(doc.id) == {"Dauer": 90}


def test_cancelling_keeps_finished_files_and_nothing_partial(project, protocols) -> None:
    progress = import_files(project, [protocols], ImportOptions(pattern=PATTERN))
    first = next(progress)
    progress.close()  # the user pressed Cancel
    assert first.done == 1 and first.total == 3
    assert len(project.documents.list()) == 1


def test_a_failure_while_writing_leaves_no_trace(project, protocols, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise ValidationError("statement.empty")

    monkeypatch.setattr(project.codings, "add_in", broken)
    before = len(project.history.entries())
    summary = run(
        project, [protocols / "Manfort_Workshop_2020-11-09.docx"], pattern=PATTERN, precode=True
    )
    assert summary.outcomes[0].status == "failed"
    assert project.documents.list() == []
    assert len(project.history.entries()) == before


def test_batch_level_problems_stop_before_any_file(project, protocols, tmp_path) -> None:
    with pytest.raises(ValidationError, match="contains no"):
        run(project, [protocols], pattern="ohne_felder")
    assert project.documents.list() == []


def test_each_import_is_one_undoable_command(project, protocols) -> None:
    run(project, [protocols / "Manfort_Workshop_2020-11-09.docx"], pattern=PATTERN, precode=True)
    entry = project.history.entries(limit=1)[0]
    assert entry.command == "document.import"
    project.history.undo()
    assert project.documents.list() == []
