"""Reading a QDPX archive that may be hostile: nothing is extracted to disk, member names that
leave the archive are refused, and the size, number and compression ratio of members are
limited before anything is read. Every refusal is one sentence naming the file and reason."""

from __future__ import annotations

import os
import posixpath
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .exchange_values import ExchangeError
from .refi_format import PROJECT_MEMBER, SOURCES_FOLDER

_DRIVE = re.compile(r"^[A-Za-z]:")
_SCHEMES = ("internal://", "relative://", "absolute://")


@dataclass(frozen=True)
class ArchiveLimits:
    max_members: int = 100_000
    max_total_size: int = 4 * 1024**3  # declared uncompressed size of all members
    max_read_size: int = 1024**3  # what an import reads: project.qde, texts, notes
    max_ratio: int = 200  # uncompressed : compressed, for members above `ratio_floor`
    ratio_floor: int = 1024**2


class SafeArchive:
    """A QDPX (ZIP) file opened for reading members by name, within limits."""

    def __init__(self, path: str | os.PathLike[str], limits: ArchiveLimits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or ArchiveLimits()
        self._read = 0
        try:
            self._zip = zipfile.ZipFile(self.path)
        except FileNotFoundError as error:
            raise ExchangeError("exchange.file_missing", path=str(self.path)) from error
        except (zipfile.BadZipFile, OSError) as error:
            raise ExchangeError("exchange.not_a_zip", path=str(self.path)) from error
        self._members: dict[str, zipfile.ZipInfo] = {}
        self._check_members()

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- checks --------------------------------------------------------------------------

    def _refuse(self, key: str, **params: object) -> ExchangeError:
        return ExchangeError(key, path=str(self.path), **params)

    def _check_members(self) -> None:
        infos = self._zip.infolist()
        limits = self.limits
        if len(infos) > limits.max_members:
            raise self._refuse(
                "exchange.too_many_members", count=len(infos), limit=limits.max_members
            )
        total = 0
        for info in infos:
            name = info.filename.replace("\\", "/")
            parts = name.split("/")
            if name.startswith("/") or _DRIVE.match(name):
                raise self._refuse("exchange.absolute_member", member=info.filename)
            if ".." in parts:
                raise self._refuse("exchange.parent_member", member=info.filename)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise self._refuse("exchange.link_member", member=info.filename)
            if info.flag_bits & 0x1:
                raise self._refuse("exchange.encrypted_member", member=info.filename)
            if info.file_size >= limits.ratio_floor and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise self._refuse(
                    "exchange.bomb_member",
                    member=info.filename,
                    ratio=info.file_size // max(info.compress_size, 1),
                )
            total += info.file_size
            if not info.is_dir():
                self._members[name.lower()] = info
        if total > limits.max_total_size:
            raise self._refuse(
                "exchange.too_large", size=_mib(total), limit=_mib(limits.max_total_size)
            )

    # -- members -------------------------------------------------------------------------

    def project_member(self) -> str:
        """The project XML: `project.qde`, else the one `.qde` file the archive holds."""
        exact = self._members.get(PROJECT_MEMBER)
        if exact is not None:
            return exact.filename
        found = [info for key, info in self._members.items() if key.endswith(".qde")]
        if len(found) == 1:
            return found[0].filename
        if not found:
            raise self._refuse("exchange.no_qde")
        raise self._refuse("exchange.several_qde", names=", ".join(i.filename for i in found))

    def read(self, member: str) -> bytes:
        """A member's bytes; the total read stays within the limit."""
        info = self._members[member.replace("\\", "/").lower()]
        self._read += info.file_size
        if self._read > self.limits.max_read_size:
            raise self._refuse("exchange.read_too_much", limit=_mib(self.limits.max_read_size))
        try:
            with self._zip.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise self._refuse("exchange.damaged_member", member=info.filename) from error
        if len(data) != info.file_size:
            raise self._refuse("exchange.damaged_member", member=info.filename)
        return data

    def resolve(self, reference: str | None) -> str | None:
        """The member a source path names (`internal://`, or `relative://` / `absolute://`
        when the file is inside the archive), or None when it is outside or missing."""
        if not reference:
            return None
        text = reference.strip().replace("\\", "/")
        scheme = next((s for s in _SCHEMES if text.lower().startswith(s)), "")
        path = text[len(scheme) :].lstrip("/")
        if ".." in path.split("/"):
            return None
        name = posixpath.basename(path)
        candidates = [f"{SOURCES_FOLDER}/{name}", name]
        if scheme != "internal://":
            lowered = path.lower()
            marker = f"{SOURCES_FOLDER}/"
            if marker in lowered:
                candidates.insert(0, lowered[lowered.rindex(marker) :])
            candidates.insert(0, path)
        for candidate in candidates:
            info = self._members.get(candidate.lower())
            if info is not None:
                return info.filename
        return None


def _mib(size: int) -> str:
    return f"{size / 1024**2:,.0f} MiB"
