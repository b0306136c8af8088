"""OpenDocument text (.odt) protocols: content.xml walked in order with the standard library.

Annotations, footnotes, tracked deletions and frames (text boxes, images) are not body text;
headers and footers live in styles.xml and are never read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from .extracted import ExtractedText, ExtractionError, TextBuilder
from .formats import add_block, finish, open_zip, read_member

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
}
_CORRUPT = "import.corrupt_odt"
_MAX_REPEAT = 1000  # table:number-*-repeated is honoured up to this many copies


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
    with open_zip(data, file_name, _CORRUPT) as archive:
        names = set(archive.namelist())
        if "content.xml" not in names:
            raise ExtractionError(_CORRUPT, file=file_name)
        if "META-INF/manifest.xml" in names and _is_encrypted(
            read_member(archive, "META-INF/manifest.xml", file_name, _CORRUPT)
        ):
            raise ExtractionError("import.encrypted", file=file_name)
        content = read_member(archive, "content.xml", file_name, _CORRUPT)
    try:
        root = ET.fromstring(content)
    except (ET.ParseError, ValueError) as exc:
        raise ExtractionError(_CORRUPT, file=file_name) from exc
    body = root.find("office:body/office:text", _NS)
    if body is None:
        raise ExtractionError(_CORRUPT, file=file_name)
    builder = TextBuilder()
    try:
        _Walker(builder, _numbered_list_styles(root)).container(body)
    except RecursionError as exc:  # absurdly deep nesting: a damaged or hostile file
        raise ExtractionError(_CORRUPT, file=file_name) from exc
    return finish(builder, "odt", file_name)


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
    return int(value) if value is not None and value.isdigit() else default


class _Walker:
    """Turns content.xml body elements into blocks, in document order."""

    def __init__(
        self, builder: TextBuilder, numbered: dict[str, dict[int, tuple[str, str]]]
    ) -> None:
        self.builder, self.numbered = builder, numbered

    def container(self, parent: Any) -> None:
        for child in parent:
            if child.tag == _H:
                level = max(1, _int(child.get(_q("text:outline-level")), 1))
                add_block(self.builder, inline_text(child).strip(), "heading", level)
            elif child.tag == _P:
                add_block(self.builder, inline_text(child).strip())
            elif child.tag == _LIST:
                self.list(child, "", 1)
            elif child.tag == _TABLE:
                for cells in _rows(child):
                    add_block(self.builder, "\t".join(cells), "table_row")
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
                    add_block(self.builder, prefix + inline_text(child).strip(), "heading", level)
                    label = ""
                elif child.tag == _P:
                    add_block(self.builder, label + inline_text(child).strip(), "list_item", depth)
                    label = ""  # further paragraphs of the item carry no label
                elif child.tag == _TABLE:
                    for cells in _rows(child):
                        add_block(self.builder, "\t".join(cells), "table_row")


def _rows(table: Any) -> list[list[str]]:
    """Rows of a table (row groups included, nested tables flattened into their cell)."""
    rows: list[list[str]] = []
    for child in table:
        if child.tag == _ROW:
            cells: list[str] = []
            for cell in child:
                if cell.tag in (_CELL, _COVERED):
                    text = "" if cell.tag == _COVERED else _cell_text(cell)
                    repeat = _int(cell.get(_q("table:number-columns-repeated")), 1)
                    cells.extend([text] * min(repeat, _MAX_REPEAT))
            while cells and not cells[-1]:
                cells.pop()
            repeat = _int(child.get(_q("table:number-rows-repeated")), 1)
            rows.extend([cells] * (min(repeat, _MAX_REPEAT) if cells else 0))
        elif child.tag in _ROW_GROUPS:
            rows.extend(_rows(child))
    return rows


def _cell_text(element: Any) -> str:
    """A cell's paragraphs, lists and nested tables joined by spaces, on one line."""
    texts: list[str] = []
    for child in element:
        if child.tag in (_P, _H):
            texts.append(inline_text(child))
        elif child.tag == _TABLE:
            texts.extend(" ".join(cells) for cells in _rows(child))
        elif child.tag not in _SKIP and not child.tag.startswith(_DRAW):
            texts.append(_cell_text(child))  # lists, list items, sections
    return " ".join(" ".join(text.split()) for text in texts if text.strip())


def inline_text(element: Any) -> str:
    """Paragraph content as ODF renders it: runs of whitespace collapse, text:s keeps spaces."""
    return _SPACES.sub(" ", _inline(element)).replace("\x00", " ")


def _inline(element: Any) -> str:
    parts = [_WHITESPACE.sub(" ", element.text or "")]
    for child in element:
        if child.tag == _S:
            parts.append("\x00" * min(_int(child.get(_q("text:c")), 1), _MAX_REPEAT))
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _BREAK:
            parts.append("\n")
        elif child.tag not in _SKIP and not child.tag.startswith(_DRAW):
            parts.append(_inline(child))  # spans, links, fields, bookmarks …
        parts.append(_WHITESPACE.sub(" ", child.tail or ""))
    return "".join(parts)
