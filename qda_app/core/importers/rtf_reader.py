"""RTF protocols through a small parser of our own: groups, control words, code pages.

Fonts, styles, pictures, headers, footers, footnotes, annotations and every {\\* …} group are
skipped. Paragraphs with \\outlinelevel become headings; \\listtext labels mark list items.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from .extracted import ExtractedText, ExtractionError, TextBuilder
from .formats import add_block, finish

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word with optional parameter
    rb"|\\'([0-9a-fA-F]{2})"  # byte in the current code page
    rb"|\\(.)"  # control symbol
    rb"|([{}])"
    rb"|([^\\{}\r\n]+)"  # plain text
    rb"|[\r\n]+",
    re.DOTALL,
)
# Destinations whose content is never body text (besides every {\\* …} group).
# fmt: off
_SKIPPED = frozenset([
    "colortbl", "stylesheet", "info", "pict", "object", "header", "footer", "headerl",
    "headerr", "headerf", "footerl", "footerr", "footerf", "footnote", "annotation", "filetbl",
    "listtable", "listoverridetable", "revtbl", "rsidtbl", "xmlnstbl", "themedata",
    "colorschememapping", "latentstyles", "datastore", "pgdsctbl", "fldinst", "xe", "tc", "txe",
    "bkmkstart", "bkmkend", "shp", "shpinst", "nonshppict", "atnid", "atnauthor", "atndate",
    "atnref", "atnparent", "ftnsep", "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn",
    "template", "docvar", "userprops", "generator", "pn", "pntxta", "pntxtb",
])
# fmt: on
_SYMBOLS = {
    "emdash": "\u2014",
    "endash": "\u2013",
    "lquote": "\u2018",
    "rquote": "\u2019",
    "ldblquote": "\u201c",
    "rdblquote": "\u201d",
    "bullet": "\u2022",
    "tab": "\t",
    "line": "\n",
    "emspace": "\u2003",
    "enspace": "\u2002",
    "qmspace": "\u2005",
    "nestcell": " ",
}
_CONTROL_SYMBOLS = {b"~": "\u00a0", b"_": "\u2011", b"\\": "\\", b"{": "{", b"}": "}", b"\t": "\t"}
_PARAGRAPH_ENDS = frozenset(("par", "sect", "page"))
_CHARSETS = {
    77: "mac_roman",
    128: "cp932",
    129: "cp949",
    134: "gbk",
    136: "cp950",
    161: "cp1253",
    162: "cp1254",
    163: "cp1258",
    177: "cp1255",
    178: "cp1256",
    186: "cp1257",
    204: "cp1251",
    222: "cp874",
    238: "cp1250",
    255: "cp437",
}
# "1." "a)" "(iv)" "12" are numbers; "·", "o", "§" (Symbol/Wingdings glyphs) are bullets.
_NUMBER_LABEL = re.compile(r"^\(?(?:\d{1,4}|[A-Za-z]{1,4})[.)]$|^\d{1,4}$")
_SURROGATES = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")
# Word nests groups a few dozen levels deep; far deeper nesting only serves to exhaust memory.
MAX_GROUP_DEPTH = 1000


class _TooDeep(Exception):
    pass


@dataclass(frozen=True)
class _State:
    """Properties that RTF scopes to a group and restores when the group closes."""

    dest: str = "body"  # body | skip | fonttbl | label
    uc: int = 1
    font: int | None = None
    intbl: bool = False
    outline: int | None = None
    ilvl: int = 0


def read_rtf(data: bytes, file_name: str) -> ExtractedText:
    """An RTF document as paragraph, heading, list-item and table-row blocks."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise ExtractionError("import.not_rtf", file=file_name)
    parser = _Parser()
    try:
        complete = parser.run(data)
    except _TooDeep as exc:
        raise ExtractionError(
            "hardening.rtf_too_deep", file=file_name, limit=MAX_GROUP_DEPTH
        ) from exc
    if not complete:
        raise ExtractionError("import.corrupt_rtf", file=file_name)
    return finish(parser.builder, "rtf", file_name)


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _join_surrogates(text: str) -> str:
    """Combine \\u surrogate pairs into one character; drop lone surrogates."""

    def combine(match: re.Match[str]) -> str:
        pair = match.group()
        return (
            pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le") if len(pair) == 2 else ""
        )

    return _SURROGATES.sub(combine, text)


class _Parser:
    """One pass over the tokens; text goes to the current paragraph, cell or list label."""

    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.state = _State()
        self.stack: list[_State] = []
        self.codepage = "cp1252"
        self.fonts: dict[int, str] = {}
        self.font_defined: int | None = None
        self.default_font: int | None = None
        self.pending = bytearray()  # bytes waiting to be decoded with the current code page
        self.paragraph: list[str] = []
        self.label: list[str] | None = None
        self.cell: list[str] = []
        self.cells: list[str] = []
        self.skip = 0  # fallback characters after \uN still to skip

    def run(self, data: bytes) -> bool:
        """Parse everything; False when the groups do not balance (damaged or truncated)."""
        pos, end = data.index(b"{"), len(data)
        while pos < end:
            match = _TOKEN.match(data, pos)
            if match is None:  # a lone backslash at the very end
                return False
            pos = match.end()
            word, param, hexbyte, symbol, brace, text = match.groups()
            if brace == b"{":
                self.flush()
                if len(self.stack) >= MAX_GROUP_DEPTH:
                    raise _TooDeep
                self.stack.append(self.state)
                self.skip = 0
            elif brace == b"}":
                self.flush()
                if not self.stack:
                    return False
                closing, self.state = self.state, self.stack.pop()
                self.skip = 0
                if closing.dest == "label" and self.state.dest != "label":
                    self.label = [_join_surrogates("".join(self.label or []).strip())]
                if not self.stack:  # the document's outer group is closed
                    self.end_paragraph()
                    if self.cell or self.cells:
                        self.end_row()
                    return True
            elif word is not None:
                number = int(param) if param is not None else None
                if word == b"bin" and number:
                    pos += max(number, 0)  # raw binary data (only inside pictures)
                elif not self.consume_skip():
                    self.control(word.decode("ascii"), number)
            elif hexbyte is not None:
                if not self.consume_skip() and self.state.dest != "skip":
                    self.pending.append(int(hexbyte, 16))
            elif symbol is not None:
                if not self.consume_skip():
                    self.control_symbol(symbol)
            elif text is not None and self.state.dest != "skip":
                dropped = min(self.skip, len(text))
                self.skip -= dropped
                self.pending.extend(text[dropped:])
        return False

    def consume_skip(self) -> bool:
        if self.skip > 0:
            self.skip -= 1
            return True
        return False

    def flush(self) -> None:
        """Decode pending bytes with the code page of the current font."""
        if not self.pending:
            return
        raw, self.pending = bytes(self.pending), bytearray()
        font = self.state.font if self.state.font is not None else self.default_font
        encoding = self.fonts.get(font, self.codepage) if font is not None else self.codepage
        self.emit(raw.decode(encoding, "replace"))

    def emit(self, text: str) -> None:
        if self.state.dest == "body":
            self.paragraph.append(text)
        elif self.state.dest == "label" and self.label is not None:
            self.label.append(text)

    def control_symbol(self, symbol: bytes) -> None:
        if symbol == b"*":
            self.state = replace(self.state, dest="skip")
        elif symbol in (b"\n", b"\r"):
            self.control("par", None)
        elif symbol in _CONTROL_SYMBOLS:
            self.flush()
            self.emit(_CONTROL_SYMBOLS[symbol])

    def control(self, word: str, number: int | None) -> None:
        state = self.state
        if state.dest == "skip":
            return
        self.flush()
        if word in _SKIPPED:
            self.state = replace(state, dest="skip")
        elif state.dest == "fonttbl":
            if word == "f":
                self.font_defined = number
            elif word in ("fcharset", "cpg") and self.font_defined is not None:
                name = _CHARSETS.get(number or 0) if word == "fcharset" else _codec(f"cp{number}")
                if name:
                    self.fonts[self.font_defined] = name
        elif word == "fonttbl":
            self.state = replace(state, dest="fonttbl")
        elif word in ("listtext", "pntext"):
            self.state, self.label = replace(state, dest="label"), []
        elif word == "ansicpg" and number is not None:
            self.codepage = _codec(f"cp{number}") or self.codepage
        elif word in ("mac", "pc", "pca"):
            self.codepage = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850"}[word]
        elif word == "deff":
            self.default_font = number
        elif word == "f":
            self.state = replace(state, font=number)
        elif word == "uc":
            self.state = replace(state, uc=max(number or 0, 0))
        elif word == "u" and number is not None:
            self.emit(chr(number % 65536))
            self.skip = state.uc
        elif word in _SYMBOLS:
            self.emit(_SYMBOLS[word])
        elif word in _PARAGRAPH_ENDS:
            self.end_paragraph()
        elif word == "cell":
            self.end_paragraph()
            self.cells.append(" ".join(part for part in self.cell if part))
            self.cell = []
        elif word == "row":
            self.end_row()
        elif word == "pard":
            self.state = replace(state, intbl=False, outline=None, ilvl=0)
        elif word == "intbl":
            self.state = replace(state, intbl=True)
        elif word == "ilvl":
            self.state = replace(state, ilvl=min(max(number or 0, 0), 8))
        elif word == "outlinelevel":
            self.state = replace(state, outline=number if number is not None else 0)

    def end_paragraph(self) -> None:
        text = _join_surrogates("".join(self.paragraph)).strip()
        self.paragraph = []
        label, self.label = ("".join(self.label).strip() if self.label else None), None
        if self.state.intbl or self.cells:
            self.cell.append(" ".join(text.split()))
            return
        if self.cell:  # a row that was never closed with \row
            self.end_row()
        if self.state.outline is not None and 0 <= self.state.outline < 9:
            add_block(self.builder, text, "heading", self.state.outline + 1)
        elif label is not None:
            prefix = label + " " if _NUMBER_LABEL.match(label) else "• "
            add_block(self.builder, prefix + text, "list_item", self.state.ilvl + 1)
        else:
            add_block(self.builder, text)

    def end_row(self) -> None:
        if "".join(self.paragraph).strip():  # text after the last \cell
            self.end_paragraph()
        if self.cell:
            self.cells.append(" ".join(part for part in self.cell if part))
        cells, self.cells, self.cell = self.cells, [], []
        while cells and not cells[-1]:
            cells.pop()
        add_block(self.builder, "\t".join(cells), "table_row")
