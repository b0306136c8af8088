"""The one normalisation applied to a document's text before offsets may refer to it."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\u0085|\x0b|\x0c")
# C0/C1 control characters except tab and newline; BOM and soft hyphen are invisible noise.
_REMOVED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\u00ad]")


def normalise_text(text: str) -> str:
    """Line endings to \\n, Unicode NFC, control characters removed.

    Vertical tab and form feed (page breaks in some exports) become line breaks.
    Idempotent: normalising normalised text changes nothing.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _REMOVED.sub("", text)
    return unicodedata.normalize("NFC", text)


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text; equal content imported twice has equal hashes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
