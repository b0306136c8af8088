"""A small study across the six Sozialräume, made so that the k-of-n rule has edge cases:
one category named in exactly 4 quarters, one in exactly 3 (plus the city-wide level), one in
2, material on a statistical quarter, on the city-wide level and on no quarter at all, two
methods and two coders."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from qda_app.sample_projects.demo_builder import build_demo

from qda_app.core.project import Project

SENTENCES = (
    "Die Einrichtung war monatelang geschlossen.",
    "Familien mit kleinen Kindern sind kaum erreichbar.",
    "Der Spielplatz ist der einzige Treffpunkt.",
    "Die Nachbarschaft hilft beim Einkaufen.",
)
TEXT = " ".join(SENTENCES) + "\n"


def span(number: int) -> tuple[int, int]:
    start = TEXT.index(SENTENCES[number])
    return start, start + len(SENTENCES[number])


@dataclass
class Study:
    project: Project
    quarters: dict[str, int]  # by name, Sozialräume, statistical quarters and "Stadtweit"
    categories: dict[str, int]  # by tag path, "Bedarfe/Institutionen"
    documents: dict[str, int] = field(default_factory=dict)  # by title

    @property
    def spaces(self) -> list[str]:
        return ["Manfort", "Alkenrath", "Rheindorf", "Opladen", "Wiesdorf", "Steinbüchel"]


def _tag_paths(project: Project) -> dict[str, int]:
    rows = project.categories.list()
    by_id = {row.id: row for row in rows}
    return {
        (f"{by_id[row.parent_id].tag}/{row.tag}" if row.parent_id else row.tag): row.id
        for row in rows
    }


@pytest.fixture
def study(project: Project) -> Study:
    """Codings (category, document, sentence, coder):

    Bedarfe/Institutionen  Manfort, Alkenrath, Rheindorf (interview by Yilmaz only),
                           Opladen (on its statistical quarter Opladen-Zentrum) → 4 quarters
    Bedarfe/Zielgruppe     Manfort (twice in one document), Wiesdorf, Steinbüchel, and the
                           city-wide level → 3 quarters (+ city)
    Ressourcen/Sozialraum  Manfort, Rheindorf → 2 quarters; and a document without quarter
    """
    quarters = {q.name: q.id for q in project.quarters.list()}
    workshop = project.methods.find("workshop").id
    interview = project.methods.find("phone_interview").id
    result = Study(project, quarters, _tag_paths(project))

    def add(title: str, quarter: str | None, method: int) -> int:
        quarter_id = quarters[quarter] if quarter else None
        document = project.documents.add(title, TEXT, quarter_id=quarter_id, method_id=method)
        result.documents[title] = document.id
        return document.id

    for name in result.spaces:
        add(f"Workshop {name}", name, workshop)
        add(f"Interview {name}", name, interview)
    add("Workshop Opladen-Zentrum", "Opladen-Zentrum", workshop)
    add("Workshop stadtweit", "Stadtweit", workshop)
    add("Notizen", None, workshop)

    def code(category: str, title: str, sentence: int, coder: str = "Keller") -> None:
        start, end = span(sentence)
        project.codings.add(
            result.documents[title], start, end, result.categories[category], coder=coder
        )

    code("Bedarfe/Institutionen", "Workshop Manfort", 0)
    code("Bedarfe/Institutionen", "Workshop Alkenrath", 0)
    code("Bedarfe/Institutionen", "Interview Rheindorf", 0, coder="Yilmaz")
    code("Bedarfe/Institutionen", "Workshop Opladen-Zentrum", 0)
    code("Bedarfe/Zielgruppe", "Workshop Manfort", 1)
    code("Bedarfe/Zielgruppe", "Workshop Manfort", 2)
    code("Bedarfe/Zielgruppe", "Interview Wiesdorf", 1, coder="Yilmaz")
    code("Bedarfe/Zielgruppe", "Workshop Steinbüchel", 1)
    code("Bedarfe/Zielgruppe", "Workshop stadtweit", 1)
    code("Ressourcen/Sozialraum", "Workshop Manfort", 3)
    code("Ressourcen/Sozialraum", "Interview Rheindorf", 3)
    code("Ressourcen/Sozialraum", "Notizen", 3)
    return result


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))
