"""Protocol texts and files for import tests (importable as `protocol_files`)."""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument

INTERVIEW = (
    "Protokoll Telefoninterview\n"
    "Datum: 03.12.2020\n"
    "Themenblock 1 – Herausforderungen & Bedarfe\n"
    "I: Was hat sich im Lockdown verändert?\n"
    "B: Die Jugendlichen kamen nicht mehr, der Kontakt ist abgerissen.\n"
    "Das betraf vor allem die Älteren.\n"
    "I: Und die Räume?\n"
    "B: Der Treff war monatelang geschlossen.\n"
    "Themenblock 2 – Ressourcen & Möglichkeiten\n"
    "I: Was hat gut funktioniert?\n"
    "B: Die Nachbarschaftshilfe war großartig.\n"
    "3. ENTWICKLUNG, VERNETZUNG & STÄRKUNG\n"
    "I: Was braucht es künftig?\n"
    "B: Mehr WLAN im Quartier und Geräte für Familien.\n"
)


def write_workshop_docx(path: Path, quarter: str = "Manfort") -> Path:
    """A moderator's protocol: heading, table of facts, three question blocks, a list."""
    doc = WordDocument()
    doc.add_heading(f"Protokoll Workshop {quarter}", level=1)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Datum", "09.11.2020"
    table.cell(1, 0).text, table.cell(1, 1).text = "Teilnehmende", "N=8"
    doc.add_heading("1. Herausforderungen & Bedarfe", level=2)
    doc.add_paragraph("Hygienekonzepte banden viel Personal.")
    doc.add_paragraph("Treffpunkte fehlen im Quartier.", style="List Bullet")
    doc.add_heading("2. Ressourcen & Möglichkeiten", level=2)
    doc.add_paragraph(f"In {quarter} half die Nachbarschaft – „einfach so“.")
    doc.add_heading("3. Entwicklung, Vernetzung & Stärkung", level=2)
    doc.add_paragraph("Ein Netzwerk der Träger wird gewünscht.")
    doc.add_heading("Weitere Hinweise", level=2)
    doc.add_paragraph("Nächster Termin im Frühjahr.")
    doc.save(path)
    return path
