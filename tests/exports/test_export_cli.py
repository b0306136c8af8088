"""`qda export --format docx|pptx|xlsx|csv --out DIR`: the folder, the files, --force,
nothing half-written."""

from __future__ import annotations

from pathlib import Path

from qda_app.cli.main import main


def run(*args: str) -> int:
    return main(["export", *args])


def test_every_format_writes_into_a_new_folder(demo_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "neu" / "exporte"
    for fmt in ("pptx", "docx", "xlsx", "csv"):
        assert (
            run(
                str(demo_path),
                "--format",
                fmt,
                "--out",
                str(out),
                "--quarter",
                "Manfort",
                "--cross",
            )
            == 0
        )
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "leverkusen-demo-Manfort.pptx",
        "leverkusen-demo-across-quarters.pptx",
        "leverkusen-demo-report.docx",
        "leverkusen-demo-segments.csv",
        "leverkusen-demo.xlsx",
    ]
    assert "Written:" in capsys.readouterr().out


def test_existing_files_are_kept_without_force(demo_path: Path, tmp_path: Path, capsys) -> None:
    args = (str(demo_path), "--format", "pptx", "--out", str(tmp_path), "--quarter", "Alkenrath")
    assert run(*args) == 0
    deck = tmp_path / "leverkusen-demo-Alkenrath.pptx"
    deck.write_bytes(b"mine")
    assert run(*args) == 1
    error = capsys.readouterr().err
    assert str(deck) in error and "--force" in error
    assert deck.read_bytes() == b"mine"
    assert run(*args, "--force") == 0
    assert deck.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == [deck.name]  # no temporary file left


def test_a_bad_template_is_named_and_nothing_is_left(
    demo_path: Path, tmp_path: Path, capsys
) -> None:
    template = tmp_path / "vorlage.pptx"
    template.write_text("not a presentation", encoding="utf-8")
    out = tmp_path / "out"
    code = run(str(demo_path), "--format", "pptx", "--out", str(out), "--template", str(template))
    assert code == 1
    assert str(template) in capsys.readouterr().err
    assert not out.exists() or list(out.iterdir()) == []


def test_unknown_quarter_is_one_clear_sentence(demo_path: Path, tmp_path: Path, capsys) -> None:
    code = run(str(demo_path), "--format", "docx", "--out", str(tmp_path), "--quarter", "Atlantis")
    assert code == 1
    assert "Atlantis" in capsys.readouterr().err


def test_a_project_without_material_exports_every_format(tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook
    from pptx import Presentation

    from qda_app.core.presets import apply_preset
    from qda_app.core.project import Project

    path = tmp_path / "leer.qda"
    with Project.create(path, actor="tester") as project:
        apply_preset(project, "leverkusen")
    out = tmp_path / "out"
    for fmt in ("pptx", "docx", "xlsx", "csv"):
        assert run(str(path), "--format", fmt, "--out", str(out), "--cross") == 0
    decks = sorted(out.glob("*.pptx"))
    assert len(decks) == 8
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(decks[0])).slides]
    assert "Data collection instruments" in titles
    assert Document(str(next(out.glob("*.docx")))).paragraphs
    assert load_workbook(next(out.glob("*.xlsx")))["Segments"].max_row == 1
    assert len(next(out.glob("*.csv")).read_text(encoding="utf-8-sig").splitlines()) == 1
