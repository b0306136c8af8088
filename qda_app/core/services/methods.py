"""Data-collection methods: workshop, phone interview, other, and any the team adds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import Method
from ..errors import ValidationError
from ..values import MethodInfo
from .common import clean_name, next_position

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project

# Names a researcher may type for the built-in methods, in German and English.
ALIASES = {
    "workshop": ("workshop", "ws", "online-workshop", "expert*innen-workshop"),
    "phone_interview": (
        "phone interview",
        "phone_interview",
        "telefoninterview",
        "telefon-interview",
        "interview",
        "ti",
    ),
    "other": ("other", "sonstiges", "andere"),
}


def method_info(row: Method) -> MethodInfo:
    return MethodInfo(row.id, row.code, row.name, row.position)


def method_matches(code: str, name: str, text: str) -> bool:
    """Does `text` name this method (code, name or a common alias, ignoring case)?"""
    wanted = " ".join(str(text).split()).casefold()
    return wanted in (code.casefold(), name.casefold(), *ALIASES.get(code, ()))


def method_code(name: str) -> str:
    """The stable code of a method the team adds: its name in lower case, words joined by _."""
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_") or "method"


class MethodService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def list(self) -> list[MethodInfo]:
        with self.project.read() as session:
            rows = session.scalars(select(Method).order_by(Method.position, Method.id))
            return [method_info(m) for m in rows]

    def find(self, text: str) -> MethodInfo | None:
        """A method by code, name or a common alias, ignoring case."""
        return next((m for m in self.list() if method_matches(m.code, m.name, text)), None)

    def add(self, name: str, code: str | None = None) -> MethodInfo:
        with self.project.command("method.add", name=name) as session:
            return method_info(self.add_in(session, name, code))

    def add_in(self, session: Session, name: str, code: str | None = None) -> Method:
        """`add` inside a caller's command (imports that create a missing method)."""
        name = clean_name(name, "method")
        code = code or method_code(name)
        if session.scalar(select(Method.id).where(Method.code == code)) is not None:
            raise ValidationError("method.duplicate", name=name)
        row = Method(code=code, name=name, position=next_position(session, Method))
        session.add(row)
        session.flush()
        return row
