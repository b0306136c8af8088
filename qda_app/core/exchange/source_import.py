"""Documents and their codings from an imported project's text sources.

Per source: the text is read from the archive (or the file itself), the way its positions
were counted is detected, and every selection is carried over to the stored text. Then all
documents, their variable values, speaker turns and codings (by their coders, with memo,
paraphrase, generalisation and the verbatim-quote mark from their notes) go in as one bulk
insert each. What cannot be held is counted for the summary.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..importers.extracted import ExtractedText, ExtractionError, TextBlock
from ..importers.structure import find_speaker_turns
from ..services.codings import NewCoding
from ..services.documents import NewDocument
from ..services.exchange_guids import normal_guid
from .exchange_values import ExchangeProgress
from .grouping_import import method_by_name, quarter_by_label
from .import_context import ImportContext
from .import_text import SourceText, decode_source
from .note_import import NoteIndex
from .offset_units import Counting, PositionMap, candidates, detect
from .refi_model import RefiCoding, RefiSelection, RefiSource
from .stored_text import StoredText
from .variable_import import SourceFields, VariablePlan

TITLE_LENGTH = 300


@dataclass
class PlannedDocument:
    """A source read and mapped, waiting for its document id."""

    source: RefiSource
    document: NewDocument
    own: list[tuple[str, str, Any]]
    turns: list[tuple[int, int, str, str]]
    codings: list[tuple[int, int, RefiSelection, RefiCoding]] = field(default_factory=list)


def import_sources(
    ctx: ImportContext, notes: NoteIndex, variables: VariablePlan
) -> Iterator[ExchangeProgress]:
    """Sources read one by one, then everything written in bulk."""
    total = len(ctx.model.sources)
    planned: list[PlannedDocument] = []
    for done, source in enumerate(ctx.model.sources, start=1):
        plan = _plan(ctx, source, variables)
        if plan is not None:
            planned.append(plan)
        yield ExchangeProgress("exchange.progress.sources", done, total, source.name)
    yield ExchangeProgress("exchange.progress.codings", 0, 1, "")
    ids = ctx.project.documents.add_many_in(ctx.session, [p.document for p in planned])
    batch = _Batch(ctx, notes)
    turns = {}
    for document_id, plan in zip(ids, planned, strict=True):
        ctx.documents += 1
        ctx.remember("source", document_id, plan.source.guid)
        variables.set_own(document_id, plan.own)
        turns[document_id] = plan.turns
        for start, end, selection, coding in plan.codings:
            batch.add(document_id, start, end, selection, coding)
        notes.source_notes(plan.source)
    variables.write()
    ctx.project.documents.add_many_speaker_turns_in(ctx.session, turns)
    batch.write()
    yield ExchangeProgress("exchange.progress.codings", 1, 1, "")


def _text(ctx: ImportContext, source: RefiSource) -> SourceText | None:
    if source.text is not None:
        return SourceText(source.text.removeprefix("\ufeff"), source.text.startswith("\ufeff"), "")
    data = ctx.read_member(source.text_path)
    if data is None:
        ctx.log.leave_out("exchange.left.text_missing", name=source.name)
        return None
    try:
        text = decode_source(data, source.text_path or source.name)
    except ExtractionError:
        ctx.log.leave_out("exchange.left.not_text", name=source.name)
        return None
    if text.encoding != "utf-8":
        ctx.log.correct("exchange.fixed.encoding", name=source.name, encoding=text.encoding)
    return text


def _habit(ctx: ImportContext, raw: str, has_bom: bool) -> Counting:
    """The exporting program's habit, narrowed to what can differ on this text."""
    habit = ctx.habit
    options = candidates(raw, has_bom)
    if habit in options:
        return habit
    return Counting(
        utf16=habit.utf16 and any(c.utf16 for c in options),
        line_breaks=habit.line_breaks
        if any(c.line_breaks == habit.line_breaks for c in options)
        else "as_written",
        bom=habit.bom and has_bom,
    )


def _report_counting(ctx: ImportContext, counting: Counting) -> None:
    if counting.utf16:
        ctx.log.correct("exchange.fixed.utf16")
    if counting.line_breaks == "crlf_as_one":
        ctx.log.correct("exchange.fixed.crlf_as_one")
    if counting.line_breaks == "lf_as_two":
        ctx.log.correct("exchange.fixed.lf_as_two")
    if counting.bom:
        ctx.log.correct("exchange.fixed.bom_counted")


def _plan(
    ctx: ImportContext, source: RefiSource, variables: VariablePlan
) -> PlannedDocument | None:
    if source.kind != "text":
        ctx.log.leave_out(f"exchange.left.source_{source.kind}", name=source.name)
        _count_lost_codings(ctx, source)
        return None
    if source.skipped_selections:
        ctx.log.leave_out("exchange.left.regions", source.skipped_selections)
    text = _text(ctx, source)
    if text is None or not text.raw.strip():
        if text is not None:
            ctx.log.leave_out("exchange.left.empty_source", name=source.name)
        _count_lost_codings(ctx, source)
        return None
    spans = [(s.start, s.end, s.name) for s in source.selections]
    counting = detect(text.raw, text.has_bom, spans, _habit(ctx, text.raw, text.has_bom))
    _report_counting(ctx, counting)
    positions = PositionMap(text.raw, counting, text.has_bom)
    stored = StoredText(text.raw)
    fields = variables.of(source)
    plan = PlannedDocument(
        source, _new_document(ctx, source, text.raw, fields), fields.own, _turns(stored.text)
    )
    for selection in source.selections:
        first, last = positions.to_raw(selection.start), positions.to_raw(selection.end)
        start = None if first is None else stored.start(first)
        end = None if last is None else stored.end(last)
        if start is None or end is None or not 0 <= start < end <= len(stored.text):
            ctx.log.leave_out("exchange.left.out_of_range", max(len(selection.codings), 1))
            continue
        if not selection.codings:
            ctx.log.leave_out("exchange.left.uncoded_selection")
            continue
        for coding in selection.codings:
            plan.codings.append((start, end, selection, coding))
    for coding in source.codings:  # the whole source coded
        whole = RefiSelection(coding.guid, "", 0, len(stored.text), coding.user, "")
        plan.codings.append((0, len(stored.text), whole, coding))
        ctx.log.correct("exchange.fixed.whole_source_coding")
    return plan


def _count_lost_codings(ctx: ImportContext, source: RefiSource) -> None:
    lost = sum(len(s.codings) for s in source.selections) + len(source.codings)
    lost += source.skipped_codings
    if lost:
        ctx.log.leave_out("exchange.left.codings_of_skipped_sources", lost)


def _new_document(
    ctx: ImportContext, source: RefiSource, raw: str, plan: SourceFields
) -> NewDocument:
    metadata = dict(plan.fields)
    guid = normal_guid(source.guid)
    quarter_id = ctx.source_quarter.get(guid)
    if quarter_id is None and plan.quarter:
        quarter_id = quarter_by_label(ctx, plan.quarter)
        ctx.log.correct("exchange.fixed.quarter_from_variable")
    method_id = ctx.source_method.get(guid)
    if method_id is None and plan.method:
        method_id = method_by_name(ctx, plan.method)
        ctx.log.correct("exchange.fixed.method_from_variable")
    source_filename = metadata.pop("source_filename", "")
    metadata.update(quarter_id=quarter_id, method_id=method_id)
    title = " ".join(source.name.split())[:TITLE_LENGTH] or "—"
    return NewDocument(title, raw, source_filename, "txt", metadata)


def _turns(text: str) -> list[tuple[int, int, str, str]]:
    """Speaker turns are not part of the exchange format; they are recognised again."""
    blocks, position = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(TextBlock(position, position + len(line), "paragraph"))
        position += len(line) + 1
    turns = find_speaker_turns(ExtractedText(text, "txt", tuple(blocks)))
    return [(t.start, t.end, t.speaker, t.role) for t in turns]


class _Batch:
    """The codings of all documents, written together."""

    def __init__(self, ctx: ImportContext, notes: NoteIndex) -> None:
        self.ctx = ctx
        self.notes = notes
        self.codings: list[NewCoding] = []
        self.selections: list[str] = []  # the GUID of each coding's selection

    def add(
        self,
        document_id: int,
        start: int,
        end: int,
        selection: RefiSelection,
        coding: RefiCoding,
    ) -> None:
        ctx = self.ctx
        category_id = ctx.codes.get(normal_guid(coding.code))
        if category_id is None:
            ctx.log.leave_out("exchange.left.unknown_code")
            return
        coder = ctx.coder_name(coding.user, selection.user)
        fields = self.notes.coding_fields(selection, coding)
        self.codings.append(NewCoding(document_id, start, end, category_id, coder, fields))
        self.selections.append(normal_guid(selection.guid))

    def write(self) -> None:
        ctx = self.ctx
        ids = ctx.project.codings.add_many_in(ctx.session, self.codings, skip_duplicates=True)
        for coding_id, selection in zip(ids, self.selections, strict=True):
            if coding_id is None:
                ctx.log.leave_out("exchange.left.duplicate_coding")
                continue
            ctx.codings += 1
            ctx.selections.setdefault(selection, []).append(coding_id)
