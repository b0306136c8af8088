"""A coder's pass over documents: start from another coder's codings, and settle the
disagreements of an agreement test in a consensus.

Both are one command each (one change-log entry, undone as a whole). Copying gives the
target coder the source's category and range of every coding in the chosen documents (not
its memo or paraphrase: the target codes its own pass); an identical coding the target has
already is left as it is. The consensus goes through the disagreements of a test: for each,
the versions kept become the target coder's codings, the versions not kept that the target
coder holds are removed. The target may be one of the compared coders (its codings are
corrected in place) or a new coder (for example "Konsens"), who then also receives the
places all coders agreed on.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import Coding
from ..errors import ValidationError
from ..values import Segment, SegmentFilter
from .codings import NewCoding
from .common import note_params

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project

CHOICES = ("first", "second", "both", "neither")


@dataclass(frozen=True)
class ConsensusDecision:
    """One disagreement settled: the coding ids of all its versions (None for a coder who
    coded nothing there) and those to keep."""

    versions: tuple[int | None, ...]
    keep: tuple[int, ...]

    @classmethod
    def choose(cls, segments: Sequence[Segment | None], choice: str) -> ConsensusDecision:
        """Two coders' versions and "first", "second", "both" or "neither"."""
        if choice not in CHOICES:
            raise ValidationError("coders.bad_choice", choice=choice)
        versions = tuple(None if s is None else s.coding_id for s in segments)
        wanted = {
            "first": versions[:1],
            "second": versions[1:2],
            "both": versions,
            "neither": (),
        }[choice]
        return cls(versions, tuple(v for v in wanted if v is not None))


class CoderPassService:
    def __init__(self, project: Project) -> None:
        self.project = project

    # -- copy a pass ----------------------------------------------------------------------

    def copy_codings(self, source_id: int, target: str, document_ids: Sequence[int]) -> int:
        """Give coder `target` (created if new) copies of `source_id`'s codings of the
        documents; returns how many were added."""
        source = self._coder_name(source_id)
        with self.project.command(
            "coders.copy_codings", source=source, target=target, documents=list(document_ids)
        ) as session:
            return len(self.copy_codings_in(session, source_id, target, document_ids))

    def copy_codings_in(
        self, session: Session, source_id: int, target: str, document_ids: Sequence[int]
    ) -> builtins.list[int]:
        source = self._coder_name(source_id)
        if source.casefold() == target.strip().casefold():
            raise ValidationError("coders.same_coder")
        segments = self.project.segments.list(
            SegmentFilter(coder_ids=(source_id,), document_ids=tuple(document_ids)), texts=False
        )
        if not segments:
            raise ValidationError("coders.nothing_to_copy", source=source)
        ids = self.project.codings.add_many_in(
            session,
            [
                NewCoding(s.document_id, s.start, s.end, s.category_id, coder=target)
                for s in segments
            ],
            skip_duplicates=True,
        )
        added = [i for i in ids if i is not None]
        note_params(session, count=len(added))
        return added

    # -- consensus ------------------------------------------------------------------------

    def apply_consensus(
        self,
        target: str,
        decisions: Sequence[ConsensusDecision],
        agreed_coding_ids: Sequence[int] = (),
    ) -> int:
        """Settle the disagreements for coder `target`; codings in `agreed_coding_ids` (the
        agreed places) are copied to a target that does not hold them. Returns the number of
        codings added and removed."""
        with self.project.command(
            "coders.consensus", target=target, count=len(decisions)
        ) as session:
            return self.apply_consensus_in(session, target, decisions, agreed_coding_ids)

    def apply_consensus_in(
        self,
        session: Session,
        target: str,
        decisions: Sequence[ConsensusDecision],
        agreed_coding_ids: Sequence[int] = (),
    ) -> int:
        target_id = self.project.coders.ensure_in(session, target).id
        involved = {v for d in decisions for v in d.versions if v is not None}
        involved |= set(agreed_coding_ids)
        rows = {
            row.id: row
            for chunk in _chunks(sorted(involved))
            for row in session.scalars(select(Coding).where(Coding.id.in_(chunk)))
        }
        remove: set[int] = set()
        copy: dict[tuple[int, int, int, int], NewCoding] = {}
        for decision in decisions:
            for version in decision.versions:
                if version is None or version not in rows:
                    continue
                if version not in decision.keep and rows[version].coder_id == target_id:
                    remove.add(version)
        kept = [k for d in decisions for k in d.keep] + list(agreed_coding_ids)
        for version in kept:
            found = rows.get(version)
            if found is None or found.coder_id == target_id:
                continue
            key = (found.document_id, found.start, found.end, found.category_id)
            copy[key] = NewCoding(*key, coder=target)
        for version in sorted(remove):
            self.project.codings.remove_in(session, version)
        session.flush()
        added = self.project.codings.add_many_in(session, list(copy.values()), skip_duplicates=True)
        changed = len(remove) + sum(1 for i in added if i is not None)
        note_params(session, target=target, count=len(decisions), changed=changed)
        return changed

    def _coder_name(self, coder_id: int) -> str:
        for coder in self.project.coders.list():
            if coder.id == coder_id:
                return coder.name
        raise ValidationError("agreement.unknown_coder", id=coder_id)


def _chunks(ids: builtins.list[int], size: int = 500) -> builtins.list[builtins.list[int]]:
    return [ids[start : start + size] for start in range(0, len(ids), size)]
