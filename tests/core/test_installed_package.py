"""A non-editable install finds its migrations, presets and translations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parents[2]


def test_wheel_install_creates_and_opens_projects(tmp_path: Path) -> None:
    target = tmp_path / "site"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--quiet",
            "--target",
            str(target),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr
    assert (target / "qda_app" / "migrations" / "versions").is_dir()
    script = (
        "import qda_app, sys\n"
        f"assert qda_app.__file__.startswith({str(target)!r}), qda_app.__file__\n"
        "from qda_app.cli import main\n"
        f"sys.exit(main(['--lang', 'de', 'new', {str(tmp_path / 'p.qda')!r}, "
        "'--preset', 'leverkusen']))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "15 Quartiere, 15 Kategorien" in result.stdout
