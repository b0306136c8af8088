"""Metadata of one file to import, as the user gave it, and how the layers combine.

Values stay as the user wrote them ("Manfort", "09.11.2020", "8") until they are resolved
against the project, so that an error can quote the value and name the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from typing import Any

from ..errors import ValidationError

FIELDS = ("title", "quarter", "method", "date", "group", "participants", "moderator")


@dataclass(frozen=True)
class FileMetadata:
    """What is known about one file; None means "not given here"."""

    title: str | None = None
    quarter: str | None = None
    method: str | None = None
    date: Any = None
    group: str | None = None
    participants: Any = None
    moderator: str | None = None
    variables: dict[str, Any] = field(default_factory=dict)

    def over(self, base: FileMetadata) -> FileMetadata:
        """These values where given, else the base's; variables are merged the same way."""
        merged = {
            f.name: getattr(self, f.name)
            if getattr(self, f.name) not in (None, "")
            else getattr(base, f.name)
            for f in fields(self)
            if f.name != "variables"
        }
        return FileMetadata(**merged, variables={**base.variables, **self.variables})

    def with_values(self, **values: Any) -> FileMetadata:
        return replace(self, **values)


def layered(*layers: FileMetadata | None) -> FileMetadata:
    """Combine layers from least to most specific (batch values, pattern, manifest, table)."""
    result = FileMetadata()
    for layer in layers:
        if layer is not None:
            result = layer.over(result)
    return result


_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(value: Any, file: str) -> date | None:
    """ISO (2020-11-09), German (09.11.2020, 9.11.20) or compact (20201109) dates."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if match := _GERMAN_DATE.match(text):
            day, month, year = (int(g) for g in match.groups())
            return date(year + 2000 if year < 100 else year, month, day)
        if match := _COMPACT_DATE.match(text):
            return date(*(int(g) for g in match.groups()))
        return date.fromisoformat(text)
    except ValueError as error:
        raise ValidationError("batch.bad_date", file=file, value=text) from error


def parse_participants(value: Any, file: str) -> int | None:
    """A whole number of participants; "N=8" and "8" are both fine."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError("batch.bad_participants", file=file, value=value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = re.sub(r"^\s*n\s*=\s*", "", str(value), flags=re.IGNORECASE).strip()
        if not text.isdigit():
            raise ValidationError("batch.bad_participants", file=file, value=value)
        number = int(text)
    if number < 0:
        raise ValidationError("batch.bad_participants", file=file, value=value)
    return number
