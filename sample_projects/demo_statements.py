"""The reduced statements of the demo: per-quarter bullets linked to codings, and
cross-quarter statements linked to the per-quarter statements they generalise.

Each statement has a stable key ("manfort.bi.hygiene"); a cross-quarter statement names its
sources by key. How many quarters stand behind it is left for the app to compute.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qda_app.core.errors import ValidationError
from qda_app.core.services.statements import NewStatement

from .scheme_history import acting_as

if TYPE_CHECKING:
    from qda_app.core.project import Project

# Who condensed which quarter (the coder who coded most of its protocols).
AUTHORS = {
    "Stadtweit": "Keller",
    "Manfort": "Keller",
    "Alkenrath": "Yilmaz",
    "Rheindorf": "Yilmaz",
    "Opladen": "Keller",
    "Wiesdorf": "Keller",
    "Steinbüchel": "Yilmaz",
}
CROSS_QUARTER_AUTHOR = "Keller"


def load_statements(study: Path) -> list[dict[str, Any]]:
    path = study / "statements.toml"
    if not path.exists():
        return []
    with path.open("rb") as handle:
        return tomllib.load(handle).get("statement", [])


def _category_ids(project: Project) -> dict[str, int]:
    """Category ids by tag path ("Bedarfe/Zielgruppe")."""
    rows = project.categories.list()
    tags = {row.id: row.tag for row in rows}
    return {
        (f"{tags[row.parent_id]}/{row.tag}" if row.parent_id is not None else row.tag): row.id
        for row in rows
    }


def add_statements(project: Project, coding_ids: dict[str, int], study: Path) -> int:
    """Add every statement of statements.toml, one command per quarter; returns how many."""
    entries = load_statements(study)
    categories = _category_ids(project)
    quarters = {q.name: q.id for q in project.quarters.list()}
    statement_ids: dict[str, int] = {}
    codings_of: dict[str, list[int]] = {}
    by_quarter: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        by_quarter.setdefault(entry.get("quarter", ""), []).append(entry)
    for quarter, group in by_quarter.items():
        if not quarter:
            continue
        for entry in group:
            if entry["category"] not in categories or quarter not in quarters:
                raise ValidationError("demo.statement_target", text=entry["text"][:60])
            missing = [key for key in entry.get("codings", []) if key not in coding_ids]
            if missing:
                raise ValidationError(
                    "demo.statement_coding", text=entry["text"][:60], coding=missing[0]
                )
            codings_of[entry["key"]] = [coding_ids[key] for key in entry.get("codings", [])]
        with (
            acting_as(project, AUTHORS.get(quarter, CROSS_QUARTER_AUTHOR)),
            project.command("demo.statements", quarter=quarter, count=len(group)) as session,
        ):
            new = [
                NewStatement(
                    categories[entry["category"]],
                    entry["text"],
                    quarters[quarter],
                    tuple(codings_of[entry["key"]]),
                )
                for entry in group
            ]
            added = project.statements.add_many_in(session, new)
            for entry, statement_id in zip(group, added, strict=True):
                statement_ids[entry["key"]] = statement_id
    cross = by_quarter.get("", [])
    for entry in cross:
        missing = [key for key in entry.get("sources", []) if key not in statement_ids]
        if entry["category"] not in categories or missing or not entry.get("sources"):
            raise ValidationError(
                "demo.statement_source", statement=entry["key"], source=(missing or ["—"])[0]
            )
    if cross:
        _add_cross_quarter(project, cross, categories, statement_ids, codings_of)
    return len(entries)


def _add_cross_quarter(
    project: Project,
    cross: list[dict[str, Any]],
    categories: dict[str, int],
    statement_ids: dict[str, int],
    codings_of: dict[str, list[int]],
) -> None:
    """Cross-quarter statements, linked to the per-quarter statements they generalise."""
    link_source = getattr(project.statements, "link_source_in", None)
    with (
        acting_as(project, CROSS_QUARTER_AUTHOR),
        project.command("demo.cross_statements", count=len(cross)) as session,
    ):
        for entry in cross:
            # TODO(issue 12): statements linked to statements. Until the store has that link,
            # a cross-quarter statement carries the first coding of each source statement, so
            # the quarters behind it can still be traced.
            behind = [] if link_source else _union(codings_of[key][:1] for key in entry["sources"])
            row = project.statements.add_in(
                session, categories[entry["category"]], entry["text"], None, behind
            )
            if link_source:
                for key in entry["sources"]:
                    link_source(session, row.id, statement_ids[key])
            statement_ids[entry["key"]] = row.id


def _union(groups: Any) -> list[int]:
    return list(dict.fromkeys(coding_id for group in groups for coding_id in group))
