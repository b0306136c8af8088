"""A project's content as plain values, compared before and after an exchange round trip."""

from __future__ import annotations

from typing import Any

from qda_app.core.project import Project


def snapshot(project: Project) -> dict[str, Any]:
    """Documents, texts, categories, codings (offsets, coders, notes), statements, anchors,
    metadata and the journal, keyed by names rather than ids."""
    categories = project.categories.list()
    paths = project.categories.paths()
    quarters = {q.id: q for q in project.quarters.list()}

    def quarter_path(quarter_id: int | None) -> tuple[str, ...]:
        parts: list[str] = []
        while quarter_id is not None:
            parts.insert(0, f"{quarters[quarter_id].label}:{quarters[quarter_id].kind}")
            quarter_id = quarters[quarter_id].parent_id
        return tuple(parts)

    methods = {m.id: m.code for m in project.methods.list()}
    documents = {}
    coding_keys = {}
    codings = []
    for document in project.documents.list():
        documents[document.title] = {
            "text": project.documents.text(document.id),
            "quarter": quarter_path(document.quarter_id),
            "method": methods.get(document.method_id),
            "date": document.date,
            "group": document.group_label,
            "participants": document.participants,
            "moderator": document.moderator,
            "source_filename": document.source_filename,
            "variables": project.variables.values(document.id),
        }
    for segment in project.segments.iter():
        key = (
            segment.document_title,
            segment.start,
            segment.end,
            paths[segment.category_id],
            segment.coder,
        )
        coding_keys[segment.coding_id] = key
        codings.append(
            (
                *key,
                segment.text,
                segment.memo,
                segment.paraphrase,
                segment.generalisation,
                segment.is_quote,
            )
        )
    anchors = sorted(
        (paths[c.id], coding_keys[a.coding_id])
        for c in categories
        for a in project.categories.anchors(c.id)
    )
    statements = sorted(
        (
            paths[s.category_id],
            quarter_path(s.quarter_id),
            s.text,
            tuple(sorted(coding_keys[c] for c in s.coding_ids)),
        )
        for s in project.statements.list()
    )
    return {
        "categories": [
            (
                paths[c.id],
                c.tag,
                c.colour,
                c.origin,
                c.definition,
                c.coding_rules,
                c.codable,
                c.block_patterns,
            )
            for c in categories
        ],
        "quarters": sorted(quarter_path(q) for q in quarters),
        "documents": documents,
        "codings": sorted(codings),
        "coders": sorted(c.name for c in project.coders.list()),
        "anchors": anchors,
        "statements": statements,
        "journal": project.details.get().journal,
        "variables": sorted(project.variables.list()),
    }
