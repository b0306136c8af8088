"""The Leverkusen preset's question-block patterns against the sample protocols: every
protocol's blocks go to the three top-level categories in order, and a protocol that splits
the last block into "Entwicklung" and "Vernetzung & Stärkung" codes both as
"Empfehlungen und Leerstellen" (a new user found them coded as "Ressourcen")."""

from __future__ import annotations

from pathlib import Path

import pytest

from qda_app.core.importers.formats import extract
from qda_app.core.importers.structure import find_sections
from qda_app.core.presets import apply_preset
from qda_app.core.project import Project

PROTOCOLS = Path(__file__).parents[2] / "sample_projects" / "leverkusen" / "protocols"
TOPS = (
    "Herausforderungen und Bedarfe",
    "Ressourcen und Möglichkeiten",
    "Empfehlungen und Leerstellen",
)


@pytest.fixture(scope="module")
def patterns(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[int, list[str]], dict[int, str]]:
    with Project.create(tmp_path_factory.mktemp("preset") / "p.qda", actor="t") as project:
        apply_preset(project, "leverkusen")
        categories = project.categories.list()
    found = {c.id: c.block_patterns.splitlines() for c in categories if c.block_patterns}
    return found, {c.id: c.name for c in categories}


def expected_for(heading: str) -> str:
    """The category a block heading names, read by a person."""
    folded = heading.casefold()
    if "herausforderung" in folded:
        return TOPS[0]
    if "ressourcen" in folded:
        return TOPS[1]
    assert any(word in folded for word in ("entwicklung", "vernetzung", "empfehlung")), heading
    return TOPS[2]


@pytest.mark.parametrize("path", sorted(PROTOCOLS.iterdir()), ids=lambda p: p.name)
def test_each_block_of_each_sample_protocol_goes_to_the_category_it_names(
    path: Path, patterns
) -> None:
    by_id, names = patterns
    extracted = extract(path)
    sections = find_sections(extracted, by_id)
    assert {names[s.category_id] for s in sections} == set(TOPS)  # all three blocks found
    for section in sections:
        heading = extracted.text[section.start : section.end].split("\n", 1)[0]
        assert names[section.category_id] == expected_for(heading), heading


def test_a_split_last_block_goes_to_recommendations(tmp_path: Path, patterns) -> None:
    by_id, names = patterns
    protocol = tmp_path / "workshop_split.txt"
    protocol.write_text(
        "Workshop Manfort\n\nHerausforderungen & Bedarfe\nEs fehlen Räume.\n\n"
        "Ressourcen & Möglichkeiten\nDie Nachbarschaft hilft.\n\n"
        "Entwicklung\nMehr Geräte für Familien.\n\n"
        "Vernetzung & Stärkung\nEin runder Tisch im Quartier.\n",
        encoding="utf-8",
    )
    sections = find_sections(extract(protocol), by_id)
    assert [names[s.category_id] for s in sections] == [*TOPS, TOPS[2]]
