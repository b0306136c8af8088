"""Plain, immutable values that cross from the core to the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

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


@dataclass(frozen=True)
class AnchorInfo:
    id: int
    category_id: int
    coding_id: int
    position: int


@dataclass(frozen=True)
class StatementInfo:
    id: int
    category_id: int
    quarter_id: int | None
    text: str
    position: int
    coding_ids: tuple[int, ...]


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
        key = f"cmd.{self.command}"
        text = tr(key, **self.params)
        return self.command if text == key else text


@dataclass(frozen=True)
class ChangeEvent:
    """Told to listeners after a command, undo or redo commits."""

    action: str  # "do", "undo" or "redo"
    command: str
    entry_id: int | None
    tables: frozenset[str]
