"""Opening and creating project files from the window, with every failure told to the user."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.presets import apply_preset
from ...core.project import Project
from ..common.message_boxes import show_information, show_warning


def open_project_file(parent: QWidget | None, path: str, actor: str) -> Project | None:
    """The opened project, or None after a warning naming what was wrong with the file.

    An older project is upgraded by the core; the user is told where its backup went.
    """
    try:
        project = Project.open(path, actor=actor)
    except QdaError as error:
        show_warning(parent, str(error))
        return None
    if project.backup_path is not None:
        show_information(parent, tr("gui.open.upgraded", backup=str(project.backup_path)))
    return project


def create_project_file(
    parent: QWidget | None, path: str, actor: str, preset: str | None
) -> Project | None:
    """A new project, optionally filled from a preset; None after a warning if it failed."""
    try:
        project = Project.create(path, actor=actor)
    except QdaError as error:
        show_warning(parent, str(error))
        return None
    if preset:
        try:
            apply_preset(project, preset)
        except QdaError as error:  # the project exists, only without the preset's content
            show_warning(parent, str(error))
    return project
