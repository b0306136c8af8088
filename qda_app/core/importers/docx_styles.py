"""Paragraph styles and list numbering of a .docx: heading levels and visible list labels.

`ParagraphStyles` follows a paragraph's style chain for its outline level and numbering;
`ListNumbering` renders a list item's label ("• ", "1. ", "a)") from the numbering part.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docx.oxml.ns import qn

_HEADING_NAME = re.compile(r"^(?:heading|überschrift)\s*(\d)$", re.IGNORECASE)
_LEVEL_FIELD = re.compile(r"%([1-9])")
# Word's own limit: list counters start at most at 32767.
_MAX_START = 32767
_MAX_LABEL = 64  # characters of a level's label template ("%1.%2)")
_MAX_LETTER_NUMBER = 26 * 20  # "a" … "tttttttttttttttttttt"; beyond that digits are shown
_ROMAN_VALUES = (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1)
_ROMAN_NUMERALS = ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i")


def word_val(element: Any, path: str) -> str | None:
    """The w:val attribute of `element`'s child at `path`, or None."""
    found = element.find(path) if element is not None else None
    return None if found is None else found.get(qn("w:val"))


def int_value(value: str | None, default: int) -> int:
    """`value` as a number, or `default` when it is missing or not one."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class ParagraphStyles:
    """Paragraph styles: name, parent, outline level and numbering, followed up the chain."""

    def __init__(self, root: Any) -> None:
        self.styles: dict[str, tuple[str, str | None, Any]] = {}
        for style in root.iter(qn("w:style")) if root is not None else ():
            name = (word_val(style, qn("w:name")) or "").strip()
            self.styles[style.get(qn("w:styleId"))] = (
                name,
                word_val(style, qn("w:basedOn")),
                style.find(qn("w:pPr")),
            )

    def chain(self, style_id: str | None) -> Iterator[tuple[str, Any]]:
        seen: set[str] = set()
        while style_id in self.styles and style_id not in seen and len(seen) < 20:
            seen.add(style_id)
            name, style_id_next, ppr = self.styles[style_id]
            yield name, ppr
            style_id = style_id_next

    def heading_level(self, ppr: Any, style_id: str | None) -> int | None:
        outline = int_value(word_val(ppr, qn("w:outlineLvl")), 9)
        if outline < 9:
            return outline + 1
        for name, style_ppr in self.chain(style_id):
            match = _HEADING_NAME.match(name)
            if match:
                return max(1, int(match.group(1)))
            if name.lower() == "title":
                return 1
            outline = int_value(word_val(style_ppr, qn("w:outlineLvl")), 9)
            if outline < 9:
                return outline + 1
        return None

    def numbering(self, ppr: Any, style_id: str | None) -> tuple[str | None, int, str]:
        """(numId, ilvl, style name) of a paragraph; numId "0" switches numbering off."""
        names = [name for name, _ in self.chain(style_id)]
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id, ilvl = word_val(num_pr, qn("w:numId")), word_val(num_pr, qn("w:ilvl"))
        for _, style_ppr in self.chain(style_id):
            style_num = style_ppr.find(qn("w:numPr")) if style_ppr is not None else None
            num_id = num_id or word_val(style_num, qn("w:numId"))
            ilvl = ilvl or word_val(style_num, qn("w:ilvl"))
        return num_id, min(max(int_value(ilvl, 0), 0), 8), (names[0] if names else "").lower()


class ListNumbering:
    """List labels: bullet or counter rendered through the level's lvlText ("%1.")."""

    def __init__(self, root: Any) -> None:
        abstract = {}
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        for node in root.iter(qn("w:abstractNum")) if root is not None else ():
            abstract[node.get(qn("w:abstractNumId"))] = self._levels(node)
        for num in root.iter(qn("w:num")) if root is not None else ():
            levels = dict(abstract.get(word_val(num, qn("w:abstractNumId")), {}))
            for override in num.iter(qn("w:lvlOverride")):
                ilvl = int_value(override.get(qn("w:ilvl")), 0)
                levels.update(self._levels(override))
                start = word_val(override, qn("w:startOverride"))
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _start_value(start))
            self.levels[num.get(qn("w:numId"))] = levels

    @staticmethod
    def _levels(node: Any) -> dict[int, tuple[str, str, int]]:
        return {
            int_value(lvl.get(qn("w:ilvl")), 0): (
                word_val(lvl, qn("w:numFmt")) or "decimal",
                (word_val(lvl, qn("w:lvlText")) or "")[:_MAX_LABEL],
                _start_value(word_val(lvl, qn("w:start"))),
            )
            for lvl in node.findall(qn("w:lvl"))
        }

    def label(self, num_id: str | None, ilvl: int, style_name: str) -> str | None:
        """The visible label of a list paragraph, or None when it is not a list item."""
        if num_id == "0":
            return None
        if num_id not in self.levels:  # numbering part missing: judge by the style name
            if style_name.startswith("list number"):
                num_id, self.levels[f"style:{style_name}"] = f"style:{style_name}", {}
            elif style_name.startswith("list bullet"):
                return "• "
            else:
                return None
        levels = self.levels[num_id]
        fmt, text, _ = levels.get(ilvl, ("decimal", "", 1))
        if fmt == "bullet":
            return "• "
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, [None] * 9)
        current = counters[ilvl]
        counters[ilvl] = levels.get(ilvl, ("", "", 1))[2] if current is None else current + 1
        counters[ilvl + 1 :] = [None] * (8 - ilvl)

        def field(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            level_fmt, _, start = levels.get(level, ("decimal", "", 1))
            return _format_number(counters[level] or start, level_fmt)

        rendered = _LEVEL_FIELD.sub(field, text) if text else f"{counters[ilvl]}."
        return rendered.strip() + " "


def _start_value(value: str | None) -> int:
    return min(max(int_value(value, 1), 0), _MAX_START)


def _format_number(number: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and 0 < number <= _MAX_LETTER_NUMBER:
        letters = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < number < 4000:
        roman = ""
        for value, numeral in zip(_ROMAN_VALUES, _ROMAN_NUMERALS, strict=True):
            count, number = divmod(number, value)
            roman += numeral * count
        return roman.upper() if fmt == "upperRoman" else roman
    return f"{number:02d}" if fmt == "decimalZero" else str(number)
