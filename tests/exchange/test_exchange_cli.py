"""`qda export --format qdpx|qdc`, `qda import-qdpx`, `qda categories import`: exit status 0
with a summary, one clear line and status 1 on refusal."""

from __future__ import annotations

import argparse
from pathlib import Path

from exchange.helpers import REFI
from exchange.refi_archives import write_qdpx

from qda_app.cli import export_command, main
from qda_app.core.project import Project


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_and_import_a_project(study: Project, tmp_path: Path, capsys) -> None:
    location = study.location
    study.close()
    code, out, _ = run(
        capsys, "export", location, "--format", "qdpx", "--out", str(tmp_path / "s.qdpx")
    )
    assert code == 0 and (tmp_path / "s.qdpx").exists()
    assert "2 documents, 15 categories, 5 codings, 2 coders" in out
    assert "not exported: Speaker turns do not go along" in out
    code, out, _ = run(capsys, "import-qdpx", str(tmp_path / "s.qdpx"), str(tmp_path / "back.qda"))
    assert code == 0 and out.startswith(f"Created {tmp_path / 'back.qda'}:")
    assert "5 codings" in out and "3 statements" in out
    code, _out, err = run(
        capsys, "import-qdpx", str(tmp_path / "s.qdpx"), str(tmp_path / "back.qda")
    )
    assert (
        code == 1
        and err.strip()
        == f"qda: {tmp_path / 'back.qda'} exists already; please choose a new file name."
    )


def test_codebooks_on_the_command_line(study: Project, tmp_path: Path, capsys) -> None:
    location = study.location
    study.close()
    qdc = tmp_path / "s.qdc"
    code, out, _ = run(capsys, "export", location, "--format", "qdc", "--out", str(qdc))
    assert code == 0 and "15 categories" in out
    code, out, _ = run(capsys, "categories", "import", str(tmp_path / "new.qda"), str(qdc))
    assert code == 0 and "with the codebook's category system" in out
    code, out, _ = run(
        capsys, "categories", "import", str(tmp_path / "new.qda"), str(qdc), "--merge"
    )
    assert code == 0 and "15 categories merged with ones of the same name" in out
    with Project.open(tmp_path / "new.qda") as project:
        assert len(project.categories.list()) == 15
    code, out, _ = run(capsys, "categories", "import", str(tmp_path / "new.qda"), str(qdc))
    assert code == 0 and "corrected: “Herausforderungen und Bedarfe” existed already" in out


def test_refusals_are_one_line(tmp_path: Path, capsys) -> None:
    bad = write_qdpx(tmp_path / "bad.qdpx", {"project.qde": "<Project", "../x": "y"})
    code, out, err = run(capsys, "import-qdpx", str(bad), str(tmp_path / "x.qda"))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "leads out of the archive" in err and not (tmp_path / "x.qda").exists()
    code, _out, err = run(
        capsys,
        "export",
        str(REFI / "samples" / "atlasti-23-blank.qdpx"),
        "--format",
        "pdf",
        "--out",
        "x",
    )
    assert (
        code == 1 and "no export format “pdf”; known are: csv, docx, pptx, qdc, qdpx, xlsx" in err
    )


def test_another_module_adds_an_export_format(
    study: Project, tmp_path: Path, capsys, monkeypatch
) -> None:
    written: list[Path] = []

    def write_csv(project: Project, out: Path, _args: argparse.Namespace) -> int:
        written.append(out)
        return 0

    monkeypatch.setattr(export_command, "FORMATS", dict(export_command.FORMATS))
    export_command.add_format("csv", "segments as CSV", write_csv)
    location = study.location
    study.close()
    code, _out, _err = run(
        capsys, "export", location, "--format", "csv", "--out", str(tmp_path / "a.csv")
    )
    assert code == 0 and written == [tmp_path / "a.csv"]
