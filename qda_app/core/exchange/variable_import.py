"""Variable values of imported sources: this app's document fields (date, group, participants,
moderator, source file, quarter, method) come back into their fields, other variables keep
their REFI-QDA type, and sets of sources become yes/no variables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..db.models import Variable
from ..errors import ValidationError
from ..services.exchange_guids import normal_guid
from ..services.variables import convert
from .import_context import ImportContext
from .refi_format import DOCUMENT_VARIABLES, REFI_TO_VARIABLE_TYPE, is_label
from .refi_model import RefiSource, RefiValue

OWN_SUFFIX = " (Variable)"


@dataclass
class SourceFields:
    """What one source's values say: document fields, own variables, quarter and method."""

    fields: dict[str, Any] = field(default_factory=dict)
    own: list[tuple[str, str, Any]] = field(default_factory=list)  # name, type, value
    quarter: str | None = None
    method: str | None = None


def _value(value: RefiValue) -> Any:
    """A value in Python form, or ValueError."""
    text = value.text
    if value.kind == "IntegerValue":
        return int(text)
    if value.kind == "FloatValue":
        return float(text)
    if value.kind == "BooleanValue":
        if text.lower() in ("true", "1"):
            return True
        if text.lower() in ("false", "0"):
            return False
        raise ValueError(text)
    if value.kind == "DateValue":
        return date.fromisoformat(text[:10])
    if value.kind == "DateTimeValue":
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    return text


class VariablePlan:
    """Reads the file's variables once; turns each source's values into `SourceFields`."""

    def __init__(self, ctx: ImportContext, flags: dict[str, list[str]]) -> None:
        self.ctx = ctx
        self.variables: dict[str, tuple[str | None, str, str]] = {}  # GUID → key, name, type
        for variable in ctx.model.variables:
            name = " ".join(variable.name.split()) or "Variable"
            key = next((k for k in DOCUMENT_VARIABLES if is_label(k, name)), None)
            if key is None and name.endswith(OWN_SUFFIX):
                stripped = name.removesuffix(OWN_SUFFIX)
                if any(is_label(k, stripped) for k in DOCUMENT_VARIABLES):
                    name = stripped
            var_type = REFI_TO_VARIABLE_TYPE.get(variable.type, "text")
            if variable.type == "DateTime":
                ctx.log.correct("exchange.fixed.datetime_as_date", name=name)
            self.variables[normal_guid(variable.guid)] = (key, name, var_type)
        self.flags = {name: set(members) for name, members in flags.items()}
        self._guid_of = {name: guid for guid, (_k, name, _t) in self.variables.items()}
        self._defined: dict[str, Variable] = {}  # held, so the session keeps them loaded
        self._queued: list[tuple[int, Variable, Any]] = []

    def of(self, source: RefiSource) -> SourceFields:
        found = SourceFields()
        for raw in source.values:
            known = self.variables.get(normal_guid(raw.variable))
            if known is None:
                self.ctx.log.leave_out("exchange.left.unknown_variable")
                continue
            key, name, var_type = known
            try:
                value = _value(raw)
            except ValueError:
                self.ctx.log.leave_out("exchange.left.bad_value", name=name, value=raw.text)
                continue
            if key is None or not self._field(found, key, value):
                found.own.append((name, var_type, value))
        guid = normal_guid(source.guid)
        for name, members in self.flags.items():
            if guid in members:
                found.own.append((name, "boolean", True))
        return found

    @staticmethod
    def _field(found: SourceFields, key: str, value: Any) -> bool:
        """Put a document field's value in place; False when it does not fit the field."""
        if key == "var.date":
            if isinstance(value, str):
                try:
                    value = date.fromisoformat(value.strip())
                except ValueError:
                    return False
            if not isinstance(value, date):
                return False
            found.fields["date"] = value
        elif key == "var.participants":
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if isinstance(value, str) and value.strip().isdigit():
                value = int(value)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                return False
            found.fields["participants"] = value
        elif key in ("var.quarter", "var.method"):
            setattr(found, key.removeprefix("var."), str(value))
        else:
            target = {
                "var.group": "group_label",
                "var.moderator": "moderator",
                "var.source_file": "source_filename",
            }[key]
            found.fields[target] = str(value)
        return True

    def set_own(self, document_id: int, own: list[tuple[str, str, Any]]) -> None:
        """Queue the project's own variables of one document (written by `write`); a value
        that does not fit its variable is reported and left out."""
        session = self.ctx.session
        for name, var_type, value in own:
            try:
                variable = self._defined.get(name)
                if variable is None:
                    variable = self.ctx.project.variables.define_in(session, name, var_type)
                    self._defined[name] = variable
                    if name in self._guid_of:
                        self.ctx.remember("variable", variable.id, self._guid_of[name])
                convert(value, variable.type, variable.name)
            except ValidationError:
                self.ctx.log.leave_out("exchange.left.bad_value", name=name, value=value)
                continue
            self._queued.append((document_id, variable, value))

    def write(self) -> None:
        """All queued values in one go."""
        self.ctx.project.variables.set_many_in(self.ctx.session, self._queued)
        self._queued = []
