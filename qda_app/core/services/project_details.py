"""The project's own row: name, journal and the GUID exchange files name it by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..db.models import ProjectInfo
from ..values import ProjectDetails
from .common import clean_name, fetch

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project


def _details(row: ProjectInfo) -> ProjectDetails:
    return ProjectDetails(row.name, row.description, row.guid, row.created_at)


class ProjectDetailsService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def get(self) -> ProjectDetails:
        with self.project.read() as session:
            return _details(fetch(session, ProjectInfo, 1, "project"))

    def update(self, *, name: str | None = None, journal: str | None = None) -> ProjectDetails:
        """Rename the project or replace its journal."""
        with self.project.command("project.update") as session:
            return _details(self.update_in(session, name=name, journal=journal))

    def update_in(
        self, session: Session, *, name: str | None = None, journal: str | None = None
    ) -> ProjectInfo:
        row = fetch(session, ProjectInfo, 1, "project")
        if name is not None:
            row.name = clean_name(name, "project")
        if journal is not None:
            row.description = journal
        return row
