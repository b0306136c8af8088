"""`qda goals …` and `qda planning …` on a copy of the demo project."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from qda_app.cli.main import main
from qda_app.core.project import Project


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_goals_list_and_link(demo_file: Path, capsys) -> None:
    code, out, _ = run(capsys, "goals", "list", str(demo_file), "--json")
    goals = json.loads(out)
    assert code == 0 and [g["tag"] for g in goals][:2] == ["STRUKTUR", "NETZ"]
    statement = next(i for i in range(1, 50) if i not in goals[1]["statements"])
    code, out, _ = run(
        capsys, "goals", "link", str(demo_file), "--goal", "netz", "--statement", str(statement)
    )
    assert code == 0 and "Netzwerkstrukturen" in out
    with Project.open(demo_file) as project:
        assert statement in project.goals.find("NETZ").statement_ids  # type: ignore[union-attr]
    code, _, err = run(
        capsys, "goals", "link", str(demo_file), "--goal", "nope", "--statement", "1"
    )
    assert code == 1 and "There is no goal “nope”" in err


def test_planning_show_export_and_import(demo_file: Path, tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "planning", "show", str(demo_file), "--quarter", "Manfort", "--json")
    data = json.loads(out)
    assert code == 0 and [q["name"] for q in data["quarters"]] == ["Manfort"]
    raum = next(c for c in data["cells"] if c["goal"] == "RAUM")
    assert raum["missing"] == 1 and raum["measures"] == 1 and raum["findings"] > 0
    code, out, _ = run(capsys, "planning", "show", str(demo_file))
    assert "Rheindorf" in out and "Bolzplatz wieder öffnen" in out
    sheet_path = tmp_path / "manfort.xlsx"
    code, _, _ = run(
        capsys,
        "planning",
        "export",
        str(demo_file),
        "--quarter",
        "Manfort",
        "--out",
        str(sheet_path),
    )
    assert code == 0
    assert (
        run(
            capsys,
            "planning",
            "export",
            str(demo_file),
            "--quarter",
            "Manfort",
            "--out",
            str(tmp_path / "x.docx"),
        )[0]
        == 0
    )
    workbook = load_workbook(sheet_path)
    sheet = workbook["Manfort"]
    row = next(r[0].row for r in sheet.iter_rows() if r[0].value == "entry" and r[2].value is None)
    sheet.cell(row, 5).value = "Mehr Sitzplätze"
    workbook.save(sheet_path)
    code, out, _ = run(capsys, "planning", "import", str(demo_file), str(sheet_path), "--dry-run")
    assert code == 0 and "Mehr Sitzplätze" in out and "dry run" in out
    with Project.open(demo_file) as project:
        assert all(m.text != "Mehr Sitzplätze" for m in project.planning.missing())
    code, out, _ = run(capsys, "planning", "import", str(demo_file), str(sheet_path))
    assert code == 0 and "Applied 1 changes" in out
    with Project.open(demo_file) as project:
        assert any(m.text == "Mehr Sitzplätze" for m in project.planning.missing())


def test_planning_slides_on_their_own(demo_file: Path, tmp_path: Path, capsys) -> None:
    from pptx import Presentation

    out = tmp_path / "planung.pptx"
    code, text, _ = run(capsys, "planning", "slides", str(demo_file), "--out", str(out))
    assert code == 0 and "6 slides" in text
    deck = Presentation(str(out))
    assert len(deck.slides) == 6 and deck.slide_width > deck.slide_height
