"""An open project: the store, its services, and the command context every change runs in."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from .db import store
from .db.change_capture import ChangeRecorder
from .db.change_log import discard_redo, write_entry
from .db.models import Method, ProjectInfo
from .db.postgres_specific import announce_commit
from .db.write_access import writer
from .errors import EditConflictError, ProjectFileError, ValidationError
from .services.autocoding import AutocodeService
from .services.categories import CategoryService
from .services.category_history import CategoryHistoryService
from .services.coder_passes import CoderPassService
from .services.coders import CoderService, refuse_read_only
from .services.codings import CodingService
from .services.documents import DocumentService
from .services.exchange_guids import ExchangeGuidService
from .services.goals import GoalService
from .services.history import HistoryService
from .services.memos import MemoService
from .services.methods import MethodService
from .services.planning import PlanningService
from .services.project_details import ProjectDetailsService
from .services.quarters import QuarterService
from .services.segments import SegmentService
from .services.statements import StatementService
from .services.text_search import TextSearchService
from .services.variables import VariableService
from .values import ChangeEvent

Listener = Callable[[ChangeEvent], None]
PARAMS_KEY = "command_params"

DEFAULT_METHODS = (
    ("workshop", "Workshop"),
    ("phone_interview", "Telefoninterview"),
    ("other", "Sonstiges"),
)


def default_actor() -> str:
    """The coder name used when none is given: QDA_CODER, else the login name."""
    name = os.environ.get("QDA_CODER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "coder"


class Project:
    """A project store opened for work. Use `Project.open` or `Project.create`.

    Every change runs in `command()`: one transaction that also writes its change-log entry.
    Listeners hear of each committed change with the rows it wrote; changes committed by other
    processes are found by `project.history.poll_external()`.
    """

    quarters: QuarterService
    methods: MethodService
    coders: CoderService
    coder_passes: CoderPassService
    variables: VariableService
    documents: DocumentService
    categories: CategoryService
    codings: CodingService
    statements: StatementService
    segments: SegmentService
    history: HistoryService
    category_history: CategoryHistoryService
    details: ProjectDetailsService
    exchange_guids: ExchangeGuidService
    goals: GoalService
    planning: PlanningService
    search: TextSearchService
    autocode: AutocodeService
    memos: MemoService

    def __init__(self, engine: Engine, location: str, actor: str | None = None) -> None:
        self.engine = engine
        # A server URL is kept without its password (the engine has it): nothing that shows
        # or stores the location (window title, recent list, messages) can reveal it.
        self.location = store.without_password(location)
        self.actor = actor or default_actor()
        self.backup_path: Path | None = None
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Commands take the write lock when they begin (SQLite: BEGIN IMMEDIATE), so a
        # command never reads a state that another process changes before it writes.
        self._write_sessions = sessionmaker(writer(engine), expire_on_commit=False)
        self._listeners: list[Listener] = []
        self.quarters = QuarterService(self)
        self.methods = MethodService(self)
        self.coders = CoderService(self)
        self.coder_passes = CoderPassService(self)
        self.variables = VariableService(self)
        self.documents = DocumentService(self)
        self.categories = CategoryService(self)
        self.codings = CodingService(self)
        self.statements = StatementService(self)
        self.segments = SegmentService(self)
        self.history = HistoryService(self)
        self.category_history = CategoryHistoryService(self)
        self.details = ProjectDetailsService(self)
        self.exchange_guids = ExchangeGuidService(self)
        self.goals = GoalService(self)
        self.planning = PlanningService(self)
        self.search = TextSearchService(self)
        self.autocode = AutocodeService(self)
        self.memos = MemoService(self)

    @classmethod
    def create(
        cls, location: str | os.PathLike[str], name: str | None = None, actor: str | None = None
    ) -> Project:
        """Create a new project file (or store) and open it."""
        engine = store.create_store(location)
        project = cls(engine, os.fspath(location), actor)
        title = name or store.title_of(location)
        with project.command("project.create", undoable=False, name=title) as session:
            session.add(ProjectInfo(id=1, name=title, description=""))
            for position, (code, method_name) in enumerate(DEFAULT_METHODS):
                session.add(Method(code=code, name=method_name, position=position))
        return project

    @classmethod
    def open(cls, location: str | os.PathLike[str], actor: str | None = None) -> Project:
        """Open an existing project; an older one is backed up and upgraded first."""
        engine, backup = store.open_store(location)
        project = cls(engine, os.fspath(location), actor)
        project.backup_path = backup
        return project

    @property
    def display_name(self) -> str:
        """The project as messages name it: its path, or its server URL without password."""
        return store.display_name(self.location)

    @property
    def on_server(self) -> bool:
        """True for a shared project on a database server."""
        return store.is_server(self.location)

    def close(self) -> None:
        self.history.stop_watching()
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- listeners ---------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` after every committed change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def notify(self, event: ChangeEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- sessions ----------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short session for queries; it may not change data."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()  # ends the transaction; loaded values stay readable

    @contextmanager
    def command(
        self, command_name: str, /, *, undoable: bool = True, **params: Any
    ) -> Iterator[Session]:
        """One atomic, logged change: everything done in the session commits together or not.

        A command that changes rows discards the redo stack of its coder (not of others).
        """
        session = self._write_sessions()
        session.info[PARAMS_KEY] = params  # services add names they load (see note_params)
        recorder = ChangeRecorder()
        recorder.attach(session)
        try:
            refuse_read_only(session, self.actor)
            yield session
            session.flush()
            entry_id = None
            if recorder.changes:
                discard_redo(session, self.actor)
                entry_id = write_entry(
                    session, self.actor, command_name, params, recorder.changes, undoable
                )
                self.history.remember_own(entry_id)
                announce_commit(session.connection())
            session.commit()
        except IntegrityError as error:
            session.rollback()
            raise ValidationError("store.constraint_violated", reason=str(error.orig)) from error
        except StaleDataError as error:  # a row's version moved under an ORM update
            session.rollback()
            raise EditConflictError("server.edit_conflict", what=command_name) from error
        except OperationalError as error:
            session.rollback()
            raise ProjectFileError(
                "storage.write_failed", path=store.display_name(self.location)
            ) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        if recorder.changes and self._listeners:  # (a bulk import into a new file has none)
            rows = tuple(change.event() for change in recorder.changes)
            self.notify(
                ChangeEvent(
                    "do",
                    command_name,
                    entry_id,
                    rows,
                    params=params,
                    actor=self.actor,
                    undoable=undoable,
                )
            )
