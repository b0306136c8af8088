"""What an export includes: quarters, categories, coders, methods, and how it is worded.

The same options drive the slide decks, the Word report, the workbook and the CSV, from the
CLI and from the export dialog alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..analysis.cross_quarter_rule import DEFAULT_K

DEFAULT_MAX_BULLETS = 8


@dataclass(frozen=True)
class ExportOptions:
    """`quarter_ids`: the Sozialräume (or the city-wide level) to export, in project order
    (empty: all Sozialräume and the city-wide level); `category_ids`: top-level categories or
    subcategories to include (empty: all); `coder_ids` / `method_ids`: the material counted,
    quoted and listed (empty: all); `cross`: add the cross-quarter report or deck.

    `quote_format` words a verbatim quote (empty: the catalog's
    „{text}“ (Originalzitat Akteur*in)); `sources` adds where a quote stands; `appendix`
    adds all segments to the report; `template` is a team's own .pptx; `language` ("de" or
    "en") the language of the files (empty: the language messages are shown in).
    """

    quarter_ids: tuple[int, ...] = ()
    category_ids: tuple[int, ...] = ()
    coder_ids: tuple[int, ...] = ()
    method_ids: tuple[int, ...] = ()
    cross: bool = False
    k: int = DEFAULT_K
    max_bullets: int = DEFAULT_MAX_BULLETS
    quote_format: str = ""
    sources: bool = False
    appendix: bool = False
    template: Path | None = None
    semicolon: bool = False
    language: str = ""
