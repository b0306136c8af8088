"""Notes and links of an exported project: a coding's memo, paraphrase, generalisation and
verbatim-quote mark as notes on its selection; statements as notes linked to the segments
they condense, to their category and to their quarter; anchor examples as links from a code
to a selection; the project journal as a note of the project."""

from __future__ import annotations

from lxml import etree

from ..values import Segment
from .export_data import ExportData
from .export_elements import element, sub
from .refi_format import label, xml_text

STATEMENT_NAME_LENGTH = 60


class NoteCollector:
    """Gathers notes while selections are written; they follow all sources in the file."""

    def __init__(self, data: ExportData) -> None:
        self.data = data
        self._notes: list[tuple[str, str, str, str | None]] = []  # guid, name, text, user
        self.codings = 0

    @property
    def count(self) -> int:
        """Notes written: of codings, of statements and the journal."""
        journal = 1 if self.journal_guid() is not None else 0
        return len(self._notes) + len(self.data.statements) + journal

    def of_segment(self, segment: Segment, coded: str) -> list[str]:
        """GUIDs of the notes a coding carries (registered for the Notes section)."""
        self.codings += 1
        user = self.data.guids("user", segment.coder_id)
        found = []
        for key, text in (
            ("note.memo", segment.memo),
            ("note.paraphrase", segment.paraphrase),
            ("note.generalisation", segment.generalisation),
            ("note.quote", f"„{coded}“" if segment.is_quote else ""),
        ):
            if text:
                guid = self.data.guids("note", (key, segment.coding_id))
                self._notes.append((guid, label(key, self.data.language), text, user))
                found.append(guid)
        return found

    def journal_guid(self) -> str | None:
        """The project journal's note, if the project has a journal."""
        if not self.data.details.journal.strip():
            return None
        return self.data.guids("note", "journal")

    def notes_element(self) -> etree._Element | None:
        notes = list(self._notes)
        journal = self.journal_guid()
        if journal is not None:
            name = label("note.journal", self.data.language)
            notes.append((journal, name, self.data.details.journal, None))
        for statement in self.data.statements:
            guid = self.data.guids("note", statement.id)
            notes.append((guid, self._statement_name(statement.text), statement.text, None))
        if not notes:
            return None
        holder = element("Notes")
        for guid, name, text, user in notes:
            note = sub(holder, "Note", guid=guid, name=xml_text(name))
            if user is not None:
                note.set("creatingUser", user)
            content = sub(note, "PlainTextContent")
            content.text = xml_text(text)
        return holder

    def links_element(self) -> etree._Element | None:
        """Statement → selections it condenses, → its category, → its quarter (none for a
        cross-quarter statement); code → the selections that are its anchor examples."""
        data = self.data
        links: list[tuple[str, str, str, str]] = []  # key, name, origin, target
        for statement in data.statements:
            note = data.guids("note", statement.id)
            for coding_id in statement.coding_ids:
                target = data.guids("selection", coding_id)
                links.append(
                    ("link.condenses", label("link.condenses", data.language), note, target)
                )
            category = data.guids("code", statement.category_id)
            links.append(("link.category", label("link.category", data.language), note, category))
            if statement.quarter_id is not None:
                case = data.guids("case", statement.quarter_id)
                links.append(("link.quarter", label("link.quarter", data.language), note, case))
            # Links between statements (issue 12: a cross-quarter statement and the quarter
            # statements it draws on) will go here as note → note links.
        for category_id, coding_ids in data.anchors.items():
            code = data.guids("code", category_id)
            for coding_id in coding_ids:
                target = data.guids("selection", coding_id)
                links.append(("link.anchor", label("link.anchor", data.language), code, target))
        if not links:
            return None
        holder = element("Links")
        for _key, name, origin_guid, target_guid in links:
            sub(
                holder,
                "Link",
                guid=data.guids("note", ("link", origin_guid, target_guid)),
                name=name,
                direction="OneWay",
                originGUID=origin_guid,
                targetGUID=target_guid,
            )
        return holder

    def _statement_name(self, text: str) -> str:
        words = " ".join(text.split())
        if len(words) > STATEMENT_NAME_LENGTH:
            words = words[: STATEMENT_NAME_LENGTH - 1].rstrip() + "…"
        return f"{label('note.statement', self.data.language)}: {words}"
