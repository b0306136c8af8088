"""What a user could see of codings, anchors, statements and categories, to compare."""

from __future__ import annotations

from qda_app.core.project import Project


def full_state(project: Project) -> dict:
    """Every coding with offsets, coder, notes and links; categories; anchors; statements."""
    categories = project.categories.list()
    return {
        "categories": categories,
        "segments": [
            (
                s.coding_id,
                s.document_id,
                s.start,
                s.end,
                s.category_id,
                s.coder,
                s.memo,
                s.paraphrase,
                s.generalisation,
                s.is_quote,
                s.statement_ids,
            )
            for s in project.segments.iter(texts=False)
        ],
        "anchors": {c.id: project.categories.anchors(c.id) for c in categories},
        "statements": project.statements.list(),
    }


def category_id(project: Project, path: str) -> int:
    found = project.categories.find(path)
    assert found is not None, path
    return found.id
