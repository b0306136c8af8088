"""Export a project as a REFI-QDA project (QDPX): a ZIP with `project.qde` and each document
as UTF-8 text in `sources/`, named by its GUID.

One pass over the documents: each text goes into the archive while its source element, with
the coded segments streamed from the segment read side, goes into project.qde (kept in a
temporary file, added last). The archive appears only when it is complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from lxml import etree

from ..values import Segment
from .exchange_values import ExchangeError, ExchangeProgress, ExchangeSummary, FindingLog
from .export_data import ExportData
from .export_elements import (
    cases_element,
    codebook_element,
    sets_element,
    users_element,
    values_xml,
    variables_element,
)
from .export_notes import NoteCollector
from .refi_format import (
    PROJECT_MEMBER,
    PROJECT_NS,
    PROJECT_SCHEMA_LOCATION,
    SOURCES_FOLDER,
    XSI_NS,
    origin,
)
from .xml_strings import attribute, start_tag

if TYPE_CHECKING:
    from ..project import Project

SELECTION_NAME_LENGTH = 120
COPY_CHUNK = 1 << 20
# From this size on, the project.qde needs ZIP64 (the ZIP format's own limit is 4 GiB).
ZIP64_SIZE = 2**31


def selection_name(text: str) -> str:
    """A selection's name: its coded words, shortened the way ATLAS.ti shortens them."""
    words = " ".join(text[: SELECTION_NAME_LENGTH * 4].split())
    if len(words) <= SELECTION_NAME_LENGTH:
        return words
    return words[: SELECTION_NAME_LENGTH - 1].rstrip() + "…"


def timestamp(moment: datetime) -> str:
    """xsd:dateTime in UTC ("2020-11-09T10:00:00Z")."""
    return moment.replace(microsecond=0).isoformat() + "Z"


class QdpxExport:
    """One export run: iterate `steps()` for progress; `summary` is set when it completes."""

    def __init__(self, project: Project, path: str | os.PathLike[str]) -> None:
        self.project = project
        self.path = Path(path)
        self.summary: ExchangeSummary | None = None

    def steps(self) -> Iterator[ExchangeProgress]:
        data = ExportData.load(self.project)
        partial = self.path.with_name(f".{self.path.name}.partial")
        notes = NoteCollector(data)
        try:
            with (
                tempfile.TemporaryFile() as qde,
                zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
            ):
                yield from self._write_qde(qde, archive, data, notes)
                size = qde.tell()
                qde.seek(0)
                with archive.open(PROJECT_MEMBER, "w", force_zip64=size >= ZIP64_SIZE) as stream:
                    shutil.copyfileobj(qde, stream, COPY_CHUNK)
            os.replace(partial, self.path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise ExchangeError(
                "exchange.cannot_write", path=str(self.path), reason=error.strerror or str(error)
            ) from error
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        self.summary = _summary(self.path, data, notes)

    def _write_qde(
        self, stream: IO[bytes], archive: zipfile.ZipFile, data: ExportData, notes: NoteCollector
    ) -> Iterator[ExchangeProgress]:
        attributes = {
            "name": data.details.name,
            "origin": origin(),
            "creationDateTime": timestamp(data.details.created_at),
            "xsi:schemaLocation": PROJECT_SCHEMA_LOCATION,
        }
        actor = next((c for c in data.coders if c.name == self.project.actor), None)
        if actor is not None:
            attributes["creatingUserGUID"] = data.guids("user", actor.id)
        root = start_tag(f'Project xmlns="{PROJECT_NS}" xmlns:xsi="{XSI_NS}"', attributes)
        stream.write(f'<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n{root}\n'.encode())
        for part in (
            users_element(data),
            codebook_element(data),
            variables_element(data),
            cases_element(data),
        ):
            _write(stream, part)
        if data.documents:
            stream.write(b"<Sources>\n")
            yield from self._write_sources(stream, archive, data, notes)
            stream.write(b"</Sources>\n")
        for part in (notes.notes_element(), notes.links_element(), sets_element(data)):
            _write(stream, part)
        journal = notes.journal_guid()
        if journal is not None:
            stream.write(start_tag("NoteRef", {"targetGUID": journal}, close=True).encode())
        stream.write(b"</Project>\n")

    def _write_sources(
        self, stream: IO[bytes], archive: zipfile.ZipFile, data: ExportData, notes: NoteCollector
    ) -> Iterator[ExchangeProgress]:
        total = len(data.documents)
        order = [document.id for document in data.documents]
        segments = _SegmentStream(self.project.segments.iter(texts=False), order)
        users = {coder.id: data.guids("user", coder.id) for coder in data.coders}
        codes = {category.id: data.guids("code", category.id) for category in data.categories}
        for done, document in enumerate(data.documents, start=1):
            text = self.project.documents.text(document.id)
            guid = data.guids("source", document.id)
            archive.writestr(f"{SOURCES_FOLDER}/{guid}.txt", text.encode("utf-8"))
            path = f"internal://{guid}.txt"
            parts = [
                start_tag(
                    "TextSource", {"guid": guid, "name": document.title, "plainTextPath": path}
                )
            ]
            for segment in segments.take(document.id):
                coded = text[segment.start : segment.end]
                user = users.get(segment.coder_id) or data.guids("user", segment.coder_id)
                code = codes.get(segment.category_id) or data.guids("code", segment.category_id)
                refs = "".join(
                    f'<NoteRef targetGUID="{note}"/>' for note in notes.of_segment(segment, coded)
                )
                selection = data.guids("selection", segment.coding_id)
                coding = data.guids("coding", segment.coding_id)
                parts.append(
                    f'\n<PlainTextSelection guid="{selection}"'
                    f' name="{attribute(selection_name(coded))}"'
                    f' startPosition="{segment.start}" endPosition="{segment.end}"'
                    f' creatingUser="{user}"><Coding guid="{coding}" creatingUser="{user}">'
                    f'<CodeRef targetGUID="{code}"/></Coding>{refs}</PlainTextSelection>'
                )
            parts.append(values_xml(data, document.id))
            parts.append("\n</TextSource>\n")
            stream.write("".join(parts).encode("utf-8"))
            yield ExchangeProgress("exchange.progress.export", done, total, document.title)


def _write(stream: IO[bytes], part: etree._Element | None) -> None:
    if part is not None:
        stream.write(etree.tostring(part, encoding="utf-8", pretty_print=True))


class _SegmentStream:
    """The segment read side's stream, taken one document at a time.

    Segments come in the order documents are listed (quarter, position, id). A segment of a
    document not in the list (added meanwhile by someone else) is passed over.
    """

    def __init__(self, segments: Iterator[Segment], document_order: list[int]) -> None:
        self._segments = segments
        self._rank = {document_id: rank for rank, document_id in enumerate(document_order)}
        self._next: Segment | None = None

    def take(self, document_id: int) -> list[Segment]:
        found: list[Segment] = []
        rank = self._rank[document_id]
        while True:
            if self._next is None:
                self._next = next(self._segments, None)
                if self._next is None:
                    return found
            next_rank = self._rank.get(self._next.document_id)
            if next_rank is not None and next_rank > rank:
                return found  # it belongs to a later document
            if next_rank == rank:
                found.append(self._next)
            self._next = None


def _summary(path: Path, data: ExportData, notes: NoteCollector) -> ExchangeSummary:
    log = FindingLog()
    for key in (
        "exchange.lost.speaker_turns",
        "exchange.lost.coder_colours",
        "exchange.lost.originals",
        "exchange.lost.statements_as_notes",
    ):
        log.leave_out(key)
    _, left_out = log.findings()
    return ExchangeSummary(
        path=path,
        counts=(
            ("documents", len(data.documents)),
            ("categories", len(data.categories)),
            ("codings", notes.codings),
            ("coders", len(data.coders)),
            ("notes", notes.count),
            ("statements", len(data.statements)),
            ("cases", len(data.quarters)),
            ("variables", len(data.variables)),
        ),
        left_out=left_out,
    )
