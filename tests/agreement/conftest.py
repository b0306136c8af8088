"""Fixtures of the agreement tests."""

from __future__ import annotations

import pytest
from agreement.pair_study import Pair, make_pair

from qda_app.core.project import Project


@pytest.fixture
def pair(project: Project) -> Pair:
    return make_pair(project)
