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

from .docx_styles import ListNumbering, ParagraphStyles, int_value, word_val
from .extracted import ExtractedText, ExtractionError, TextBuilder
from .formats import add_block, checked_zip, finish

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
# Word's own limit: a row has at most 63 columns.
_MAX_SPAN = 63
_P, _TBL, _TR, _TC, _R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
# Inline wrappers whose runs are visible text (w:del and w:moveFrom are not).
_INLINE_WRAPPERS = {
    qn(f"w:{tag}")
    for tag in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "dir", "bdo")
}
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
        styles = ParagraphStyles(_part_element(document, RT.STYLES))
        numbering = ListNumbering(_part_element(document, RT.NUMBERING))
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

    def __init__(
        self, styles: ParagraphStyles, numbering: ListNumbering, builder: TextBuilder
    ) -> None:
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
        style_id = word_val(ppr, qn("w:pStyle"))
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
                span = min(max(int_value(word_val(tc_pr, qn("w:gridSpan")), 1), 1), _MAX_SPAN)
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
