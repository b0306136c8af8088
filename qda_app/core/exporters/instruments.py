"""The instruments of a quarter as a report names them: method, date and N.

A document with more than one participant (a workshop) is listed on its own, with its date,
the number of participants and its format (the document variable "Format" where it is set):
"Online-Expert*innen-Workshop 09.11.2020 (N=8)". Documents of one participant each
(interviews) are counted per method: "Telefoninterview (N=5)".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..i18n import tr
from ..values import DocumentInfo, MethodInfo, QuarterInfo
from .coding_agenda import format_date


@dataclass(frozen=True)
class Instrument:
    name: str
    dates: tuple[date, ...]
    n: int
    documents: int
    format: str = ""  # the document variable "Format": online, vor Ort …

    @property
    def line(self) -> str:
        """ "Online-Expert*innen-Workshop 09.11.2020 (N=8)"."""
        when = ""
        if len(self.dates) == 1:
            when = format_date(self.dates[0])
        elif self.dates:
            when = f"{format_date(min(self.dates))}–{format_date(max(self.dates))}"
        return tr("exports.instrument", name=self.name, dates=when, n=self.n).replace("  ", " ")


def _event_name(document: DocumentInfo, quarter: QuarterInfo, method: str) -> str:
    """The document's title without the quarter's name ("Online-Expert*innen-Workshop")."""
    title = document.title.strip()
    for name in (quarter.name,):
        if title.endswith(" " + name):
            title = title[: -len(name) - 1].strip()
    return title or method


def instruments_of(
    documents: Sequence[DocumentInfo],
    methods: Sequence[MethodInfo],
    quarter: QuarterInfo,
    formats: Mapping[int, str] | None = None,
) -> list[Instrument]:
    """The quarter's instruments in method order, events first within a method."""
    names = {m.id: m.name for m in methods}
    order = {m.id: m.position for m in methods}
    result: list[Instrument] = []
    by_method: dict[int | None, list[DocumentInfo]] = {}
    for document in sorted(documents, key=lambda d: (order.get(d.method_id or -1, 99), d.position)):
        by_method.setdefault(document.method_id, []).append(document)
    for method_id, group in by_method.items():
        method = names.get(method_id, "") if method_id is not None else ""
        method = method or tr("exports.instrument.other")
        singles = []
        for document in group:
            if (document.participants or 0) > 1:
                dates: tuple[date, ...] = (document.date,) if document.date else ()
                name = _event_name(document, quarter, method)
                shape = (formats or {}).get(document.id, "")
                result.append(Instrument(name, dates, document.participants or 0, 1, shape))
            else:
                singles.append(document)
        if singles:
            dates = tuple(sorted(d.date for d in singles if d.date))
            result.append(Instrument(method, dates, len(singles), len(singles)))
    return result
