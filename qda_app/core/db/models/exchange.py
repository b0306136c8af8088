"""GUIDs other programs gave the objects of a project (REFI-QDA exchange)."""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

# What a remembered GUID names: the REFI-QDA element and the row it became here.
GUID_KINDS = (
    "user",  # coders
    "code",  # categories
    "source",  # documents
    "variable",  # variables
    "case",  # quarters
    "set",  # methods
    "note",  # statements
)


def new_guid() -> str:
    """A random GUID in the lower-case form REFI-QDA files use."""
    return str(uuid.uuid4())


class ExchangeGuid(Base):
    """The GUID an imported element had, so exporting the project again names it alike and
    the program it came from recognises its codes, sources and codings."""

    __tablename__ = "exchange_guids"
    __table_args__ = (
        CheckConstraint(f"kind IN {GUID_KINDS}", name="kind"),
        Index("ix_exchange_guids_kind_guid", "kind", "guid"),
    )

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    local_id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(38))
