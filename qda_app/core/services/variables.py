"""Typed document variables (text, integer, float, date, boolean) and their values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from ..db.change_capture import record_inserts
from ..db.models import VARIABLE_TYPES, Document, DocumentVariableValue, Variable
from ..errors import NotFoundError, ValidationError
from .common import clean_name, next_position, note_params

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class VariableChange:
    """Set a document's value of a variable (defined with `type` if new); None clears it."""

    name: str
    type: str
    value: Any


TRUE_WORDS = {"1", "true", "yes", "ja", "wahr", "x"}
FALSE_WORDS = {"0", "false", "no", "nein", "falsch", ""}


def convert(value: Any, var_type: str, name: str) -> Any:
    """A value in the Python type of the variable; text is parsed the way a researcher writes it."""
    if value is None:
        return None
    try:
        if var_type == "text":
            return str(value)
        if var_type == "integer":
            if isinstance(value, float) and not value.is_integer():
                raise ValueError(value)
            return int(str(value).strip()) if isinstance(value, str) else int(value)
        if var_type == "float":
            return float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
        if var_type == "date":
            return value if isinstance(value, date) else date.fromisoformat(str(value).strip())
        if var_type == "boolean":
            if isinstance(value, bool):
                return value
            word = str(value).strip().casefold()
            if word in TRUE_WORDS:
                return True
            if word in FALSE_WORDS:
                return False
            raise ValueError(value)
    except (TypeError, ValueError) as error:
        raise ValidationError(
            "variable.bad_value", name=name, value=value, type=var_type
        ) from error
    raise ValidationError("variable.bad_type", name=name, type=var_type)


def read_value(row: DocumentVariableValue, var_type: str) -> Any:
    if var_type == "text":
        return row.value_text
    if var_type == "integer":
        return None if row.value_number is None else int(row.value_number)
    if var_type == "float":
        return row.value_number
    if var_type == "date":
        return row.value_date
    return row.value_bool


def write_value(row: DocumentVariableValue, var_type: str, value: Any) -> None:
    row.value_text = value if var_type == "text" else None
    row.value_number = value if var_type in ("integer", "float") else None
    row.value_date = value if var_type == "date" else None
    row.value_bool = value if var_type == "boolean" else None


def value_columns(var_type: str, value: Any) -> dict[str, Any]:
    """The value columns of a stored value (`write_value` for a row not yet loaded)."""
    return {
        "value_text": value if var_type == "text" else None,
        "value_number": value if var_type in ("integer", "float") else None,
        "value_date": value if var_type == "date" else None,
        "value_bool": value if var_type == "boolean" else None,
    }


def define_in(session: Session, name: str, var_type: str) -> Variable:
    """The variable with this name, created with `var_type` if new; types must agree."""
    name = clean_name(name, "variable")
    if var_type not in VARIABLE_TYPES:
        raise ValidationError("variable.bad_type", name=name, type=var_type)
    row = session.scalar(select(Variable).where(Variable.name == name))
    if row is None:
        row = Variable(name=name, type=var_type, position=next_position(session, Variable))
        session.add(row)
        session.flush()
    elif row.type != var_type:
        raise ValidationError("variable.type_conflict", name=name, type=row.type, wanted=var_type)
    return row


def set_in(session: Session, document_id: int, variable: Variable, value: Any) -> None:
    """Set (or with None, clear) one document's value of a variable."""
    converted = convert(value, variable.type, variable.name)
    row = session.get(DocumentVariableValue, (document_id, variable.id))
    if converted is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = DocumentVariableValue(document_id=document_id, variable_id=variable.id)
        session.add(row)
    write_value(row, variable.type, converted)


def guess_type(value: Any) -> str:
    """The variable type a plain Python value suggests."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, date):
        return "date"
    return "text"


class VariableService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def list(self) -> list[tuple[str, str]]:
        """(name, type) of every variable, in order."""
        with self.project.read() as session:
            rows = session.scalars(select(Variable).order_by(Variable.position, Variable.id))
            return [(row.name, row.type) for row in rows]

    def define(self, name: str, var_type: str) -> None:
        with self.project.command("variable.define", name=name, type=var_type) as session:
            self.define_in(session, name, var_type)

    def define_in(self, session: Session, name: str, var_type: str) -> Variable:
        """The variable with this name, created with `var_type` if new; types must agree."""
        return define_in(session, name, var_type)

    def set_in(
        self, session: Session, document_id: int, name: str, value: Any, var_type: str | None = None
    ) -> None:
        """`set` inside a caller's command (imports set a document's variables)."""
        title = session.scalar(select(Document.title).where(Document.id == document_id))
        if title is None:
            raise NotFoundError("not_found.document", id=document_id)
        note_params(session, title=title)
        existing = session.scalar(
            select(Variable).where(Variable.name == clean_name(name, "variable"))
        )
        variable = existing or define_in(session, name, var_type or guess_type(value))
        set_in(session, document_id, variable, value)

    def set_many_in(self, session: Session, values: Sequence[tuple[int, Variable, Any]]) -> None:
        """Many documents' values at once inside a caller's command (imports): (document id,
        variable, value). Values a document has already are replaced one by one; new ones go
        in as one insert, logged like any other change."""
        documents = sorted({document_id for document_id, _v, _value in values})
        existing: set[tuple[int, int]] = set()
        for start in range(0, len(documents), 500):
            chunk = documents[start : start + 500]
            query = select(DocumentVariableValue.document_id, DocumentVariableValue.variable_id)
            existing.update(
                (row.document_id, row.variable_id)
                for row in session.execute(
                    query.where(DocumentVariableValue.document_id.in_(chunk))
                )
            )
        rows: list[dict[str, Any]] = []
        for document_id, variable, value in values:
            key = (document_id, variable.id)
            converted = convert(value, variable.type, variable.name)
            if key in existing or converted is None:
                set_in(session, document_id, variable, value)
                continue
            existing.add(key)
            rows.append(
                {
                    "document_id": document_id,
                    "variable_id": variable.id,
                    **value_columns(variable.type, converted),
                }
            )
        if rows:
            session.flush()
            session.execute(insert(cast(Table, DocumentVariableValue.__table__)), rows)
            keys = [
                {"document_id": r["document_id"], "variable_id": r["variable_id"]} for r in rows
            ]
            record_inserts(session, "document_variable_values", rows, keys)

    def values(self, document_id: int) -> dict[str, Any]:
        """A document's variable values by variable name."""
        with self.project.read() as session:
            query = (
                select(DocumentVariableValue, Variable)
                .join(Variable, Variable.id == DocumentVariableValue.variable_id)
                .where(DocumentVariableValue.document_id == document_id)
                .order_by(Variable.position)
            )
            return {var.name: read_value(row, var.type) for row, var in session.execute(query)}

    def all_values(self) -> dict[int, dict[str, Any]]:
        """Every document's variable values (document id → name → value), in one query."""
        query = (
            select(DocumentVariableValue, Variable)
            .join(Variable, Variable.id == DocumentVariableValue.variable_id)
            .order_by(DocumentVariableValue.document_id, Variable.position)
        )
        found: dict[int, dict[str, Any]] = {}
        with self.project.read() as session:
            for row, var in session.execute(query):
                found.setdefault(row.document_id, {})[var.name] = read_value(row, var.type)
        return found

    def set(self, document_id: int, name: str, value: Any, var_type: str | None = None) -> None:
        """Set a document's value, defining the variable if it is new."""
        with self.project.command("variable.set", document=document_id, name=name) as session:
            self.set_in(session, document_id, name, value, var_type)
