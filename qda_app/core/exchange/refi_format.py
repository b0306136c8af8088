"""Names of the REFI-QDA 1.5 format: namespaces, element names, and the labels this app
writes for its own fields (recognised again in both languages on import)."""

from __future__ import annotations

import re
from importlib import metadata

from lxml import etree

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
PROJECT_SCHEMA_LOCATION = (
    f"{PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
)
CODEBOOK_SCHEMA_LOCATION = (
    f"{CODEBOOK_NS} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd"
)
SOURCES_FOLDER = "sources"
PROJECT_MEMBER = "project.qde"

# typeOfVariable ↔ the variable types of this app.
VARIABLE_TYPE_TO_REFI = {
    "text": "Text",
    "integer": "Integer",
    "float": "Float",
    "date": "Date",
    "boolean": "Boolean",
}
REFI_TO_VARIABLE_TYPE = {
    **{refi: own for own, refi in VARIABLE_TYPE_TO_REFI.items()},
    "DateTime": "date",
}
VALUE_ELEMENT = {
    "Text": "TextValue",
    "Integer": "IntegerValue",
    "Float": "FloatValue",
    "Date": "DateValue",
    "Boolean": "BooleanValue",
}

# Characters XML 1.0 cannot carry (even escaped).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def origin() -> str:
    """The `origin` attribute: this program and its version."""
    try:
        version = metadata.version("qda_app")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"qda_app {version}"


def xml_text(text: str | None) -> str:
    """Text as XML 1.0 can hold it (control characters dropped)."""
    return _NOT_XML.sub("", text or "")


def qname(local: str, namespace: str = PROJECT_NS) -> str:
    return f"{{{namespace}}}{local}"


_LOCAL_NAMES: dict[object, str] = {}


def local_name(element: etree._Element) -> str:
    """The element's name without its namespace (files use several namespace versions)."""
    tag = element.tag
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag[tag.rfind("}") + 1 :] if isinstance(tag, str) else ""
        if len(_LOCAL_NAMES) < 1000:  # a file cannot grow it without bound
            _LOCAL_NAMES[tag] = name
    return name


def is_qualcoder(origin_text: str) -> bool:
    return "qualcoder" in (origin_text or "").casefold()


# Labels written for fields REFI-QDA has no element for. The first of each tuple is German,
# the second English; export writes the one of the current language, import knows both.
LABELS: dict[str, tuple[str, str]] = {
    "definition": ("Definition:", "Definition:"),
    "coding_rules": ("Kodierregeln:", "Coding rules:"),
    "anchors": ("Ankerbeispiele:", "Anchor examples:"),
    "block_patterns": ("Fragenblock-Muster:", "Question-block patterns:"),
    "tag": ("Kürzel:", "Tag:"),
    "origin": ("Herkunft:", "Origin:"),
    "deductive": ("deduktiv", "deductive"),
    "inductive": ("induktiv", "inductive"),
    # document fields written as variables
    "var.date": ("Datum", "Date"),
    "var.group": ("Gruppe", "Group"),
    "var.participants": ("Teilnehmende", "Participants"),
    "var.moderator": ("Moderation", "Moderator"),
    "var.source_file": ("Quelldatei", "Source file"),
    "var.quarter": ("Quartier", "Quarter"),
    "var.method": ("Methode", "Method"),
    # notes
    "note.memo": ("Memo", "Memo"),
    "note.paraphrase": ("Paraphrase", "Paraphrase"),
    "note.generalisation": ("Generalisierung", "Generalisation"),
    "note.quote": ("Originalzitat", "Verbatim quote"),
    "note.journal": ("Projektjournal", "Project journal"),
    "note.statement": ("Aussage", "Statement"),
    # links and sets
    "link.condenses": ("verdichtet", "condenses"),
    "link.category": ("Kategorie", "Category"),
    "link.quarter": ("Quartier", "Quarter"),
    "link.anchor": ("Ankerbeispiel", "Anchor example"),
    "set.method": ("Erhebungsmethode", "Data-collection method"),
    "case.kind": ("Art:", "Kind:"),
    "kind.city": ("stadtweit", "city-wide"),
    "kind.social_space": ("Sozialraum", "social space"),
    "kind.statistical": ("statistisches Quartier", "statistical quarter"),
}


def label(key: str, language: str) -> str:
    german, english = LABELS[key]
    return german if language == "de" else english


def is_label(key: str, text: str) -> bool:
    """Does `text` (ignoring case and surrounding space) read as either language's label?"""
    wanted = " ".join((text or "").split()).casefold()
    return wanted in (variant.casefold() for variant in LABELS[key])


# The extra variables of generalisations etc. are recognised by these keys.
NOTE_KINDS = ("note.memo", "note.paraphrase", "note.generalisation", "note.quote")
DOCUMENT_VARIABLES = (
    "var.date",
    "var.group",
    "var.participants",
    "var.moderator",
    "var.source_file",
    "var.quarter",
    "var.method",
)
