"""A batch full of hostile files: each one gets one line, the batch goes on, the project keeps
exactly the good files, and nothing hangs (FIFOs, /dev/zero) or ends in a traceback."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import hostile_files as hostile
import pytest

from qda_app.cli import main
from qda_app.core.importers import batch, collect, manifest, writer
from qda_app.core.importers.batch import ImportOptions, ImportSummary, import_files

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices, byte names")


def run_cli(project_path: Path, *arguments: str) -> int:
    return main(["--lang", "en", "import", str(project_path), *arguments])


def texts(project) -> list[str]:
    return sorted(project.documents.text(d.id) for d in project.documents.list())


def byte_name(folder: Path, name: bytes, content: bytes) -> str | None:
    """Create a file whose name is not valid UTF-8; None where the file system refuses."""
    try:
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(content)
    except OSError:
        return None
    return os.fsdecode(name)


@posix_only
def test_hostile_folder_one_line_each_batch_goes_on(project_path, project, tmp_path, capsys):
    folder = tmp_path / "eingang"
    folder.mkdir()
    (folder / "a_gut.txt").write_text("Erstes gutes Protokoll.")
    (folder / "z_gut.txt").write_text("Zweites gutes Protokoll.")
    (folder / "xxe.docx").write_bytes(hostile.xxe_docx())
    (folder / "wiederholt.odt").write_bytes(hostile.repetition_odt())
    (folder / "gelogen.docx").write_bytes(hostile.lying_docx(4 * 1024 * 1024))
    (folder / "tief.rtf").write_bytes(hostile.deep_rtf())
    (folder / "schleife.pdf").write_bytes(hostile.pdf_page_tree_loop())
    os.mkfifo(folder / "pipe.txt")
    (folder / "null.txt").symlink_to("/dev/zero")
    bad_name = byte_name(folder, b"m\xfcll.txt", b"Latin-1 name")
    byte_name(folder, b"n\xf6tiz.xyz", b"not a protocol")  # a note must print it too
    hostile_names = ["xxe.docx", "wiederholt.odt", "gelogen.docx", "tief.rtf", "schleife.pdf"]
    project.close()

    code = run_cli(project_path, str(folder), str(folder / "pipe.txt"), str(folder / "null.txt"))

    out, err = capsys.readouterr()
    assert code == 3
    refused = len(hostile_names) + 2 + (bad_name is not None)
    assert out.splitlines() == [
        f"Imported 2 of {refused + 2} file(s).",
        f"Not imported: {refused} file(s); the reasons are listed above.",
    ]
    for name in hostile_names:
        assert sum(line.startswith(f"{name}: ") for line in err.splitlines()) == 1, name
    assert "pipe.txt was left out: not a regular file" in err  # found in the folder
    assert "pipe.txt: not a regular file" in err  # and named directly: refused, not waited on
    assert "null.txt: not a regular file" in err
    if bad_name is not None:
        assert "m\ufffdll.txt: the file name contains bytes that are not valid text" in err
        assert f"{folder}/n\ufffdtiz.xyz was left out: not a supported protocol format." in err
    assert "Traceback" not in err
    with type(project).open(project_path) as reopened:
        assert texts(reopened) == ["Erstes gutes Protokoll.", "Zweites gutes Protokoll."]


def test_unreadable_subfolder_is_reported(project, tmp_path, monkeypatch):
    folder = tmp_path / "protokolle"
    (folder / "gesperrt").mkdir(parents=True)
    (folder / "gesperrt" / "versteckt.txt").write_text("nie gesehen")
    (folder / "offen.txt").write_text("Lesbares Protokoll.")
    locked = folder / "gesperrt"
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # running as root: the folder stays readable
        real_scandir = os.scandir

        def scandir(path):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied")
            return real_scandir(path)

        monkeypatch.setattr(collect.os, "scandir", scandir)
    try:
        summary = ImportSummary()
        list(import_files(project, [folder], ImportOptions(), summary))
    finally:
        locked.chmod(0o755)
    assert [o.path.name for o in summary.imported] == ["offen.txt"]
    assert summary.warnings == [
        f"{locked}: the folder could not be read (Permission denied); "
        "none of its files were imported."
    ]


def test_unexpected_error_fails_one_file_only(project_path, project, tmp_path, monkeypatch, capsys):
    real = writer.find_speaker_turns

    def failing(extracted):
        if "Absturz" in extracted.text:
            raise RuntimeError("kaputt im Inneren")
        return real(extracted)

    monkeypatch.setattr(writer, "find_speaker_turns", failing)
    for name, text in (("1.txt", "Vorher."), ("2.txt", "Absturz hier."), ("3.txt", "Nachher.")):
        (tmp_path / name).write_text(text)
    project.close()
    code = run_cli(project_path, *(str(tmp_path / n) for n in ("1.txt", "2.txt", "3.txt")))
    out, err = capsys.readouterr()
    assert code == 3  # not 1: the batch did start
    assert err == (
        "2.txt: could not be imported because of an unexpected error "
        "(RuntimeError: kaputt im Inneren); nothing of it was stored.\n"
    )
    assert out.startswith("Imported 2 of 3 file(s).")
    with type(project).open(project_path) as reopened:
        assert texts(reopened) == ["Nachher.", "Vorher."]  # the failed file left nothing behind


def _four_files(folder: Path) -> list[str]:
    names = []
    for index in range(4):
        (folder / f"{index}.txt").write_text(f"Protokoll Nummer {index}.")
        names.append(str(folder / f"{index}.txt"))
    return names


@pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="needs SIGINT")
def test_ctrl_c_finishes_the_current_file_and_counts_exactly(
    project_path, project, tmp_path, monkeypatch, capsys
):
    real = batch.write_document
    calls = []

    def interrupted_during_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGINT)  # arrives while the file is being written
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "write_document", interrupted_during_second)
    project.close()
    code = run_cli(project_path, *_four_files(tmp_path))
    _, err = capsys.readouterr()
    assert code == 130
    assert err.splitlines()[-1] == (
        "Import cancelled after 2 of 4 file(s); 2 file(s) were imported and are kept."
    )
    with type(project).open(project_path) as reopened:
        assert len(reopened.documents.list()) == 2
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handler restored


def test_hard_interrupt_after_a_commit_is_still_counted(
    project_path, project, tmp_path, monkeypatch, capsys
):
    """A second Ctrl-C can land after a file was stored but before it was reported."""
    real = batch.write_document
    calls = []

    def interrupted_after_storing(*args, **kwargs):
        result = real(*args, **kwargs)
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return result

    monkeypatch.setattr(batch, "write_document", interrupted_after_storing)
    project.close()
    code = run_cli(project_path, *_four_files(tmp_path))
    _, err = capsys.readouterr()
    assert code == 130
    assert err.splitlines()[-1] == (
        "Import cancelled after 3 of 4 file(s); 3 file(s) were imported and are kept."
    )
    with type(project).open(project_path) as reopened:
        assert len(reopened.documents.list()) == 3


def _manifest_error(project_path: Path, tmp_path: Path, manifest_path: Path, capsys) -> str:
    (tmp_path / "a.txt").write_text("Ein Protokoll.")
    code = run_cli(project_path, str(tmp_path / "a.txt"), "--manifest", str(manifest_path))
    _, err = capsys.readouterr()
    assert code == 1  # the batch could not start
    assert err.count("\n") == 1 and "Traceback" not in err
    return err.strip()


def test_csv_manifest_with_a_huge_cell(project_path, project, tmp_path, capsys):
    project.close()
    path = tmp_path / "gross.csv"
    path.write_text('Datei;Notiz\na.txt;"' + "x" * 200_000 + '"\n')
    assert _manifest_error(project_path, tmp_path, path, capsys) == (
        "qda: Manifest gross.csv: a cell in line 2 is longer than 128 KB; "
        "a manifest holds short values only."
    )


def test_csv_manifest_with_old_mac_line_ends(tmp_path):
    """Lines ending in a bare CR used to end in "new-line character seen in unquoted field"."""
    path = tmp_path / "mac.csv"
    path.write_bytes(b"Datei;Quartier\ra.txt;Manfort\rb.txt;Rheindorf\r")
    read = manifest.read_manifest(path)
    assert read.file_names == ("a.txt", "b.txt")
    assert read.for_file(Path("b.txt")).quarter == "Rheindorf"


def test_xlsx_manifest_with_broken_xml(project_path, project, tmp_path, capsys):
    project.close()
    path = tmp_path / "kaputt.xlsx"
    path.write_bytes(hostile.xlsx_with_broken_xml())
    assert _manifest_error(project_path, tmp_path, path, capsys) == (
        "qda: Manifest kaputt.xlsx is damaged or not a valid Excel workbook (.xlsx)."
    )


def test_xlsx_manifest_with_a_huge_dimension(project_path, project, tmp_path, capsys, monkeypatch):
    """openpyxl fills the gap up to the far row with empty rows as wide as the dimension."""
    monkeypatch.setattr(manifest, "MAX_ROWS", 1000)
    project.close()
    path = tmp_path / "weit.xlsx"
    path.write_bytes(hostile.xlsx_sparse(last_row=900_000))
    err = _manifest_error(project_path, tmp_path, path, capsys)
    assert err == "qda: Manifest weit.xlsx has more than 1,000 rows and is refused."
    path.write_bytes(hostile.xlsx_sparse(last_row=900))  # within the limit: read as usual
    assert manifest.read_manifest(path).file_names == ("z.txt",)


@posix_only
def test_manifest_that_is_a_device_or_a_pipe(project_path, project, tmp_path, capsys):
    project.close()
    (tmp_path / "null.csv").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.csv")
    for name in ("null.csv", "pipe.csv"):
        assert _manifest_error(project_path, tmp_path, tmp_path / name, capsys) == (
            f"qda: Manifest {name} is not a regular file (but a folder, device or pipe) "
            "and is not read."
        )
