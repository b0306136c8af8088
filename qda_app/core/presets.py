"""Presets: ready-made quarters and category systems, read from resources/presets/*.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import ValidationError

if TYPE_CHECKING:
    from .project import Project


def available_presets() -> list[str]:
    folder = resources.files("qda_app.resources") / "presets"
    return sorted(
        e.name.removesuffix(".toml") for e in folder.iterdir() if e.name.endswith(".toml")
    )


@cache
def load_preset(name: str) -> dict[str, Any]:
    """The preset's data; an unknown name is a clear error listing the known ones."""
    if name not in available_presets():
        raise ValidationError("preset.unknown", name=name, known=", ".join(available_presets()))
    entry = resources.files("qda_app.resources") / "presets" / f"{name}.toml"
    return tomllib.loads(entry.read_text(encoding="utf-8"))


def apply_preset(project: Project, name: str) -> None:
    """Add the preset's quarters, categories and strategic goals in one undoable command.

    Every row goes through the services' checks (unique names, colours, patterns)."""
    data = load_preset(name)
    with project.command("preset.apply", name=name) as session:
        if project.quarters.list() or project.categories.list():
            raise ValidationError("preset.project_not_empty", name=name)
        city = project.quarters.add_in(session, data["city"]["name"], "city")
        for space in data.get("social_space", []):
            row = project.quarters.add_in(session, space["name"], "social_space", city.id)
            for stat in space.get("statistical", []):
                project.quarters.add_in(
                    session, stat["name"], "statistical", row.id, stat.get("number")
                )
        for top in data.get("category", []):
            parent = project.categories.create_in(
                session,
                top["name"],
                tag=top.get("tag", ""),
                colour=top["colour"],
                origin="deductive",
                definition=top.get("definition", ""),
                coding_rules=top.get("coding_rules", ""),
                block_patterns="\n".join(top.get("block_patterns", [])),
            )
            colours = top.get("subcolours", [])
            for index, sub in enumerate(data.get("subcategory", [])):
                project.categories.create_in(
                    session,
                    sub["name"],
                    parent.id,
                    tag=sub.get("tag", ""),
                    colour=colours[index] if index < len(colours) else top["colour"],
                    origin="inductive",
                    definition=sub.get("definition", ""),
                    coding_rules=sub.get("coding_rules", ""),
                )
        for goal in data.get("goal", []):
            project.goals.create_in(session, goal["name"], goal["tag"], goal.get("description", ""))
