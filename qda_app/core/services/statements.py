"""Condensed statements: the reduced bullets per quarter × category, or across quarters."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import Category, Coding, Quarter, Statement, StatementCoding
from ..errors import NotFoundError, ValidationError
from ..values import StatementInfo
from .common import fetch, next_position, note_params, place_among, renumber

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project


def statement_info(row: Statement) -> StatementInfo:
    links = tuple(sorted(link.coding_id for link in row.coding_links))
    return StatementInfo(row.id, row.category_id, row.quarter_id, row.text, row.position, links)


def _cell(session: Session, quarter_id: int | None, category_id: int) -> list[Statement]:
    where = (
        Statement.quarter_id.is_(None)
        if quarter_id is None
        else (Statement.quarter_id == quarter_id)
    )
    return list(
        session.scalars(select(Statement).where(where, Statement.category_id == category_id))
    )


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _clean_text(text: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise ValidationError("statement.empty")
    return cleaned


@dataclass(frozen=True)
class NewStatement:
    """A statement to add with `add_many_in`; quarter None makes it a cross-quarter one."""

    category_id: int
    text: str
    quarter_id: int | None = None
    coding_ids: tuple[int, ...] = ()


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
        query = select(Statement).order_by(
            Statement.quarter_id, Statement.category_id, Statement.position
        )
        if cross_quarter:
            query = query.where(Statement.quarter_id.is_(None))
        elif quarter_id is not None:
            query = query.where(Statement.quarter_id == quarter_id)
        if category_id is not None:
            query = query.where(Statement.category_id == category_id)
        with self.project.read() as session:
            return [statement_info(row) for row in session.scalars(query)]

    def add(
        self,
        category_id: int,
        text: str,
        quarter_id: int | None = None,
        coding_ids: Sequence[int] = (),
        position: int | None = None,
    ) -> StatementInfo:
        """A new bullet in a cell; quarter None makes it a cross-quarter statement."""
        with self.project.command(
            "statement.add", category=category_id, quarter=quarter_id, text=_short(text or "")
        ) as session:
            return statement_info(
                self.add_in(session, category_id, text, quarter_id, coding_ids, position)
            )

    def add_in(
        self,
        session: Session,
        category_id: int,
        text: str,
        quarter_id: int | None = None,
        coding_ids: Sequence[int] = (),
        position: int | None = None,
    ) -> Statement:
        text = _clean_text(text)
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
            place_among(_cell(session, quarter_id, category_id), row, position)
        session.flush()
        return row

    def add_many_in(
        self, session: Session, new: Iterable[NewStatement]
    ) -> builtins.list[Statement]:
        """Many statements in a caller's command with one flush (imports, the demo builder),
        each appended to its cell with the same checks as `add_in`."""
        items = builtins.list(new)
        for category_id in {i.category_id for i in items}:
            fetch(session, Category, category_id, "category")
        for quarter_id in {i.quarter_id for i in items if i.quarter_id is not None}:
            fetch(session, Quarter, quarter_id, "quarter")
        wanted = {c for i in items for c in i.coding_ids}
        with session.no_autoflush:
            found = set(session.scalars(select(Coding.id).where(Coding.id.in_(wanted))))
        missing = sorted(wanted - found)
        if missing:
            raise NotFoundError("not_found.coding", id=missing[0])
        positions: dict[tuple[int | None, int], int] = {}
        rows = []
        for item in items:
            cell = (item.quarter_id, item.category_id)
            if cell not in positions:
                positions[cell] = next_position(
                    session, Statement, quarter_id=item.quarter_id, category_id=item.category_id
                )
            row = Statement(
                category_id=item.category_id,
                quarter_id=item.quarter_id,
                text=_clean_text(item.text),
                position=positions[cell],
            )
            positions[cell] += 1
            for coding_id in dict.fromkeys(item.coding_ids):
                row.coding_links.append(StatementCoding(coding_id=coding_id))
            rows.append(row)
        session.add_all(rows)
        session.flush()
        return rows

    def update_text(self, statement_id: int, text: str) -> StatementInfo:
        with self.project.command("statement.update", id=statement_id) as session:
            return statement_info(self.update_text_in(session, statement_id, text))

    def update_text_in(self, session: Session, statement_id: int, text: str) -> Statement:
        text = _clean_text(text)
        row = fetch(session, Statement, statement_id, "statement")
        note_params(session, text=_short(row.text))
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
        place_among(_cell(session, row.quarter_id, row.category_id), row, position)

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

    def unlink(self, statement_id: int, coding_id: int) -> StatementInfo:
        with self.project.command("statement.unlink", id=statement_id, coding=coding_id) as s:
            return statement_info(self.unlink_in(s, statement_id, coding_id))

    def unlink_in(self, session: Session, statement_id: int, coding_id: int) -> Statement:
        row = fetch(session, Statement, statement_id, "statement")
        note_params(session, text=_short(row.text))
        for link in list(row.coding_links):
            if link.coding_id == coding_id:
                row.coding_links.remove(link)
        session.flush()
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
        renumber(_cell(session, *cell))
