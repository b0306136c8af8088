"""Coders: the people whose codings are kept apart and compared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from ..db.models import CODER_ROLES, Coder
from ..errors import ReadOnlyCoderError, ValidationError
from ..values import CoderInfo
from .common import check_colour, clean_name

if TYPE_CHECKING:
    from ..project import Project

PALETTE = ("#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb")


def coder_info(row: Coder) -> CoderInfo:
    return CoderInfo(row.id, row.name, row.colour, row.role)


def refuse_read_only(session: Session | Connection, actor: str) -> None:
    """Refuse any change by a coder the owner made read-only (called as a command begins).

    In a command's session the coder's row is read whole and kept for `ensure_in`, so that
    the check costs no statement of its own when the command names its coder anyway."""
    if isinstance(session, Session):
        coder = session.scalar(select(Coder).where(Coder.name == actor))
        if coder is not None:
            session.info.setdefault("coders_by_name", {})[actor] = coder
        role = coder.role if coder is not None else None
    else:
        role = session.scalar(select(Coder.role).where(Coder.name == actor))
    if role == "read_only":
        raise ReadOnlyCoderError("server.read_only_coder", coder=actor)


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

    def set_role(self, name: str, role: str) -> CoderInfo:
        """Make a coder owner, coder or read_only. Only an owner may do so; a project without
        an owner (every project until one is named) lets anyone name the first one."""
        role = role.replace("-", "_")
        if role not in CODER_ROLES:
            raise ValidationError("server.unknown_role", role=role)
        with self.project.command("coder.role", name=name, role=role) as session:
            owners = session.scalars(select(Coder.name).where(Coder.role == "owner")).all()
            if owners and self.project.actor not in owners:
                raise ValidationError("server.owner_only", owner=", ".join(sorted(owners)))
            coder = self.ensure_in(session, name)
            coder.role = role
            session.flush()
            return coder_info(coder)

    def role_of(self, name: str) -> str:
        """The role of a coder by name ("coder" for one not yet in the project)."""
        with self.project.read() as session:
            role = session.scalar(select(Coder.role).where(Coder.name == name))
        return role or "coder"

    def ensure_in(self, session: Session, name: str) -> Coder:
        """The coder with this name, created on first use (a coding names its coder).

        Looked up once per command: a command that adds many codings asks only once."""
        known: dict[str, Coder] = session.info.setdefault("coders_by_name", {})
        coder = known.get(name)
        if coder is None:
            with session.no_autoflush:
                coder = known[name] = coder_for_actor(session, clean_name(name, "coder"))
        return coder
