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
from .extracted import ExtractedText
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
    data = read_file(path)
    return data, extract(path, data, encoding=encoding)


def import_one(
    project: Project,
    path: Path,
    metadata: FileMetadata,
    options: ImportOptions,
    read: tuple[bytes, ExtractedText] | None = None,
) -> FileOutcome:
    """Import one file in one transaction; any problem becomes a failed or skipped outcome.

    `read` passes bytes and text extracted before (the GUI extracts them for its preview).
    """
    try:
        data, extracted = read or read_and_extract(path, options.encoding)
        document, duplicate_of = write_document(project, path, data, extracted, metadata, options)
    except QdaError as error:
        return FileOutcome(path, "failed", str(error))
    if document is None:
        twin_id, twin_title = duplicate_of
        return FileOutcome(
            path, "skipped", tr("batch.duplicate", file=path.name, title=twin_title, id=twin_id)
        )
    return FileOutcome(
        path,
        "imported",
        tr("batch.imported", file=path.name, title=document.title, id=document.id),
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
    summary.warnings.extend(ignored)
    if sources.manifest is not None:
        summary.warnings.extend(
            tr("batch.manifest_row_unused", file=sources.manifest.path.name, name=name)
            for name in sources.manifest.unmatched(files)
        )
    for done, path in enumerate(files, start=1):
        outcome = import_one(project, path, sources.for_file(path), options)
        summary.outcomes.append(outcome)
        yield ImportProgress(done, len(files), outcome)
