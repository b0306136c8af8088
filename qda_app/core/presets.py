"""Presets: ready-made quarters and category systems, read from resources/presets/*.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .db.models import Category, Quarter
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
    """Add the preset's quarters and categories in one undoable command."""
    data = load_preset(name)
    with project.command("preset.apply", name=name) as session:
        if session.query(Quarter.id).first() or session.query(Category.id).first():
            raise ValidationError("preset.project_not_empty", name=name)
        city = Quarter(name=data["city"]["name"], kind="city", position=0)
        session.add(city)
        session.flush()
        for position, space in enumerate(data.get("social_space", [])):
            row = Quarter(
                name=space["name"], kind="social_space", parent_id=city.id, position=position
            )
            session.add(row)
            session.flush()
            for number, stat in enumerate(space.get("statistical", [])):
                session.add(
                    Quarter(
                        name=stat["name"],
                        number=stat.get("number"),
                        kind="statistical",
                        parent_id=row.id,
                        position=number,
                    )
                )
        for position, top in enumerate(data.get("category", [])):
            parent = Category(
                name=top["name"],
                tag=top.get("tag", ""),
                colour=top["colour"],
                origin="deductive",
                definition=top.get("definition", ""),
                coding_rules=top.get("coding_rules", ""),
                block_patterns="\n".join(top.get("block_patterns", [])),
                position=position,
            )
            session.add(parent)
            session.flush()
            colours = top.get("subcolours", [])
            for index, sub in enumerate(data.get("subcategory", [])):
                session.add(
                    Category(
                        name=sub["name"],
                        tag=sub.get("tag", ""),
                        parent_id=parent.id,
                        colour=colours[index] if index < len(colours) else top["colour"],
                        origin="inductive",
                        definition=sub.get("definition", ""),
                        coding_rules=sub.get("coding_rules", ""),
                        position=index,
                    )
                )
        session.flush()
