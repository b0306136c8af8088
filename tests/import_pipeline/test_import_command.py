"""`qda import`: progress, summary, exit status."""

from __future__ import annotations

from pathlib import Path

from qda_app.cli import main


def test_all_imported_exits_zero(project_path, project, protocols: Path, capsys) -> None:
    project.close()
    code = main(
        [
            "--lang",
            "en",
            "import",
            str(project_path),
            str(protocols),
            "--pattern",
            "{quarter}_{method}_{date}",
            "--precode",
            "--participants",
            "1",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert out == "Imported 3 of 3 file(s).\n"
    assert "notizen.xyz was left out" in err


def test_some_skipped_exits_three_with_reasons(project_path, project, protocols, capsys) -> None:
    project.close()
    (protocols / "leer.md").write_text("   \n")
    code = main(
        [
            "--lang",
            "en",
            "import",
            str(project_path),
            str(protocols / "leer.md"),
            str(protocols / "Manfort_Workshop_2020-11-09.docx"),
            "--quarter",
            "Manfort",
            "--method",
            "workshop",
            "--date",
            "09.11.2020",
        ]
    )
    out, _ = capsys.readouterr()
    assert code == 3
    lines = out.splitlines()
    assert lines[0] == "Imported 1 of 2 file(s)."
    assert lines[1] == "Not imported (1):"
    assert lines[2].startswith("  leer.md: ")


def test_bad_manifest_stops_with_one_line(project_path, project, protocols, capsys) -> None:
    project.close()
    code = main(
        [
            "--lang",
            "en",
            "import",
            str(project_path),
            str(protocols),
            "--manifest",
            str(protocols / "fehlt.csv"),
        ]
    )
    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("qda: Manifest fehlt.csv cannot be read") and err.count("\n") == 1
