"""Word (.docx) protocols: the body's paragraphs and tables in document order.

Headers, footers, comments, footnotes, deleted revisions and hidden text are not part of the
body text. List items get their visible label ("• ", "1. ") computed from the numbering part.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from .extracted import ExtractedText, ExtractionError, TextBuilder
from .formats import add_block, checked_zip, finish

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_HEADING_NAME = re.compile(r"^(?:heading|überschrift)\s*(\d)$", re.IGNORECASE)
_LEVEL_FIELD = re.compile(r"%([1-9])")
# Word's own limits: list counters start at most at 32767, a row has at most 63 columns.
_MAX_START = 32767
_MAX_SPAN = 63
_MAX_LABEL = 64  # characters of a level's label template ("%1.%2)")
_MAX_LETTER_NUMBER = 26 * 20  # "a" … "tttttttttttttttttttt"; beyond that digits are shown
_P, _TBL, _TR, _TC, _R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
# Inline wrappers whose runs are visible text (w:del and w:moveFrom are not).
_INLINE_WRAPPERS = {
    qn(f"w:{tag}")
    for tag in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "dir", "bdo")
}
_ROMAN_VALUES = (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1)
_ROMAN_NUMERALS = ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i")
_RUN_TEXT = {
    qn("w:t"): None,
    qn("w:tab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
}


def read_docx(data: bytes, file_name: str) -> ExtractedText:
    """A .docx body as heading, paragraph, list-item and table-row blocks."""
    if data.startswith(_OLE_MAGIC):
        raise ExtractionError("import.docx_encrypted_or_legacy", file=file_name)
    checked_zip(data, file_name, "import.corrupt_docx")
    builder = TextBuilder()
    try:
        document = docx.Document(BytesIO(data))
        styles = _Styles(_part_element(document, RT.STYLES))
        numbering = _Numbering(_part_element(document, RT.NUMBERING))
        _Walker(styles, numbering, builder).container(document.element.body)
    except ExtractionError:
        raise
    except Exception as exc:  # python-docx and lxml raise assorted errors on broken files
        raise ExtractionError("import.corrupt_docx", file=file_name) from exc
    return finish(builder, "docx", file_name)


def _part_element(document: Any, reltype: str) -> Any:
    try:
        return document.part.part_related_by(reltype).element
    except KeyError:
        return None


def _val(element: Any, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return None if found is None else found.get(qn("w:val"))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Styles:
    """Paragraph styles: name, parent, outline level and numbering, followed up the chain."""

    def __init__(self, root: Any) -> None:
        self.styles: dict[str, tuple[str, str | None, Any]] = {}
        for style in root.iter(qn("w:style")) if root is not None else ():
            name = (_val(style, qn("w:name")) or "").strip()
            self.styles[style.get(qn("w:styleId"))] = (
                name,
                _val(style, qn("w:basedOn")),
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
        outline = _int(_val(ppr, qn("w:outlineLvl")), 9)
        if outline < 9:
            return outline + 1
        for name, style_ppr in self.chain(style_id):
            match = _HEADING_NAME.match(name)
            if match:
                return max(1, int(match.group(1)))
            if name.lower() == "title":
                return 1
            outline = _int(_val(style_ppr, qn("w:outlineLvl")), 9)
            if outline < 9:
                return outline + 1
        return None

    def numbering(self, ppr: Any, style_id: str | None) -> tuple[str | None, int, str]:
        """(numId, ilvl, style name) of a paragraph; numId "0" switches numbering off."""
        names = [name for name, _ in self.chain(style_id)]
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id, ilvl = _val(num_pr, qn("w:numId")), _val(num_pr, qn("w:ilvl"))
        for _, style_ppr in self.chain(style_id):
            style_num = style_ppr.find(qn("w:numPr")) if style_ppr is not None else None
            num_id = num_id or _val(style_num, qn("w:numId"))
            ilvl = ilvl or _val(style_num, qn("w:ilvl"))
        return num_id, min(max(_int(ilvl, 0), 0), 8), (names[0] if names else "").lower()


class _Numbering:
    """List labels: bullet or counter rendered through the level's lvlText ("%1.")."""

    def __init__(self, root: Any) -> None:
        abstract = {}
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        for node in root.iter(qn("w:abstractNum")) if root is not None else ():
            abstract[node.get(qn("w:abstractNumId"))] = self._levels(node)
        for num in root.iter(qn("w:num")) if root is not None else ():
            levels = dict(abstract.get(_val(num, qn("w:abstractNumId")), {}))
            for override in num.iter(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                levels.update(self._levels(override))
                start = _val(override, qn("w:startOverride"))
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _start(start))
            self.levels[num.get(qn("w:numId"))] = levels

    @staticmethod
    def _levels(node: Any) -> dict[int, tuple[str, str, int]]:
        return {
            _int(lvl.get(qn("w:ilvl")), 0): (
                _val(lvl, qn("w:numFmt")) or "decimal",
                (_val(lvl, qn("w:lvlText")) or "")[:_MAX_LABEL],
                _start(_val(lvl, qn("w:start"))),
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


def _start(value: str | None) -> int:
    return min(max(_int(value, 1), 0), _MAX_START)


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


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """Children with `tag`, looking through content controls and custom XML wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tag)


class _Walker:
    """Turns body elements into blocks, in document order."""

    def __init__(self, styles: _Styles, numbering: _Numbering, builder: TextBuilder) -> None:
        self.styles, self.numbering, self.builder = styles, numbering, builder

    def container(self, parent: Any) -> None:
        for child in parent:
            if child.tag == _P:
                self.paragraph(child)
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag == _SDT and child.find(_SDT_CONTENT) is not None:
                self.container(child.find(_SDT_CONTENT))
            elif child.tag == _CUSTOM_XML:
                self.container(child)

    def paragraph(self, p: Any) -> None:
        ppr = p.find(qn("w:pPr"))
        style_id = _val(ppr, qn("w:pStyle"))
        num_id, ilvl, style_name = self.styles.numbering(ppr, style_id)
        label = self.numbering.label(num_id, ilvl, style_name)
        text = paragraph_text(p).strip()
        if not text:
            return
        level = self.styles.heading_level(ppr, style_id)
        if level is not None:
            prefix = label if label and label != "• " else ""
            add_block(self.builder, prefix + text, "heading", level)
        elif label is not None:
            add_block(self.builder, label + text, "list_item", ilvl + 1)
        else:
            add_block(self.builder, text)

    def table(self, tbl: Any) -> None:
        for row in _children(tbl, _TR):
            cells: list[str] = []
            for cell in _children(row, _TC):
                tc_pr = cell.find(qn("w:tcPr"))
                merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
                continued = merge is not None and merge.get(qn("w:val"), "continue") != "restart"
                cells.append("" if continued else _cell_text(cell))
                span = min(max(_int(_val(tc_pr, qn("w:gridSpan")), 1), 1), _MAX_SPAN)
                cells.extend([""] * (span - 1))
            while cells and not cells[-1]:
                cells.pop()
            add_block(self.builder, "\t".join(cells), "table_row")


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs (nested tables flattened) joined by spaces, on one line."""
    texts: list[str] = []
    for child in cell:
        if child.tag == _P:
            texts.append(paragraph_text(child))
        elif child.tag == _TBL:
            texts.extend(
                _cell_text(tc) for tr in _children(child, _TR) for tc in _children(tr, _TC)
            )
        elif child.tag in (_SDT, _CUSTOM_XML):
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            texts.append(_cell_text(content) if content is not None else "")
    joined = " ".join(text.strip() for text in texts if text.strip())
    return re.sub(r"[\t\n]+", " ", joined)


def paragraph_text(element: Any) -> str:
    """Visible text of a paragraph: runs in order, soft breaks as "\\n", tabs as "\\t"."""
    parts: list[str] = []
    for child in element:
        if child.tag == _R:
            rpr = child.find(qn("w:rPr"))
            vanish = rpr.find(qn("w:vanish")) if rpr is not None else None
            if vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false"):
                continue
            for node in child:
                if node.tag in _RUN_TEXT:
                    parts.append(_RUN_TEXT[node.tag] or node.text or "")
        elif child.tag in _INLINE_WRAPPERS:
            parts.append(paragraph_text(child))
        elif child.tag == _SDT and child.find(_SDT_CONTENT) is not None:
            parts.append(paragraph_text(child.find(_SDT_CONTENT)))
    return "".join(parts)
