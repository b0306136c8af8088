"""Core fixtures: a document with content to code."""

from __future__ import annotations

import pytest
from support import SAMPLE_TEXT

from qda_app.core.project import Project
from qda_app.core.values import DocumentInfo


@pytest.fixture
def document(project: Project) -> DocumentInfo:
    manfort = project.quarters.find("Manfort")
    workshop = project.methods.find("workshop")
    return project.documents.add(
        "Workshop Manfort",
        SAMPLE_TEXT,
        quarter_id=manfort.id,
        method_id=workshop.id,
        participants=8,
    )


@pytest.fixture
def categories(project: Project) -> dict[str, int]:
    """Category ids by tag path, e.g. "Bedarfe/Zielgruppe"."""
    result = {}
    for category in project.categories.list():
        parent = project.categories.get(category.parent_id) if category.parent_id else None
        key = f"{parent.tag}/{category.tag}" if parent else category.tag
        result[key] = category.id
    return result
