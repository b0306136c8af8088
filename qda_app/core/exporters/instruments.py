"""The instruments of a quarter with dates and N, worded as the reference study's slides:
"Online-Expert*innen-Workshop 09.11.2020 (N=8)", "Telefoninterviews 12.11.–10.12.2020 (N=5)".

A document with more than one participant (a workshop) is an event of its own, named from
its method and its format (the document variable "Format": online, vor Ort …), with its
date and the number of participants. Documents of one participant each (interviews) are
counted per method, the method named in the plural when there are several, with the span
of their dates. Dates as the export's language writes them (09.11.2020 / 2020-11-09).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..i18n import tr
from ..values import DocumentInfo, MethodInfo
from .coding_agenda import format_date

FORMAT_VARIABLE = "Format"  # the document variable naming an event's format
ONLINE = ("online", "digital", "virtuell", "virtual")
ON_SITE = ("vor ort", "vor-ort", "präsenz", "praesenz", "on site", "on-site", "in person")


@dataclass(frozen=True)
class Instrument:
    name: str
    dates: tuple[date, ...]
    n: int
    documents: int
    format: str = ""  # the document variable "Format": online, vor Ort …

    @property
    def when(self) -> str:
        """One date, or the span "12.11.–10.12.2020" (the year once when both share it)."""
        if not self.dates:
            return ""
        first, last = min(self.dates), max(self.dates)
        if first == last:
            return format_date(first)
        if first.year == last.year:
            return f"{first.strftime(tr('exports.instrument.date_in_year'))}–{format_date(last)}"
        return f"{format_date(first)}–{format_date(last)}"

    @property
    def line(self) -> str:
        """ "Online-Expert*innen-Workshop 09.11.2020 (N=8)"."""
        text = tr("exports.instrument", name=self.name, dates=self.when, n=self.n)
        return " ".join(text.split())


def event_name(method: str, shape: str) -> str:
    """A workshop's name from its method and format: "Online-Expert*innen-Workshop"."""
    key = " ".join(shape.lower().split())
    if key in ONLINE:
        return tr("exports.instrument.event.online", method=method)
    if key in ON_SITE:
        return tr("exports.instrument.event.on_site", method=method)
    if key:
        return tr("exports.instrument.event.other", method=method, format=shape.strip())
    return method


def plural_name(method: str, count: int) -> str:
    """ "Telefoninterviews" for several, "Telefoninterview" for one."""
    if count == 1 or method.lower().endswith("s"):
        return method
    return tr("exports.instrument.plural", method=method)


def instruments_of(
    documents: Sequence[DocumentInfo],
    methods: Sequence[MethodInfo],
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
                shape = (formats or {}).get(document.id, "")
                name = event_name(method, shape)
                result.append(Instrument(name, dates, document.participants or 0, 1, shape))
            else:
                singles.append(document)
        if singles:
            dates = tuple(sorted(d.date for d in singles if d.date))
            name = plural_name(method, len(singles))
            result.append(Instrument(name, dates, len(singles), len(singles)))
    return result
