"""The planning step of the demo: the study's goals, its gap statements linked to them, and
"what is missing" entries and measures for some Sozialräume (leverkusen/planning.toml).

Everything is written through the services in one command, so the demo shows the same
rows a team would have entered by hand.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qda_app.core.errors import ValidationError

from .demo_statements import load_statements
from .scheme_history import acting_as

if TYPE_CHECKING:
    from qda_app.core.project import Project

GAP_TAG = "Leerstellen"
PLANNER = "Keller"


def load_planning(study: Path) -> dict[str, Any]:
    path = study / "planning.toml"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def goals_for(text: str, subcategory: str, plan: dict[str, Any]) -> list[str]:
    """The goal tags a gap statement supports: its subcategory's goal, then those whose
    words occur in it, in the order of the rules."""
    folded = text.casefold()
    tags = [plan["default_goal"][subcategory]] if subcategory in plan["default_goal"] else []
    for rule in plan.get("rule", []):
        if any(word in folded for word in rule["words"]) and rule["goal"] not in tags:
            tags.append(rule["goal"])
    return tags


def add_planning(project: Project, study: Path, preset: dict[str, Any]) -> int:
    """Goals, goal links, missing entries and measures; returns the number of links."""
    plan = load_planning(study)
    entries = load_statements(study)
    if not plan:
        return 0
    quarters = {q.name: q.id for q in project.quarters.list()}
    statement_id = {(s.quarter_id, s.text): s.id for s in project.statements.list()}
    key_to_id: dict[str, int] = {}
    for entry in entries:
        quarter = quarters.get(entry.get("quarter", "")) if entry.get("quarter") else None
        found = statement_id.get((quarter, entry["text"]))
        if found is not None:
            key_to_id[entry["key"]] = found
    links = 0
    with (
        acting_as(project, PLANNER),
        project.command("demo.planning", count=len(entries)) as session,
    ):
        goal_ids = {
            goal["tag"]: project.goals.create_in(
                session, goal["name"], goal["tag"], goal.get("description", "")
            ).id
            for goal in preset.get("goal", [])
        }
        for entry in entries:
            top, _, sub = entry["category"].partition("/")
            if top != GAP_TAG or entry["key"] not in key_to_id:
                continue
            for tag in goals_for(entry["text"], sub, plan):
                project.goals.link_statement_in(session, goal_ids[tag], key_to_id[entry["key"]])
                links += 1
        for item in plan.get("missing", []):
            project.planning.add_missing_in(
                session, quarters[item["quarter"]], goal_ids[item["goal"]], item["text"]
            )
        for item in plan.get("measure", []):
            _add_measure(project, session, item, quarters, goal_ids, key_to_id)
    return links


def _add_measure(
    project: Project,
    session: Any,
    item: dict[str, Any],
    quarters: dict[str, int],
    goal_ids: dict[str, int],
    key_to_id: dict[str, int],
) -> None:
    missing = [key for key in item.get("statements", []) if key not in key_to_id]
    if missing:
        raise ValidationError("demo.statement_source", statement=item["text"], source=missing[0])
    row = project.planning.add_measure_in(
        session,
        quarters[item["quarter"]],
        goal_ids[item["goal"]],
        item["text"],
        [key_to_id[key] for key in item.get("statements", [])],
        responsible=item.get("responsible", ""),
        time_frame=item.get("time_frame", ""),
        priority=item.get("priority", ""),
    )
    for status in item.get("status", []):  # the way it went, each step in its history
        project.planning.update_measure_in(session, row.id, status=status)
