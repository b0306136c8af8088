"""Fixtures shared by all tests: messages in English, temporary projects."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QDA_CODER"] = "tester"

from qda_app.core import i18n  # noqa: E402
from qda_app.core.presets import apply_preset  # noqa: E402
from qda_app.core.project import Project  # noqa: E402


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Assertions on messages read English; tests that need German switch explicitly."""
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "study.qda"


@pytest.fixture
def empty_project(project_path: Path) -> Iterator[Project]:
    with Project.create(project_path, actor="tester") as project:
        yield project


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    """A project with the Leverkusen quarters and category system."""
    with Project.create(project_path, actor="tester") as created:
        apply_preset(created, "leverkusen")
        yield created
