"""Condensed statements: the reduced bullets per quarter × category, or across quarters."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, select

from ..db.models import Category, Coding, Quarter, Statement, StatementCoding
from ..errors import NotFoundError
from ..values import StatementInfo
from .common import (
    check_version,
    fetch,
    next_position,
    note_params,
    place_among,
    renumber,
)
from .common import shorten as _short
from .statement_reading import read_statements
from .statement_rows import (
    NewStatement,
    clean_text,
    insert_statements,
    mark_quote,
    statement_cell,
    statement_info,
)
from .statement_sources import add_source_link, remove_source_link

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project


class StatementService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def list(
        self,
        quarter_id: int | None = None,
        category_id: int | None = None,
        *,
        cross_quarter: bool = False,
    ) -> builtins.list[StatementInfo]:
        """Statements of a quarter (or all), of a category (or all); cross_quarter selects those
        without a quarter."""
        conditions: builtins.list[ColumnElement[bool]] = []
        if cross_quarter:
            conditions.append(Statement.quarter_id.is_(None))
        elif quarter_id is not None:
            conditions.append(Statement.quarter_id == quarter_id)
        if category_id is not None:
            conditions.append(Statement.category_id == category_id)
        with self.project.read() as session:
            return read_statements(session, conditions)

    def get(self, statement_id: int) -> StatementInfo:
        with self.project.read() as session:
            found = read_statements(session, [Statement.id == statement_id])
        if not found:
            raise NotFoundError("not_found.statement", id=statement_id)
        return found[0]

    def add(
        self,
        category_id: int,
        text: str,
        quarter_id: int | None = None,
        coding_ids: Sequence[int] = (),
        position: int | None = None,
        *,
        contains_quote: bool = False,
    ) -> StatementInfo:
        """A new bullet in a cell; quarter None makes it a cross-quarter statement."""
        with self.project.command(
            "statement.add", category=category_id, quarter=quarter_id, text=_short(text or "")
        ) as session:
            row = self.add_in(
                session,
                category_id,
                text,
                quarter_id,
                coding_ids,
                position,
                contains_quote=contains_quote,
            )
            return statement_info(row)

    def add_in(
        self,
        session: Session,
        category_id: int,
        text: str,
        quarter_id: int | None = None,
        coding_ids: Sequence[int] = (),
        position: int | None = None,
        *,
        contains_quote: bool = False,
    ) -> Statement:
        text = clean_text(text)
        fetch(session, Category, category_id, "category")
        if quarter_id is not None:
            fetch(session, Quarter, quarter_id, "quarter")
        row = Statement(
            category_id=category_id,
            quarter_id=quarter_id,
            text=text,
            position=next_position(
                session, Statement, quarter_id=quarter_id, category_id=category_id
            ),
        )
        wanted = list(dict.fromkeys(coding_ids))
        with session.no_autoflush:  # one query for all links, not a flush per link
            found = set(session.scalars(select(Coding.id).where(Coding.id.in_(wanted))))
        missing = [coding_id for coding_id in wanted if coding_id not in found]
        if missing:
            raise NotFoundError("not_found.coding", id=missing[0])
        session.add(row)
        for coding_id in wanted:  # the statement's id is filled in when the session flushes
            row.coding_links.append(StatementCoding(coding_id=coding_id))
        if position is not None:
            place_among(statement_cell(session, quarter_id, category_id), row, position)
        if contains_quote:
            mark_quote(row, True)
        session.flush()
        return row

    def update_text(
        self, statement_id: int, text: str, *, expected_version: int | None = None
    ) -> StatementInfo:
        """New wording; refused (EditConflictError) when `expected_version` is given and
        someone else changed the statement since it was read."""
        with self.project.command("statement.update", id=statement_id) as session:
            row = self.update_text_in(
                session, statement_id, text, expected_version=expected_version
            )
            session.flush()  # the info carries the new version
            return statement_info(row)

    def update_text_in(
        self, session: Session, statement_id: int, text: str, *, expected_version: int | None = None
    ) -> Statement:
        text = clean_text(text)
        row = fetch(session, Statement, statement_id, "statement")
        note_params(session, text=_short(row.text))
        check_version(row, expected_version, _short(row.text))
        row.text = text
        return row

    def reorder(self, statement_id: int, position: int) -> None:
        with self.project.command(
            "statement.reorder", id=statement_id, position=position
        ) as session:
            self.reorder_in(session, statement_id, position)

    def reorder_in(self, session: Session, statement_id: int, position: int) -> None:
        row = fetch(session, Statement, statement_id, "statement")
        note_params(session, text=_short(row.text))
        place_among(statement_cell(session, row.quarter_id, row.category_id), row, position)

    def link(self, statement_id: int, coding_id: int) -> StatementInfo:
        """Record that a statement condenses a coding."""
        with self.project.command("statement.link", id=statement_id, coding=coding_id) as s:
            return statement_info(self.link_in(s, statement_id, coding_id))

    def link_in(self, session: Session, statement_id: int, coding_id: int) -> Statement:
        row = fetch(session, Statement, statement_id, "statement")
        note_params(session, text=_short(row.text))
        fetch(session, Coding, coding_id, "coding")
        if all(link.coding_id != coding_id for link in row.coding_links):
            row.coding_links.append(StatementCoding(statement_id=row.id, coding_id=coding_id))
        session.flush()
        return row

    def link_codings(self, statement_id: int, coding_ids: Sequence[int]) -> StatementInfo:
        """Record that a statement condenses several codings (segments dropped on it at once)."""
        with self.project.command(
            "statement.link_codings", id=statement_id, count=len(coding_ids)
        ) as session:
            return statement_info(self.link_codings_in(session, statement_id, coding_ids))

    def link_codings_in(
        self, session: Session, statement_id: int, coding_ids: Sequence[int]
    ) -> Statement:
        row = fetch(session, Statement, statement_id, "statement")
        for coding_id in coding_ids:
            row = self.link_in(session, statement_id, coding_id)
        return row

    def unlink(self, statement_id: int, coding_id: int) -> StatementInfo:
        with self.project.command("statement.unlink", id=statement_id, coding=coding_id) as s:
            return statement_info(self.unlink_in(s, statement_id, coding_id))

    def unlink_in(self, session: Session, statement_id: int, coding_id: int) -> Statement:
        row = fetch(session, Statement, statement_id, "statement")
        note_params(session, text=_short(row.text))
        for link in list(row.coding_links):
            if link.coding_id == coding_id:
                row.coding_links.remove(link)
        if not row.coding_links:
            row.contains_quote = False  # no linked segment is left to be quoted
        session.flush()
        return row

    def set_quote(self, statement_id: int, contains_quote: bool) -> StatementInfo:
        """Mark (or unmark) a statement as quoting a linked segment word for word."""
        with self.project.command(
            "statement.set_quote", id=statement_id, quote=bool(contains_quote)
        ) as session:
            return statement_info(self.set_quote_in(session, statement_id, contains_quote))

    def set_quote_in(self, session: Session, statement_id: int, contains_quote: bool) -> Statement:
        row = fetch(session, Statement, statement_id, "statement")
        note_params(session, text=_short(row.text))
        mark_quote(row, contains_quote)
        return row

    # -- cross-quarter statements ---------------------------------------------------------

    def link_source(self, statement_id: int, source_id: int) -> StatementInfo:
        """Record that cross-quarter statement `statement_id` generalises the per-quarter
        statement `source_id` (of the same category or one of its subcategories)."""
        with self.project.command(
            "statement.link_source", id=statement_id, source=source_id
        ) as session:
            return statement_info(self.link_source_in(session, statement_id, source_id))

    def link_source_in(self, session: Session, statement_id: int, source_id: int) -> Statement:
        row = fetch(session, Statement, statement_id, "statement")
        source = fetch(session, Statement, source_id, "statement")
        note_params(session, text=_short(row.text), source_text=_short(source.text))
        add_source_link(session, row, source)
        return row

    def unlink_source(self, statement_id: int, source_id: int) -> StatementInfo:
        with self.project.command(
            "statement.unlink_source", id=statement_id, source=source_id
        ) as session:
            return statement_info(self.unlink_source_in(session, statement_id, source_id))

    def unlink_source_in(self, session: Session, statement_id: int, source_id: int) -> Statement:
        row = fetch(session, Statement, statement_id, "statement")
        source = fetch(session, Statement, source_id, "statement")
        note_params(session, text=_short(row.text), source_text=_short(source.text))
        remove_source_link(session, row, source_id)
        return row

    def delete(self, statement_id: int) -> None:
        with self.project.command("statement.delete", id=statement_id) as session:
            self.delete_in(session, statement_id)

    def delete_in(self, session: Session, statement_id: int) -> None:
        row = fetch(session, Statement, statement_id, "statement")
        note_params(session, text=_short(row.text))
        cell = (row.quarter_id, row.category_id)
        session.delete(row)
        session.flush()
        renumber(statement_cell(session, *cell))

    def add_many_in(
        self, session: Session, statements: Sequence[NewStatement]
    ) -> builtins.list[int]:
        """Many statements at once inside a caller's command (a REFI-QDA import, the demo):
        ids of the new rows, each appended to its cell. Categories, quarters and codings are checked
        with one query each; rows and links go in as one Core insert each, logged like any
        other change."""
        return insert_statements(session, statements)
