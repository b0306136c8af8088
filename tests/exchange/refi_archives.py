"""Building REFI-QDA archives by hand, as other programs write them (tests only)."""

from __future__ import annotations

import zipfile
from html import escape
from pathlib import Path

PROJECT_NS = "urn:QDA-XML:project:1.0"


def g(number: int) -> str:
    """A readable GUID: g(7) = 00000000-0000-4000-8000-000000000007."""
    return f"00000000-0000-4000-8000-{number:012d}"


def attrs(**values: object) -> str:
    return "".join(
        f' {key.rstrip("_")}="{escape(str(value), quote=True)}"'
        for key, value in values.items()
        if value is not None
    )


def project_xml(
    body: str,
    *,
    name: str = "Fremdprojekt",
    origin: str = "MAXQDA 2022",
    creating_user: str | None = None,
    namespace: str = PROJECT_NS,
    users: dict[str, str] | None = None,
) -> str:
    users_xml = ""
    if users:
        users_xml = (
            "<Users>"
            + "".join(f"<User{attrs(guid=guid, name=user)}/>" for guid, user in users.items())
            + "</Users>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<Project xmlns="{namespace}"'
        f"{attrs(name=name, origin=origin, creatingUserGUID=creating_user)}>"
        f"{users_xml}{body}</Project>"
    )


def code(
    guid: str,
    name: str,
    *,
    codable: bool = True,
    color: str | None = "#ff0000",
    description: str | None = None,
    children: str = "",
) -> str:
    inner = f"<Description>{escape(description)}</Description>" if description else ""
    flag = "true" if codable else "false"
    return (
        f"<Code{attrs(guid=guid, name=name, isCodable=flag, color=color)}>{inner}{children}</Code>"
    )


def codebook(*codes: str) -> str:
    return "<CodeBook><Codes>" + "".join(codes) + "</Codes></CodeBook>"


def selection(
    guid: str,
    start: int,
    end: int,
    name: str | None,
    codings: list[tuple[str, str, str | None]],
    *,
    user: str | None = None,
    notes: tuple[str, ...] = (),
    description: str | None = None,
) -> str:
    inner = f"<Description>{escape(description)}</Description>" if description else ""
    for coding_guid, code_guid, coding_user in codings:
        inner += (
            f"<Coding{attrs(guid=coding_guid, creatingUser=coding_user)}>"
            f'<CodeRef targetGUID="{code_guid}"/></Coding>'
        )
    inner += "".join(f'<NoteRef targetGUID="{n}"/>' for n in notes)
    values = attrs(guid=guid, name=name, startPosition=start, endPosition=end, creatingUser=user)
    return f"<PlainTextSelection{values}>{inner}</PlainTextSelection>"


def text_source(
    guid: str,
    name: str,
    *,
    path: str | None = None,
    content: str | None = None,
    selections: str = "",
    extra: str = "",
) -> str:
    inner = f"<PlainTextContent>{escape(content)}</PlainTextContent>" if content is not None else ""
    values = attrs(guid=guid, name=name, plainTextPath=path)
    return f"<TextSource{values}>{inner}{selections}{extra}</TextSource>"


def write_qdpx(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def utf16_offset(text: str, index: int) -> int:
    """Where code point `index` lies in UTF-16 units (as QualCoder counts)."""
    return len(text[:index].encode("utf-16-le")) // 2
