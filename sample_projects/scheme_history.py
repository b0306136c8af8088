"""The history of the demo's category system, replayed with the app's own commands.

The team set up the quarters, coded its first protocols with a deductive scheme of six fields
of action, then revised the scheme into the Leverkusen preset: it created the new categories,
moved the early codings one by one, merged three old categories into new ones and deleted the
rest. Later it sharpened coding rules after the intercoder comparison and renamed one
subcategory. Every step is a separate command in the change log, done by the coder who would
have done it, so `qda log` and a methods section have a real revision history to show.

Merges use the app's merge command (codings, anchors and statement links move along; the old
definition is appended to the new category's).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qda_app.core.errors import ValidationError
from qda_app.core.services.categories import CodingFate

if TYPE_CHECKING:
    from qda_app.core.project import Project

SCHEME_LEAD = "Keller"


@contextmanager
def acting_as(project: Project, name: str) -> Iterator[None]:
    """Record the commands inside the block as done by `name`."""
    before = project.actor
    project.actor = name
    try:
        yield
    finally:
        project.actor = before


@dataclass
class SchemeHistory:
    """scheme_history.toml: the first scheme and how it was revised."""

    first_categories: list[dict[str, Any]]
    merges: dict[str, str]
    deletions: list[str]
    first_names: dict[str, str] = field(default_factory=dict)
    first_rules: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, study: Path) -> SchemeHistory:
        with (study / "scheme_history.toml").open("rb") as handle:
            data = tomllib.load(handle)
        revision = data.get("revision", {})
        return cls(
            data.get("first_category", []),
            {item["from"]: item["into"] for item in revision.get("merge", [])},
            list(revision.get("delete", [])),
            {item["tag"]: item["name"] for item in data.get("first_name", [])},
            {item["tag"]: item["coding_rules"] for item in data.get("first_rules", [])},
        )


@dataclass(frozen=True)
class EarlyCoding:
    """A coding first made in the old scheme: where, by whom, and where it ends up."""

    key: str
    coding_id: int
    coder: str
    first_category: str
    final_path: str


def create_quarters(project: Project, preset: dict[str, Any]) -> None:
    """The city-wide level, the Sozialräume and their numbered statistical quarters."""
    with acting_as(project, SCHEME_LEAD):
        city = project.quarters.add(preset["city"]["name"], kind="city")
        for space in preset.get("social_space", []):
            row = project.quarters.add(space["name"], kind="social_space", parent_id=city.id)
            for stat in space.get("statistical", []):
                project.quarters.add(
                    stat["name"], kind="statistical", parent_id=row.id, number=stat.get("number")
                )


def create_first_scheme(project: Project, history: SchemeHistory) -> dict[str, int]:
    """The six deductive fields of action; returns their ids by name."""
    ids = {}
    with acting_as(project, SCHEME_LEAD):
        for item in history.first_categories:
            created = project.categories.create(
                item["name"],
                tag=item.get("tag", ""),
                colour=item["colour"],
                origin="deductive",
                definition=item.get("definition", ""),
                coding_rules=item.get("coding_rules", ""),
            )
            ids[item["name"]] = created.id
    return ids


def create_revised_scheme(
    project: Project, preset: dict[str, Any], history: SchemeHistory
) -> dict[str, int]:
    """The preset's categories as first written down; returns ids by tag path."""
    ids: dict[str, int] = {}
    with acting_as(project, SCHEME_LEAD):
        for top in preset["category"]:
            parent = project.categories.create(
                top["name"],
                tag=top["tag"],
                colour=top["colour"],
                origin="deductive",
                definition=top.get("definition", ""),
                coding_rules=history.first_rules.get(top["tag"], top.get("coding_rules", "")),
                block_patterns="\n".join(top.get("block_patterns", [])),
            )
            ids[top["tag"]] = parent.id
            colours = top.get("subcolours", [])
            for index, sub in enumerate(preset.get("subcategory", [])):
                child = project.categories.create(
                    history.first_names.get(sub["tag"], sub["name"]),
                    parent.id,
                    tag=sub["tag"],
                    colour=colours[index] if index < len(colours) else top["colour"],
                    origin="inductive",
                    definition=sub.get("definition", ""),
                    coding_rules=history.first_rules.get(sub["tag"], sub.get("coding_rules", "")),
                )
                ids[f"{top['tag']}/{sub['tag']}"] = child.id
    return ids


def _merge(project: Project, old_id: int, target_id: int) -> None:
    """Merge an old category into a new one (its codings and statements move along)."""
    project.categories.merge(old_id, target_id, append_definition=False)


def revise(
    project: Project,
    history: SchemeHistory,
    first_ids: dict[str, int],
    final_ids: dict[str, int],
    early: list[EarlyCoding],
) -> None:
    """Move the early codings, merge and delete the old categories."""
    for name in first_ids:
        if name not in history.merges and name not in history.deletions:
            raise ValidationError("demo.scheme_history", name=name)
    for coding in early:
        merged_into = history.merges.get(coding.first_category)
        if merged_into != coding.final_path:
            with acting_as(project, coding.coder):
                project.codings.change_category(coding.coding_id, final_ids[coding.final_path])
    with acting_as(project, SCHEME_LEAD):
        for name, target in history.merges.items():
            _merge(project, first_ids[name], final_ids[target])
        for name in history.deletions:
            project.categories.delete(first_ids[name], fate=CodingFate.DELETE)
    for coding in early:
        if project.codings.get(coding.coding_id).category_id != final_ids[coding.final_path]:
            raise ValidationError("demo.scheme_history", name=coding.key)


def finalize(
    project: Project, preset: dict[str, Any], history: SchemeHistory, final_ids: dict[str, int]
) -> None:
    """Sharpen the coding rules after the intercoder comparison; rename for the slides."""
    subs = {sub["tag"]: sub for sub in preset.get("subcategory", [])}
    tops = {top["tag"]: top for top in preset["category"]}
    with acting_as(project, SCHEME_LEAD):
        for path, category_id in final_ids.items():
            tag = path.rsplit("/", 1)[-1]
            source = subs[tag] if "/" in path else tops[tag]
            if tag in history.first_rules:
                project.categories.update(category_id, coding_rules=source.get("coding_rules", ""))
        for path, category_id in final_ids.items():
            tag = path.rsplit("/", 1)[-1]
            if "/" in path and tag in history.first_names:
                project.categories.rename(category_id, subs[tag]["name"])
