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
from .project import QUARTER_KINDS, ChangeLogEntry, Coder, Method, ProjectInfo, Quarter

__all__ = [
    "CATEGORY_ORIGINS",
    "GUID_KINDS",
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
    "Method",
    "OriginalFile",
    "ProjectInfo",
    "Quarter",
    "SpeakerTurn",
    "Statement",
    "StatementCoding",
    "StatementSource",
    "Variable",
    "utcnow",
]
