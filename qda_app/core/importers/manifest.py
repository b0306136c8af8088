"""Manifests (CSV or XLSX): one row per file, a file-name column and one column per field."""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import ValidationError
from ..services.variables import guess_type
from . import zip_guard
from .file_access import read_regular_file, shown_name
from .metadata import FileMetadata

MAX_MANIFEST_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000  # files in one batch; a manifest with more rows is refused
MAX_COLUMNS = 200  # XLSX rows are read up to this column
_CSV_FIELD_LIMIT = csv.field_size_limit()  # 128 KB per cell unless the program changes it

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


def _read_csv(name: str, data: bytes) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError("batch.manifest_encoding", file=name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)  # \r, \n or \r\n
    rows: list[list[Any]] = []
    try:
        for row in reader:
            if any(c.strip() for c in row):
                rows.append(row)
                _check_row_count(name, len(rows))
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ValidationError(
                "hardening.manifest_cell_too_long",
                file=name,
                line=reader.line_num,
                limit_kb=_CSV_FIELD_LIMIT // 1024,
            ) from error
        raise ValidationError(
            "hardening.manifest_malformed", file=name, line=reader.line_num
        ) from error
    return rows


def _check_row_count(name: str, rows: int) -> None:
    if rows > MAX_ROWS + 1:  # the header row does not count
        raise ValidationError("hardening.manifest_too_many_rows", file=name, limit=f"{MAX_ROWS:,}")


def _read_xlsx(name: str, data: bytes) -> list[list[Any]]:
    """The first sheet's rows; the archive is checked first, then openpyxl reads it."""
    try:
        zip_guard.inspect_zip(data)
    except zip_guard.ZipProblem as problem:
        if problem.reason in ("too_large", "members", "mismatch"):
            raise ValidationError(
                "hardening.manifest_unpacks_too_large",
                file=name,
                limit_mb=zip_guard.MAX_UNPACKED_BYTES // (1024 * 1024),
            ) from problem
        if problem.reason == "dtd":
            raise ValidationError("hardening.manifest_xml_dtd", file=name) from problem
        raise ValidationError("hardening.manifest_damaged", file=name) from problem
    from openpyxl import load_workbook

    rows: list[list[Any]] = []
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            columns = min(sheet.max_column or MAX_COLUMNS, MAX_COLUMNS)
            # Rows are read as far as they go (not only up to the declared dimension); openpyxl
            # fills gaps between rows with empty ones, which count, so a far row is refused
            # after MAX_ROWS rows instead of millions of empty rows being made.
            sheet.reset_dimensions()
            for index, row in enumerate(sheet.iter_rows(max_col=columns, values_only=True)):
                _check_row_count(name, index + 1)
                if not any(row):  # empty rows quickly
                    continue
                values = ["" if c is None else c for c in row]
                if any(str(c).strip() for c in values):
                    rows.append(values)
        finally:
            workbook.close()
    except ValidationError:
        raise
    except Exception as error:  # openpyxl and lxml raise assorted errors on broken files
        raise ValidationError("hardening.manifest_damaged", file=name) from error
    return rows


def _typed_variables(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each variable column one type for all rows (number, date, boolean or text).

    Two passes over the cells (not one pass over the rows per column), so a wide header
    over many short rows costs what the cells cost.
    """
    kinds: dict[str, set[str]] = {}
    for row in rows:
        for name, value in row.items():
            if value not in (None, ""):
                kinds.setdefault(name, set()).add(guess_type(_scalar(value)))
    converters = {name: _converter(found) for name, found in kinds.items()}
    for row in rows:
        for name in list(row):
            value = row[name]
            if value in (None, ""):
                del row[name]
                continue
            converted = converters[name]
            row[name] = converted(_scalar(value)) if converted is not None else _scalar(value)
    return rows


def _converter(kinds: set[str]) -> Any:
    if kinds <= {"integer"}:
        return int
    if kinds <= {"integer", "float"}:
        return float
    if kinds == {"date"}:
        return None
    return str


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
    """Read a CSV or XLSX manifest; a missing file column or unreadable file is a clear error.

    Only a regular file of at most MAX_MANIFEST_BYTES is read; every problem with it is one
    ValidationError naming the manifest.
    """
    name = shown_name(path)
    suffix = path.suffix.casefold()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".tsv", ".txt"):
        raise ValidationError("batch.manifest_format", file=name)
    data = read_regular_file(
        path,
        MAX_MANIFEST_BYTES,
        failed=lambda reason: ValidationError(
            "batch.manifest_unreadable", file=name, reason=reason
        ),
        not_regular=lambda: ValidationError("hardening.manifest_not_regular", file=name),
        too_large=lambda size: ValidationError(
            "hardening.manifest_too_large",
            file=name,
            size_mb=math.ceil(size / 1024**2),
            limit_mb=MAX_MANIFEST_BYTES // 1024**2,
        ),
    )
    table = _read_xlsx(name, data) if suffix in (".xlsx", ".xlsm") else _read_csv(name, data)
    if not table:
        raise ValidationError("batch.manifest_empty", file=name)
    header = [str(title).strip() for title in table[0]]
    fields = [_field_of(title) for title in header]
    if "file" not in fields:
        raise ValidationError("batch.manifest_no_file_column", file=name)
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
