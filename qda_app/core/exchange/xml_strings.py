"""XML written as strings where an export writes tens of thousands of alike elements (the
selections of a large project): escaping by hand is several times faster than building
lxml elements, and the tests validate the result against the schema."""

from __future__ import annotations

import re

from .refi_format import xml_text

_SPECIAL = re.compile('[&<>"\n\r\t]')


def attribute(value: str) -> str:
    """A value for a double-quoted attribute; line breaks and tabs survive as references."""
    value = xml_text(value)
    if _SPECIAL.search(value) is None:
        return value
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def text(value: str) -> str:
    """Element content; a carriage return survives as a reference."""
    value = xml_text(value)
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def start_tag(name: str, attributes: dict[str, str], *, close: bool = False) -> str:
    """`<name a="…">` (or `<name a="…"/>` with `close`), the values escaped."""
    inner = "".join(f' {key}="{attribute(value)}"' for key, value in attributes.items())
    return f"<{name}{inner}{'/' if close else ''}>"
