"""Parsing XML from other programs without trusting it: no DTD (so no entity declarations to
expand), no external entities, no network, libxml2's limits on huge trees kept."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator

from lxml import etree

from .exchange_values import ExchangeError

_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "load_dtd": False,
    "dtd_validation": False,
    "remove_comments": True,
    "remove_pis": True,
}


PROLOG_SCAN = 1 << 16


def _prolog(data: bytes) -> str:
    """The text before the document element (as far as the first 64 KB reach): the XML
    declaration, comments, processing instructions and any declaration (`<!…`)."""
    head = data[:PROLOG_SCAN]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="ignore")
    elif head[1:2] == b"\x00":
        text = head.decode("utf-16-le", errors="ignore")
    elif head[:1] == b"\x00":
        text = head.decode("utf-16-be", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore")
    position = 0
    while (index := text.find("<", position)) >= 0:
        for opening, closing in (("<!--", "-->"), ("<?", "?>")):
            if text.startswith(opening, index):
                end = text.find(closing, index)
                position = len(text) if end < 0 else end + len(closing)
                break
        else:
            return text[: index + 2]  # up to the root element or a declaration
    return text


def _refuse_declarations(data: bytes, file_name: str) -> None:
    """A DOCTYPE (with its entities) is refused before the parser sees it."""
    if "<!" in _prolog(data):
        raise ExchangeError("exchange.xml_doctype", file=file_name)


def _refuse_doctype(element: etree._Element, file_name: str) -> None:
    info = element.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise ExchangeError("exchange.xml_doctype", file=file_name)


def _bad_xml(error: etree.XMLSyntaxError, file_name: str) -> ExchangeError:
    line = error.lineno if error.lineno else "?"
    reason = (error.msg or str(error)).splitlines()[0]
    return ExchangeError("exchange.bad_xml", file=file_name, line=line, reason=reason)


class ElementEnds:
    """The ends of elements with the given local names, in document order; `root` is the
    document element once iteration is done. Handled elements should be cleared."""

    def __init__(self, data: bytes, file_name: str, names: tuple[str, ...]) -> None:
        _refuse_declarations(data, file_name)
        self.file_name = file_name
        self._events = etree.iterparse(
            io.BytesIO(data), events=("end",), tag=[f"{{*}}{n}" for n in names], **_OPTIONS
        )
        self.root: etree._Element | None = None

    def __iter__(self) -> Iterator[etree._Element]:
        checked = False
        try:
            for _event, element in self._events:
                if not checked:
                    _refuse_doctype(element, self.file_name)
                    checked = True
                yield element
        except etree.XMLSyntaxError as error:
            raise _bad_xml(error, self.file_name) from error
        self.root = self._events.root
        if self.root is not None and not checked:
            _refuse_doctype(self.root, self.file_name)


def parse_document(data: bytes, file_name: str) -> etree._Element:
    """The root element of a small XML document (a codebook)."""
    _refuse_declarations(data, file_name)
    parser = etree.XMLParser(**_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise _bad_xml(error, file_name) from error
    _refuse_doctype(root, file_name)
    return root
