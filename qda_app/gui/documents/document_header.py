"""The line above a document's text: its title, then quarter, method, date, group,
participants and length, as rich text for the label and as plain text."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ...core.i18n import tr, tr_count
from ...core.values import DocumentInfo
from ..common.display_format import format_count, format_date, method_label

if TYPE_CHECKING:
    from ...core.project import Project


def document_header(project: Project | None, document: DocumentInfo | None) -> tuple[str, str]:
    """The header as (plain text, rich text); without a document, a grey word saying so."""
    if document is None or project is None:
        plain = tr("gui.document.none")
        return plain, f"<span style='color:gray'>{escape(plain)}</span>"
    parts = []
    quarters = {q.id: q for q in project.quarters.list()}
    if document.quarter_id in quarters:
        parts.append(quarters[document.quarter_id].label)
    methods = {m.id: m for m in project.methods.list()}
    if document.method_id in methods:
        parts.append(method_label(methods[document.method_id]))
    if document.date is not None:
        parts.append(format_date(document.date))
    if document.group_label:
        parts.append(tr("gui.document.group", group=document.group_label))
    if document.participants is not None:
        parts.append(tr_count("gui.document.participants", document.participants))
    parts.append(tr("gui.document.characters", count=format_count(document.length)))
    meta = " · ".join(parts)
    rich = (
        f"<span style='font-size:large; font-weight:bold'>{escape(document.title)}</span>"
        f"<br>{escape(meta)}"
    )
    return f"{document.title}\n{meta}", rich
