"""Errors the user can act on: each renders as one clear sentence in the UI language."""

from __future__ import annotations

from typing import Any

from .i18n import tr


class QdaError(Exception):
    """Base of all expected failures; `key` names a message in the translation catalogs."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        return tr(self.key, **self.params)


class ProjectFileError(QdaError):
    """A project file cannot be created, opened or upgraded."""


class ValidationError(QdaError):
    """A requested change would make the data invalid; nothing was changed."""


class EditConflictError(ValidationError):
    """Someone else changed the row since it was read; the user should reload."""


class ReadOnlyCoderError(ValidationError):
    """The coder may only read the project."""


class NotFoundError(QdaError):
    """A referenced object (document, category, coding …) does not exist."""


class NothingToUndoError(QdaError):
    """Undo or redo was asked for with an empty stack."""
