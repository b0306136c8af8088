"""OpenDocument text (.odt) protocols: content.xml walked in order with the standard library.

Annotations, footnotes, tracked deletions and frames (text boxes, images) are not body text;
headers and footers live in styles.xml and are never read.
"""

from __future__ import annotations

import builtins
import re
import xml.etree.ElementTree as ET
from typing import Any

from .extracted import ExtractedText, ExtractionError, TextBuilder
from .formats import add_block, checked_zip, finish

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
}
_CORRUPT = "import.corrupt_odt"
_MAX_SPACES = 1000  # text:s text:c="…" is honoured up to this many spaces
# Characters that repetition (table:number-rows-repeated, number-columns-repeated, text:s)
# may add to a document: a few bytes of XML must not expand to gigabytes of text.
MAX_REPEATED_CHARS = 10_000_000
_BLOCK_COST = 64  # a repeated row becomes a block of its own: charge for that as well
_MANIFEST = "META-INF/manifest.xml"


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_H, _P, _LIST, _ITEM, _HEADER = (
    _q("text:h"),
    _q("text:p"),
    _q("text:list"),
    _q("text:list-item"),
    _q("text:list-header"),
)
_TABLE, _ROW, _CELL, _COVERED = (
    _q("table:table"),
    _q("table:table-row"),
    _q("table:table-cell"),
    _q("table:covered-table-cell"),
)
_S, _TAB, _BREAK = _q("text:s"), _q("text:tab"), _q("text:line-break")
_SKIP = {
    _q(name)
    for name in (
        "office:annotation",
        "office:annotation-end",
        "text:note",
        "text:tracked-changes",
        "text:sequence-decls",
        "text:variable-decls",
        "text:user-field-decls",
        "office:forms",
        "table:table-columns",
        "table:table-column",
        "table:table-header-columns",
        "text:index-title-template",
        "text:deletion",
    )
}
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_ROW_GROUPS = {
    _q(name) for name in ("table:table-header-rows", "table:table-rows", "table:table-row-group")
}
# ODF collapses runs of whitespace in paragraph text; text:s marks spaces that must stay.
_WHITESPACE = re.compile(r"[ \t\r\n]+")
_SPACES = re.compile(r" {2,}")


def read_odt(data: bytes, file_name: str) -> ExtractedText:
    """An .odt body as heading, paragraph, list-item and table-row blocks."""
    # The manifest first: the parts of an encrypted document do not unpack.
    manifest = checked_zip(data, file_name, _CORRUPT, keep=(_MANIFEST,), only=(_MANIFEST,))
    if _MANIFEST in manifest and _is_encrypted(manifest[_MANIFEST]):
        raise ExtractionError("import.encrypted", file=file_name)
    members = checked_zip(data, file_name, _CORRUPT, keep=("content.xml",))
    if "content.xml" not in members:
        raise ExtractionError(_CORRUPT, file=file_name)
    content = members.pop("content.xml")
    try:
        root = ET.fromstring(content)
    except (ET.ParseError, ValueError) as exc:
        raise ExtractionError(_CORRUPT, file=file_name) from exc
    body = root.find("office:body/office:text", _NS)
    if body is None:
        raise ExtractionError(_CORRUPT, file=file_name)
    del content
    builder = TextBuilder()
    try:
        _Walker(builder, _numbered_list_styles(root), _Budget()).container(body)
    except RecursionError as exc:  # absurdly deep nesting: a damaged or hostile file
        raise ExtractionError(_CORRUPT, file=file_name) from exc
    except _RepetitionExceeded as exc:
        raise ExtractionError(
            "hardening.odt_repetition", file=file_name, limit=f"{MAX_REPEATED_CHARS:,}"
        ) from exc
    return finish(builder, "odt", file_name)


class _RepetitionExceeded(Exception):
    pass


class _Budget:
    """Counts the characters repetition adds, across the whole document."""

    def __init__(self) -> None:
        self.left = MAX_REPEATED_CHARS

    def spend(self, characters: int) -> None:
        self.left -= characters
        if self.left < 0:
            raise _RepetitionExceeded


def _is_encrypted(manifest: bytes) -> bool:
    try:
        root = ET.fromstring(manifest)
    except ET.ParseError:
        return False
    return root.find(".//manifest:encryption-data", _NS) is not None


def _numbered_list_styles(root: Any) -> dict[str, dict[int, tuple[str, str]]]:
    """List styles of content.xml: name -> {level: (prefix, suffix)} for numbered levels."""
    styles: dict[str, dict[int, tuple[str, str]]] = {}
    for style in root.iterfind(".//text:list-style", _NS):
        styles[style.get(_q("style:name"), "")] = {
            _int(level.get(_q("text:level")), 1): (
                level.get(_q("style:num-prefix"), ""),
                level.get(_q("style:num-suffix"), "."),
            )
            for level in style.iterfind("text:list-level-style-number", _NS)
            if level.get(_q("style:num-format"))
        }
    return styles


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None and value.isdigit() else default
    except ValueError:  # digits int() does not take ("²") or thousands of them
        return default


class _Walker:
    """Turns content.xml body elements into blocks, in document order."""

    def __init__(
        self, builder: TextBuilder, numbered: dict[str, dict[int, tuple[str, str]]], budget: _Budget
    ) -> None:
        self.builder, self.numbered, self.budget = builder, numbered, budget

    def container(self, parent: Any) -> None:
        for child in parent:
            if child.tag == _H:
                level = max(1, _int(child.get(_q("text:outline-level")), 1))
                add_block(self.builder, self.inline_text(child).strip(), "heading", level)
            elif child.tag == _P:
                add_block(self.builder, self.inline_text(child).strip())
            elif child.tag == _LIST:
                self.list(child, "", 1)
            elif child.tag == _TABLE:
                self.table(child)
            elif child.tag not in _SKIP and not child.tag.startswith(_DRAW):
                self.container(child)  # sections, index bodies …

    def list(self, element: Any, style: str, depth: int) -> None:
        style = element.get(_q("text:style-name"), style)
        numbering = self.numbered.get(style, {}).get(depth)
        counter = 0
        for item in element:
            if item.tag not in (_ITEM, _HEADER):
                continue
            label = ""
            if item.tag == _ITEM:
                counter = _int(item.get(_q("text:start-value")), counter + 1)
                label = f"{numbering[0]}{counter}{numbering[1]} " if numbering else "• "
            for child in item:
                if child.tag == _LIST:
                    self.list(child, style, depth + 1)
                elif child.tag == _H:  # numbered headings may sit in a list
                    level = max(1, _int(child.get(_q("text:outline-level")), 1))
                    prefix = "" if label == "• " else label
                    text = prefix + self.inline_text(child).strip()
                    add_block(self.builder, text, "heading", level)
                    label = ""
                elif child.tag == _P:
                    text = label + self.inline_text(child).strip()
                    add_block(self.builder, text, "list_item", depth)
                    label = ""  # further paragraphs of the item carry no label
                elif child.tag == _TABLE:
                    self.table(child)

    def table(self, table: Any) -> None:
        for row, repeat in self.rows(table):
            for _ in range(repeat):
                add_block(self.builder, row, "table_row")

    def rows(self, table: Any) -> builtins.list[tuple[str, int]]:
        """(row text, times) of a table; row groups included, nested tables in their cell.

        Repetition is honoured; every copy beyond the first is charged to the budget, empty
        trailing cells and empty rows (how spreadsheets pad their tables) cost nothing.
        """
        rows: builtins.list[tuple[str, int]] = []
        for child in table:
            if child.tag == _ROW:
                runs: builtins.list[tuple[str, int]] = []
                for cell in child:
                    if cell.tag in (_CELL, _COVERED):
                        text = "" if cell.tag == _COVERED else self.cell_text(cell)
                        runs.append((text, _int(cell.get(_q("table:number-columns-repeated")), 1)))
                while runs and not runs[-1][0]:
                    runs.pop()
                if not runs:
                    continue
                cells: builtins.list[str] = []
                for text, repeat in runs:
                    self.budget.spend((len(text) + 1) * (repeat - 1))
                    cells.extend([text] * repeat)
                row = "\t".join(cells)
                repeat = max(_int(child.get(_q("table:number-rows-repeated")), 1), 1)
                self.budget.spend((len(row) + _BLOCK_COST) * (repeat - 1))
                rows.append((row, repeat))
            elif child.tag in _ROW_GROUPS:
                rows.extend(self.rows(child))
        return rows

    def cell_text(self, element: Any) -> str:
        """A cell's paragraphs, lists and nested tables joined by spaces, on one line."""
        texts: builtins.list[str] = []
        for child in element:
            if child.tag in (_P, _H):
                texts.append(self.inline_text(child))
            elif child.tag == _TABLE:
                for row, repeat in self.rows(child):
                    texts.extend([row.replace("\t", " ")] * repeat)
            elif child.tag not in _SKIP and not child.tag.startswith(_DRAW):
                texts.append(self.cell_text(child))  # lists, list items, sections
        return " ".join(" ".join(text.split()) for text in texts if text.strip())

    def inline_text(self, element: Any) -> str:
        """Paragraph content as ODF renders it: whitespace collapses, text:s keeps spaces."""
        return _SPACES.sub(" ", self._inline(element)).replace("\x00", " ")

    def _inline(self, element: Any) -> str:
        parts = [_WHITESPACE.sub(" ", element.text or "")]
        for child in element:
            if child.tag == _S:
                count = min(_int(child.get(_q("text:c")), 1), _MAX_SPACES)
                self.budget.spend(count - 1)
                parts.append("\x00" * count)
            elif child.tag == _TAB:
                parts.append("\t")
            elif child.tag == _BREAK:
                parts.append("\n")
            elif child.tag not in _SKIP and not child.tag.startswith(_DRAW):
                parts.append(self._inline(child))  # spans, links, fields, bookmarks …
            parts.append(_WHITESPACE.sub(" ", child.tail or ""))
        return "".join(parts)
