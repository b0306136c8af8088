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
    out, err = capsys.readouterr()
    assert code == 3
    assert out.splitlines() == [
        "Imported 1 of 2 file(s).",
        "Not imported: 1 file(s); the reasons are listed above.",
    ]
    assert err.startswith("leer.md: ") and err.count("\n") == 1
    assert "leer.md" not in out  # each refused file is reported once, on stderr


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
