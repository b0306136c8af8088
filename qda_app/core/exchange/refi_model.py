"""What a REFI-QDA project file says, read into plain objects before anything is written.

Only what this app can hold or must report is kept; texts stay in the archive until the
document is written. GUIDs are kept as the file spells them (compare with `normal_guid`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class RefiCode:
    guid: str
    name: str
    codable: bool
    colour: str | None
    description: str
    children: list[RefiCode] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RefiVariable:
    guid: str
    name: str
    type: str  # typeOfVariable as written
    description: str = ""


@dataclass(slots=True)
class RefiValue:
    variable: str  # GUID
    kind: str  # element name: TextValue, IntegerValue …
    text: str


@dataclass(slots=True)
class RefiCase:
    guid: str
    name: str
    description: str
    sources: list[str] = field(default_factory=list)
    values: list[RefiValue] = field(default_factory=list)


@dataclass(slots=True)
class RefiCoding:
    guid: str
    code: str  # GUID of the code
    user: str | None
    note_refs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RefiSelection:
    guid: str
    name: str
    start: int
    end: int
    user: str | None
    description: str
    codings: list[RefiCoding] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RefiSource:
    """A source: kind "text" (a TextSource, or the text representation of a PDF) or one this
    app does not hold ("picture", "audio", "video", "pdf" without text)."""

    kind: str
    guid: str
    name: str
    text_path: str | None = None
    text: str | None = None  # PlainTextContent
    user: str | None = None
    description: str = ""
    selections: list[RefiSelection] = field(default_factory=list)
    codings: list[RefiCoding] = field(default_factory=list)  # the whole source coded
    note_refs: list[str] = field(default_factory=list)
    values: list[RefiValue] = field(default_factory=list)
    skipped_selections: int = 0  # picture, PDF-region, media or malformed selections
    skipped_codings: int = 0  # codings inside those selections


@dataclass(slots=True)
class RefiNote:
    guid: str
    name: str
    text: str | None
    text_path: str | None
    user: str | None
    description: str = ""
    selections: int = 0  # QualCoder annotations: selections inside a note


@dataclass(slots=True)
class RefiLink:
    guid: str
    name: str
    origin: str
    target: str


@dataclass(slots=True)
class RefiSet:
    guid: str
    name: str
    description: str
    codes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RefiProject:
    name: str = ""
    origin: str = ""
    creating_user: str | None = None
    description: str = ""
    users: dict[str, str] = field(default_factory=dict)  # GUID → name
    codes: list[RefiCode] = field(default_factory=list)
    variables: list[RefiVariable] = field(default_factory=list)
    cases: list[RefiCase] = field(default_factory=list)
    sources: list[RefiSource] = field(default_factory=list)
    notes: list[RefiNote] = field(default_factory=list)
    links: list[RefiLink] = field(default_factory=list)
    sets: list[RefiSet] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)
    graphs: int = 0
