"""Inline Markdown removed from one line in time linear in its length.

Regular expressions such as `\\*(?=\\S)(.+?)(?<=\\S)\\*` retry from every opening delimiter
and scan to the end of the line each time, which is quadratic on a line like " *a *a *a …".
The scanners here look for each closing delimiter at most once: when an opener has no closer,
no later opener can have one either, and searches for the next "]" or ")" are remembered.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_PLACEHOLDER = re.compile("\x00(\\d+)\x00")
_MARKUP = re.compile(r"[`\\\[!<*_~]")  # a line without these has no inline markup
# (delimiter, may it touch letters on its outer side?) in the order they are removed.
_EMPHASIS = (("**", True), ("__", False), ("*", True), ("_", False), ("~~", True))


def strip_inline(text: str) -> str:
    """Remove inline markup: emphasis, code ticks, links (their text stays), images."""
    if not _MARKUP.search(text):
        return text.strip()
    stash: list[str] = []

    def keep(value: str) -> str:
        stash.append(value)
        return f"\x00{len(stash) - 1}\x00"

    text = code_spans(text, lambda content: keep(content.strip()))
    text = _ESCAPE.sub(lambda match: keep(match.group(1)), text)
    text = links(text, image=True)
    text = links(text, image=False)
    text = _AUTOLINK.sub(lambda match: keep(match.group(1)), text)
    for delimiter, intraword in _EMPHASIS:
        text = emphasis(text, delimiter, intraword)
    for _ in range(len(stash) + 1):  # stashed text may hold placeholders of its own
        if "\x00" not in text:
            break
        text = _PLACEHOLDER.sub(lambda match: stash[int(match.group(1))], text)
    return text.strip()


def code_spans(text: str, replace: Callable[[str], str]) -> str:
    """`code` spans: a run of n backticks up to the next run of exactly n backticks."""
    runs: list[tuple[int, int]] = []  # (start, length) of each maximal backtick run
    position = text.find("`")
    while position >= 0:
        end = position
        while end < len(text) and text[end] == "`":
            end += 1
        runs.append((position, end - position))
        position = text.find("`", end)
    if len(runs) < 2:
        return text
    later: dict[int, list[int]] = {}  # run length -> indexes of runs of that length
    for index, (_, length) in enumerate(runs):
        later.setdefault(length, []).append(index)
    cursor = dict.fromkeys(later, 0)
    out: list[str] = []
    copied = 0
    index = 0
    while index < len(runs):
        start, length = runs[index]
        candidates = later[length]
        while cursor[length] < len(candidates) and candidates[cursor[length]] <= index:
            cursor[length] += 1
        if cursor[length] < len(candidates):
            closer = candidates[cursor[length]]
            close_start = runs[closer][0]
            content = text[start + length : close_start]
            if content:
                out.append(text[copied:start])
                out.append(replace(content))
                copied = close_start + length
                index = closer + 1
                continue
        index += 1
    out.append(text[copied:])
    return "".join(out)


class _NextOf:
    """`text.find(char, position)` for non-decreasing positions, each character read once."""

    def __init__(self, text: str, char: str) -> None:
        self.text, self.char = text, char
        self.asked, self.found = 0, -2  # -2: nothing looked up yet

    def find(self, position: int) -> int:
        if self.found == -1 and position >= self.asked:
            return -1
        if self.found >= position >= self.asked:
            return self.found
        self.asked, self.found = position, self.text.find(self.char, position)
        return self.found


def links(text: str, image: bool) -> str:
    """[text](target) and [text][ref] keep their text; ![alt](src) goes with the blanks before it.

    As the expressions `\\[([^\\]]+)\\](…)` and `[ \\t]*!\\[[^\\]]*\\](…)` did, the label ends at
    the first "]", an inline target at the first ")" and a reference at the next "]".
    """
    opener = "![" if image else "["
    closing_bracket, closing_paren = _NextOf(text, "]"), _NextOf(text, ")")
    out: list[str] = []
    copied = 0
    position = text.find(opener)
    while position >= 0:
        label_start = position + len(opener)
        label_end = closing_bracket.find(label_start)
        if label_end < 0:
            break  # no "]" after this opener, so none after any later one
        target = text[label_end + 1 : label_end + 2]
        target_end = -1
        if target == "(":
            target_end = closing_paren.find(label_end + 2)
        elif target == "[":
            target_end = closing_bracket.find(label_end + 2)
        if target_end >= 0 and (image or label_end > label_start):
            before = text[copied:position]
            out.append(before.rstrip(" \t") if image else before)
            if not image:
                out.append(text[label_start:label_end])
            copied = target_end + 1
            position = text.find(opener, copied)
        else:
            position = text.find(opener, position + 1)
    out.append(text[copied:])
    return "".join(out)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def emphasis(text: str, delimiter: str, intraword: bool) -> str:
    """Delimiter, non-blank, anything, non-blank, delimiter: the delimiters are removed.

    Without `intraword` the delimiters may not touch a letter or digit on their outer side
    (snake_case_names stay). Openers are tried left to right, each with the nearest closer.
    """
    size = len(delimiter)
    out: list[str] = []
    copied = 0
    position = text.find(delimiter)
    while position >= 0:
        after = position + size
        opens = after < len(text) and not text[after].isspace()
        if opens and not intraword and position > 0 and _is_word(text[position - 1]):
            opens = False
        if not opens:
            position = text.find(delimiter, position + 1)
            continue
        closer = text.find(delimiter, after + 1)
        while closer >= 0 and not _closes(text, closer, size, intraword):
            closer = text.find(delimiter, closer + 1)
        if closer < 0:
            break  # closers do not depend on the opener: no later opener has one either
        out.append(text[copied:position])
        out.append(text[after:closer])
        copied = closer + size
        position = text.find(delimiter, copied)
    out.append(text[copied:])
    return "".join(out)


def _closes(text: str, position: int, size: int, intraword: bool) -> bool:
    if text[position - 1].isspace():
        return False
    end = position + size
    return intraword or end >= len(text) or not _is_word(text[end])
