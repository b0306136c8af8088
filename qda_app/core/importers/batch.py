"""Importing a batch of protocol files: each file in its own transaction, the batch goes on.

`import_files` is a generator: it yields one ImportProgress per file, so a caller can show
progress and cancel by simply not asking for the next file; files already done are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import QdaError
from ..i18n import tr
from .collect import collect_files
from .extracted import ExtractedText, ExtractionError
from .file_access import has_valid_name, shown_name
from .filename_pattern import FilenamePattern, compile_pattern
from .formats import extract, read_file
from .manifest import Manifest, read_manifest
from .metadata import FileMetadata, layered
from .writer import write_document

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class ImportOptions:
    """How a batch is imported; `common` holds the values given once for all files."""

    common: FileMetadata = field(default_factory=FileMetadata)
    manifest: Path | None = None
    pattern: str | None = None
    precode: bool = False
    create_missing: bool = False
    allow_duplicates: bool = False
    encoding: str | None = None
    recursive: bool = True


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: status is "imported", "skipped" or "failed"."""

    path: Path
    status: str
    message: str
    document_id: int | None = None


@dataclass(frozen=True)
class ImportProgress:
    done: int
    total: int
    outcome: FileOutcome


@dataclass
class ImportSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    total: int = 0  # files in the batch, known once they are collected

    @property
    def imported(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "imported"]

    @property
    def not_imported(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status != "imported"]


@dataclass(frozen=True)
class MetadataSources:
    """Manifest and pattern, read once per batch."""

    common: FileMetadata
    manifest: Manifest | None
    pattern: FilenamePattern | None

    @classmethod
    def from_options(cls, options: ImportOptions) -> MetadataSources:
        manifest = read_manifest(options.manifest) if options.manifest else None
        pattern = compile_pattern(options.pattern) if options.pattern else None
        return cls(options.common, manifest, pattern)

    def for_file(self, path: Path) -> FileMetadata:
        """Batch values < pattern < manifest; the title defaults to the file name."""
        from_pattern = self.pattern.read(path) if self.pattern else None
        from_manifest = self.manifest.for_file(path) if self.manifest else None
        return layered(FileMetadata(title=path.stem), self.common, from_pattern, from_manifest)


def read_and_extract(path: Path, encoding: str | None = None) -> tuple[bytes, ExtractedText]:
    """The file's bytes and its text and structure, or an ExtractionError naming the file."""
    _check_name(path)
    data = read_file(path)
    return data, extract(path, data, encoding=encoding)


def unexpected_error_message(path: Path, error: Exception) -> str:
    """One line for an error no reader foresaw: the file, the error's kind and its text."""
    reason = f"{type(error).__name__}: {error}"[:200]
    return tr("hardening.unexpected_error", file=shown_name(path), error=reason)


def _check_name(path: Path) -> None:
    """A name that is not valid UTF-8 cannot be stored (nor shown) as the document's source."""
    if not has_valid_name(path):
        raise ExtractionError("hardening.name_not_utf8", file=shown_name(path))


def import_one(
    project: Project,
    path: Path,
    metadata: FileMetadata,
    options: ImportOptions,
    read: tuple[bytes, ExtractedText] | None = None,
) -> FileOutcome:
    """Import one file in one transaction; any problem becomes a failed or skipped outcome.

    `read` passes bytes and text extracted before (the GUI extracts them for its preview).
    An error nobody foresaw also fails only this file: its transaction is rolled back and the
    batch goes on (a traceback would end the batch and leave later files untried).
    """
    name = shown_name(path)
    try:
        _check_name(path)
        data, extracted = read or read_and_extract(path, options.encoding)
        document, duplicate_of = write_document(project, path, data, extracted, metadata, options)
    except QdaError as error:
        return FileOutcome(path, "failed", str(error))
    except Exception as error:  # MemoryError and RecursionError included
        return FileOutcome(path, "failed", unexpected_error_message(path, error))
    if document is None:
        assert duplicate_of is not None  # write_document returns one or the other
        twin_id, twin_title = duplicate_of
        return FileOutcome(
            path, "skipped", tr("batch.duplicate", file=name, title=twin_title, id=twin_id)
        )
    return FileOutcome(
        path,
        "imported",
        tr("batch.imported", file=name, title=document.title, id=document.id),
        document.id,
    )


def import_files(
    project: Project,
    paths: Iterable[Path],
    options: ImportOptions,
    summary: ImportSummary | None = None,
) -> Iterator[ImportProgress]:
    """Import files and folders; yields after each file. Batch-level errors raise at once."""
    summary = summary if summary is not None else ImportSummary()
    sources = MetadataSources.from_options(options)
    files, ignored = collect_files(paths, recursive=options.recursive)
    summary.total = len(files)
    summary.warnings.extend(ignored)
    if sources.manifest is not None:
        summary.warnings.extend(
            tr("batch.manifest_row_unused", file=shown_name(sources.manifest.path), name=name)
            for name in sources.manifest.unmatched(files)
        )
    for done, path in enumerate(files, start=1):
        try:
            metadata = sources.for_file(path)
        except QdaError as error:
            outcome = FileOutcome(path, "failed", str(error))
        else:
            outcome = import_one(project, path, metadata, options)
        summary.outcomes.append(outcome)
        yield ImportProgress(done, len(files), outcome)
