"""Running an export: which files a format writes into the output folder, and writing them
one by one with progress, safely (never over an existing file without `force`, never a
half-written file).

PPTX writes one deck per chosen quarter (and one across quarters with `cross`); DOCX one
report with a chapter per quarter; XLSX one workbook; CSV one table of the segments.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import QdaError
from ..i18n import tr, using_language
from .export_cancel import CancelCheck, ExportCancelled, cancellable
from .export_content import QuarterContent, chosen_quarters, quarter_contents
from .export_options import ExportOptions

if TYPE_CHECKING:
    from ..project import Project


FORMATS = ("pptx", "docx", "xlsx", "csv")
Progress = Callable[[int, int, str], None]  # done, total, what is being written


class UnknownExportFormatError(QdaError):
    """No such export format."""


@dataclass(frozen=True)
class PlannedFile:
    """One file of an export: where it goes and what it holds."""

    path: Path
    what: str  # shown in the preview and the progress
    write: Callable[[Path], None] = field(compare=False, repr=False)


def file_name_part(text: str) -> str:
    """A name safe in any file system: letters (umlauts too), digits, '-' for the rest."""
    return re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_") or "export"


def _stem(project: Project) -> str:
    name = Path(project.location).name
    return file_name_part(name.removesuffix(".qda"))


def plan_export(
    project: Project, fmt: str, out_dir: Path, options: ExportOptions
) -> list[PlannedFile]:
    """The files an export will write, each with its writer (content read lazily); names,
    descriptions and content in the export's language (`options.language`)."""
    with using_language(options.language):
        planned = _plan(project, fmt, out_dir, options)
    return [
        PlannedFile(item.path, item.what, _in_language(options.language, item.write))
        for item in planned
    ]


def _in_language(language: str, write: Callable[[Path], None]) -> Callable[[Path], None]:
    def written(path: Path) -> None:
        with using_language(language):
            write(path)

    return written


def _plan(project: Project, fmt: str, out_dir: Path, options: ExportOptions) -> list[PlannedFile]:
    if fmt not in FORMATS:
        raise UnknownExportFormatError(
            "exports.unknown_format", format=fmt, known=", ".join(FORMATS)
        )
    stem = _stem(project)
    cache: dict[str, Any] = {}

    def contents() -> dict[int, QuarterContent]:
        if "quarters" not in cache:
            cache["quarters"] = {c.quarter.id: c for c in quarter_contents(project, options)}
        return cache["quarters"]

    def cross() -> Any:
        from .cross_content import cross_content

        if "cross" not in cache:
            cache["cross"] = cross_content(project, options)
        return cache["cross"]

    if fmt == "pptx":
        from .slides.cross_deck import write_cross_deck
        from .slides.quarter_deck import write_quarter_deck

        def deck_writer(quarter_id: int) -> Callable[[Path], None]:
            return lambda path: write_quarter_deck(project, contents()[quarter_id], options, path)

        planned = [
            PlannedFile(
                out_dir / f"{stem}-{file_name_part(q.name)}.pptx",
                tr("exports.what.deck", quarter=q.name),
                deck_writer(q.id),
            )
            for q in chosen_quarters(project, options)
        ]
        if options.cross:
            planned.append(
                PlannedFile(
                    out_dir / f"{stem}-{file_name_part(tr('exports.file.cross'))}.pptx",
                    tr("exports.what.cross_deck"),
                    lambda path: write_cross_deck(project, cross(), options, path),
                )
            )
        return planned
    if fmt == "docx":
        from .report.report_document import write_report

        return [
            PlannedFile(
                out_dir / f"{stem}-{file_name_part(tr('exports.file.report'))}.docx",
                tr("exports.what.report"),
                lambda path: write_report(
                    project,
                    list(contents().values()),
                    cross() if options.cross else None,
                    options,
                    path,
                ),
            )
        ]
    if fmt == "xlsx":
        from .workbook.workbook_export import write_workbook

        return [
            PlannedFile(
                out_dir / f"{stem}.xlsx",
                tr("exports.what.workbook"),
                lambda path: write_workbook(project, options, path),
            )
        ]
    from .workbook.segment_rows import write_segments_csv

    return [
        PlannedFile(
            out_dir / f"{stem}-{file_name_part(tr('exports.file.segments'))}.csv",
            tr("exports.what.csv"),
            lambda path: write_segments_csv(project, options, path),
        )
    ]


@dataclass(frozen=True)
class ExportStep:
    """Where an export stands: `done` of `total` files, `what` is being written next."""

    done: int
    total: int
    what: str
    path: Path | None = None


def export_steps(
    planned: list[PlannedFile], *, force: bool = False, cancel: CancelCheck | None = None
) -> Iterator[ExportStep]:
    """Write the planned files one by one, yielding before each (and once at the end).
    Closing the generator between files stops the export; so does `cancel` saying yes at a
    checkpoint inside a long file (between sheets, chapters, slides): then the generator
    ends early. Files finished stay, none is left half-written."""
    check_free([p.path for p in planned], force=force)
    for done, item in enumerate(planned):
        yield ExportStep(done, len(planned), item.what, item.path)
        if cancel is not None and cancel():
            return
        try:
            with cancellable(cancel):
                write_safely(item.path, item.write, force=force)
        except ExportCancelled:
            return
    yield ExportStep(len(planned), len(planned), "")


def run_export(
    planned: list[PlannedFile],
    *,
    force: bool = False,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> list[Path]:
    """Write the planned files in order, telling `progress` before each; the files written
    (fewer than planned when `cancel` stopped the export)."""
    finished = 0  # the files before the one a step announces are written
    for step in export_steps(planned, force=force, cancel=cancel):
        finished = step.done
        if progress is not None:
            progress(step.done, step.total, step.what)
    return [p.path for p in planned[:finished]]


class ExportFileExistsError(QdaError):
    """The export would overwrite a file and `force` was not given."""


class ExportWriteError(QdaError):
    """The export file cannot be written (folder missing rights, disk full …)."""


def check_free(paths: list[Path], *, force: bool) -> None:
    """Refuse before anything is written when one of the files exists already."""
    if force:
        return
    for path in paths:
        if path.exists():
            raise ExportFileExistsError("exports.exists", path=str(path))


def write_safely(path: Path, writer: Callable[[Path], None], *, force: bool = False) -> Path:
    """Let `writer` fill a temporary file next to `path`, then rename it to `path`."""
    check_free([path], force=force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportWriteError("exports.cannot_write", path=str(path), reason=str(error)) from error
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.part{path.suffix}")
    try:
        writer(temporary)
        os.replace(temporary, path)
    except OSError as error:
        raise ExportWriteError("exports.cannot_write", path=str(path), reason=str(error)) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return path
