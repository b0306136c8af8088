"""Full-text search folded as German readers expect, autocoding by hit, sentence and
paragraph as one undoable command, and in-vivo coding."""

from __future__ import annotations

import pytest

from qda_app.core.errors import ValidationError
from qda_app.core.services.autocoding import in_vivo_name, unit_range
from qda_app.core.text_fold import fold
from qda_app.core.text_search import FoldedText

TEXT = (
    "Die Straße am Bahnhof ist laut. Im Café 😀 treffen sich Ältere.\n"
    "Die STRASSE braucht Bänke! Mueller sagt: mehr Grün.\n"
)


def test_folded_text_maps_every_hit_back_to_code_points() -> None:
    folded = FoldedText(TEXT)
    assert [TEXT[s:e] for s, e in folded.find("strasse")] == ["Straße", "STRASSE"]
    assert [TEXT[s:e] for s, e in folded.find("cafe")] == ["Café"]
    assert [TEXT[s:e] for s, e in folded.find("aeltere")] == ["Ältere"]
    assert [TEXT[s:e] for s, e in folded.find(fold("Müller"))] == ["Mueller"]
    assert [TEXT[s:e] for s, e in folded.find("gruen")] == ["Grün"]
    assert [TEXT[s:e] for s, e in folded.find("treffen sich")] == ["treffen sich"]  # after 😀


def test_units_are_the_hit_its_sentence_or_its_line() -> None:
    start = TEXT.index("laut")
    assert unit_range(TEXT, start, start + 4, "hit") == (start, start + 4)
    sentence = unit_range(TEXT, start, start + 4, "sentence")
    assert TEXT[slice(*sentence)] == "Die Straße am Bahnhof ist laut."
    middle = TEXT.index("treffen")
    assert TEXT[slice(*unit_range(TEXT, middle, middle + 7, "sentence"))] == (
        "Im Café 😀 treffen sich Ältere."
    )
    paragraph = unit_range(TEXT, middle, middle + 7, "paragraph")
    assert TEXT[slice(*paragraph)] == TEXT.splitlines()[0]


def test_in_vivo_names_are_one_trimmed_line() -> None:
    assert in_vivo_name("  „die Treffpunkte\nfehlen.“ ") == "die Treffpunkte fehlen"
    long = in_vivo_name("wort " * 30)
    assert len(long) <= 61 and long.endswith("…")


@pytest.fixture
def searched(project):
    place = project.quarters.find("Manfort")
    first = project.documents.add("Workshop Manfort", TEXT, quarter_id=place.id)
    second = project.documents.add("Notiz", "Keine Strassen hier, nur Wege.\n")
    return project, first, second


def test_search_over_all_documents_and_autocode_as_one_undoable_step(searched) -> None:
    project, first, second = searched
    hits = project.search.find("Strasse")
    assert sorted((h.document_id, h.text) for h in hits) == [
        (first.id, "STRASSE"),
        (first.id, "Straße"),
        (second.id, "Strasse"),
    ]
    assert next(h for h in hits if h.text == "Straße").context_after.startswith(" am Bahnhof")
    category = project.categories.find("Bedarfe/Sozialraum").id
    ranges = project.autocode.ranges(hits, "sentence")
    assert sorted(r.text for r in ranges) == [
        "Die STRASSE braucht Bänke!",
        "Die Straße am Bahnhof ist laut.",
        "Keine Strassen hier, nur Wege.",
    ]
    before = project.segments.count()
    assert project.autocode.apply(category, ranges) == 3
    assert project.segments.count() == before + 3
    assert project.history.entries(limit=1)[0].command == "coding.autocode"
    assert project.autocode.apply(category, ranges) == 0  # identical codings are left out
    project.history.undo()  # the empty second run logged nothing, so this undoes the first
    assert project.segments.count() == before


def test_search_sees_a_changed_text(searched) -> None:
    project, first, _second = searched
    assert len(project.search.find("bahnhof")) == 1
    project.documents.delete(first.id)
    assert project.search.find("bahnhof") == []


def test_bad_pattern_and_unit_are_clear_errors(searched) -> None:
    project, _first, _second = searched
    with pytest.raises(ValidationError, match="not a valid regular expression"):
        project.search.find_pattern("(unclosed")
    with pytest.raises(ValidationError, match="not a unit"):
        project.autocode.ranges([], "chapter")


def test_in_vivo_is_one_command(searched) -> None:
    project, first, _second = searched
    parent = project.categories.find("Bedarfe").id
    start = TEXT.index("braucht Bänke")
    category, coding = project.autocode.in_vivo(first.id, start, start + 13, parent)
    assert category.name == "braucht Bänke" and category.parent_id == parent
    assert (coding.start, coding.category_id) == (start, category.id)
    entry = project.history.entries(limit=1)[0]
    assert entry.command == "coding.in_vivo"
    project.history.undo()
    assert project.categories.find("Bedarfe/braucht Bänke") is None
