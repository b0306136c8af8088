"""Importing files that were read and given their metadata beforehand (the GUI's import table).

The table reads each file once for its preview, lets the user correct the metadata file by
file and marks values the import would refuse while they are typed; `import_prepared` then
imports exactly those bytes and values, one transaction per file, as `import_files` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import QdaError, ValidationError
from .batch import (
    ImportOptions,
    ImportProgress,
    import_one,
    read_and_extract,
    unexpected_error_message,
)
from .extracted import ExtractedText
from .metadata import FileMetadata, parse_date, parse_participants
from .structure import find_sections, find_speaker_turns

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class FileReading:
    """One file read for the import table: its bytes and text, or why it cannot be read."""

    path: Path
    read: tuple[bytes, ExtractedText] | None
    error: str = ""
    speaker_turns: int = 0
    question_blocks: int = 0


@dataclass(frozen=True)
class PreparedFile:
    """A file ready to import: the bytes and text read before, the metadata the user settled."""

    path: Path
    metadata: FileMetadata
    read: tuple[bytes, ExtractedText]


def block_patterns(project: Project) -> dict[int, list[str]]:
    """Each category's question-block heading patterns, as pre-coding uses them."""
    return {
        category.id: category.block_patterns.splitlines()
        for category in project.categories.list()
        if category.block_patterns.strip()
    }


def read_files(
    paths: Iterable[Path], patterns: dict[int, list[str]], encoding: str | None = None
) -> Iterator[FileReading]:
    """Read and extract files one by one (a generator: the caller may stop between files)."""
    for path in paths:
        try:
            data, extracted = read_and_extract(path, encoding)
            turns = len(find_speaker_turns(extracted))
            blocks = len(find_sections(extracted, patterns)) if patterns else 0
        except QdaError as error:
            yield FileReading(path, None, str(error))
            continue
        except Exception as error:  # never a traceback in the import table
            yield FileReading(path, None, unexpected_error_message(path, error))
            continue
        yield FileReading(path, (data, extracted), "", turns, blocks)


def import_prepared(
    project: Project, files: Sequence[PreparedFile], options: ImportOptions
) -> Iterator[ImportProgress]:
    """Import prepared files; yields after each one, so stopping keeps the files done so far."""
    for done, prepared in enumerate(files, start=1):
        outcome = import_one(project, prepared.path, prepared.metadata, options, read=prepared.read)
        yield ImportProgress(done, len(files), outcome)


class MetadataCheck:
    """Tells, before importing, which values of a file the import would refuse and why.

    Quarter and method names are looked up through the project's services once per name.
    """

    def __init__(self, project: Project, create_missing: bool) -> None:
        self.project = project
        self.create_missing = create_missing
        self._quarters: dict[str, bool] = {}
        self._methods: dict[str, bool] = {}

    def problems(self, metadata: FileMetadata, file: str) -> dict[str, str]:
        """Field name → the one sentence the import would fail with."""
        found: dict[str, str] = {}
        if not self.create_missing:
            if _given(metadata.quarter) and not self._known_quarter(str(metadata.quarter)):
                found["quarter"] = str(
                    ValidationError("batch.unknown_quarter", file=file, value=metadata.quarter)
                )
            if _given(metadata.method) and not self._known_method(str(metadata.method)):
                found["method"] = str(
                    ValidationError("batch.unknown_method", file=file, value=metadata.method)
                )
        for name, parse in (("date", parse_date), ("participants", parse_participants)):
            try:
                parse(getattr(metadata, name), file)
            except ValidationError as error:
                found[name] = str(error)
        return found

    def _known_quarter(self, text: str) -> bool:
        key = " ".join(text.split()).casefold()
        if key not in self._quarters:
            self._quarters[key] = self.project.quarters.find(text) is not None
        return self._quarters[key]

    def _known_method(self, text: str) -> bool:
        key = " ".join(text.split()).casefold()
        if key not in self._methods:
            self._methods[key] = self.project.methods.find(text) is not None
        return self._methods[key]


def _given(value: Any) -> bool:
    return value is not None and str(value).strip() != ""
