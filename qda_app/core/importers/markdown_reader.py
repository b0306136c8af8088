"""Markdown protocols as readable text: markup removed, one block per non-empty line.

Headings, list items and table rows keep their structure as block kinds; code blocks are kept
verbatim as paragraphs. Inline HTML tags are left alone: transcripts use "<unverständlich>".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text_normalise import normalise_text
from .extracted import ExtractedText, TextBuilder
from .formats import add_block, finish
from .text_reader import decode_text

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-{2,})[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(.*)$")
_ORDERED = re.compile(r"^([ \t]*)(\d{1,9})[.)][ \t]+(.*)$")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_IMAGE = re.compile(r"[ \t]*!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_EMPHASIS = (
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"),
    re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"),
    re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
)
_PLACEHOLDER = re.compile("\x00(\\d+)\x00")


def read_md(data: bytes, file_name: str, *, encoding: str | None = None) -> ExtractedText:
    """A Markdown file as headings, list items, table rows and paragraphs without markup."""
    text, used = decode_text(data, file_name, encoding)
    lines = _COMMENT.sub("", normalise_text(text)).split("\n")
    builder = TextBuilder()
    _convert(_without_front_matter(lines), builder)
    return finish(builder, "md", file_name, used)


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
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        following = lines[index + 1].rstrip() if index + 1 < len(lines) else ""
        if "|" in line and (
            in_table
            or line.lstrip().startswith("|")
            or ("|" in following and _TABLE_SEP.match(following))
        ):
            in_table = True
            if not _TABLE_SEP.match(line):
                add_block(builder, _table_row(line), "table_row")
            continue
        in_table = False
        heading = _ATX.match(line)
        if heading:
            add_block(builder, _inline(heading.group(2) or ""), "heading", len(heading.group(1)))
        elif _RULE.match(line) or _LINK_DEF.match(line):
            continue
        elif bullet := _BULLET.match(line):
            add_block(
                builder, "• " + _inline(bullet.group(2)), "list_item", _depth(bullet.group(1))
            )
        elif ordered := _ORDERED.match(line):
            add_block(
                builder,
                f"{ordered.group(2)}. {_inline(ordered.group(3))}",
                "list_item",
                _depth(ordered.group(1)),
            )
        elif _SETEXT.match(following):
            level = 1 if following.lstrip().startswith("=") else 2
            add_block(builder, _inline(line.strip()), "heading", level)
            skip_next = True
        else:
            add_block(builder, _inline(line.strip()))


def _depth(indent: str) -> int:
    """List nesting level from 1, counting two spaces (or a tab) per level."""
    return 1 + len(indent.replace("\t", "  ")) // 2


def _table_row(line: str) -> str:
    cells = _CELL_SPLIT.split(line.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return "\t".join(_inline(cell.strip()) for cell in cells)


def _inline(text: str) -> str:
    """Remove inline markup: emphasis, code ticks, links (their text stays), images."""
    stash: list[str] = []

    def keep(value: str) -> str:
        stash.append(value)
        return f"\x00{len(stash) - 1}\x00"

    def stashed(group: int) -> Callable[[re.Match[str]], str]:
        return lambda match: keep(match.group(group))

    text = _CODE_SPAN.sub(lambda match: keep(match.group(2).strip()), text)
    text = _ESCAPE.sub(stashed(1), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(stashed(1), text)
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    while _PLACEHOLDER.search(text):
        text = _PLACEHOLDER.sub(lambda match: stash[int(match.group(1))], text)
    return text.strip()
