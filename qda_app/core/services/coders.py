"""Coders: the people whose codings are kept apart and compared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Coder
from ..errors import ValidationError
from ..values import CoderInfo
from .common import check_colour, clean_name

if TYPE_CHECKING:
    from ..project import Project

PALETTE = ("#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb")


def coder_info(row: Coder) -> CoderInfo:
    return CoderInfo(row.id, row.name, row.colour)


def coder_for_actor(session: Session, name: str) -> Coder:
    """The coder with this name, created on first use (inside the caller's command)."""
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        count = len(session.scalars(select(Coder.id)).all())
        coder = Coder(name=name, colour=PALETTE[count % len(PALETTE)])
        session.add(coder)
        session.flush()
    return coder


class CoderService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def list(self) -> list[CoderInfo]:
        with self.project.read() as session:
            return [coder_info(c) for c in session.scalars(select(Coder).order_by(Coder.id))]

    def add(self, name: str, colour: str | None = None) -> CoderInfo:
        with self.project.command("coder.add", name=name) as session:
            return coder_info(self.add_in(session, name, colour))

    def add_in(self, session: Session, name: str, colour: str | None = None) -> Coder:
        """A new coder inside a caller's command; the name must be new."""
        name = clean_name(name, "coder")
        if session.scalar(select(Coder.id).where(Coder.name == name)) is not None:
            raise ValidationError("coder.duplicate", name=name)
        coder = coder_for_actor(session, name)
        if colour:
            coder.colour = check_colour(colour)
        session.flush()
        return coder

    def ensure_in(self, session: Session, name: str) -> Coder:
        """The coder with this name, created on first use (a coding names its coder).

        Looked up once per command: a command that adds many codings asks only once."""
        known: dict[str, Coder] = session.info.setdefault("coders_by_name", {})
        coder = known.get(name)
        if coder is None:
            with session.no_autoflush:
                coder = known[name] = coder_for_actor(session, clean_name(name, "coder"))
        return coder
