"""Codings: a category assigned to a range of a document's text by a coder."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..db.models import Category, Coding, Document
from ..errors import ValidationError
from ..values import CodingInfo
from .coding_rows import (
    EDITABLE,
    NewCoding,
    check_codable,
    check_range,
    coding_info,
    document_title,
    new_coding_rows,
)
from .common import check_version, fetch, insert_logged, note_params

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project


class CodingService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def add(
        self,
        document_id: int,
        start: int,
        end: int,
        category_id: int,
        *,
        coder: str | None = None,
        **fields: Any,
    ) -> CodingInfo:
        """Code [start, end) of a document (code-point offsets) with a category."""
        with self.project.command(
            "coding.add", document=document_id, category=category_id, start=start, end=end
        ) as session:
            return coding_info(
                self.add_in(session, document_id, start, end, category_id, coder=coder, **fields)
            )

    def add_in(
        self,
        session: Session,
        document_id: int,
        start: int,
        end: int,
        category_id: int,
        *,
        coder: str | None = None,
        **fields: Any,
    ) -> Coding:
        """`add` inside a caller's command (autocoding and imports code many segments at once)."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise TypeError(f"unknown coding fields: {sorted(unknown)}")
        document = fetch(session, Document, document_id, "document")
        check_range(start, end, document.text_length, document.title)
        category = fetch(session, Category, category_id, "category")
        check_codable(category)
        note_params(session, title=document.title, category_name=category.name)
        coder_row = self.project.coders.ensure_in(session, coder or self.project.actor)
        # Only document and start in SQL, so SQLite uses the (document, start) index: with the
        # category in the query it picked the (category, document) index and read every coding
        # of that category in the document, quadratic when pre-coding thousands of blocks.
        same_start = session.execute(
            select(Coding.category_id, Coding.coder_id, Coding.end).where(
                Coding.document_id == document_id, Coding.start == start
            )
        )
        duplicate = (category_id, coder_row.id, end) in {tuple(row) for row in same_start}
        if duplicate:
            raise ValidationError("coding.duplicate", title=document.title, start=start, end=end)
        row = Coding(
            document_id=document_id,
            document_length=document.text_length,
            start=start,
            end=end,
            category_id=category_id,
            coder_id=coder_row.id,
            **fields,
        )
        session.add(row)
        session.flush()
        return row

    def get(self, coding_id: int) -> CodingInfo:
        """One coding's own fields (offsets, category, coder, notes); for its text and
        context read it as a segment (`project.segments.get`)."""
        with self.project.read() as session:
            return coding_info(fetch(session, Coding, coding_id, "coding"))

    def remove(self, coding_id: int) -> None:
        with self.project.command("coding.remove", id=coding_id) as session:
            self.remove_in(session, coding_id)

    def remove_in(self, session: Session, coding_id: int) -> None:
        row = fetch(session, Coding, coding_id, "coding")
        note_params(
            session, title=document_title(session, row.document_id), start=row.start, end=row.end
        )
        session.delete(row)

    def change_range(
        self, coding_id: int, start: int, end: int, *, expected_version: int | None = None
    ) -> CodingInfo:
        """New offsets; refused (EditConflictError) when `expected_version` is given and
        someone else changed the coding since."""
        with self.project.command(
            "coding.change_range", id=coding_id, start=start, end=end
        ) as session:
            row = self.change_range_in(
                session, coding_id, start, end, expected_version=expected_version
            )
            return coding_info(row)

    def change_range_in(
        self,
        session: Session,
        coding_id: int,
        start: int,
        end: int,
        *,
        expected_version: int | None = None,
    ) -> Coding:
        row = fetch(session, Coding, coding_id, "coding")
        title = document_title(session, row.document_id)
        check_version(row, expected_version, title)
        note_params(session, title=title)
        check_range(start, end, row.document_length, title)
        row.start, row.end = start, end
        return row

    def change_category(
        self, coding_id: int, category_id: int, *, expected_version: int | None = None
    ) -> CodingInfo:
        """Another category; refused like `change_range` on a stale version."""
        with self.project.command(
            "coding.change_category", id=coding_id, category=category_id
        ) as session:
            row = self.change_category_in(
                session, coding_id, category_id, expected_version=expected_version
            )
            return coding_info(row)

    def change_category_in(
        self,
        session: Session,
        coding_id: int,
        category_id: int,
        *,
        expected_version: int | None = None,
    ) -> Coding:
        row = fetch(session, Coding, coding_id, "coding")
        check_version(row, expected_version, document_title(session, row.document_id))
        category = fetch(session, Category, category_id, "category")
        check_codable(category)
        note_params(
            session, title=document_title(session, row.document_id), category_name=category.name
        )
        row.category_id = category_id
        return row

    def update(self, coding_id: int, **fields: Any) -> CodingInfo:
        """Edit memo, paraphrase, generalisation or the verbatim-quote flag (refused when
        `expected_version` is given and someone else changed the coding since)."""
        expected_version = fields.pop("expected_version", None)
        with self.project.command("coding.update", id=coding_id, fields=sorted(fields)) as s:
            row = self.update_in(s, coding_id, expected_version=expected_version, **fields)
            s.flush()  # the info carries the new version
            return coding_info(row)

    def update_in(self, session: Session, coding_id: int, **fields: Any) -> Coding:
        """`update` in a caller's command (`expected_version` as there)."""
        expected_version = fields.pop("expected_version", None)
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise TypeError(f"unknown coding fields: {sorted(unknown)}")
        if "is_quote" in fields:
            fields["is_quote"] = bool(fields["is_quote"])
        for name in ("memo", "paraphrase", "generalisation"):
            if name in fields:
                fields[name] = str(fields[name] or "")
        row = fetch(session, Coding, coding_id, "coding")
        note_params(session, title=document_title(session, row.document_id))
        check_version(row, expected_version, document_title(session, row.document_id))
        for key, value in fields.items():
            setattr(row, key, value)
        return row

    def add_many_in(
        self, session: Session, codings: Sequence[NewCoding], *, skip_duplicates: bool = False
    ) -> builtins.list[int | None]:
        """Many codings in a caller's command (autocoding, a REFI-QDA import, the demo): the
        ids of the new rows in order. The checks are those of `add_in`; an identical coding
        (same document, range, category, coder) is refused, or with `skip_duplicates` left
        out and given as None. Documents, categories, coders and existing codings are read
        with a few queries and the rows go in as one Core insert, logged like any other
        change: some ten times faster than adding them one by one."""
        rows, placed = new_coding_rows(
            session,
            codings,
            lambda name: self.project.coders.ensure_in(session, name).id,
            self.project.actor,
            skip_duplicates=skip_duplicates,
        )
        note_params(session, count=len(rows))
        ids = insert_logged(session, Coding, rows)
        return [None if index is None else ids[index] for index in placed]
