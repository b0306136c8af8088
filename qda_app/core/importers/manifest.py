"""Manifests (CSV or XLSX): one row per file, a file-name column and one column per field."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import ValidationError
from ..services.variables import guess_type
from .metadata import FileMetadata

# Column titles researchers use, German and English, mapped to metadata fields.
COLUMN_NAMES = {
    "file": ("file", "filename", "file name", "datei", "dateiname", "pfad", "path"),
    "title": ("title", "titel", "name", "bezeichnung"),
    "quarter": ("quarter", "quartier", "sozialraum", "social space", "stadtteil"),
    "method": ("method", "methode", "erhebungsmethode", "erhebungsinstrument", "format"),
    "date": ("date", "datum"),
    "group": ("group", "gruppe", "gruppen", "group label", "gruppenbezeichnung"),
    "participants": ("participants", "teilnehmende", "teilnehmer", "tn", "n", "anzahl"),
    "moderator": ("moderator", "moderation", "interviewer", "interviewerin", "interviewer*in"),
}


@dataclass(frozen=True)
class Manifest:
    """Metadata by file name (compared without case); file names in the manifest's order."""

    path: Path
    rows: dict[str, FileMetadata]
    file_names: tuple[str, ...] = ()

    def for_file(self, path: Path) -> FileMetadata | None:
        return self.rows.get(path.name.casefold()) or self.rows.get(path.stem.casefold())

    def unmatched(self, paths: list[Path]) -> list[str]:
        """Manifest rows that name no file of the batch (likely typos)."""
        names = {p.name.casefold() for p in paths} | {p.stem.casefold() for p in paths}
        return sorted(name for name in self.rows if name not in names)


_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")


def _field_of(title: str) -> str | None:
    wanted = " ".join(str(title).replace("_", " ").split()).casefold()
    for name, aliases in COLUMN_NAMES.items():
        if wanted in aliases:
            return name
    return None


def _read_csv(path: Path, data: bytes) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError("batch.manifest_encoding", file=path.name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ValidationError(
            "batch.manifest_unreadable", file=path.name, reason=str(error)
        ) from error
    sheet = workbook.worksheets[0]
    rows = [["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return [row for row in rows if any(str(c).strip() for c in row)]


def _typed_variables(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each variable column one type for all rows (number, date, boolean or text)."""
    names = {name for row in rows for name in row}
    for name in names:
        values = [row[name] for row in rows if row.get(name) not in (None, "")]
        kinds = {guess_type(_scalar(v)) for v in values}
        if kinds and kinds <= {"integer"}:
            converted = int
        elif kinds and kinds <= {"integer", "float"}:
            converted = float
        elif kinds == {"date"}:
            converted = None
        else:
            converted = str
        for row in rows:
            value = row.get(name)
            if value in (None, ""):
                row.pop(name, None)
            elif converted is not None:
                row[name] = converted(_scalar(value))
            else:
                row[name] = _scalar(value)
    return rows


def _scalar(value: Any) -> Any:
    """Numbers written as text in CSV count as numbers; datetimes from Excel as dates."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        if _DECIMAL_COMMA.match(text):  # German notation: 25,5
            text = text.replace(",", ".")
        for convert in (int, float):
            try:
                return convert(text)
            except ValueError:
                continue
        return text
    return value


def read_manifest(path: Path) -> Manifest:
    """Read a CSV or XLSX manifest; a missing file column or unreadable file is a clear error."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            "batch.manifest_unreadable", file=path.name, reason=error.strerror
        ) from error
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path)
    elif suffix in (".csv", ".tsv", ".txt"):
        table = _read_csv(path, data)
    else:
        raise ValidationError("batch.manifest_format", file=path.name)
    if not table:
        raise ValidationError("batch.manifest_empty", file=path.name)
    header = [str(title).strip() for title in table[0]]
    fields = [_field_of(title) for title in header]
    if "file" not in fields:
        raise ValidationError("batch.manifest_no_file_column", file=path.name)
    records: list[tuple[str, dict[str, Any]]] = []
    variable_rows: list[dict[str, Any]] = []
    for row in table[1:]:
        values: dict[str, Any] = {}
        variables: dict[str, Any] = {}
        for title, field_name, cell in zip(header, fields, row, strict=False):
            cell = cell.strip() if isinstance(cell, str) else cell
            if field_name is not None:
                values[field_name] = cell.date() if isinstance(cell, datetime) else cell
            elif title:
                variables[title] = cell
        name = Path(str(values.pop("file", "")).strip()).name
        if name:
            records.append((name, values))
            variable_rows.append(variables)
    typed = _typed_variables(variable_rows)
    rows = {
        name.casefold(): FileMetadata(
            **{
                k: (str(v) if k not in ("date", "participants") and v != "" else v)
                for k, v in values.items()
                if v != ""
            },
            variables=variables,
        )
        for (name, values), variables in zip(records, typed, strict=True)
    }
    return Manifest(path, rows, tuple(name for name, _ in records))
