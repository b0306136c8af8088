"""The demo project, built once per test session, and its exports read back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qda_app.sample_projects.demo_builder import build_demo


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo_copy(demo_path: Path, tmp_path: Path) -> Path:
    """A copy of the demo a test may change."""
    target = tmp_path / demo_path.name
    shutil.copy(demo_path, target)
    return target
