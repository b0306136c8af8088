"""Writing user text into spreadsheet cells so that it stays text.

A cell whose text begins with = + - @, a tab or a carriage return would be read by
spreadsheet programs as a formula (formula injection). Such text is stored as a string with
the quote prefix, which Excel and LibreOffice show as the plain text it is.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters that XLSX cannot hold (tab, line feed and carriage return it can).
UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def put_text(cell: Any, value: object) -> None:
    """Set an openpyxl cell to `value`; text that looks like a formula stays text, control
    characters a workbook cannot hold are left out."""
    if isinstance(value, str):
        value = UNSTORABLE.sub("", value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
