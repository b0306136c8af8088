"""Project-wide tables: project info, coders, quarters, methods and the change log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import AUTOINCREMENT, Base, utcnow
from .exchange import new_guid

QUARTER_KINDS = ("city", "social_space", "statistical")
CODER_ROLES = ("owner", "coder", "read_only")
COMMAND_STATES = ("done", "undone", "discarded")


class ProjectInfo(Base):
    """The single row describing the project itself."""

    __tablename__ = "project_info"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Names the project in exchange files; derived GUIDs of its objects stay stable with it.
    guid: Mapped[str] = mapped_column(String(36), default=new_guid)


class Coder(Base):
    """A person who codes; every coding and every change names one."""

    __tablename__ = "coders"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    colour: Mapped[str] = mapped_column(String(7), default="#4477aa")
    # One of CODER_ROLES (checked by the coder service): owner may change roles, coder codes,
    # read_only may look but not change anything.
    role: Mapped[str] = mapped_column(String(10), default="coder", server_default="coder")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Quarter(Base):
    """A node of the quarter hierarchy: city-wide level, Sozialraum or statistical quarter."""

    __tablename__ = "quarters"
    __table_args__ = (
        CheckConstraint(f"kind IN {QUARTER_KINDS}", name="kind"),
        CheckConstraint("number IS NULL OR number >= 0", name="number"),
        Index("ix_quarters_parent_position", "parent_id", "position"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("quarters.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(200))
    number: Mapped[int | None]
    kind: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(default=0)


class Method(Base):
    """A data-collection method (workshop, phone interview, other, or one the team adds)."""

    __tablename__ = "methods"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)


class ChangeLogEntry(Base):
    """One atomic command: who did what and when, with the row changes needed to reverse it."""

    __tablename__ = "change_log"
    __table_args__ = (
        CheckConstraint(f"state IN {COMMAND_STATES}", name="state"),
        Index("ix_change_log_state", "state"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    command: Mapped[str] = mapped_column(String(60))
    params: Mapped[str] = mapped_column(Text, default="{}")
    changes: Mapped[str] = mapped_column(Text)
    undoable: Mapped[bool] = mapped_column(default=True)
    state: Mapped[str] = mapped_column(String(10), default="done")
    undone_at: Mapped[datetime | None]


class ProjectTransfer(Base):
    """One copy of the whole project to a server or from one (`qda push` / `qda pull`)."""

    __tablename__ = "project_transfers"
    __table_args__ = (
        CheckConstraint("direction IN ('push', 'pull')", name="direction"),
        Index("ix_project_transfers_at", "at"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(4))
    # The other side as messages show it: a path, or a server URL without its password.
    other: Mapped[str] = mapped_column(String(500))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(default=utcnow)
