"""`project.autocode`: code every search hit, or the sentence or paragraph around it, in one
undoable step; and in-vivo coding (a new subcategory named after the coded words).

`ranges` gives the preview (what would be coded); `apply` codes those ranges as one command.
A paragraph is a line of the stored text (protocols keep one paragraph per line); a sentence
ends at ".", "!" or "?" followed by a space, or at a line break.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ValidationError
from ..text_search import SearchHit
from ..values import CategoryInfo, CodingInfo
from .categories import category_info
from .coding_rows import NewCoding, coding_info
from .common import note_params

if TYPE_CHECKING:
    from ..project import Project

UNITS = ("hit", "sentence", "paragraph")
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
IN_VIVO_LENGTH = 60


@dataclass(frozen=True)
class CodeRange:
    """A range that autocoding would code: code-point offsets into one document."""

    document_id: int
    document_title: str
    start: int
    end: int
    text: str


def unit_range(text: str, start: int, end: int, unit: str) -> tuple[int, int]:
    """The hit itself, or the sentence or line (paragraph) around it, without outer spaces."""
    if unit == "hit":
        return start, end
    if unit == "paragraph":
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", end)
    else:
        left = 0
        for match in _SENTENCE_END.finditer(text, max(0, start - 2000), start):
            left = match.end()
        found = _SENTENCE_END.search(text, max(end - 1, start))
        right = found.end() if found and found.group() != "\n" else (found.start() if found else -1)
    right = len(text) if right < 0 else right
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def in_vivo_name(text: str) -> str:
    """A category name from coded words: one line, trimmed, at most 60 characters."""
    words = " ".join(text.split()).strip(" \t.,;:!?–-\"'„“”»«()")
    if len(words) <= IN_VIVO_LENGTH:
        return words
    cut = words[:IN_VIVO_LENGTH].rsplit(" ", 1)[0]
    return cut + "…"


class AutocodeService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def ranges(self, hits: Iterable[SearchHit], unit: str = "hit") -> builtins.list[CodeRange]:
        """What coding these hits with `unit` would code: merged where ranges overlap."""
        if unit not in UNITS:
            raise ValidationError("autocode.bad_unit", unit=unit)
        by_document: dict[int, list[SearchHit]] = {}
        for one in hits:
            by_document.setdefault(one.document_id, []).append(one)
        result: list[CodeRange] = []
        for document_id, found in by_document.items():
            text = self.project.documents.text(document_id)
            spans = sorted(unit_range(text, h.start, h.end, unit) for h in found)
            merged: list[list[int]] = []
            for start, end in spans:
                if end <= start:
                    continue
                if merged and start < merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], end)
                else:
                    merged.append([start, end])
            title = found[0].document_title
            result.extend(CodeRange(document_id, title, s, e, text[s:e]) for s, e in merged)
        return result

    def apply(
        self, category_id: int, ranges: Sequence[CodeRange], *, coder: str | None = None
    ) -> int:
        """Code all ranges with the category as one undoable command; identical codings that
        exist already are left out. Returns how many codings were added."""
        category = self.project.categories.get(category_id)
        with self.project.command(
            "coding.autocode", category_name=category.name, count=len(ranges)
        ) as session:
            ids = self.project.codings.add_many_in(
                session,
                [NewCoding(r.document_id, r.start, r.end, category_id, coder) for r in ranges],
                skip_duplicates=True,
            )
            added = sum(1 for i in ids if i is not None)
            note_params(session, category_name=category.name, count=added)
        return added

    def in_vivo(
        self,
        document_id: int,
        start: int,
        end: int,
        parent_id: int | None,
        *,
        name: str | None = None,
        coder: str | None = None,
    ) -> tuple[CategoryInfo, CodingInfo]:
        """A subcategory of `parent_id` named after the words [start, end) (or `name`), and
        the coding of those words with it: one command, one undo. A sibling of that name is
        used as it is."""
        text = self.project.documents.text(document_id)
        name = name or in_vivo_name(text[start:end])
        if not name:
            raise ValidationError("autocode.empty_in_vivo")
        existing = next(
            (
                c
                for c in self.project.categories.list()
                if c.parent_id == parent_id and c.name.casefold() == name.casefold()
            ),
            None,
        )
        with self.project.command("coding.in_vivo", name=name) as session:
            if existing is None:
                category = category_info(
                    self.project.categories.create_in(session, name, parent_id)
                )
            else:
                category = existing
            coding = self.project.codings.add_in(
                session, document_id, start, end, category.id, coder=coder
            )
            return category, coding_info(coding)
