"""`qda` sub-commands: exit status 0 on success, one clear line on error."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support import SAMPLE_TEXT

from qda_app.cli import main
from qda_app.core.project import Project


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(project_path: Path, project) -> Path:
    manfort = project.quarters.find("Manfort")
    doc = project.documents.add(
        "Workshop Manfort",
        SAMPLE_TEXT,
        quarter_id=manfort.id,
        method_id=project.methods.find("workshop").id,
        participants=8,
    )
    project.documents.add(
        "Interview 1",
        "I: Frage?\nB: Antwort.",
        quarter_id=manfort.id,
        method_id=project.methods.find("Telefoninterview").id,
    )
    project.codings.add(doc.id, 0, 9, project.categories.find("Bedarfe/Zielgruppe").id)
    project.close()
    return project_path


def test_new_with_preset_then_info_json(tmp_path: Path, capsys) -> None:
    path = tmp_path / "neu.qda"
    code, out, _ = run(capsys, "new", str(path), "--preset", "leverkusen")
    assert code == 0 and "15 quarters, 15 categories" in out
    code, out, _ = run(capsys, "info", str(path), "--json")
    info = json.loads(out)
    for key in (
        "quarters",
        "documents",
        "categories",
        "codings",
        "coders",
        "statements",
        "documents_by_quarter",
        "documents_by_method",
        "codings_by_category",
    ):
        assert key in info
    assert info["quarters"] == 15 and info["categories"] == 15
    assert (
        info["codings_by_category"]["Herausforderungen und Bedarfe/im Hinblick auf die Zielgruppe"]
        == 0
    )


def test_info_counts_and_documents_listing(filled: Path, capsys) -> None:
    code, out, _ = run(capsys, "info", str(filled), "--json")
    info = json.loads(out)
    assert (info["documents"], info["codings"], info["coders"]) == (2, 1, 1)
    assert info["documents_by_quarter"] == {"Manfort": 2}
    assert info["documents_by_method"] == {"Workshop": 1, "Telefoninterview": 1}
    code, out, _ = run(capsys, "documents", str(filled), "--json")
    rows = json.loads(out)
    assert rows[0] == {
        "id": 1,
        "title": "Workshop Manfort",
        "quarter": "Manfort",
        "method": "Workshop",
        "date": None,
        "participants": 8,
        "chars": len(SAMPLE_TEXT),
    }
    code, out, _ = run(capsys, "info", str(filled))
    assert code == 0 and "2 documents" in out and "Manfort" in out


def test_text_prints_the_stored_text(filled: Path, capsys) -> None:
    code, out, _ = run(capsys, "text", str(filled), "1")
    assert code == 0 and out == SAMPLE_TEXT
    code, _, err = run(capsys, "text", str(filled), "99")
    assert code == 1 and err == "qda: Document #99 does not exist.\n"


def test_log_undo_redo(filled: Path, capsys) -> None:
    code, out, _ = run(capsys, "log", str(filled))
    described = "Code 0–9 of “Workshop Manfort” as “im Hinblick auf die Zielgruppe”"
    assert out.splitlines()[0].endswith(described)
    code, out, _ = run(capsys, "undo", str(filled))
    assert (code, out) == (0, f"Undone: {described}\n")
    code, out, _ = run(capsys, "log", str(filled), "--json")
    newest, undone = json.loads(out)[:2]
    assert newest["description"] == f"Undo: {described}" and newest["actor"] == "tester"
    assert undone["state"] == "undone"
    code, out, _ = run(capsys, "redo", str(filled))
    assert code == 0 and out.startswith("Redone:")
    code, out, _ = run(capsys, "info", str(filled), "--json")
    assert json.loads(out)["codings"] == 1


def test_check_passes_then_reports_broken_offsets(filled: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", str(filled))
    assert (code, out.strip()) == (0, f"{filled}: no problems found.")
    with sqlite3.connect(filled) as connection:  # damage behind the app's back
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("UPDATE codings SET end_pos = 10000, document_length = 10000")
        connection.execute(
            "INSERT INTO anchor_examples (category_id, coding_id, position) VALUES (1, 777, 0)"
        )
    code, out, err = run(capsys, "check", str(filled))
    assert code == 1
    assert "Coding #1 (0–10000) lies outside its document" in out
    assert "anchor example #1 refers to a coding that does not exist." in out
    assert "foreign key" in out
    assert "problem(s) found" in err


def test_errors_are_one_line_and_non_zero(tmp_path: Path, capsys) -> None:
    bogus = tmp_path / "bild.qda"
    bogus.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    for argv in (
        ["info", str(bogus)],
        ["info", str(tmp_path / "fehlt.qda")],
        ["new", str(tmp_path / "x" / "y.qda")],
        ["undo", str(bogus)],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and err.startswith("qda: ")


def test_german_messages(tmp_path: Path, capsys) -> None:
    code = main(["--lang", "de", "info", str(tmp_path / "fehlt.qda")])
    _, err = capsys.readouterr()
    assert code == 1 and err == f"qda: Unter {tmp_path / 'fehlt.qda'} gibt es keine Projektdatei.\n"


def test_console_script_exit_status(tmp_path: Path) -> None:
    """The installed `qda` command, as a user runs it."""
    qda = Path(sys.executable).with_name("qda")
    path = tmp_path / "skript.qda"
    created = subprocess.run([str(qda), "new", str(path)], capture_output=True, text=True)
    assert created.returncode == 0, created.stderr
    again = subprocess.run(
        [str(qda), "new", str(path)],
        capture_output=True,
        text=True,
        env={"QDA_LANG": "en", "PATH": ""},
    )
    assert again.returncode == 1
    assert again.stderr == f"qda: {path} already exists; choose another name or open it.\n"
    with Project.open(path) as project:
        assert project.documents.list() == []
