"""The core and the CLI import and work with PySide6 made unimportable."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import qda_app.core

BLOCK_QT = """
import sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6", "qda_app.gui")):
            raise ImportError(f"{name} must not be imported here")
sys.meta_path.insert(0, BlockQt())
"""


def core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(qda_app.core.__path__, "qda_app.core.")]


def test_every_core_module_imports_without_qt() -> None:
    modules = core_modules() + ["qda_app.cli", "qda_app.cli.project_commands"]
    assert len(modules) > 20
    script = BLOCK_QT + "".join(f"import {name}\n" for name in modules)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_cli_runs_headless_without_qt(tmp_path: Path) -> None:
    path = tmp_path / "ohne-qt.qda"
    script = BLOCK_QT + (
        "from qda_app.cli import main\n"
        f"assert main(['new', {str(path)!r}, '--preset', 'leverkusen']) == 0\n"
        f"assert main(['info', {str(path)!r}, '--json']) == 0\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_core_source_mentions_qt() -> None:
    root = Path(qda_app.core.__file__).parent
    offenders = [str(p) for p in root.rglob("*.py") if "PySide6" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_only_one_core_module_knows_sqlite() -> None:
    root = Path(qda_app.core.__file__).parent
    knowing = sorted(
        p.name
        for p in root.rglob("*.py")
        if "sqlite3" in p.read_text(encoding="utf-8") or "PRAGMA" in p.read_text(encoding="utf-8")
    )
    assert knowing == ["sqlite_specific.py"]
