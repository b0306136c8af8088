"""GUIDs for exported objects: the one an imported object came with, else one derived from
the project's GUID and the object's id, so exporting twice gives the same GUIDs."""

from __future__ import annotations

import hashlib
import uuid
from typing import TYPE_CHECKING

from ..db.models import GUID_KINDS

if TYPE_CHECKING:
    from ..project import Project


def name_based_guid(namespace: bytes, name: str) -> str:
    """`str(uuid.uuid5(UUID(bytes=namespace), name))`, computed without UUID objects (an
    export names some 300,000 objects)."""
    digest = bytearray(hashlib.sha1(namespace + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


class ExportGuids:
    """Hands out one GUID per (kind, id); never the same GUID for two objects of a file."""

    def __init__(self, project_guid: str, remembered: dict[str, dict[int, str]]) -> None:
        self.project_guid = project_guid
        self._namespace = uuid.UUID(project_guid).bytes
        self._remembered = remembered
        self._given: dict[tuple[str, object], str] = {}
        self._used: set[str] = set()

    @classmethod
    def of(cls, project: Project) -> ExportGuids:
        remembered = {kind: project.exchange_guids.of_kind(kind) for kind in GUID_KINDS}
        return cls(project.details.get().guid, remembered)

    def __call__(self, kind: str, key: object) -> str:
        """The GUID of object `key` (an id, or a tuple naming a derived object) of `kind`."""
        known = self._given.get((kind, key))
        if known is not None:
            return known
        guid = self._remembered.get(kind, {}).get(key) if isinstance(key, int) else None
        if guid is None or guid in self._used:
            guid = name_based_guid(self._namespace, f"{kind}/{key}")
        self._used.add(guid)
        self._given[(kind, key)] = guid
        return guid
