"""The quarter hierarchy: city-wide level, Sozialräume and numbered statistical quarters."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..db.models import QUARTER_KINDS, Document, Quarter, Statement
from ..errors import ValidationError
from ..values import QuarterInfo
from .common import clean_name, fetch, next_position, note_params, place_among

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from ..project import Project


def quarter_info(row: Quarter) -> QuarterInfo:
    return QuarterInfo(row.id, row.parent_id, row.name, row.number, row.kind, row.position)


def quarter_matches(quarter: QuarterInfo, text: str) -> bool:
    """Does `text` name this quarter (name, "name (number)" or number, ignoring case)?"""
    wanted = " ".join(str(text).split()).casefold()
    names = {quarter.name.casefold(), quarter.label.casefold()}
    if quarter.number is not None:
        names.add(str(quarter.number))
    return wanted in names


class QuarterService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def list(self) -> builtins.list[QuarterInfo]:
        """All quarters, parents before children, siblings in their order."""
        with self.project.read() as session:
            rows = session.scalars(select(Quarter).order_by(Quarter.position, Quarter.id)).all()
        by_parent: dict[int | None, list[Quarter]] = {}
        for row in rows:
            by_parent.setdefault(row.parent_id, []).append(row)
        ordered: builtins.list[QuarterInfo] = []

        def walk(parent: int | None) -> None:
            for row in by_parent.get(parent, []):
                ordered.append(quarter_info(row))
                walk(row.id)

        walk(None)
        return ordered

    def get(self, quarter_id: int) -> QuarterInfo:
        with self.project.read() as session:
            return quarter_info(fetch(session, Quarter, quarter_id, "quarter"))

    def find(self, text: str) -> QuarterInfo | None:
        """A quarter by name, by "name (number)", or by statistical number; ignoring case."""
        return next((q for q in self.list() if quarter_matches(q, text)), None)

    def social_spaces(self) -> builtins.list[QuarterInfo]:
        """The quarters the cross-quarter rule counts (not the city-wide level)."""
        return [q for q in self.list() if q.kind == "social_space"]

    def add(
        self,
        name: str,
        kind: str = "social_space",
        parent_id: int | None = None,
        number: int | None = None,
        position: int | None = None,
    ) -> QuarterInfo:
        with self.project.command("quarter.add", name=name) as session:
            return quarter_info(self.add_in(session, name, kind, parent_id, number, position))

    def add_in(
        self,
        session: Session,
        name: str,
        kind: str = "social_space",
        parent_id: int | None = None,
        number: int | None = None,
        position: int | None = None,
    ) -> Quarter:
        """`add` inside a caller's command (presets, imports that create missing quarters)."""
        name = clean_name(name, "quarter")
        if kind not in QUARTER_KINDS:
            raise ValidationError("quarter.bad_kind", kind=kind)
        if number is not None and (not isinstance(number, int) or number < 0):
            raise ValidationError("quarter.bad_number", name=name, number=number)
        if parent_id is not None:
            fetch(session, Quarter, parent_id, "quarter")
        self._check_unique(session, name, parent_id, None)
        row = Quarter(name=name, kind=kind, parent_id=parent_id, number=number)
        row.position = next_position(session, Quarter, parent_id=parent_id)
        session.add(row)
        session.flush()
        if position is not None:
            siblings = session.scalars(select(Quarter).where(_parent_is(parent_id))).all()
            place_among(list(siblings), row, position)
        return row

    def update(self, quarter_id: int, **fields: object) -> QuarterInfo:
        """Change name, number or kind."""
        params: dict[str, Any] = {"id": quarter_id, **fields}
        with self.project.command("quarter.update", **params) as session:
            return quarter_info(self.update_in(session, quarter_id, **fields))

    def update_in(self, session: Session, quarter_id: int, **fields: object) -> Quarter:
        unknown = set(fields) - {"name", "number", "kind"}
        if unknown:
            raise TypeError(f"unknown quarter fields: {sorted(unknown)}")
        row = fetch(session, Quarter, quarter_id, "quarter")
        note_params(session, quarter=row.name)
        if "name" in fields:
            name = clean_name(str(fields["name"]), "quarter")
            self._check_unique(session, name, row.parent_id, row.id)
            row.name = name
        if "number" in fields:
            number = fields["number"]
            if number is not None and (not isinstance(number, int) or number < 0):
                raise ValidationError("quarter.bad_number", name=row.name, number=number)
            row.number = number
        if "kind" in fields:
            if fields["kind"] not in QUARTER_KINDS:
                raise ValidationError("quarter.bad_kind", kind=fields["kind"])
            row.kind = str(fields["kind"])
        return row

    def delete(self, quarter_id: int) -> None:
        """Remove an unused quarter; one holding documents, statements or children stays."""
        with self.project.command("quarter.delete", id=quarter_id) as session:
            self.delete_in(session, quarter_id)

    def delete_in(self, session: Session, quarter_id: int) -> None:
        row = fetch(session, Quarter, quarter_id, "quarter")
        note_params(session, quarter=row.name)
        used = (
            session.scalar(select(Document.id).where(Document.quarter_id == quarter_id).limit(1))
            or session.scalar(select(Quarter.id).where(Quarter.parent_id == quarter_id).limit(1))
            or session.scalar(
                select(Statement.id).where(Statement.quarter_id == quarter_id).limit(1)
            )
        )
        if used is not None:
            raise ValidationError("quarter.in_use", name=row.name)
        session.delete(row)

    @staticmethod
    def _check_unique(
        session: Session, name: str, parent_id: int | None, own_id: int | None
    ) -> None:
        query = select(Quarter.id).where(_parent_is(parent_id), Quarter.name == name)
        existing = session.scalar(query)
        if existing is not None and existing != own_id:
            raise ValidationError("quarter.duplicate", name=name)


def _parent_is(parent_id: int | None) -> ColumnElement[bool]:
    return Quarter.parent_id.is_(None) if parent_id is None else Quarter.parent_id == parent_id
