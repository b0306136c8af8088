"""Markdown protocols as readable text: markup removed, one block per non-empty line.

Headings, list items and table rows keep their structure as block kinds; code blocks are kept
verbatim as paragraphs. Inline HTML tags are left alone: transcripts use "<unverständlich>".
"""

from __future__ import annotations

import re

from ..text_normalise import normalise_text
from .extracted import ExtractedText, TextBuilder
from .formats import add_block, finish
from .markdown_inline import strip_inline
from .text_reader import decode_text

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_OPEN = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-{2,})[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(.*)$")
_ORDERED = re.compile(r"^([ \t]*)(\d{1,9})[.)][ \t]+(.*)$")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
_SEPARATOR_CELL = re.compile(r":?-+:?")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def read_md(data: bytes, file_name: str, *, encoding: str | None = None) -> ExtractedText:
    """A Markdown file as headings, list items, table rows and paragraphs without markup."""
    text, used = decode_text(data, file_name, encoding)
    lines = _without_comments(normalise_text(text)).split("\n")
    builder = TextBuilder()
    _convert(_without_front_matter(lines), builder)
    return finish(builder, "md", file_name, used)


def _without_comments(text: str) -> str:
    """HTML comments removed; an unclosed "<!--" and everything after it stay as they are."""
    out: list[str] = []
    copied = 0
    while (start := text.find("<!--", copied)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # no "-->" after this opener, hence none after any later one
        out.append(text[copied:start])
        copied = end + 3
    out.append(text[copied:])
    return "".join(out)


def _without_quote_markers(line: str) -> str:
    """Strip every leading "> " of a (nested) block quote in one pass."""
    position, length = 0, len(line)
    while True:
        marker = position
        while marker < length and marker - position < 3 and line[marker] == " ":
            marker += 1
        if marker >= length or line[marker] != ">":
            return line[position:]
        position = marker + 1
        if position < length and line[position] in " \t":
            position += 1


def _atx_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of a "## Heading ##" line; the closing hashes are not part of the text."""
    opening = _ATX_OPEN.match(line)
    if opening is None:
        return None
    text = line[opening.end() :].strip(" \t")
    without_closing = text.rstrip("#")
    if not without_closing:
        text = ""
    elif without_closing[-1] in " \t":
        text = without_closing.rstrip(" \t")
    return len(opening.group(1)), text


def _is_table_separator(line: str) -> bool:
    """A table's header separator such as "|---|:--:|" or "--- | ---"."""
    inner = line.strip(" \t")
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    cells = inner.split("|")
    return all(_SEPARATOR_CELL.fullmatch(cell.strip(" \t")) for cell in cells)


def _without_front_matter(lines: list[str]) -> list[str]:
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return lines[index + 1 :]
    return lines


def _convert(lines: list[str], builder: TextBuilder) -> None:
    fence: str | None = None
    in_table = False
    skip_next = False
    for index, raw in enumerate(lines):
        line = raw.rstrip()
        if skip_next:
            skip_next = False
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            else:
                add_block(builder, line)
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        if not line.strip():
            in_table = False
            builder.add_blank()
            continue
        line = _without_quote_markers(line)
        following = lines[index + 1].rstrip() if index + 1 < len(lines) else ""
        if "|" in line and (
            in_table
            or line.lstrip().startswith("|")
            or ("|" in following and _is_table_separator(following))
        ):
            in_table = True
            if not _is_table_separator(line):
                add_block(builder, _table_row(line), "table_row")
            continue
        in_table = False
        heading = _atx_heading(line)
        if heading:
            add_block(builder, strip_inline(heading[1]), "heading", heading[0])
        elif _RULE.match(line) or _LINK_DEF.match(line):
            continue
        elif bullet := _BULLET.match(line):
            add_block(
                builder, "• " + strip_inline(bullet.group(2)), "list_item", _depth(bullet.group(1))
            )
        elif ordered := _ORDERED.match(line):
            add_block(
                builder,
                f"{ordered.group(2)}. {strip_inline(ordered.group(3))}",
                "list_item",
                _depth(ordered.group(1)),
            )
        elif _SETEXT.match(following):
            level = 1 if following.lstrip().startswith("=") else 2
            add_block(builder, strip_inline(line.strip()), "heading", level)
            skip_next = True
        else:
            add_block(builder, strip_inline(line.strip()))


def _depth(indent: str) -> int:
    """List nesting level from 1, counting two spaces (or a tab) per level."""
    return 1 + len(indent.replace("\t", "  ")) // 2


def _table_row(line: str) -> str:
    cells = _CELL_SPLIT.split(line.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return "\t".join(strip_inline(cell.strip()) for cell in cells)
