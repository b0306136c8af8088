"""What an import into a project holds while it runs: the file's contents, the ids the
imported objects got here, and the findings for the summary."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..importers.extracted import ExtractionError
from ..services.exchange_guids import normal_guid
from .exchange_values import FindingLog
from .import_text import decode_source
from .offset_units import QUALCODER, STANDARD, Counting
from .refi_format import is_qualcoder
from .refi_model import RefiNote, RefiProject

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project
    from .safe_archive import SafeArchive


@dataclass
class ImportContext:
    project: Project
    session: Session
    model: RefiProject
    archive: SafeArchive | None
    log: FindingLog = field(default_factory=FindingLog)
    codes: dict[str, int] = field(default_factory=dict)  # code GUID → category id
    coders: dict[str, str] = field(default_factory=dict)  # user GUID → coder name
    source_quarter: dict[str, int] = field(default_factory=dict)  # source GUID → quarter id
    source_method: dict[str, int] = field(default_factory=dict)  # source GUID → method id
    cases: dict[str, int] = field(default_factory=dict)  # case GUID → quarter id
    selections: dict[str, list[int]] = field(default_factory=dict)  # GUID → coding ids
    documents: int = 0
    codings: int = 0
    statements: int = 0
    guids: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    coder_guids: dict[str, str] = field(default_factory=dict)  # coder name → user GUID
    held: list[object] = field(default_factory=list)  # rows kept loaded in the session
    _note_texts: dict[str, str] = field(default_factory=dict)
    _normal_users: dict[str, str] | None = None

    @property
    def qualcoder(self) -> bool:
        return is_qualcoder(self.model.origin)

    @property
    def habit(self) -> Counting:
        """How the exporting program is known to count positions."""
        return QUALCODER if self.qualcoder else STANDARD

    def coder_name(self, *users: str | None) -> str:
        """The coder a coding names (its own creator, else its selection's); the importing
        coder when the file names no listed user (QualCoder may name none)."""
        for user in users:
            name = self.model.users.get(user or "") or self._users().get(normal_guid(user or ""))
            if name is not None:
                coder = " ".join(name.split()) or f"User {normal_guid(user or '')[:8]}"
                self.coder_guids.setdefault(coder, user or "")
                return coder
        self.log.correct("exchange.fixed.unknown_coder", coder=self.project.actor)
        return self.project.actor

    def _users(self) -> dict[str, str]:
        if self._normal_users is None:
            self._normal_users = {normal_guid(g): n for g, n in self.model.users.items()}
        return self._normal_users

    def remember(self, kind: str, local_id: int, guid: str) -> None:
        if guid:
            self.guids[kind].append((local_id, guid))

    def read_member(self, reference: str | None) -> bytes | None:
        """A file of the archive named by a source path, or None (missing or outside)."""
        if self.archive is None:
            return None
        member = self.archive.resolve(reference)
        return None if member is None else self.archive.read(member)

    def note_text(self, note: RefiNote) -> str:
        """A note's text: its content, its text file, or else its description."""
        key = normal_guid(note.guid)
        if key in self._note_texts:
            return self._note_texts[key]
        text = note.text
        if text is None and note.text_path:
            data = self.read_member(note.text_path)
            if data is None:
                self.log.leave_out("exchange.left.note_file_missing")
            else:
                try:
                    text = decode_source(data, note.text_path).raw
                except ExtractionError:
                    self.log.leave_out("exchange.left.note_file_missing")
        text = text if text is not None else note.description
        self._note_texts[key] = text
        return text
