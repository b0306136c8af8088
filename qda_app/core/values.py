"""Plain, immutable values that cross from the core to the CLI and the GUI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .i18n import tr


@dataclass(frozen=True)
class QuarterInfo:
    id: int
    parent_id: int | None
    name: str
    number: int | None
    kind: str
    position: int

    @property
    def label(self) -> str:
        """Name with the statistical quarter's number, as researchers cite it."""
        return f"{self.name} ({self.number})" if self.number is not None else self.name


@dataclass(frozen=True)
class MethodInfo:
    id: int
    code: str
    name: str
    position: int


@dataclass(frozen=True)
class CoderInfo:
    id: int
    name: str
    colour: str
    role: str = "coder"  # owner, coder or read_only


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    title: str
    quarter_id: int | None
    method_id: int | None
    date: date | None
    group_label: str
    participants: int | None
    source_filename: str
    source_format: str
    content_hash: str
    length: int
    position: int
    moderator: str = ""


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    parent_id: int | None
    position: int
    name: str
    tag: str
    colour: str
    origin: str
    definition: str
    coding_rules: str
    codable: bool
    block_patterns: str = ""
    # The edit version the row had when read; pass it back as expected_version to an edit,
    # which is then refused if someone else changed the row in between. Not part of equality.
    version: int = field(default=1, compare=False)


@dataclass(frozen=True)
class CodingInfo:
    id: int
    document_id: int
    start: int
    end: int
    category_id: int
    coder_id: int
    memo: str
    paraphrase: str
    generalisation: str
    is_quote: bool
    version: int = field(default=1, compare=False)


@dataclass(frozen=True)
class AnchorInfo:
    id: int
    category_id: int
    coding_id: int
    position: int


@dataclass(frozen=True)
class StatementInfo:
    """A condensed statement (a bullet) of one quarter × category cell, or a cross-quarter
    statement (quarter None) with the per-quarter statements it generalises (`source_ids`).

    `coding_ids`: the segments it condenses; `contains_quote`: it quotes one of them word for
    word; `generalised_by`: the cross-quarter statements that generalise this one.
    """

    id: int
    category_id: int
    quarter_id: int | None
    text: str
    position: int
    coding_ids: tuple[int, ...]
    contains_quote: bool = False
    source_ids: tuple[int, ...] = ()
    generalised_by: tuple[int, ...] = ()
    version: int = field(default=1, compare=False)

    @property
    def cross_quarter(self) -> bool:
        return self.quarter_id is None


@dataclass(frozen=True)
class SpeakerTurnInfo:
    id: int
    document_id: int
    start: int
    end: int
    speaker: str
    role: str


@dataclass(frozen=True)
class LogEntry:
    id: int
    created_at: datetime
    actor: str
    command: str
    params: dict
    state: str
    undoable: bool
    change_count: int

    @property
    def description(self) -> str:
        """The change in words, in the current language ("Kategorie „X“ löschen")."""
        return describe(self.command, self.params)


def describe(command: str, params: dict[str, Any]) -> str:
    """A change-log entry in words; undo and redo markers name the change they replayed."""
    if command in ("history.undo", "history.redo"):
        what = describe(str(params.get("of", "")), params.get("params") or {})
        return tr(f"cmd.{command}", what=what)
    key = f"cmd.{command}"
    text = tr(key, **params)
    return command if text == key else text


@dataclass(frozen=True)
class RowEvent:
    """One row a command, undo or redo wrote: what happened to which row of which table.

    `key` is the row's id (or a tuple for link tables with a composite key); `before` and
    `after` hold the column values the change replaced and wrote (empty where none).
    """

    op: str  # "insert", "update" or "delete"
    table: str
    key: int | tuple[int, ...]
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)

    def value(self, column: str) -> Any:
        """The column's value after the change, or before it for a deleted row."""
        return self.after[column] if column in self.after else self.before.get(column)


@dataclass(frozen=True)
class ChangeEvent:
    """Told to listeners after a command, undo or redo commits (here or in another process)."""

    action: str  # "do", "undo" or "redo"
    command: str
    entry_id: int | None
    rows: tuple[RowEvent, ...] = ()
    external: bool = False  # committed by another process or another open project
    reset: bool = False  # too much changed to say row by row: views reload everything
    params: Mapping[str, Any] = field(default_factory=dict)  # as the change log records them
    actor: str = ""
    undoable: bool = True

    @property
    def description(self) -> str:
        return describe(self.command, dict(self.params))

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(row.table for row in self.rows)

    def keys(self, table: str, *ops: str) -> set[Any]:
        """Keys of the rows of `table` that were inserted, updated or deleted (or any op)."""
        return {r.key for r in self.rows if r.table == table and (not ops or r.op in ops)}

    def of(self, table: str) -> list[RowEvent]:
        return [row for row in self.rows if row.table == table]


@dataclass(frozen=True)
class Segment:
    """A coded segment as every list, grid, analysis and exporter reads it."""

    coding_id: int
    document_id: int
    start: int
    end: int
    text: str
    context_before: str
    context_after: str
    document_title: str
    document_date: date | None
    quarter_id: int | None
    quarter_path: tuple[
        str, ...
    ]  # from the Sozialraum down, e.g. ("Opladen", "Opladen-Zentrum (30)")
    social_space_id: int | None  # the Sozialraum the document belongs to (None: city-wide)
    method_id: int | None
    method: str
    coder_id: int
    coder: str
    category_id: int
    category_path: tuple[str, ...]
    category_tag: str
    top_category_id: int
    memo: str
    paraphrase: str
    generalisation: str
    is_quote: bool
    statement_ids: tuple[int, ...]
    # The coding's edit version when read (pass it as expected_version to codings.update).
    version: int = field(default=1, compare=False)

    @property
    def category_label(self) -> str:
        """ "Top/Sub" as the coding agenda names it."""
        return "/".join(self.category_path)

    @property
    def quarter_label(self) -> str:
        return " / ".join(self.quarter_path)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class SegmentFilter:
    """Which segments to read; empty tuples mean "any". All given conditions must hold.

    Quarters include their statistical quarters; categories include their subtree unless
    `subcategories` is False. `text` matches (case- and umlaut-folded) the coded words, the
    paraphrase, the generalisation or the memo. `linked` True/False keeps segments that are /
    are not condensed into any statement.
    """

    category_ids: tuple[int, ...] = ()
    subcategories: bool = True
    quarter_ids: tuple[int, ...] = ()
    method_ids: tuple[int, ...] = ()
    coder_ids: tuple[int, ...] = ()
    document_ids: tuple[int, ...] = ()
    coding_ids: tuple[int, ...] = ()
    statement_ids: tuple[int, ...] = ()
    quotes_only: bool = False
    linked: bool | None = None
    text: str = ""


@dataclass(frozen=True)
class ProjectDetails:
    """The project itself: its name, its journal (free notes on the whole study) and the
    GUID that names it in exchange files."""

    name: str
    journal: str
    guid: str
    created_at: datetime
