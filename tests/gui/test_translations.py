"""The GUI catalogs: German and English complete, and every key the code asks for present."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = ROOT / "resources" / "translations"
GUI_SOURCES = ROOT / "qda_app" / "gui"
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
}


def catalog(lang: str) -> dict[str, str]:
    return json.loads((CATALOGS / f"gui.{lang}.json").read_text(encoding="utf-8"))


def keys_in_code() -> set[str]:
    found: set[str] = set()
    for source in GUI_SOURCES.glob("*.py"):
        found.update(re.findall(r"[\"'](gui\.[a-z_.]+[a-z_])[\"']", source.read_text("utf-8")))
    for prefix, names in DYNAMIC.items():
        found.update(prefix + name for name in names)
    return found


def test_german_and_english_have_the_same_keys() -> None:
    german, english = catalog("de"), catalog("en")
    assert set(german) == set(english)
    assert all(key.startswith("gui.") for key in german)
    assert all(text.strip() for text in [*german.values(), *english.values()])


def test_every_key_the_window_uses_is_translated() -> None:
    missing = keys_in_code() - set(catalog("de"))
    assert missing == set()


def test_placeholders_agree_between_languages() -> None:
    german, english = catalog("de"), catalog("en")
    for key, text in german.items():
        assert set(re.findall(r"{(\w+)", text)) == set(re.findall(r"{(\w+)", english[key])), key
