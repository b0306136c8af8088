"""A category's coding agenda as one REFI-QDA `Description`, and back.

REFI-QDA gives a code a name, a colour, a codable flag and one free text. The coding agenda
(definition, coding rules, anchor examples) goes into that text under headings, with the tag
and the deductive/inductive origin on closing lines, so another program shows all of it and
a re-import restores each field exactly. A description without these headings (from another
program) is the definition as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..values import CategoryInfo
from .refi_format import LABELS, label

SECTIONS = ("definition", "coding_rules", "anchors", "block_patterns")
_HEADINGS = {variant: key for key in SECTIONS for variant in LABELS[key]}
_HEADING_LINE = re.compile(
    "^(" + "|".join(re.escape(h) for h in sorted(_HEADINGS, key=len, reverse=True)) + ")$",
    re.MULTILINE,
)
_TAG = "|".join(re.escape(v) for v in LABELS["tag"])
_ORIGIN = "|".join(re.escape(v) for v in LABELS["origin"])
_FOOTER = re.compile(
    rf"(?:\A|\n\n)(?:(?:{_TAG}) (?P<tag>[^\n]*)\n)?(?:{_ORIGIN}) (?P<origin>[^\n]*)\Z"
)
ANCHOR_LENGTH = 300


@dataclass(frozen=True)
class AgendaFields:
    """The fields a description carries; `structured` is False for a foreign free text."""

    definition: str
    coding_rules: str = ""
    block_patterns: str = ""
    tag: str = ""
    origin: str | None = None
    structured: bool = False


def compose(category: CategoryInfo, anchors: list[str], language: str) -> str:
    """The Description text of a category (anchor examples as quoted coded text)."""
    blocks = []
    quoted = [f"„{_short(' '.join(text.split()))}“" for text in anchors]
    for key, content in (
        ("definition", category.definition),
        ("coding_rules", category.coding_rules),
        ("anchors", "\n".join(quoted)),
        ("block_patterns", category.block_patterns),
    ):
        if content:
            blocks.append(f"{label(key, language)}\n{content}")
    footer = ""
    if category.tag:
        footer += f"{label('tag', language)} {category.tag}\n"
    footer += f"{label('origin', language)} {label(category.origin, language)}"
    blocks.append(footer)
    return "\n\n".join(blocks)


def parse(text: str | None) -> AgendaFields:
    """The fields of a Description written by `compose`, or a foreign text as definition."""
    text = (text or "").replace("\r\n", "\n")
    footer = _FOOTER.search(text)
    if footer is None:
        return AgendaFields(definition=text.strip())
    origin = _origin(footer.group("origin"))
    tag = (footer.group("tag") or "").strip()
    body = text[: footer.start()]
    values = {key: "" for key in SECTIONS}
    pieces = _HEADING_LINE.split(body)
    if pieces[0].strip():
        values["definition"] = pieces[0].strip()  # text before any heading
    for index in range(1, len(pieces), 2):
        key = _HEADINGS[pieces[index]]
        content = pieces[index + 1].removeprefix("\n")
        if index + 2 < len(pieces):
            content = content.removesuffix("\n\n")
        values[key] = content
    return AgendaFields(
        definition=values["definition"],
        coding_rules=values["coding_rules"],
        block_patterns=values["block_patterns"],
        tag=tag,
        origin=origin,
        structured=True,
    )


def _origin(text: str) -> str | None:
    word = text.strip().casefold()
    for key in ("deductive", "inductive"):
        if word in (v.casefold() for v in LABELS[key]):
            return key
    return None


def _short(text: str) -> str:
    return text if len(text) <= ANCHOR_LENGTH else text[: ANCHOR_LENGTH - 1].rstrip() + "…"
