"""Reading the protocol sources (front matter + a small Markdown subset) of the sample study."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
SOURCES = HERE / "sources"
PROTOCOLS = HERE / "protocols"

# The research team (fictional): moderation, group protocols and interviews.
TEAM = {"Dr. Miriam Hohlfeld", "Anja Keller", "Deniz Yilmaz"}
# Fields of work of the interview partners, from the study's description of its sample.
ARBEITSFELDER = (
    "Beratungsstelle",
    "Bildungseinrichtung Kinder/Jugendliche",
    "Kinder- und Jugendarbeit",
    "Kirchlicher Kontext",
    "Quartiersarbeit",
    "Senior*innenarbeit",
    "Vereinsarbeit",
    "Wohlfahrtsverband",
    "Wohnungsunternehmen",
    "Stadtverwaltung",
    "Kommunalpolitik",
)

_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")
_SPEAKER = re.compile(r"^([^\W\d_][\w.\-*']*(?: [\w.\-*']+){0,3}):\s+(.*)$")


@dataclass(frozen=True)
class Line:
    """One body line: kind is heading, bullet, numbered, table, speaker, label or paragraph."""

    kind: str
    text: str
    level: int = 0
    cells: tuple[str, ...] = ()
    label: str = ""


@dataclass
class ProtocolSource:
    path: Path
    meta: dict[str, str]
    lines: list[Line] = field(default_factory=list)

    @property
    def output_name(self) -> str:
        return self.meta["file"]


def parse_line(raw: str) -> Line | None:
    line = raw.rstrip()
    if not line.strip():
        return None
    if line.startswith("#"):
        hashes = len(line) - len(line.lstrip("#"))
        return Line("heading", line[hashes:].strip(), level=hashes)
    if line.startswith("|"):
        cells = tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
        return Line("table", " ".join(cells), cells=cells)
    if line.startswith(("- ", "* ")):
        return Line("bullet", line[2:].strip())
    if match := _NUMBERED.match(line):
        return Line("numbered", match.group(2), level=int(match.group(1)))
    if line.endswith(":") and len(line) < 40:
        return Line("label", line)
    if match := _SPEAKER.match(line):
        return Line("speaker", match.group(2), label=match.group(1))
    return Line("paragraph", line)


def read_source(path: Path) -> ProtocolSource:
    """Front matter between '---' lines, then the body."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = {}
    for item in front.splitlines():
        key, _, value = item.partition(":")
        meta[key.strip()] = value.split("#", 1)[0].strip()
    lines = [parsed for raw in body.splitlines() if (parsed := parse_line(raw))]
    return ProtocolSource(path, meta, lines)


def all_sources() -> list[ProtocolSource]:
    return [read_source(path) for path in sorted(SOURCES.glob("*.md"))]
