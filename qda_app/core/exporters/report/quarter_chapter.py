"""A quarter's chapter: an introduction from the metadata, a heading per top-level
category, and per subcategory a paragraph from its statements with the chosen quotes."""

from __future__ import annotations

from collections.abc import Sequence

from ...i18n import tr
from ..export_content import CategorySection, QuarterContent, quote_text
from ..export_options import ExportOptions
from ..instruments import Instrument
from .report_writer import ReportWriter


def chapter_title(content: QuarterContent) -> str:
    key = (
        "exports.report.city_chapter"
        if content.quarter.kind == "city"
        else "exports.report.chapter"
    )
    return tr(key, quarter=content.quarter.name)


def introduction(content: QuarterContent) -> str:
    """ "In Manfort fand am 09.11.2020 der Online-Expert*innen-Workshop mit 8 Teilnehmenden
    statt. Ergänzend liegen für Manfort Telefoninterviews vor (N=5, 12.11.–10.12.2020)."""
    sentences = []
    for instrument in content.instruments:
        sentences.append(_instrument_sentence(content.quarter.name, instrument))
    if not sentences:
        return tr("exports.report.no_documents", quarter=content.quarter.name)
    return " ".join(sentences)


def _instrument_sentence(quarter: str, instrument: Instrument) -> str:
    """The event's name carries its format ("Online-Expert*innen-Workshop")."""
    if instrument.documents == 1 and instrument.n > 1:
        when = instrument.when or "…"
        return tr(
            "exports.report.intro_event",
            quarter=quarter,
            name=instrument.name,
            date=when,
            n=instrument.n,
        )
    dates = f", {instrument.when}" if instrument.when else ""
    return tr(
        "exports.report.intro_group",
        quarter=quarter,
        name=instrument.name,
        n=instrument.n,
        dates=dates,
    )


def as_paragraph(texts: Sequence[str]) -> str:
    """Statements as running text: each a sentence."""
    sentences = []
    for text in texts:
        text = " ".join(text.split())
        if text and text[-1] not in '.!?…“"':
            text += "."
        sentences.append(text[:1].upper() + text[1:])
    return " ".join(sentences)


def add_section_text(
    writer: ReportWriter, section: CategorySection, options: ExportOptions
) -> None:
    if section.statements:
        writer.paragraph(as_paragraph([s.text for s in section.statements]))
    for quote in section.quotes:
        text = quote_text(quote.text, options)
        if options.sources and quote.source:
            text = f"{text} – {quote.source}"
        writer.paragraph(text, style="Quote")


def add_quarter_chapter(
    writer: ReportWriter, content: QuarterContent, options: ExportOptions
) -> None:
    writer.heading(chapter_title(content), 1)
    writer.paragraph(introduction(content))
    for section in content.sections:
        writer.heading(section.row.name, 2)
        add_section_text(writer, section.own, options)
        for sub in section.subsections:
            writer.heading(sub.row.name, 3)
            if not sub.statements and not sub.quotes:
                writer.paragraph(tr("exports.report.nothing_yet"))
                continue
            add_section_text(writer, sub, options)
