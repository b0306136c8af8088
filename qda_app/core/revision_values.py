"""Values of category-system revisions and their history, as CLI and GUI receive them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from .i18n import tr, tr_count


@dataclass(frozen=True)
class RevisionCount:
    """What a merge, split or move of codings did, or would do (a preview).

    `codings` moved into the target; `merged` arrived where the same coder had coded the same
    range with the target already, and became one with that coding.
    """

    codings: int = 0
    merged: int = 0
    anchors: int = 0
    statements: int = 0
    subcategories: int = 0
    target_id: int | None = None

    def describe(self) -> str:
        """One sentence: "12 codings move, 2 of them …" in the UI language."""
        parts = [tr_count("revision.count.codings", self.codings + self.merged)]
        if self.merged:
            parts.append(tr_count("revision.count.merged", self.merged))
        if self.anchors:
            parts.append(tr_count("revision.count.anchors", self.anchors))
        if self.statements:
            parts.append(tr_count("revision.count.statements", self.statements))
        if self.subcategories:
            parts.append(tr_count("revision.count.subcategories", self.subcategories))
        return "; ".join(parts)


@dataclass(frozen=True)
class CategoryState:
    """A category as it was at one moment, reconstructed from the change log."""

    id: int
    parent_id: int | None
    position: int
    name: str
    tag: str = ""
    colour: str = ""
    origin: str = ""
    definition: str = ""
    coding_rules: str = ""
    codable: bool = True
    block_patterns: str = ""
    path: str = ""

    FIELDS = (
        "path",
        "name",
        "tag",
        "colour",
        "origin",
        "definition",
        "coding_rules",
        "codable",
        "block_patterns",
    )

    def differs(self, other: CategoryState | None) -> tuple[str, ...]:
        """The fields (of FIELDS) in which `other` differs from this state."""
        if other is None:
            return self.FIELDS
        return tuple(f for f in self.FIELDS if getattr(self, f) != getattr(other, f))


@dataclass(frozen=True)
class CategoryChange:
    """One entry of the category system's history.

    `kind` is one of KINDS; `undone_by` names the marker entry that took it back (it is not
    in effect then); `marks` is set on undo/redo markers: the entry they replayed.
    """

    entry_id: int
    created_at: datetime
    actor: str
    command: str
    kind: str
    description: str
    state: str
    category_ids: tuple[int, ...]
    names: tuple[str, ...] = ()
    marks: int | None = None
    undone_by: int | None = None
    params: dict = field(default_factory=dict, compare=False)

    @property
    def local_time(self) -> datetime:
        """When it happened, in this computer's time zone (the log keeps UTC)."""
        return self.created_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)

    @property
    def kind_label(self) -> str:
        return tr(f"revision.kind.{self.kind}")

    @property
    def in_effect(self) -> bool:
        return self.state == "done"


KINDS = (
    "created",
    "renamed",
    "moved",
    "reordered",
    "merged",
    "split",
    "codings_moved",
    "deleted",
    "definition",
    "edited",
    "anchors",
    "imported",
    "undone",
    "redone",
)


@dataclass(frozen=True)
class ComparedCategory:
    """One category in the comparison of the system at a date with the current one.

    `status`: "unchanged", "changed" (see `changed`), "added" (only now) or "removed" (only
    then). Counts are codings of that category alone at either moment.
    """

    id: int
    then: CategoryState | None
    now: CategoryState | None
    status: str
    changed: tuple[str, ...] = ()
    codings_then: int = 0
    codings_now: int = 0
