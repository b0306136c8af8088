"""Render the sample protocols: sources/*.md → protocols/*.docx|*.txt and manifest.csv.

Run from the repository root: `python -m sample_projects.leverkusen.render_protocols`
(`--check` reports files that differ from a fresh rendering). Output is byte-for-byte
deterministic so the committed protocols only change when a source changes.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .protocol_source import HERE, PROTOCOLS, Line, ProtocolSource, all_sources

MANIFEST = HERE / "manifest.csv"
MANIFEST_COLUMNS = (
    "Datei",
    "Titel",
    "Sozialraum",
    "Methode",
    "Datum",
    "Gruppe",
    "Teilnehmende",
    "Moderation",
    "Protokoll",
    "Arbeitsfeld",
    "Doppelkodierung",
)
FIXED_TIME = (2021, 1, 31, 12, 0, 0)
WINDOWS_ENCODINGS = ("cp1252", "utf-16", "utf-8-sig")


def _page_number(paragraph) -> None:  # noqa: ANN001 - python-docx paragraph
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def _template(source: ProtocolSource) -> Document:
    """The moderators' Word template: letterhead in the header, page numbers in the footer."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = "Qualitative Sozialraumanalyse Leverkusen · Protokoll (intern)"
    header.runs[0].font.size = Pt(8)
    header.runs[0].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Seite ")
    _page_number(footer)
    properties = document.core_properties
    when = datetime.fromisoformat(source.meta["date"]).replace(hour=18)
    properties.author = properties.last_modified_by = source.meta.get("moderator", "")
    properties.title = source.meta["title"]
    properties.created = properties.modified = when
    properties.revision = 1
    return document


def _add_table(document: Document, rows: list[Line]) -> None:
    width = max(len(row.cells) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells):
            table.cell(r, c).text = cell
            if c == 0:
                table.cell(r, c).paragraphs[0].runs[0].bold = True


def render_docx(source: ProtocolSource) -> bytes:
    document = _template(source)
    pending: list[Line] = []
    for line in [*source.lines, Line("end", "")]:
        if line.kind == "table":
            pending.append(line)
            continue
        if pending:
            _add_table(document, pending)
            pending = []
        if line.kind == "heading":
            document.add_heading(line.text, level=line.level)
        elif line.kind == "bullet":
            document.add_paragraph(line.text, style="List Bullet")
        elif line.kind == "numbered":
            document.add_paragraph(line.text, style="List Number")
        elif line.kind == "label":
            document.add_paragraph().add_run(line.text).bold = True
        elif line.kind == "speaker":
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{line.label}:").bold = True
            paragraph.add_run(f" {line.text}")
        elif line.kind == "paragraph":
            document.add_paragraph(line.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return _deterministic_zip(buffer.getvalue())


def _deterministic_zip(data: bytes) -> bytes:
    """Same content, fixed member timestamps: Word files that only change with their text."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def render_txt(source: ProtocolSource) -> bytes:
    """Plain text the way interviewers type it: blank line between paragraphs."""
    lines = []
    for line in source.lines:
        if line.kind == "speaker":
            lines.append(f"{line.label}: {line.text}")
        elif line.kind == "bullet":
            lines.append(f"- {line.text}")
        elif line.kind == "numbered":
            lines.append(f"{line.level}. {line.text}")
        elif line.kind == "table":
            lines.append(" | ".join(line.cells))
        else:
            lines.append(line.text)
    encoding = source.meta.get("encoding") or "utf-8"
    newline = "\r\n" if encoding in WINDOWS_ENCODINGS else "\n"
    return ((newline * 2).join(lines) + newline).encode(encoding)


def render(source: ProtocolSource) -> bytes:
    return render_docx(source) if source.output_name.endswith(".docx") else render_txt(source)


QUARTER_ORDER = (
    "Stadtweit",
    "Manfort",
    "Alkenrath",
    "Rheindorf",
    "Opladen",
    "Wiesdorf",
    "Steinbüchel",
)


def study_order(source: ProtocolSource) -> tuple:
    """Workshops first, then interviews; each in the order of the study's quarters."""
    meta = source.meta
    return (meta["method"] != "Workshop", QUARTER_ORDER.index(meta["quarter"]), meta["file"])


def render_manifest(sources: list[ProtocolSource]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(MANIFEST_COLUMNS)
    for s in sorted(sources, key=study_order):
        m = s.meta
        writer.writerow(
            [
                m["file"],
                m["title"],
                m["quarter"],
                m["method"],
                m["date"],
                m.get("group", ""),
                m.get("participants", ""),
                m.get("moderator", ""),
                m.get("protokoll", ""),
                m.get("arbeitsfeld", ""),
                m.get("doppelkodierung", ""),
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def rendered_files() -> dict[Path, bytes]:
    """Every output file with its expected bytes."""
    sources = all_sources()
    files = {PROTOCOLS / s.output_name: render(s) for s in sources}
    files[MANIFEST] = render_manifest(sources)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report outdated files")
    args = parser.parse_args(argv)
    outdated = []
    for path, data in rendered_files().items():
        if not path.exists() or path.read_bytes() != data:
            outdated.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    for path in outdated:
        print(f"{'outdated' if args.check else 'written'}: {path.relative_to(HERE)}")
    return 1 if args.check and outdated else 0


if __name__ == "__main__":
    sys.exit(main())
