"""The demo project, built once per test session (it takes a few seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from qda_app.sample_projects.demo_builder import build_demo


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))
