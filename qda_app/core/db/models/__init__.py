"""The typed tables of a project store."""

from .base import Base, utcnow
from .coding import (
    CATEGORY_ORIGINS,
    AnchorExample,
    Category,
    Coding,
    Statement,
    StatementCoding,
    StatementSource,
)
from .documents import (
    SPEAKER_ROLES,
    VARIABLE_TYPES,
    Document,
    DocumentSource,
    DocumentVariableValue,
    OriginalFile,
    SpeakerTurn,
    Variable,
)
from .exchange import GUID_KINDS, ExchangeGuid
from .memos import DocumentMemo
from .planning import (
    MEASURE_PRIORITIES,
    MEASURE_STATUSES,
    Goal,
    Measure,
    MeasureStatement,
    MeasureStatusChange,
    MissingEntry,
    StatementGoal,
)
from .project import (
    CODER_ROLES,
    QUARTER_KINDS,
    ChangeLogEntry,
    Coder,
    Method,
    ProjectInfo,
    ProjectTransfer,
    Quarter,
)

__all__ = [
    "CATEGORY_ORIGINS",
    "CODER_ROLES",
    "ProjectTransfer",
    "GUID_KINDS",
    "MEASURE_PRIORITIES",
    "MEASURE_STATUSES",
    "QUARTER_KINDS",
    "SPEAKER_ROLES",
    "VARIABLE_TYPES",
    "AnchorExample",
    "Base",
    "Category",
    "ChangeLogEntry",
    "Coder",
    "Coding",
    "Document",
    "DocumentMemo",
    "DocumentSource",
    "DocumentVariableValue",
    "ExchangeGuid",
    "Goal",
    "Measure",
    "MeasureStatement",
    "MeasureStatusChange",
    "Method",
    "MissingEntry",
    "OriginalFile",
    "ProjectInfo",
    "Quarter",
    "SpeakerTurn",
    "Statement",
    "StatementCoding",
    "StatementGoal",
    "StatementSource",
    "Variable",
    "utcnow",
]
