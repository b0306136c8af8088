"""Two coders on two small documents, with every kind of disagreement once (the `pair`
fixture)."""

from __future__ import annotations

from dataclasses import dataclass

from qda_app.core.project import Project

SENTENCES = (
    "Die Einrichtung war monatelang geschlossen und niemand kam mehr vorbei.",
    "Familien mit kleinen Kindern sind seit dem Frühjahr kaum noch erreichbar.",
    "Der Spielplatz hinter der Schule ist der einzige Treffpunkt im Viertel.",
    "Die Nachbarschaft hilft beim Einkaufen und bringt Essen zu den Älteren.",
)
TEXT = " ".join(SENTENCES) + "\n"


def span(number: int, shift: float = 0.0) -> tuple[int, int]:
    """A sentence's range, moved right by `shift` of its length."""
    start = TEXT.index(SENTENCES[number])
    length = len(SENTENCES[number])
    moved = round(length * shift)
    return start + moved, min(start + length + moved, len(TEXT))


@dataclass
class Pair:
    project: Project
    coders: tuple[int, int]
    categories: dict[str, int]  # X, Y, Z
    documents: tuple[int, int]


def make_pair(project: Project) -> Pair:
    """Document 1 (segment level, by hand):
        sentence 0: A X, B X                 → agreement
        sentence 1: A Y, B Z                 → other category
        sentence 2: A X, B X moved by 20 %   → overlap 0.8: below 90 %, two places
        sentence 3: B Y only                 → omission
    Document 2: A codes X on sentences 0 and 1, B on sentence 0 only."""
    leaves = [c for c in project.categories.list() if c.parent_id is not None]
    x, y, z = leaves[0].id, leaves[1].id, leaves[2].id
    first = project.documents.add("Workshop Manfort", TEXT).id
    second = project.documents.add("Telefoninterview Manfort", TEXT).id
    for coder, document, sentence, category, shift in (
        ("A", first, 0, x, 0.0),
        ("B", first, 0, x, 0.0),
        ("A", first, 1, y, 0.0),
        ("B", first, 1, z, 0.0),
        ("A", first, 2, x, 0.0),
        ("B", first, 2, x, 0.2),
        ("B", first, 3, y, 0.0),
        ("A", second, 0, x, 0.0),
        ("A", second, 1, x, 0.0),
        ("B", second, 0, x, 0.0),
    ):
        start, end = span(sentence, shift)
        project.codings.add(document, start, end, category, coder=coder)
    coders = {c.name: c.id for c in project.coders.list()}
    return Pair(project, (coders["A"], coders["B"]), {"X": x, "Y": y, "Z": z}, (first, second))
