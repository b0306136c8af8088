"""The demo project, built once per session; each test works on its own copy."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from qda_app.sample_projects.demo_builder import build_demo

from qda_app.core.project import Project


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("planning-demo"))


@pytest.fixture
def demo_file(built_demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / built_demo.name
    shutil.copy(built_demo, path)
    return path


@pytest.fixture
def demo(demo_file: Path) -> Iterator[Project]:
    with Project.open(demo_file, actor="tester") as project:
        yield project
