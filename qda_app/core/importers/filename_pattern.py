"""File-name patterns such as `{quarter}_{method}_{date}` that read metadata from names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ValidationError
from .metadata import FIELDS, FileMetadata

_FIELD = re.compile(r"\{([^{}]*)\}")
IGNORED = ("", "*", "ignore", "_")


@dataclass(frozen=True)
class FilenamePattern:
    """A compiled pattern; fields other than the standard ones become text variables."""

    text: str
    regex: re.Pattern[str]
    names: tuple[str, ...]

    def read(self, path: Path) -> FileMetadata | None:
        """Metadata from the file name (without suffix), or None when it does not match."""
        match = self.regex.fullmatch(path.stem)
        if match is None:
            return None
        values: dict[str, str] = {}
        variables: dict[str, str] = {}
        for index, name in enumerate(self.names):
            value = match.group(f"f{index}").strip()
            if name in IGNORED:
                continue
            if name in FIELDS:
                values[name] = value
            else:
                variables[name] = value
        return FileMetadata(**values, variables=variables)


def compile_pattern(pattern: str) -> FilenamePattern:
    """Literal text must match exactly; each {field} matches one or more characters."""
    if not _FIELD.search(pattern or ""):
        raise ValidationError("batch.pattern_without_fields", pattern=pattern)
    parts: list[str] = []
    names: list[str] = []
    position = 0
    for match in _FIELD.finditer(pattern):
        parts.append(re.escape(pattern[position : match.start()]))
        parts.append(f"(?P<f{len(names)}>.+?)")
        names.append(match.group(1).strip())
        position = match.end()
    parts.append(re.escape(pattern[position:]))
    return FilenamePattern(pattern, re.compile("".join(parts), re.IGNORECASE), tuple(names))
