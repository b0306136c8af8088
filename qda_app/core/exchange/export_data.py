"""Everything an export writes besides the coded segments, read once through the services."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..i18n import language as current_language
from ..values import (
    CategoryInfo,
    CoderInfo,
    DocumentInfo,
    MethodInfo,
    ProjectDetails,
    QuarterInfo,
    SegmentFilter,
    StatementInfo,
)
from .export_guids import ExportGuids
from .refi_format import DOCUMENT_VARIABLES, is_label, label

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class ExportVariable:
    """A variable as exported: a document field ("var.date") or one of the project's own."""

    key: str
    name: str
    type: str  # text, integer, float, date, boolean


@dataclass
class ExportData:
    details: ProjectDetails
    language: str
    guids: ExportGuids
    coders: list[CoderInfo]
    categories: list[CategoryInfo]
    anchors: dict[int, list[int]]  # category id → coding ids
    anchor_texts: dict[int, str]  # coding id → coded text
    documents: list[DocumentInfo]
    quarters: list[QuarterInfo]
    methods: list[MethodInfo]
    variables: list[ExportVariable]
    values: dict[int, dict[str, Any]]  # document id → variable key → value
    statements: list[StatementInfo]

    @classmethod
    def load(cls, project: Project) -> ExportData:
        language = current_language()
        categories = project.categories.list()
        anchors = {
            c.id: [a.coding_id for a in project.categories.anchors(c.id)] for c in categories
        }
        anchor_texts = _anchor_texts(project, anchors)
        documents = project.documents.list()
        quarters = project.quarters.list()
        methods = project.methods.list()
        own = project.variables.list()
        all_values = project.variables.all_values()
        values = {d.id: all_values.get(d.id, {}) for d in documents}
        variables, document_values = _variables(language, documents, quarters, methods, own, values)
        return cls(
            details=project.details.get(),
            language=language,
            guids=ExportGuids.of(project),
            coders=project.coders.list(),
            categories=categories,
            anchors=anchors,
            anchor_texts=anchor_texts,
            documents=documents,
            quarters=quarters,
            methods=methods,
            variables=variables,
            values=document_values,
            statements=project.statements.list(),
        )

    @classmethod
    def codebook(cls, project: Project) -> ExportData:
        """Only what a codebook (QDC) needs: categories with their anchor examples."""
        categories = project.categories.list()
        anchors = {
            c.id: [a.coding_id for a in project.categories.anchors(c.id)] for c in categories
        }
        return cls(
            details=project.details.get(),
            language=current_language(),
            guids=ExportGuids.of(project),
            coders=[],
            categories=categories,
            anchors=anchors,
            anchor_texts=_anchor_texts(project, anchors),
            documents=[],
            quarters=[],
            methods=[],
            variables=[],
            values={},
            statements=[],
        )

    def quarter_labels(self) -> dict[int, str]:
        return quarter_labels(self.quarters)

    def documents_in_quarter(self) -> dict[int, list[int]]:
        """Document ids of each quarter: its own, and a Sozialraum's also those of its
        statistical quarters (the city-wide level holds only its own)."""
        by_id = {q.id: q for q in self.quarters}
        held: dict[int, list[int]] = defaultdict(list)
        for document in self.documents:
            node = by_id.get(document.quarter_id) if document.quarter_id is not None else None
            first = True
            while node is not None and (first or node.kind != "city"):
                held[node.id].append(document.id)
                first = False
                node = by_id.get(node.parent_id) if node.parent_id is not None else None
        return held


def _anchor_texts(project: Project, anchors: dict[int, list[int]]) -> dict[int, str]:
    """The coded words of every anchor example, read from the segment read side."""
    anchor_ids = tuple(sorted({cid for ids in anchors.values() for cid in ids}))
    if not anchor_ids:
        return {}
    where = SegmentFilter(coding_ids=anchor_ids)
    return {segment.coding_id: segment.text for segment in project.segments.iter(where)}


def quarter_labels(quarters: list[QuarterInfo]) -> dict[int, str]:
    """Each quarter's path from its top level, as case names read: "Opladen / Opladen-Zentrum
    (30)"."""
    by_id = {q.id: q for q in quarters}
    labels: dict[int, str] = {}
    for quarter in quarters:
        parts: list[str] = []
        node: QuarterInfo | None = quarter
        while node is not None:
            parts.append(node.label)
            node = by_id.get(node.parent_id) if node.parent_id is not None else None
        labels[quarter.id] = " / ".join(reversed(parts))
    return labels


def _variables(
    language: str,
    documents: list[DocumentInfo],
    quarters: list[QuarterInfo],
    methods: list[MethodInfo],
    own: list[tuple[str, str]],
    values: dict[int, dict[str, Any]],
) -> tuple[list[ExportVariable], dict[int, dict[str, Any]]]:
    """Document fields and the project's variables as typed variables with their values;
    a project variable named like a field gets " (Variable)" appended."""
    quarter_names = quarter_labels(quarters)
    method_names = {m.id: m.name for m in methods}
    fields: dict[str, tuple[str, Any]] = {
        "var.date": ("date", lambda d: d.date),
        "var.group": ("text", lambda d: d.group_label or None),
        "var.participants": ("integer", lambda d: d.participants),
        "var.moderator": ("text", lambda d: d.moderator or None),
        "var.source_file": ("text", lambda d: d.source_filename or None),
        "var.quarter": ("text", lambda d: quarter_names.get(d.quarter_id)),
        "var.method": ("text", lambda d: method_names.get(d.method_id)),
    }
    result: dict[int, dict[str, Any]] = {d.id: {} for d in documents}
    variables: list[ExportVariable] = []
    for key in DOCUMENT_VARIABLES:
        var_type, read = fields[key]
        found = False
        for document in documents:
            value = read(document)
            if value is not None:
                result[document.id][key] = value
                found = True
        if found:
            variables.append(ExportVariable(key, label(key, language), var_type))
    for name, var_type in own:
        # A variable named like a document field (in either language) would come back as it.
        field_name = any(is_label(key, name) for key in DOCUMENT_VARIABLES)
        shown = f"{name} (Variable)" if field_name else name
        variables.append(ExportVariable(f"own:{name}", shown, var_type))
        for document in documents:
            value = values[document.id].get(name)
            if value is not None:
                result[document.id][f"own:{name}"] = value
    return variables, result


def value_text(value: Any, var_type: str) -> str:
    """A variable value in its XML Schema form (xsd:date, xsd:boolean, xsd:decimal …)."""
    if var_type == "boolean":
        return "true" if value else "false"
    if var_type == "date" and isinstance(value, date):
        return value.isoformat()
    if var_type == "float":
        return format(Decimal(repr(float(value))), "f")
    return str(value)
