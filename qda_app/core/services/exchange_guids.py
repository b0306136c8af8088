"""GUIDs that objects had in another program (REFI-QDA), remembered at import.

Exporting uses a remembered GUID where there is one, so a project that came from MAXQDA or
ATLAS.ti goes back with the codes, sources and codings named as that program knows them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from sqlalchemy import Table, insert, select

from ..db.change_capture import record_inserts
from ..db.models import GUID_KINDS, ExchangeGuid

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project


class ExchangeGuidService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def of_kind(self, kind: str) -> dict[int, str]:
        """Remembered GUIDs of one kind ("code", "source" …) by the id of the object here."""
        _check(kind)
        query = select(ExchangeGuid.local_id, ExchangeGuid.guid).where(ExchangeGuid.kind == kind)
        with self.project.read() as session:
            return {local_id: guid for local_id, guid in session.execute(query)}

    def find(self, kind: str, guid: str) -> int | None:
        """The id of the object that came with this GUID, if any."""
        _check(kind)
        query = select(ExchangeGuid.local_id).where(
            ExchangeGuid.kind == kind, ExchangeGuid.guid == normal_guid(guid)
        )
        with self.project.read() as session:
            return session.scalars(query).first()

    def remember_in(self, session: Session, kind: str, pairs: Iterable[tuple[int, str]]) -> None:
        """Record (id here, GUID there) pairs inside a caller's import command; an object
        already named keeps its first GUID."""
        _check(kind)
        seen = set(session.scalars(select(ExchangeGuid.local_id).where(ExchangeGuid.kind == kind)))
        rows = []
        for local_id, guid in pairs:
            if local_id in seen:
                continue
            seen.add(local_id)
            rows.append({"kind": kind, "local_id": local_id, "guid": normal_guid(guid)})
        if rows:
            session.flush()
            session.execute(insert(cast(Table, ExchangeGuid.__table__)), rows)
            keys = [{"kind": row["kind"], "local_id": row["local_id"]} for row in rows]
            record_inserts(session, "exchange_guids", rows, keys)


def normal_guid(guid: str) -> str:
    """GUIDs compare without braces and case ("{ABC…}" names the same object as "abc…")."""
    return guid.strip().strip("{}").lower()


def _check(kind: str) -> None:
    if kind not in GUID_KINDS:
        raise ValueError(f"unknown GUID kind {kind!r}")
