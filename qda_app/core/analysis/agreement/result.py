"""What an agreement test finds: the coefficients overall and per category, and the places
(or documents) where the coders disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...values import CoderInfo, Segment
from .coefficients import Coefficients
from .places import DEFAULT_OVERLAP

LEVELS = ("segment", "document")
MEASURES = ("presence", "frequency")


@dataclass(frozen=True)
class AgreementOptions:
    """What to compare. `document_ids` empty: every document each of the coders coded;
    `category_ids` empty: every category any of them used (with subcategories). `measure`
    applies at document level: a category present/absent, or how often it was coded."""

    coder_ids: tuple[int, ...]
    level: str = "segment"
    measure: str = "presence"
    overlap: float = DEFAULT_OVERLAP
    document_ids: tuple[int, ...] = ()
    category_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class CategoryAgreement:
    """One category. `coded`: per coder, its segments (segment level) or the documents where
    it coded the category (document level). `involved`: places or documents where at least
    one coder gave the category; `agreed`: where all of them did (same count at frequency
    level). The coefficients treat the category as "given / not given" over all units."""

    category_id: int
    label: str
    coded: tuple[int, ...]
    involved: int
    agreed: int
    coefficients: Coefficients

    @property
    def share_agreed(self) -> float | None:
        """agreed ÷ involved: agreement on the category's own segments (MAXQDA's figure)."""
        return self.agreed / self.involved if self.involved else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "category_id": self.category_id,
            "category": self.label,
            "coded": list(self.coded),
            "involved": self.involved,
            "agreed": self.agreed,
            "share_agreed": self.share_agreed,
            **self.coefficients.to_dict(),
        }


@dataclass(frozen=True)
class Disagreement:
    """A place (segment level) or a document and category (document level) where the coders
    did not all give the same. Per coder, in the order of `AgreementResult.coders`: the label
    of what it gave ("" for nothing) and, at segment level, its segment or None."""

    document_id: int
    document_title: str
    labels: tuple[str, ...]
    segments: tuple[Segment | None, ...] = ()
    category_id: int | None = None  # document level: the category compared
    values: tuple[int, ...] = field(default=())

    @property
    def start(self) -> int:
        return min((s.start for s in self.segments if s is not None), default=0)

    @property
    def end(self) -> int:
        return max((s.end for s in self.segments if s is not None), default=0)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "document_id": self.document_id,
            "document": self.document_title,
            "labels": list(self.labels),
        }
        if self.category_id is not None:
            data["category_id"] = self.category_id
            data["values"] = list(self.values)
        if self.segments:
            data["segments"] = [
                None
                if s is None
                else {"coding_id": s.coding_id, "start": s.start, "end": s.end, "text": s.text}
                for s in self.segments
            ]
        return data


@dataclass(frozen=True)
class AgreementResult:
    options: AgreementOptions
    coders: tuple[CoderInfo, ...]
    documents: tuple[tuple[int, str], ...]  # (id, title) of the documents compared
    overall: Coefficients
    categories: tuple[CategoryAgreement, ...]
    disagreements: tuple[Disagreement, ...]
    # Segment level: the first coder's codings at the places where all agree (a consensus
    # for a new coder starts from them).
    agreed_coding_ids: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.options.level,
            "measure": self.options.measure if self.options.level == "document" else None,
            "overlap": self.options.overlap if self.options.level == "segment" else None,
            "coders": [c.name for c in self.coders],
            "documents": [{"id": i, "title": t} for i, t in self.documents],
            "overall": self.overall.to_dict(),
            "categories": [c.to_dict() for c in self.categories],
            "disagreements": [d.to_dict() for d in self.disagreements],
        }
