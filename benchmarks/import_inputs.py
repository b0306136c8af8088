"""Protocol files of a chosen size for the import scaling benchmark, built in memory.

Every builder takes a list of lines (paragraphs) and returns the bytes of one file of its
format: DOCX, ODT, RTF and PDF are written directly (no office suite needed), so the inputs
are deterministic and quick to make even at 40,000 lines.
"""

from __future__ import annotations

import random
import zipfile
from io import BytesIO
from xml.sax.saxutils import escape

_WORD_LIST = (
    "Quartier Nachbarschaft Familien Jugendliche Senior*innen Treffpunkt Hygienekonzept Personal "
    "Kontakt Angebot digital Endgeräte Medienkompetenz Beratung Kita Schule Ehrenamt Netzwerk "
    "Begegnung Straße Spielplatz Förderung Wohnumfeld Einsamkeit Gemeinde Verein Träger Zugang "
    "Unterstützung Alltag Lockdown Sprechstunde"
)
WORDS = tuple(_WORD_LIST.split(" "))
BLOCK_HEADINGS = (
    "Herausforderungen & Bedarfe",
    "Ressourcen & Möglichkeiten",
    "Entwicklung, Vernetzung & Stärkung",
)


def sentence(rng: random.Random, words: int = 10) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def protocol_lines(count: int, seed: int = 1) -> list[str]:
    """Plain paragraphs of 8–14 words each."""
    rng = random.Random(seed)
    return [sentence(rng, rng.randint(8, 14)) for _ in range(count)]


def interview_lines(count: int, seed: int = 2) -> list[str]:
    """An interview: `I:` and `B:` turns alternating, one per line."""
    rng = random.Random(seed)
    return [f"{'IB'[index % 2]}: {sentence(rng, 8)}" for index in range(count)]


def block_lines(headings: int, seed: int = 3) -> list[tuple[str, str]]:
    """(kind, text): question-block headings, each followed by one paragraph."""
    rng = random.Random(seed)
    lines: list[tuple[str, str]] = []
    for index in range(headings):
        lines.append(("heading", f"{index + 1}. {BLOCK_HEADINGS[index % len(BLOCK_HEADINGS)]}"))
        lines.append(("paragraph", sentence(rng, 10)))
    return lines


def markdown_protocol(count: int, seed: int = 4) -> str:
    """Markdown with headings, bullets, emphasis, links, code, a table and quotes."""
    rng = random.Random(seed)
    out: list[str] = []
    for index in range(count):
        kind = index % 8
        text = sentence(rng, 8)
        if kind == 0:
            out.append(f"## {text}")
        elif kind == 1:
            out.append(f"- **{text}** und *betont* mit [Link](https://example.org/{index})")
        elif kind == 2:
            out.append(f"> {text} `code` und _kursiv_")
        elif kind == 3:
            out.append(f"| {text} | {index} |")
        elif kind == 4:
            out.append("|---|---|" if index % 16 == 4 else "")
        else:
            out.append(text)
    return "\n".join(out) + "\n"


def txt(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(lines: list[str] | list[tuple[str, str]]) -> bytes:
    """A minimal Word document; ("heading", text) items get outline level 2."""
    body: list[str] = []
    for line in lines:
        kind, text = line if isinstance(line, tuple) else ("paragraph", line)
        ppr = '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>' if kind == "heading" else ""
        body.append(f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
        f"<w:body>{''.join(body)}</w:body></w:document>"
    )
    return zip_parts(
        {
            "[Content_Types].xml": _DOCX_TYPES,
            "_rels/.rels": _DOCX_RELS,
            "word/document.xml": document,
        }
    )


ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def odt(lines: list[str] | list[tuple[str, str]], body: str | None = None) -> bytes:
    """A minimal OpenDocument text; `body` replaces the generated paragraphs when given."""
    if body is None:
        parts = []
        for line in lines:
            kind, text = line if isinstance(line, tuple) else ("paragraph", line)
            if kind == "heading":
                parts.append(f'<text:h text:outline-level="2">{escape(text)}</text:h>')
            else:
                parts.append(f"<text:p>{escape(text)}</text:p>")
        body = "".join(parts)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS} '
        f'office:version="1.2"><office:body><office:text>{body}</office:text></office:body>'
        "</office:document-content>"
    )
    return zip_parts(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content}
    )


def odt_table(rows: int, seed: int = 5) -> bytes:
    """An ODT whose body is one table of `rows` rows with three cells each."""
    rng = random.Random(seed)
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f"<table:table-cell><text:p>{escape(sentence(rng, 4))}</text:p></table:table-cell>"
            for _ in range(3)
        )
        + "</table:table-row>"
        for _ in range(rows)
    )
    return odt([], body=f"<table:table>{cells}</table:table>")


def zip_parts(parts: dict[str, str | bytes]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _rtf_text(text: str) -> str:
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) < 128:
            out.append(char)
        else:
            out.append(f"\\u{ord(char) if ord(char) < 32768 else ord(char) - 65536}?")
    return "".join(out)


def rtf(lines: list[str] | list[tuple[str, str]]) -> bytes:
    """An RTF document; headings carry \\outlinelevel1."""
    parts = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}"]
    for line in lines:
        kind, text = line if isinstance(line, tuple) else ("paragraph", line)
        level = r"\outlinelevel1 " if kind == "heading" else ""
        parts.append(f"\\pard {level}{_rtf_text(text)}\\par\n")
    parts.append("}")
    return "".join(parts).encode("ascii")


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf(lines: list[str], per_page: int = 50) -> bytes:
    """A PDF with a text layer: `per_page` lines of Helvetica per page."""
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree (filled in below)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")  # fmt: skip
    kids: list[int] = []
    for page in pages:
        stream = b"BT /F1 10 Tf 12 TL 40 800 Td " + b" ".join(
            _pdf_string(line) + b" Tj T*" for line in page
        ) + b" ET"  # fmt: skip
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (len(objects))
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    return pdf_from_objects(objects)


def pdf_from_objects(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file of these object bodies (numbered from 1) with its cross-reference table."""
    out = BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def manifest_csv(rows: int) -> bytes:
    lines = ["Datei;Quartier;Methode;Datum;Teilnehmende;Schwerpunkt"]
    for i in range(rows):
        lines.append(f"datei_{i:06d}.docx;Manfort;Workshop;09.11.2020;{i % 12};Thema {i % 7}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def manifest_xlsx(rows: int) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["Datei", "Quartier", "Methode", "Datum", "Teilnehmende", "Schwerpunkt"])
    for i in range(rows):
        name = f"datei_{i:06d}.docx"
        sheet.append([name, "Manfort", "Workshop", "09.11.2020", i % 12, f"Thema {i % 7}"])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
