"""One file in the import table: what was read from it and the metadata it will be given."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from ...core.errors import ValidationError
from ...core.importers.metadata import FileMetadata, parse_date, parse_participants
from ...core.importers.prepared_batch import FileReading, PreparedFile
from ...core.importers.title_line import title_from_text
from ..documents.metadata_fields import shown_value
from .import_status_icons import CHECK, FAILED, PENDING, READY

EDITABLE_FIELDS = ("title", "quarter", "method", "date", "group", "participants", "moderator")


@dataclass(eq=False)
class ImportRow:
    """`layered` comes from the dialog's common values, pattern and manifest; `edits` holds
    what the user typed into the table, which wins over the layers (even when blank)."""

    path: Path
    layered: FileMetadata = field(default_factory=FileMetadata)
    edits: dict[str, str] = field(default_factory=dict)
    reading: FileReading | None = None
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def state(self) -> str:
        """PENDING while being read, FAILED if unreadable, CHECK with unusable values, READY."""
        if self.reading is None:
            return PENDING
        if self.reading.read is None:
            return FAILED
        return CHECK if self.problems else READY

    @property
    def readable(self) -> bool:
        return self.reading is not None and self.reading.read is not None

    def metadata(self) -> FileMetadata:
        """The values the file will be imported with. A title that is only the file name
        gives way to the protocol's own title line, as the import would choose it."""
        values = self.layered.with_values(**self.edits) if self.edits else self.layered
        reading = self.reading
        if (
            "title" not in self.edits
            and values.title == self.path.stem
            and reading
            and reading.read
        ):
            own = title_from_text(reading.read[1])
            if own:
                values = values.with_values(title=own)
        return values

    def text(self, name: str) -> str:
        """A field's value as shown and edited in the table; a usable date or number is shown
        the way the app writes it (9.11.20 → 09.11.2020, N=8 → 8), so its reading is visible."""
        value = getattr(self.metadata(), name)
        parse = {"date": parse_date, "participants": parse_participants}.get(name)
        if parse is not None:
            with suppress(ValidationError):  # an unusable value is shown as typed
                value = parse(value, self.path.name)
        return shown_value(value)

    def prepared(self) -> PreparedFile | None:
        """The file ready for import, or None while it is being read or when unreadable."""
        if self.reading is None or self.reading.read is None:
            return None
        return PreparedFile(self.path, self.metadata(), self.reading.read)
