"""Speaker turns and question-block sections are found in extracted text."""

from __future__ import annotations

from protocol_files import INTERVIEW

from qda_app.core.importers.extracted import TextBuilder
from qda_app.core.importers.structure import find_sections, find_speaker_turns

PATTERNS = {
    1: [r"herausforderungen\s*(&|und)\s*bedarfe"],
    2: [r"ressourcen\s*(&|und)\s*m(ö|oe)glichkeiten"],
    3: [r"entwicklung\s*,?\s*vernetzung\s*(,|&|und)\s*st(ä|ae)rkung"],
}


def lines(text: str):
    builder = TextBuilder()
    for line in text.splitlines():
        builder.add(line)
    return builder.build("txt")


def test_turns_cover_follow_up_paragraphs_and_ignore_header_lines() -> None:
    extracted = lines(INTERVIEW)
    turns = find_speaker_turns(extracted)
    text = extracted.text
    assert [(t.speaker, t.role) for t in turns][:4] == [
        ("I", "interviewer"),
        ("B", "respondent"),
        ("I", "interviewer"),
        ("B", "respondent"),
    ]
    assert text[turns[1].start : turns[1].end] == (
        "B: Die Jugendlichen kamen nicht mehr, der Kontakt ist abgerissen.\n"
        "Das betraf vor allem die Älteren."
    )
    assert all(not text[t.start : t.end].startswith("Datum") for t in turns)
    assert len(turns) == 8


def test_named_speakers_count_when_they_recur() -> None:
    extracted = lines(
        "Interviewerin: Wie geht es?\nFrau K.: Gut.\nInterviewerin: Und?\n"
        "Frau K.: Sehr gut.\nOrt: Telefon, einmal genannt\n"
    )
    turns = find_speaker_turns(extracted)
    assert [t.speaker for t in turns] == ["Interviewerin", "Frau K.", "Interviewerin", "Frau K."]
    assert turns[1].role == "respondent"


def test_no_turns_without_an_interviewer() -> None:
    extracted = lines("Gruppe A: Treffpunkte fehlen.\nGruppe A: Mehr Personal.\n")
    assert find_speaker_turns(extracted) == []


def test_sections_run_from_block_line_to_the_next_block() -> None:
    extracted = lines(INTERVIEW)
    sections = find_sections(extracted, PATTERNS)
    text = extracted.text
    assert [s.category_id for s in sections] == [1, 2, 3]
    first = text[sections[0].start : sections[0].end]
    assert first.startswith("Themenblock 1") and first.endswith("monatelang geschlossen.")
    assert text[sections[2].start : sections[2].end].endswith("Geräte für Familien.")


def test_mentions_inside_sentences_do_not_open_a_block() -> None:
    extracted = lines(
        "I: Reden wir über Herausforderungen und Bedarfe, ja?\n"
        "B: Die Herausforderungen und Bedarfe sind groß.\n"
    )
    assert find_sections(extracted, PATTERNS) == []


def test_heading_sections_stop_at_a_heading_of_the_same_level() -> None:
    builder = TextBuilder()
    builder.add("Protokoll", "heading", 1)
    builder.add("Herausforderungen & Bedarfe", "heading", 2)
    builder.add("Personal fehlt.")
    builder.add("Weitere Hinweise", "heading", 2)
    builder.add("Termin im Frühjahr.")
    extracted = builder.build("docx")
    (section,) = find_sections(extracted, PATTERNS)
    assert (
        extracted.text[section.start : section.end]
        == "Herausforderungen & Bedarfe\nPersonal fehlt."
    )
