"""Reading a project.qde into a `RefiProject`, section by section, clearing each source's
elements once read so a file with 50,000 codings never sits in memory as a tree.

Reading is lenient where programs are known to deviate (missing namespace or another version
of it, empty user references, `Description` elements without text) and strict only where the
data would be unusable (not a Project, offsets that are not numbers)."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .exchange_values import ExchangeError
from .refi_format import local_name
from .refi_model import (
    RefiCase,
    RefiCode,
    RefiCoding,
    RefiLink,
    RefiNote,
    RefiProject,
    RefiSelection,
    RefiSet,
    RefiSource,
    RefiValue,
    RefiVariable,
)
from .safe_xml import ElementEnds

MEDIA_SOURCES = {"PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video"}
MEDIA_SELECTIONS = ("PictureSelection", "AudioSelection", "VideoSelection", "PDFSelection")
VALUE_ELEMENTS = (
    "TextValue",
    "BooleanValue",
    "IntegerValue",
    "FloatValue",
    "DateValue",
    "DateTimeValue",
)


SECTIONS = ("Users", "CodeBook", "Variables", "Cases", "Notes", "Links", "Sets", "Graphs")
SOURCES = ("TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource")


def read_project(data: bytes, file_name: str) -> RefiProject:
    """The project a .qde file describes."""
    project = RefiProject()
    ends = ElementEnds(data, file_name, SECTIONS + SOURCES)
    for element in ends:
        parent = element.getparent()
        if parent is None:
            continue
        if parent.getparent() is None:
            _read_section(project, element)
            _forget(element)
        elif parent.getparent().getparent() is None and local_name(parent) == "Sources":
            _read_source(project, element)
            _forget(element)
    root = ends.root
    if root is None or local_name(root) != "Project":
        raise ExchangeError("exchange.not_a_project_xml", file=file_name)
    project.name = root.get("name") or ""
    project.origin = root.get("origin") or ""
    project.creating_user = root.get("creatingUserGUID") or None
    for child in root:
        name = local_name(child)
        if name == "Description":
            project.description = child.text or ""
        elif name == "NoteRef" and child.get("targetGUID"):
            project.note_refs.append(child.get("targetGUID", ""))
    return project


def _forget(element: etree._Element) -> None:
    """Drop a handled element and its earlier siblings from the tree being built."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    return (child for child in element if local_name(child) == name)


def child_text(element: etree._Element, name: str) -> str:
    for child in children(element, name):
        return child.text or ""
    return ""


def _refs(element: etree._Element, name: str = "NoteRef") -> list[str]:
    return [
        g
        for child in children(element, name)
        if (g := child.get("targetGUID") or child.get("guid"))
    ]


def _read_section(project: RefiProject, element: etree._Element) -> None:
    name = local_name(element)
    if name == "Users":
        for user in children(element, "User"):
            if user.get("guid"):
                project.users[user.get("guid", "")] = user.get("name") or user.get("id") or ""
    elif name == "CodeBook":
        for codes in children(element, "Codes"):
            project.codes.extend(read_code(code) for code in children(codes, "Code"))
    elif name == "Variables":
        project.variables.extend(
            RefiVariable(
                v.get("guid", ""),
                v.get("name") or "",
                v.get("typeOfVariable") or "Text",
                child_text(v, "Description"),
            )
            for v in children(element, "Variable")
        )
    elif name == "Cases":
        project.cases.extend(_read_case(case) for case in children(element, "Case"))
    elif name == "Notes":
        project.notes.extend(_read_note(note) for note in children(element, "Note"))
    elif name == "Links":
        project.links.extend(
            RefiLink(
                link.get("guid", ""),
                link.get("name") or "",
                link.get("originGUID") or "",
                link.get("targetGUID") or "",
            )
            for link in children(element, "Link")
        )
    elif name == "Sets":
        project.sets.extend(read_set(s) for s in children(element, "Set"))
    elif name == "Graphs":
        project.graphs += sum(1 for _ in children(element, "Graph"))


def read_code(element: etree._Element) -> RefiCode:
    """A Code with its sub-codes (shared with codebook files)."""
    codable = (element.get("isCodable") or "true").strip().lower() not in ("false", "0")
    return RefiCode(
        guid=element.get("guid") or "",
        name=element.get("name") or "",
        codable=codable,
        colour=element.get("color") or None,
        description=child_text(element, "Description"),
        children=[read_code(child) for child in children(element, "Code")],
        note_refs=_refs(element),
    )


def read_set(element: etree._Element) -> RefiSet:
    return RefiSet(
        guid=element.get("guid") or "",
        name=element.get("name") or "",
        description=child_text(element, "Description"),
        codes=_refs(element, "MemberCode"),
        sources=_refs(element, "MemberSource"),
        notes=_refs(element, "MemberNote"),
    )


def _values(element: etree._Element) -> list[RefiValue]:
    found = []
    for holder in children(element, "VariableValue"):
        refs = _refs(holder, "VariableRef")
        for child in holder:
            if local_name(child) in VALUE_ELEMENTS and refs:
                found.append(RefiValue(refs[0], local_name(child), (child.text or "").strip()))
    return found


def _read_case(element: etree._Element) -> RefiCase:
    return RefiCase(
        guid=element.get("guid") or "",
        name=element.get("name") or "",
        description=child_text(element, "Description"),
        sources=_refs(element, "SourceRef"),
        values=_values(element),
    )


def _read_note(element: etree._Element) -> RefiNote:
    return RefiNote(
        guid=element.get("guid") or "",
        name=element.get("name") or "",
        text=next((c.text or "" for c in children(element, "PlainTextContent")), None),
        text_path=element.get("plainTextPath"),
        user=element.get("creatingUser") or None,
        description=child_text(element, "Description"),
        selections=sum(1 for _ in children(element, "PlainTextSelection")),
    )


def _coding(element: etree._Element) -> RefiCoding | None:
    code = next((c.get("targetGUID") for c in element.iterchildren("{*}CodeRef")), None)
    if not code:
        return None
    notes = [g for c in element.iterchildren("{*}NoteRef") if (g := c.get("targetGUID"))]
    return RefiCoding(element.get("guid") or "", code, element.get("creatingUser") or None, notes)


def _read_text_parts(source: RefiSource, element: etree._Element) -> None:
    """Text, selections, codings, notes and values of a TextSource or a Representation."""
    source.text_path = source.text_path or element.get("plainTextPath")
    for child in element:
        name = local_name(child)
        if name == "PlainTextSelection":
            selection = _selection(child)
            if selection is None:
                source.skipped_selections += 1
            else:
                source.selections.append(selection)
        elif name == "PlainTextContent":
            source.text = child.text or ""


def _selection(element: etree._Element) -> RefiSelection | None:
    try:
        start = int(element.get("startPosition", ""))
        end = int(element.get("endPosition", ""))
    except ValueError:
        return None
    selection = RefiSelection(
        guid=element.get("guid") or "",
        name=element.get("name") or "",
        start=start,
        end=end,
        user=element.get("creatingUser") or None,
        description="",
    )
    for child in element.iterchildren("{*}Coding"):
        coding = _coding(child)
        if coding is not None:
            selection.codings.append(coding)
    selection.note_refs = [
        g for c in element.iterchildren("{*}NoteRef") if (g := c.get("targetGUID"))
    ]
    for child in element.iterchildren("{*}Description"):
        selection.description = child.text or ""
    return selection


def _read_source(project: RefiProject, element: etree._Element) -> None:
    name = local_name(element)
    source = RefiSource(
        kind="text",
        guid=element.get("guid") or "",
        name=element.get("name") or "",
        user=element.get("creatingUser") or None,
        description=child_text(element, "Description"),
    )
    if name == "TextSource":
        _read_text_parts(source, element)
    elif name == "PDFSource":
        representations = list(children(element, "Representation"))
        for representation in representations:
            _read_text_parts(source, representation)
        if not representations:
            source.kind = "pdf"
    elif name in MEDIA_SOURCES:
        source.kind = MEDIA_SOURCES[name]
    else:
        return
    for child in element:
        if local_name(child) in MEDIA_SELECTIONS:
            source.skipped_selections += 1
            source.skipped_codings += sum(1 for c in child if local_name(c) == "Coding")
    source.codings = [
        c for child in children(element, "Coding") if (c := _coding(child)) is not None
    ]
    source.note_refs = _refs(element)
    source.values = _values(element)
    project.sources.append(source)
