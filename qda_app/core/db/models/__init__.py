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
