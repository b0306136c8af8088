"""The message catalogs: German and English complete, file by file, and every key the code
asks for present (GUI, CLI and core alike)."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = ROOT / "resources" / "translations"
SOURCES = ROOT / "qda_app"
AREAS = sorted({path.name.split(".")[0] for path in CATALOGS.glob("*.json")})
# Keys built at run time from a fixed set of values.
DYNAMIC = {
    "gui.categories.column.": ("name", "tag", "codings"),
    "gui.categories.column_tip.": ("name", "tag", "codings"),
    "gui.categories.tip.": ("definition", "rules", "tag", "codings"),
    "gui.origin.": ("deductive", "inductive"),
    "gui.quarter_kind.": ("city", "social_space", "statistical"),
    "gui.settings.language.": ("auto", "de", "en"),
    "gui.method.": ("workshop", "phone_interview", "other"),
    "gui.method_letter.": ("workshop", "phone_interview", "other"),
    "gui.delete_category.": ("question", "question_with_subcategories"),
    "gui.import.column.": (
        "status",
        "file",
        "title",
        "quarter",
        "method",
        "date",
        "group",
        "participants",
        "moderator",
    ),
    "gui.variable_type.": ("text", "integer", "float", "date", "boolean"),
    "gui.grid.column.": ("status", "segment", "paraphrase", "generalisation"),
    "gui.grid.column_tip.": ("status", "segment", "paraphrase", "generalisation"),
    "gui.matrix.basis.": ("codings", "statements"),
    "gui.matrix.tab.": ("matrix", "heatmap", "bars", "cross"),
    "gui.workspace.": ("document", "grid", "comparison", "planning"),
    "gui.planning.tab.": ("goals", "table", "monitoring"),
    "gui.planning.goal_button.": ("add", "edit", "up", "down", "delete"),
    "gui.planning.button.": (
        "add_missing",
        "edit_missing",
        "delete_missing",
        "add_measure",
        "edit_measure",
        "delete_measure",
    ),
    "gui.planning.monitoring.": (
        "measure",
        "quarter",
        "goal",
        "responsible",
        "time_frame",
        "since",
        "history",
    ),
    "gui.chart.filter_": ("png", "svg"),
}
# A literal key passed to tr(), a QdaError subclass or a "…key" argument.
KEY_IN_CODE = re.compile(r"[\"'](gui\.[a-z0-9_.]+[a-z0-9_])[\"']")


def area(name: str, lang: str) -> dict[str, str]:
    return json.loads((CATALOGS / f"{name}.{lang}.json").read_text(encoding="utf-8"))


def merged(lang: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for name in AREAS:
        result.update(area(name, lang))
    return result


@pytest.mark.parametrize("name", AREAS)
def test_each_area_has_the_same_keys_in_both_languages(name: str) -> None:
    german, english = area(name, "de"), area(name, "en")
    assert set(german) == set(english)
    assert all(text.strip() for text in [*german.values(), *english.values()])


def test_no_key_is_defined_in_two_areas() -> None:
    seen: dict[str, str] = {}
    for name in AREAS:
        for key in area(name, "en"):
            assert key not in seen, f"{key} in {name} and {seen.get(key)}"
            seen[key] = name


def keys_in_code() -> set[str]:
    found: set[str] = set()
    for source in SOURCES.rglob("*.py"):
        found.update(KEY_IN_CODE.findall(source.read_text("utf-8")))
    for prefix, names in DYNAMIC.items():
        found.update(prefix + name for name in names)
    return found


def test_the_scan_sees_the_gui_packages() -> None:
    assert "gui.app_name" in keys_in_code()


def test_every_key_the_window_uses_is_translated() -> None:
    missing = keys_in_code() - set(merged("de"))
    assert missing == set()


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_placeholders_agree_between_languages() -> None:
    german, english = merged("de"), merged("en")
    for key, text in german.items():
        assert fields(text) == fields(english[key]), key
