"""Notes and links of an imported project.

A note linked to a code is a statement (this app writes statements so): its links name the
category, the quarter (a case) and the segments it condenses. Notes on a selection or coding
carry its memo, paraphrase, generalisation or verbatim-quote mark, told apart by their names;
other notes linked to a selection are memos too. A link from a code to a selection is an
anchor example. Notes of the project, of a source and notes nothing refers to go into the
project journal under their names; notes of a code extend its definition.
"""

from __future__ import annotations

from typing import Any

from ..db.models import Category
from ..errors import ValidationError
from ..services.common import fetch
from ..services.exchange_guids import normal_guid
from ..services.statements import NewStatement
from .import_context import ImportContext
from .refi_format import is_label
from .refi_model import RefiCode, RefiCoding, RefiSelection, RefiSource


def _all_codes(codes: list[RefiCode]) -> list[RefiCode]:
    found = []
    for code in codes:
        found.append(code)
        found.extend(_all_codes(code.children))
    return found


class NoteIndex:
    def __init__(self, ctx: ImportContext) -> None:
        self.ctx = ctx
        model = ctx.model
        self.notes = {normal_guid(n.guid): n for n in model.notes}
        self.codes = {normal_guid(c.guid): c for c in _all_codes(model.codes)}
        cases = {normal_guid(c.guid) for c in model.cases}
        selections = {normal_guid(s.guid) for src in model.sources for s in src.selections}
        self.used: set[str] = set()
        self.category_of: dict[str, str] = {}  # statement note → code
        self.quarter_of: dict[str, str] = {}  # statement note → case
        self.condensed: dict[str, list[str]] = {}  # statement note → selections
        self.memo_links: dict[str, list[str]] = {}  # selection → notes linked to it
        self.anchors: list[tuple[str, str]] = []  # code, selection
        self.source_refs: list[tuple[str, str]] = []  # source name, note
        unused_links = 0
        for link in model.links:
            origin, target = normal_guid(link.origin), normal_guid(link.target)
            if origin in self.codes and target in selections:
                self.anchors.append((origin, target))
                continue
            if target in self.notes and origin not in self.notes:
                origin, target = target, origin  # a link drawn towards the note
            if origin not in self.notes:
                unused_links += 1
            elif target in self.codes:
                self.category_of.setdefault(origin, target)
            elif target in cases:
                self.quarter_of.setdefault(origin, target)
            elif target in selections:
                self.condensed.setdefault(origin, []).append(target)
            else:
                unused_links += 1
        for note, targets in self.condensed.items():
            if note not in self.category_of:
                for selection in targets:
                    self.memo_links.setdefault(selection, []).append(note)
        if unused_links:
            ctx.log.leave_out("exchange.left.links", unused_links)
        if model.graphs:
            ctx.log.leave_out("exchange.left.graphs", model.graphs)

    # -- while sources are written ---------------------------------------------------------

    def coding_fields(self, selection: RefiSelection, coding: RefiCoding) -> dict[str, Any]:
        """Memo, paraphrase, generalisation and verbatim-quote mark of one coding."""
        memos = [selection.description] if selection.description.strip() else []
        fields: dict[str, Any] = {}
        refs = [*selection.note_refs, *coding.note_refs]
        refs += self.memo_links.get(normal_guid(selection.guid), [])
        for ref in refs:
            key = normal_guid(ref)
            note = self.notes.get(key)
            if note is None or key in self.category_of:
                continue
            self.used.add(key)
            text = self.ctx.note_text(note)
            if is_label("note.paraphrase", note.name):
                fields["paraphrase"] = _join(fields.get("paraphrase"), text)
            elif is_label("note.generalisation", note.name):
                fields["generalisation"] = _join(fields.get("generalisation"), text)
            elif is_label("note.quote", note.name):
                fields["is_quote"] = True
            elif text not in memos:
                memos.append(text)
        if memos:
            fields["memo"] = "\n\n".join(memos)
        return fields

    def source_notes(self, source: RefiSource) -> None:
        for ref in source.note_refs:
            self.source_refs.append((source.name, normal_guid(ref)))

    # -- after all sources ------------------------------------------------------------------

    def write_code_notes(self) -> None:
        """Notes of a code extend the definition of its category."""
        ctx = self.ctx
        for guid, code in self.codes.items():
            texts = [self._take(ref) for ref in code.note_refs]
            texts = [text for text in texts if text]
            category_id = ctx.codes.get(guid)
            if not texts or category_id is None:
                continue
            current = fetch(ctx.session, Category, category_id, "category").definition
            definition = "\n\n".join([current, *texts] if current else texts)
            ctx.project.categories.update_in(ctx.session, category_id, definition=definition)

    def write_statements(self) -> int:
        ctx = self.ctx
        planned: list[tuple[str, NewStatement]] = []
        for note in ctx.model.notes:
            key = normal_guid(note.guid)
            category_id = ctx.codes.get(self.category_of.get(key, ""))
            if category_id is None:
                continue
            self.used.add(key)
            text = ctx.note_text(note)
            if not text.strip():
                ctx.log.leave_out("exchange.left.empty_statement")
                continue
            quarter_id = ctx.cases.get(self.quarter_of.get(key, ""))
            codings = [c for s in self.condensed.get(key, []) for c in ctx.selections.get(s, [])]
            planned.append((note.guid, NewStatement(category_id, text, quarter_id, tuple(codings))))
        ids = ctx.project.statements.add_many_in(ctx.session, [item for _, item in planned])
        for statement_id, (guid, _item) in zip(ids, planned, strict=True):
            ctx.remember("note", statement_id, guid)
        return len(ids)

    def write_anchors(self) -> None:
        ctx = self.ctx
        for code, selection in self.anchors:
            category_id = ctx.codes.get(code)
            codings = ctx.selections.get(selection, [])
            if category_id is None or not codings:
                ctx.log.leave_out("exchange.left.anchor")
                continue
            try:
                ctx.project.categories.add_anchor_in(ctx.session, category_id, codings[0])
            except ValidationError:
                continue

    def journal(self) -> str:
        """The project journal: the project's description and notes, notes of sources, and
        notes nothing refers to (QualCoder's annotations excepted: they are reported)."""
        ctx = self.ctx
        parts: list[tuple[str | None, str]] = []
        if ctx.model.description.strip():
            parts.append((None, ctx.model.description))
        for ref in ctx.model.note_refs:
            note = self.notes.get(normal_guid(ref))
            if note is not None and normal_guid(ref) not in self.used:
                self.used.add(normal_guid(ref))
                parts.append(
                    (
                        None if is_label("note.journal", note.name) else note.name,
                        ctx.note_text(note),
                    )
                )
        for source_name, ref in self.source_refs:
            note = self.notes.get(ref)
            if note is None or ref in self.used or note.selections:
                continue
            self.used.add(ref)
            parts.append((f"{source_name}: {note.name}".strip(": "), ctx.note_text(note)))
        annotations = 0
        for note in ctx.model.notes:
            key = normal_guid(note.guid)
            if key in self.used:
                continue
            if note.selections:
                annotations += 1
                continue
            parts.append((note.name or None, ctx.note_text(note)))
        if annotations:
            ctx.log.leave_out("exchange.left.annotations", annotations)
        if len(parts) == 1 and parts[0][0] is None:
            return parts[0][1]
        return "\n\n".join(f"{head}\n{text}" if head else text for head, text in parts)

    def _take(self, ref: str) -> str:
        note = self.notes.get(normal_guid(ref))
        if note is None:
            return ""
        self.used.add(normal_guid(ref))
        return self.ctx.note_text(note)


def _join(before: object, text: str) -> str:
    return f"{before}\n\n{text}" if before else text
