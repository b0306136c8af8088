"""How the document view shows codings: whose (all coders or one, for blind coding), in
which colour (the category's or the coder's), and what a tooltip says about them."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ...core.i18n import tr
from ...core.values import CategoryInfo, CoderInfo, Segment

FALLBACK_COLOUR = "#cccccc"


class CodingDisplay:
    """The view's choices and the lookups they need (categories and coders by id)."""

    def __init__(self) -> None:
        self.coder_filter: str | None = None  # a coder's name: only their codings show
        self.colour_by_coder = False
        self.categories: dict[int, CategoryInfo] = {}
        self.coders: dict[int, CoderInfo] = {}

    def set_lookups(self, categories: Iterable[CategoryInfo], coders: Iterable[CoderInfo]) -> None:
        self.categories = {c.id: c for c in categories}
        self.coders = {c.id: c for c in coders}

    def shows(self, segment: Segment) -> bool:
        return self.coder_filter is None or segment.coder == self.coder_filter

    def colour(self, segment: Segment) -> str:
        if self.colour_by_coder:
            coder = self.coders.get(segment.coder_id)
            return coder.colour if coder and coder.colour else FALLBACK_COLOUR
        category = self.categories.get(segment.category_id)
        return category.colour if category else FALLBACK_COLOUR

    def label(self, segment: Segment) -> str:
        """The margin bar's label: the category's tag, else its name."""
        category = self.categories.get(segment.category_id)
        if category is None:
            return segment.category_tag or "?"
        return category.tag or category.name

    def tooltip(self, segments: Iterable[Segment]) -> str:
        """Full category path, coder and memo of each coding, as rich text."""
        parts = []
        for segment in segments:
            lines = [
                f"<b>{escape(' / '.join(segment.category_path))}</b>",
                escape(tr("gui.coding.tooltip_coder", coder=segment.coder)),
            ]
            if segment.memo:
                memo = segment.memo if len(segment.memo) <= 300 else segment.memo[:299] + "…"
                lines.append(escape(tr("gui.coding.tooltip_memo", memo=memo)))
            parts.append("<br>".join(lines))
        return "<hr>".join(parts)
