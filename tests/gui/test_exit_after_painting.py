"""Quitting after heavy painting ends the interpreter normally.

With PySide6 6.12.0 on Python 3.11, every call of a wrapped function that returns nothing
dropped one reference to None; thousands of highlights (each made with cursor calls) then
ended the process at exit with "Fatal Python error: none_dealloc". Highlights are now painted
through the text layout and that binding build is excluded; this test paints 10,000 codings
several times in a real window process and expects exit status 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qda_app.gui.shell.platform_check import binding_fault

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).parent / "scripts" / "paint_and_quit.py"
CODINGS = 10_000


@pytest.fixture(scope="module")
def heavy_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("heavy") / "heavy.qda"
    command = [
        sys.executable,
        "-m",
        "benchmarks.generate",
        str(path),
        "--documents",
        "3",
        "--codings",
        str(CODINGS + 30),
        "--big-codings",
        str(CODINGS),
        "--big-length",
        "120000",
        "--categories",
        "30",
        "--statements",
        "5",
    ]
    done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return path


def test_exit_status_is_zero_after_painting_10000_codings(heavy_project: Path, tmp_path) -> None:
    from qda_app.core.project import Project

    with Project.open(heavy_project) as project:
        big = max(project.documents.list(), key=lambda d: d.length)
        assert len(project.segments.of_document(big.id)) == CODINGS
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QDA_CODER": "tester"}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(heavy_project), str(tmp_path), str(big.id), "4"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )
    assert "Fatal Python error" not in done.stderr
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"painted {CODINGS}" in done.stdout


def test_the_binding_that_corrupts_none_is_refused() -> None:
    assert binding_fault("6.12.0", (3, 11)) is not None
    assert binding_fault("6.12.0", (3, 12)) is None  # None is immortal there
    assert binding_fault("6.11.3", (3, 11)) is None
