"""The coding agenda (Kodierleitfaden) as plain values: what the DOCX and XLSX exports write.

Per category: its place in the tree, definition, anchor examples (the coded words with their
source, read through the segment read side) and coding rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..analysis.counts import basic_counts
from ..i18n import tr
from ..services import category_tree
from ..values import CategoryInfo, Segment, SegmentFilter

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class AnchorText:
    """An anchor example as the agenda cites it: the coded words and where they stand."""

    text: str
    source: str

    @property
    def quoted(self) -> str:
        return tr("agenda.quote", text=" ".join(self.text.split()))


@dataclass(frozen=True)
class AgendaEntry:
    category: CategoryInfo
    level: int  # 0 for top-level categories
    path: str
    parent_path: str
    anchors: tuple[AnchorText, ...]

    @property
    def origin_label(self) -> str:
        return tr(f"agenda.origin.{self.category.origin}")

    def anchor_lines(self) -> str:
        """All anchor examples in one cell: quoted text, then its source in brackets."""
        return "\n\n".join(f"{a.quoted} ({a.source})" for a in self.anchors)


@dataclass(frozen=True)
class CodingAgenda:
    project_name: str
    made_on: date
    entries: tuple[AgendaEntry, ...]

    def sections(self) -> list[tuple[AgendaEntry, list[AgendaEntry]]]:
        """Each top-level category with itself and its subcategories (depth-first)."""
        result: list[tuple[AgendaEntry, list[AgendaEntry]]] = []
        for entry in self.entries:
            if entry.level == 0:
                result.append((entry, [entry]))
            elif result:
                result[-1][1].append(entry)
        return result


def format_date(value: date | datetime | None) -> str:
    """A date as the UI language writes it (09.11.2020 / 2020-11-09)."""
    if value is None:
        return ""
    return value.strftime(tr("agenda.date_format"))


def anchor_source(segment: Segment) -> str:
    """ "Workshop Manfort, Gruppe 1 · Manfort / Manfort-Südost · 09.11.2020"."""
    parts = [segment.document_title, segment.quarter_label, format_date(segment.document_date)]
    return " · ".join(part for part in parts if part)


def build_agenda(project: Project) -> CodingAgenda:
    """The whole coding agenda of a project, categories depth-first."""
    categories = project.categories.list()
    paths = category_tree.paths(categories)
    levels: dict[int, int] = {}
    anchor_ids: dict[int, list[int]] = {}
    for category in categories:
        levels[category.id] = 0 if category.parent_id is None else levels[category.parent_id] + 1
        anchor_ids[category.id] = [a.coding_id for a in project.categories.anchors(category.id)]
    wanted = tuple(i for ids in anchor_ids.values() for i in ids)
    segments = (
        {s.coding_id: s for s in project.segments.iter(SegmentFilter(coding_ids=wanted))}
        if wanted
        else {}
    )
    entries = tuple(
        AgendaEntry(
            category,
            levels[category.id],
            paths[category.id],
            paths[category.parent_id] if category.parent_id is not None else "",
            tuple(
                AnchorText(segments[i].text, anchor_source(segments[i]))
                for i in anchor_ids[category.id]
                if i in segments
            ),
        )
        for category in categories
    )
    return CodingAgenda(basic_counts(project).name, date.today(), entries)
