"""Import a REFI-QDA project (QDPX) from MAXQDA, ATLAS.ti, NVivo, QualCoder or this app into
a new project file.

Everything is checked and read before the project is created: a refused archive leaves no
file behind. The project is built under a temporary name in one command and appears under
its name only when complete; a failure or a cancel removes the temporary file.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path

from sqlalchemy import select

from ..db.models import Method, Quarter
from ..project import Project
from ..services.exchange_guids import normal_guid
from .codebook_import_part import CodebookWriter
from .exchange_values import ExchangeError, ExchangeProgress, ExchangeSummary
from .grouping_import import import_cases, import_sets
from .import_context import ImportContext
from .note_import import NoteIndex
from .qde_reader import read_project
from .refi_model import RefiCoding, RefiProject
from .safe_archive import ArchiveLimits, SafeArchive
from .source_import import import_sources
from .variable_import import VariablePlan


class QdpxImport:
    """One import run: iterate `steps()` for progress; `summary` is set when it completes."""

    def __init__(
        self,
        source: str | os.PathLike[str],
        target: str | os.PathLike[str],
        actor: str | None = None,
        limits: ArchiveLimits | None = None,
    ) -> None:
        self.source = Path(source)
        self.target = Path(target)
        self.actor = actor
        self.limits = limits
        self.summary: ExchangeSummary | None = None

    def steps(self) -> Iterator[ExchangeProgress]:
        if self.target.exists():
            raise ExchangeError("exchange.target_exists", path=str(self.target))
        if not self.target.parent.is_dir():
            raise ExchangeError("exchange.folder_missing", path=str(self.target))
        yield ExchangeProgress("exchange.progress.reading", 0, 1, self.source.name)
        with SafeArchive(self.source, self.limits) as archive:
            member = archive.project_member()
            model = read_project(archive.read(member), member)
            yield ExchangeProgress("exchange.progress.reading", 1, 1, self.source.name)
            partial = self.target.with_name(f".{self.target.name}.partial")
            _remove(partial)
            project = Project.create(partial, name=model.name or self.source.stem, actor=self.actor)
            try:
                ctx = yield from _write(project, model, archive)
                project.close()
                os.replace(partial, self.target)
            except BaseException:
                project.close()
                _remove(partial)
                raise
        self.summary = summary_of(self.source, ctx, self.target)


def import_qdpx(
    source: str | os.PathLike[str], target: str | os.PathLike[str], actor: str | None = None
) -> ExchangeSummary:
    """Run a whole import; the summary says what was imported and what was not."""
    run = QdpxImport(source, target, actor)
    for _ in run.steps():
        pass
    assert run.summary is not None
    return run.summary


def _write(
    project: Project, model: RefiProject, archive: SafeArchive
) -> Generator[ExchangeProgress, None, ImportContext]:
    with project.command("exchange.import_qdpx", undoable=False, file=archive.path.name) as session:
        ctx = ImportContext(project, session, model, archive)
        notes = NoteIndex(ctx)
        used = {normal_guid(coding.code) for coding in _all_codings(model)}
        writer = CodebookWriter(project, session, ctx.log, used=used, qualcoder=ctx.qualcoder)
        ctx.codes = writer.write(model.codes)
        for guid, category_id in ctx.codes.items():
            ctx.remember("code", category_id, guid)
        import_cases(ctx)
        flags = import_sets(ctx)
        # Documents check their quarter and method: keep those rows in the session.
        ctx.held.extend(session.scalars(select(Quarter)))
        ctx.held.extend(session.scalars(select(Method)))
        variables = VariablePlan(ctx, flags)
        yield from import_sources(ctx, notes, variables)
        notes.write_code_notes()
        ctx.statements = notes.write_statements()
        notes.write_anchors()
        journal = notes.journal()
        if journal:
            project.details.update_in(session, journal=journal)
        for name, guid in ctx.coder_guids.items():
            ctx.remember("user", project.coders.ensure_in(session, name).id, guid)
        for kind, pairs in ctx.guids.items():
            project.exchange_guids.remember_in(session, kind, pairs)
    return ctx


def _all_codings(model: RefiProject) -> Iterator[RefiCoding]:
    for source in model.sources:
        yield from source.codings
        for selection in source.selections:
            yield from selection.codings


def _remove(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        candidate.unlink(missing_ok=True)


def summary_of(source: Path, ctx: ImportContext, target: Path) -> ExchangeSummary:
    corrected, left_out = ctx.log.findings()
    return ExchangeSummary(
        path=source,
        counts=(
            ("documents", ctx.documents),
            ("categories", len(ctx.codes)),
            ("codings", ctx.codings),
            ("coders", len(ctx.coder_guids)),
            ("statements", ctx.statements),
            ("cases", len(ctx.cases)),
        ),
        corrected=corrected,
        left_out=left_out,
        project_path=target,
    )
