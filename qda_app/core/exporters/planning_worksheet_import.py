"""Reading a filled-in worksheet (XLSX) back: a preview of new and changed entries, applied
as one undoable command; a file with a malformed row changes nothing.

Rules: on an entry row, text under "what is missing" without an id becomes a new entry, a
changed text changes the entry; text under "measure" without an id becomes a new measure with
the row's responsible, time frame, priority and status; changed fields of a known measure
change it. An emptied cell of a known entry leaves it as it is (entries are deleted in the
app, not by clearing a cell in a workshop copy). Text that looks like a formula is read as
the text it is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from ..i18n import tr
from ..planning_values import MEASURE_STATUSES
from .planning_worksheet import ENTRY_COLUMNS
from .planning_worksheet_xlsx import FIRST_VISIBLE, FORMAT_MARK, META_SHEET

if TYPE_CHECKING:
    from ..project import Project

PRIORITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class WorksheetChange:
    """One change the import would make: kind is "new_missing", "changed_missing",
    "new_measure" or "changed_measure"; `fields` the values to write."""

    kind: str
    goal_id: int
    sheet: str
    row: int
    fields: dict[str, Any]
    entry_id: int | None = None


@dataclass
class WorksheetImport:
    path: Path
    quarter_id: int
    quarter: str
    changes: list[WorksheetChange] = field(default_factory=list)

    def describe(self) -> list[str]:
        """One line per change, for the preview."""
        return [
            tr(f"planning.import.{c.kind}", sheet=c.sheet, row=c.row, text=_summary(c))
            for c in self.changes
        ]


class WorksheetError(ValidationError):
    """A filled-in worksheet cannot be read; nothing was applied."""


def read_worksheet(project: Project, path: str | os.PathLike[str]) -> WorksheetImport:
    """The changes a filled-in worksheet asks for; WorksheetError lists every malformed row
    (by sheet and row number) and nothing is applied."""
    from openpyxl import load_workbook

    path = Path(path)
    try:
        workbook = load_workbook(path)
    except Exception as error:  # openpyxl raises many kinds for files that are no workbook
        raise WorksheetError("planning.import.unreadable", file=path.name) from error
    meta = _meta(workbook, path)
    quarter_id = meta.get("quarter_id")
    try:
        quarter = project.quarters.get(int(quarter_id or 0))
    except Exception as error:
        raise WorksheetError("planning.import.not_a_worksheet", file=path.name) from error
    if str(meta.get("project") or "") != project.details.get().guid:
        raise WorksheetError("planning.import.other_project", file=path.name)
    result = WorksheetImport(path, quarter.id, quarter.name)
    goals = {g.id for g in project.goals.list()}
    missing = {m.id: m for m in project.planning.missing(quarter.id)}
    measures = {m.id: m for m in project.planning.measures(quarter.id)}
    problems: list[str] = []
    for sheet in workbook.worksheets:
        if sheet.title == META_SHEET:
            continue
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if not cells or cells[0] != "entry":
                continue
            try:
                result.changes.extend(
                    _row_changes(sheet.title, number, cells, goals, missing, measures)
                )
            except _RowProblem as problem:
                problems.append(
                    tr("planning.import.row", sheet=sheet.title, row=number, problem=str(problem))
                )
    if problems:
        raise WorksheetError(
            "planning.import.malformed", file=path.name, problems="; ".join(problems[:5])
        )
    return result


def apply_worksheet(project: Project, changes: WorksheetImport) -> int:
    """Apply the changes as one undoable command; returns how many."""
    if not changes.changes:
        return 0
    with project.command(
        "planning.import", file=changes.path.name, count=len(changes.changes)
    ) as session:
        for change in changes.changes:
            if change.kind == "new_missing":
                project.planning.add_missing_in(
                    session, changes.quarter_id, change.goal_id, change.fields["text"]
                )
            elif change.kind == "changed_missing":
                assert change.entry_id is not None
                project.planning.update_missing_in(session, change.entry_id, change.fields["text"])
            elif change.kind == "new_measure":
                fields = dict(change.fields)
                text = fields.pop("text")
                project.planning.add_measure_in(
                    session, changes.quarter_id, change.goal_id, text, **fields
                )
            else:
                assert change.entry_id is not None
                project.planning.update_measure_in(session, change.entry_id, **change.fields)
    return len(changes.changes)


class _RowProblem(Exception):
    pass


def _row_changes(
    sheet: str,
    number: int,
    cells: tuple[Any, ...],
    goals: set[int],
    missing: dict[int, Any],
    measures: dict[int, Any],
) -> list[WorksheetChange]:
    padded = list(cells) + [None] * (FIRST_VISIBLE + len(ENTRY_COLUMNS))
    goal_id = _id(padded[1], "goal")
    if goal_id not in goals:
        raise _RowProblem(tr("planning.import.unknown_goal", id=padded[1]))
    missing_id, measure_id = _id(padded[2], "missing"), _id(padded[3], "measure")
    values = dict(zip(ENTRY_COLUMNS, (_text(v) for v in padded[FIRST_VISIBLE - 1 :]), strict=False))
    changes: list[WorksheetChange] = []
    if missing_id is not None:
        entry = missing.get(missing_id)
        if entry is None or entry.goal_id != goal_id:
            raise _RowProblem(tr("planning.import.unknown_entry", id=missing_id))
        if values["missing"] and values["missing"] != entry.text:
            changes.append(
                WorksheetChange(
                    "changed_missing", goal_id, sheet, number, {"text": values["missing"]}, entry.id
                )
            )
    elif values["missing"]:
        changes.append(
            WorksheetChange("new_missing", goal_id, sheet, number, {"text": values["missing"]})
        )
    fields = {
        "text": values["measure"],
        "responsible": values["responsible"],
        "time_frame": values["time_frame"],
        "priority": _choice(values["priority"], PRIORITIES, "planning.priority", "bad_priority"),
        "status": _choice(values["status"], MEASURE_STATUSES, "planning.status", "bad_status"),
    }
    if measure_id is not None:
        measure = measures.get(measure_id)
        if measure is None or measure.goal_id != goal_id:
            raise _RowProblem(tr("planning.import.unknown_measure", id=measure_id))
        changed = {k: v for k, v in fields.items() if v and v != getattr(measure, k)}
        if changed:
            changes.append(
                WorksheetChange("changed_measure", goal_id, sheet, number, changed, measure.id)
            )
    elif fields["text"]:
        new = {key: value for key, value in fields.items() if value}
        changes.append(WorksheetChange("new_measure", goal_id, sheet, number, new))
    elif any(fields[key] for key in ("responsible", "time_frame", "priority", "status")):
        raise _RowProblem(tr("planning.import.measure_without_text"))
    return changes


def _id(value: Any, kind: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _RowProblem(tr("planning.import.bad_id", value=value))
    try:
        number = int(str(value).strip())
    except ValueError as error:
        raise _RowProblem(tr("planning.import.bad_id", value=value)) from error
    return number


def _text(value: Any) -> str:
    """A cell as text: numbers and dates as written, formulas as the text they are."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


def _choice(text: str, codes: tuple[str, ...], prefix: str, problem: str) -> str:
    """A status or priority from its code or its label in either language."""
    if not text:
        return ""
    folded = text.strip().casefold()
    for code in codes:
        if folded in {code, *(_label(prefix, code, lang) for lang in ("de", "en"))}:
            return code
    key = "priority" if problem == "bad_priority" else "status"
    raise _RowProblem(tr(f"planning.{problem}", **{key: text}))


def _label(prefix: str, code: str, lang: str) -> str:
    from ..i18n import catalog

    return catalog(lang).get(f"{prefix}.{code}", code).casefold()


def _meta(workbook: Any, path: Path) -> dict[str, Any]:
    if META_SHEET not in workbook.sheetnames:
        raise WorksheetError("planning.import.not_a_worksheet", file=path.name)
    meta = {
        str(row[0]): row[1]
        for row in workbook[META_SHEET].iter_rows(values_only=True)
        if row and row[0] is not None
    }
    if meta.get("format") != FORMAT_MARK:
        raise WorksheetError("planning.import.not_a_worksheet", file=path.name)
    return meta


def _summary(change: WorksheetChange) -> str:
    return " · ".join(str(v) for v in change.fields.values() if v)
