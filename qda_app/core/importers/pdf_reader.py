"""PDF protocols through pypdf: the text layer, one block per extracted line.

Scans without a text layer are refused (they need OCR first), as are PDFs that need a password.
A damaged or truncated PDF is refused rather than read partially.
"""

from __future__ import annotations

import logging
from io import BytesIO

from .extracted import ExtractedText, ExtractionError, TextBuilder
from .formats import add_block, finish

# Below this many non-space characters per page on average the PDF is taken to be a scan.
MIN_CHARS_PER_PAGE = 10
# Protocols have dozens of pages; a claim of many thousands is a damaged or hostile file.
MAX_PAGES = 5000
_HEADER_WINDOW = 1024
# pypdf logs what it repairs or skips (cyclic forms, broken xref tables) as warnings; without
# a handler Python prints them on stderr, in the middle of the import's own messages.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def read_pdf(data: bytes, file_name: str) -> ExtractedText:
    """The text layer of a PDF as paragraph blocks, one per line, pages in order."""
    import pypdf  # imported here: pypdf is slow to import and only PDFs need it
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if b"%PDF-" not in data[:_HEADER_WINDOW] or b"%%EOF" not in data:
        raise ExtractionError("import.corrupt_pdf", file=file_name)
    try:
        reader = pypdf.PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("import.encrypted", file=file_name)
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise ExtractionError(
                "hardening.pdf_too_many_pages", file=file_name, pages=count, limit=MAX_PAGES
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractionError:
        raise
    except FileNotDecryptedError as exc:
        raise ExtractionError("import.encrypted", file=file_name) from exc
    except DependencyError as exc:  # AES needs the optional "cryptography" package
        raise ExtractionError("import.pdf_encryption_unsupported", file=file_name) from exc
    except Exception as exc:  # broken PDFs raise assorted errors deep inside pypdf
        raise ExtractionError("import.corrupt_pdf", file=file_name) from exc
    visible = sum(len("".join(text.split())) for text in pages)
    if not pages or visible < MIN_CHARS_PER_PAGE * len(pages):
        raise ExtractionError("import.pdf_no_text_layer", file=file_name)
    builder = TextBuilder()
    for text in pages:
        for line in text.replace("\f", "\n").splitlines():
            # Some producers (Qt with DejaVu fonts) map the space glyph to U+0009: read a space.
            add_block(builder, line.replace("\t", " ").strip())
    return finish(builder, "pdf", file_name)
