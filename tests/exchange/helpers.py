"""Constants and helpers of the exchange tests (importable as `exchange.helpers`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

REFI = Path("/work/shared/refi-qda")
if not REFI.exists():  # the standard's files beside the repository
    REFI = Path(__file__).resolve().parents[3] / "shared" / "refi-qda"
NS = {"q": "urn:QDA-XML:project:1.0", "c": "urn:QDA-XML:codebook:1.0"}

TEXT_MANFORT = (
    "Protokoll Manfort\n"
    "I: Was hat sich verändert?\n"
    "B: Die Hygienekonzepte haben viel Personal gebunden. 😀 Viele Familien waren nicht "
    "erreichbar.\n"
    "B: Nachbarschaftshilfe hat gut funktioniert – „Wir haben einfach angefangen“.\n"
)
TEXT_OPLADEN = "Protokoll Opladen\nDer Jugendtreff war geschlossen; 𝄞 Musik fiel aus.\n"


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def qde_of(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def assert_valid(element: etree._Element, schema: etree.XMLSchema) -> None:
    valid = schema.validate(etree.ElementTree(element))
    assert valid, schema.error_log.last_error
