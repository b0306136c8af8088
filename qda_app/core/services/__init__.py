"""Core services: every read and every change a user can make, without Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..project import Project


def attach_services(project: Project) -> None:
    """Give an open project its service objects (project.documents, project.codings …)."""
    from .categories import CategoryService
    from .coders import CoderService
    from .codings import CodingService
    from .documents import DocumentService
    from .history import HistoryService
    from .methods import MethodService
    from .quarters import QuarterService
    from .statements import StatementService
    from .variables import VariableService

    project.quarters = QuarterService(project)
    project.methods = MethodService(project)
    project.coders = CoderService(project)
    project.variables = VariableService(project)
    project.documents = DocumentService(project)
    project.categories = CategoryService(project)
    project.codings = CodingService(project)
    project.statements = StatementService(project)
    project.history = HistoryService(project)
