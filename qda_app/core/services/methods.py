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


class MethodService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def list(self) -> list[MethodInfo]:
        with self.project.read() as session:
            rows = session.scalars(select(Method).order_by(Method.position, Method.id))
            return [method_info(m) for m in rows]

    def find(self, text: str) -> MethodInfo | None:
        """A method by code, name or a common alias, ignoring case."""
        wanted = " ".join(text.split()).casefold()
        for method in self.list():
            aliases = ALIASES.get(method.code, ())
            if wanted in (method.code.casefold(), method.name.casefold(), *aliases):
                return method
        return None

    def add(self, name: str, code: str | None = None) -> MethodInfo:
        name = clean_name(name, "method")
        code = code or re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_") or "method"
        with self.project.command("method.add", name=name) as session:
            if session.scalar(select(Method.id).where(Method.code == code)) is not None:
                raise ValidationError("method.duplicate", name=name)
            row = Method(code=code, name=name, position=next_position(session, Method))
            session.add(row)
            session.flush()
            return method_info(row)
