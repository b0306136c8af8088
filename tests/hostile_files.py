"""Hostile input files, generated in the tests (importable as `hostile_files`).

Each builder returns the bytes of one file an attacker (or a broken program) might hand to the
import: zip bombs, archives that lie about their sizes, XML with DTDs, repetition bombs,
deeply nested groups, PDFs with loops. Sizes are moderate so the tests stay fast; the limits
they run into are the real ones unless a test lowers them explicitly.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from io import BytesIO

from benchmarks.import_inputs import pdf_from_objects

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def zip_parts(parts: dict[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_xml(body: str, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )


def docx(document_xml: str, extra: dict[str, str | bytes] | None = None) -> bytes:
    """A minimal Word document around the given word/document.xml."""
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": DOCX_TYPES,
        "_rels/.rels": DOCX_RELS,
        "word/document.xml": document_xml,
    }
    return zip_parts({**parts, **(extra or {})})


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def odt(body: str, prolog: str = "") -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {ODT_NS} '
        f'office:version="1.2"><office:body><office:text>{body}</office:text></office:body>'
        "</office:document-content>"
    )
    return zip_parts(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content}
    )


def xxe_docx() -> bytes:
    """`A&xxe;B` with an external entity: the text after the entity must not vanish."""
    prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
    return docx(docx_xml(paragraph("A&xxe;B"), prolog))


def billion_laughs_prolog(levels: int = 10) -> str:
    entities = ['<!ENTITY l0 "ha">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return f"<!DOCTYPE root [{''.join(entities)}]>"


def billion_laughs_docx() -> bytes:
    return docx(docx_xml(paragraph(f"&l{9};"), billion_laughs_prolog()))


def billion_laughs_odt() -> bytes:
    return odt(f"<text:p>&l{9};</text:p>", billion_laughs_prolog())


def utf16_doctype_docx() -> bytes:
    """The DTD hidden in a UTF-16 encoded document part."""
    xml = docx_xml(paragraph("A&e;B"), '<!DOCTYPE w:document [<!ENTITY e "x">]>')
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return docx(xml.encode("utf-16"))  # type: ignore[arg-type]


def repetition_odt() -> bytes:
    """Under 1 KB: a row of 1,000 repeated cells, repeated a million times, twice nested."""
    cell = (
        '<table:table-cell table:number-columns-repeated="1000">'
        "<text:p>Wiederholung</text:p></table:table-cell>"
    )
    row = f'<table:table-row table:number-rows-repeated="1000000">{cell}</table:table-row>'
    inner = f"<table:table>{row}</table:table>"
    outer_cell = (
        f'<table:table-cell table:number-columns-repeated="1000">{inner}</table:table-cell>'
    )
    outer = (
        f'<table:table><table:table-row table:number-rows-repeated="1000000">{outer_cell}'
        "</table:table-row></table:table>"
    )
    return odt(outer)


def spaces_odt(count: int) -> bytes:
    """`count` paragraphs of `<text:s text:c="1000"/>`: a thousand spaces per few bytes."""
    return odt('<text:p>a<text:s text:c="1000"/>b</text:p>' * count)


def _central_entries(data: bytes | bytearray, header_offset: int) -> list[int]:
    """Positions of the central-directory entries that describe the member at the offset."""
    found = []
    position = bytes(data).find(b"PK\x01\x02")
    while position >= 0:
        if struct.unpack_from("<I", data, position + 42)[0] == header_offset:
            found.append(position)
        position = bytes(data).find(b"PK\x01\x02", position + 4)
    return found


def lying_zip(parts: dict[str, bytes], claimed: dict[str, int]) -> bytes:
    """A ZIP whose headers claim other uncompressed sizes, with the CRC of that prefix."""
    data = bytearray(zip_parts(parts))  # type: ignore[arg-type]
    for info in zipfile.ZipFile(BytesIO(bytes(data))).infolist():
        if info.filename not in claimed:
            continue
        size = claimed[info.filename]
        crc = zlib.crc32(parts[info.filename][:size])
        struct.pack_into("<II", data, info.header_offset + 14, crc, info.compress_size)
        struct.pack_into("<I", data, info.header_offset + 22, size)
        for entry in _central_entries(data, info.header_offset):
            struct.pack_into("<I", data, entry + 16, crc)
            struct.pack_into("<I", data, entry + 24, size)
    return bytes(data)


def lying_docx(inflated: int = 20 * 1024 * 1024) -> bytes:
    """document.xml claims 4 KB but inflates to `inflated` bytes (a prefix passes the CRC)."""
    body = docx_xml(paragraph("x" * inflated)).encode()
    return lying_zip(
        {
            "[Content_Types].xml": DOCX_TYPES.encode(),
            "_rels/.rels": DOCX_RELS.encode(),
            "word/document.xml": body,
        },
        {"word/document.xml": 4096},
    )


def deep_docx(depth: int = 5000) -> bytes:
    body = "<w:sdt><w:sdtContent>" * depth + paragraph("tief") + "</w:sdtContent></w:sdt>" * depth
    return docx(docx_xml(body))


def deep_odt(depth: int = 5000) -> bytes:
    return odt("<text:section>" * depth + "<text:p>tief</text:p>" + "</text:section>" * depth)


def many_members_zip(members: int, extra: dict[str, bytes] | None = None) -> bytes:
    parts: dict[str, str | bytes] = {
        **(extra or {}),
        "[Content_Types].xml": DOCX_TYPES,
        "_rels/.rels": DOCX_RELS,
        "word/document.xml": docx_xml(paragraph("viele Teile")),
    }
    parts.update({f"word/media/{index}.bin": b"" for index in range(members)})
    return zip_parts(parts)


def encrypted_member_docx() -> bytes:
    """A DOCX whose document part carries the ZIP "encrypted" flag."""
    data = bytearray(docx(docx_xml(paragraph("geheim"))))
    info = zipfile.ZipFile(BytesIO(bytes(data))).getinfo("word/document.xml")
    struct.pack_into("<H", data, info.header_offset + 6, info.flag_bits | 1)
    for entry in _central_entries(data, info.header_offset):
        struct.pack_into("<H", data, entry + 8, info.flag_bits | 1)
    return bytes(data)


def encrypted_odt() -> bytes:
    """content.xml as ODF encryption leaves it: ciphertext in a member marked "deflated"."""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
        "</manifest:file-entry></manifest:manifest>"
    )
    ciphertext = bytes((index * 73 + 41) % 256 for index in range(4096))
    data = bytearray(
        zip_parts(
            {
                "mimetype": "application/vnd.oasis.opendocument.text",
                "content.xml": ciphertext,
                "META-INF/manifest.xml": manifest,
            },
            zipfile.ZIP_STORED,
        )
    )
    info = zipfile.ZipFile(BytesIO(bytes(data))).getinfo("content.xml")
    struct.pack_into("<H", data, info.header_offset + 8, zipfile.ZIP_DEFLATED)
    for entry in _central_entries(data, info.header_offset):
        struct.pack_into("<H", data, entry + 10, zipfile.ZIP_DEFLATED)
    return bytes(data)


def deep_rtf(depth: int = 100_000) -> bytes:
    return b"{\\rtf1\\ansi " + b"{" * depth + b"tief" + b"}" * depth + b"}"


def huge_bin_rtf() -> bytes:
    return b"{\\rtf1\\ansi Anfang {\\pict\\bin4000000000 abc}}"


def _page(parent: int, contents: int) -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (parent, contents)
    )


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_pages(count: int, text: str = "Seite mit Text") -> bytes:
    """A valid PDF of `count` pages, each with one line of text."""
    stream = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT]
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    kids = []
    for _ in range(count):
        objects.append(_page(2, 4))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        count,
    )
    return pdf_from_objects(objects)


def pdf_page_tree_loop() -> bytes:
    """The page tree contains itself; it claims a billion pages."""
    stream = b"BT /F1 12 Tf 72 720 Td (Schleife) Tj ET"
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 5 0 R] /Count 1000000000 >>",
            _FONT,
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
            _page(2, 4),
        ]
    )


def pdf_content_loop() -> bytes:
    """A form XObject that draws itself: text extraction must not recurse forever."""
    stream = b"BT /F1 12 Tf 72 720 Td (Formular) Tj ET /X1 Do"
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            _FONT,
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> /XObject << /X1 4 0 R >> >> "
            b"/Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
            b"<< /F1 3 0 R >> /XObject << /X1 4 0 R >> >> /Contents 4 0 R >>",
        ]
    )


def xlsx_with_broken_xml() -> bytes:
    """A workbook whose sheet XML is cut off in the middle of a tag."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Datei", "Quartier"])
    workbook.active.append(["a.txt", "Manfort"])
    buffer = BytesIO()
    workbook.save(buffer)
    archive = zipfile.ZipFile(BytesIO(buffer.getvalue()))
    parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet[: sheet.index(b"<sheetData>") + 20]
    return zip_parts(parts)  # type: ignore[arg-type]


def xlsx_sparse(last_row: int, dimension: str = "A1:XFD1048576") -> bytes:
    """A sheet that claims a huge dimension and has one more cell far below the header."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Datei", "Quartier"])
    workbook.active.cell(row=last_row, column=1, value="z.txt")
    buffer = BytesIO()
    workbook.save(buffer)
    archive = zipfile.ZipFile(BytesIO(buffer.getvalue()))
    parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    start = sheet.index(b"<dimension ref=")
    end = sheet.index(b"/>", start)
    parts["xl/worksheets/sheet1.xml"] = (
        sheet[:start] + f'<dimension ref="{dimension}"'.encode() + sheet[end:]
    )
    return zip_parts(parts)  # type: ignore[arg-type]
