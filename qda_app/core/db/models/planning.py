"""From findings to planning: strategic goals, statements linked to them, and per Sozialraum ×
goal the entries of what is missing and the measures (with their status history)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...planning_values import MEASURE_PRIORITIES, MEASURE_STATUSES
from .base import AUTOINCREMENT, Base, utcnow


class Goal(Base):
    """A strategic goal for the whole city, derived from the findings (above all the gaps)."""

    __tablename__ = "goals"
    __table_args__ = (AUTOINCREMENT,)

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    tag: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    # Deleting a goal takes its links, entries and measures along, logged row by row in the
    # ORM so that undo brings them all back.
    statement_links: Mapped[list[StatementGoal]] = relationship(cascade="all, delete-orphan")
    missing_entries: Mapped[list[MissingEntry]] = relationship(cascade="all, delete-orphan")
    measures: Mapped[list[Measure]] = relationship(cascade="all, delete-orphan")


class StatementGoal(Base):
    """Links a statement (a finding) to a goal it supports."""

    __tablename__ = "statement_goals"
    __table_args__ = (Index("ix_statement_goals_goal", "goal_id"),)

    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True
    )


class MissingEntry(Base):
    """What is missing in a Sozialraum to reach a goal ("Was fehlt hier?")."""

    __tablename__ = "missing_entries"
    __table_args__ = (
        Index("ix_missing_entries_cell", "quarter_id", "goal_id", "position"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quarter_id: Mapped[int] = mapped_column(ForeignKey("quarters.id", ondelete="RESTRICT"))
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Measure(Base):
    """A measure for a Sozialraum × goal cell, carried out by a responsible actor."""

    __tablename__ = "measures"
    __table_args__ = (
        CheckConstraint(f"status IN {MEASURE_STATUSES}", name="status"),
        CheckConstraint(f"priority IN {MEASURE_PRIORITIES}", name="priority"),
        Index("ix_measures_cell", "quarter_id", "goal_id", "position"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quarter_id: Mapped[int] = mapped_column(ForeignKey("quarters.id", ondelete="RESTRICT"))
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    time_frame: Mapped[str] = mapped_column(String(200), default="")
    priority: Mapped[str] = mapped_column(String(10), default="")
    status: Mapped[str] = mapped_column(String(10), default="proposed")
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    statement_links: Mapped[list[MeasureStatement]] = relationship(cascade="all, delete-orphan")
    status_changes: Mapped[list[MeasureStatusChange]] = relationship(
        cascade="all, delete-orphan", order_by="MeasureStatusChange.id"
    )


class MeasureStatement(Base):
    """Links a measure to a finding (statement) it answers."""

    __tablename__ = "measure_statements"
    __table_args__ = (Index("ix_measure_statements_statement", "statement_id"),)

    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True
    )
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )


class MeasureStatusChange(Base):
    """One entry of a measure's status history, written in the command that set the status
    (so undoing the command removes it too); the first one is written when it is added."""

    __tablename__ = "measure_status_changes"
    __table_args__ = (
        CheckConstraint(f"status IN {MEASURE_STATUSES}", name="status"),
        Index("ix_measure_status_changes_measure", "measure_id"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10))
    actor: Mapped[str] = mapped_column(String(100), default="")
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
