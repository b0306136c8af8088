"""`qda categories …` on the demo study."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from docx import Document

from qda_app.cli import main


def run_json(capsys, *args: str) -> list:
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_list_merge_history_and_undo(demo_file: Path, capsys) -> None:
    file = str(demo_file)
    listed = run_json(capsys, "categories", "list", file)
    place = next(r for r in listed if r["path"].endswith("Bedarfe/im Hinblick auf den Sozialraum"))
    group = next(r for r in listed if r["path"].endswith("Bedarfe/im Hinblick auf die Zielgruppe"))
    top = next(r for r in listed if r["path"] == "Herausforderungen und Bedarfe")
    assert place["tag"] == "Sozialraum" and place["colour"].startswith("#")
    assert place["origin"] == "inductive" and place["codings"] > 0
    assert top["codings_with_subcategories"] >= place["codings"] + group["codings"]

    assert (
        main(
            [
                "--coder",
                "Keller",
                "categories",
                "merge",
                file,
                "Bedarfe/Sozialraum",
                "Bedarfe/Zielgruppe",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert f"{place['codings']} codings will move" in out
    after = {r["id"]: r for r in run_json(capsys, "categories", "list", file)}
    assert place["id"] not in after
    assert after[group["id"]]["codings"] == place["codings"] + group["codings"]

    history = run_json(capsys, "categories", "history", file, "--category", "Bedarfe/Zielgruppe")
    assert history[0]["kind"] == "merged" and place["id"] in history[0]["categories"]
    assert main(["--coder", "Keller", "undo", file]) == 0
    capsys.readouterr()
    history = run_json(capsys, "categories", "history", file)
    assert history[0]["kind"] == "undone" and history[0]["replays"] == history[1]["id"]
    assert history[1]["state"] == "undone"


def test_export_import_and_a_missing_category(demo_file: Path, tmp_path: Path, capsys) -> None:
    file = str(demo_file)
    docx, xlsx = tmp_path / "agenda.docx", tmp_path / "agenda.xlsx"
    assert main(["categories", "export", file, str(docx)]) == 0
    assert main(["categories", "export", file, str(xlsx)]) == 0
    assert len(Document(str(docx)).tables) == 4  # three top-level categories and the history
    assert openpyxl.load_workbook(xlsx).active.max_row == 16
    assert main(["categories", "import", file, str(xlsx)]) == 0
    assert "0 categories created, 0 changed, 15 unchanged" in capsys.readouterr().out
    assert main(["categories", "merge", file, "Gibt es nicht", "Bedarfe"]) == 1
    assert "There is no category “Gibt es nicht”" in capsys.readouterr().err
    assert main(["categories", "export", file, str(tmp_path / "agenda.pdf")]) == 1
    history = tmp_path / "history.xlsx"
    assert main(["categories", "history", file, "--xlsx", str(history)]) == 0
    assert openpyxl.load_workbook(history).active.max_row > 2
