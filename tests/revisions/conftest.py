"""Revision tests work on copies of the demo study (built once per test session)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from qda_app.sample_projects.demo_builder import build_demo

from qda_app.core.project import Project


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("revision-demo"))


@pytest.fixture
def demo_file(built_demo: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.qda"
    shutil.copyfile(built_demo, copy)
    return copy


@pytest.fixture
def demo(demo_file: Path) -> Iterator[Project]:
    with Project.open(demo_file, actor="Keller") as project:
        yield project
