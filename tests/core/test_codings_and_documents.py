"""Documents keep their text exact; codings stay within it, counted in code points."""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import date

import pytest
from support import SAMPLE_TEXT, span

from qda_app.core.db.models import Coding
from qda_app.core.errors import NotFoundError, ValidationError
from qda_app.core.text_normalise import content_hash, normalise_text

pytestmark = pytest.mark.both_backends


def test_text_is_normalised_once_and_hashed(project) -> None:
    raw = "Zeile 1\r\nZeile 2\rZe\u0301ile 3\x00\x07 mit\ttab\ufeff\f"
    doc = project.documents.add("Roh", raw)
    stored = project.documents.text(doc.id)
    assert stored == "Zeile 1\nZeile 2\nZéile 3 mit\ttab\n"
    assert unicodedata.is_normalized("NFC", stored)
    assert doc.length == len(stored)
    assert doc.content_hash == content_hash(stored)
    assert normalise_text(stored) == stored


def test_offsets_count_code_points_beyond_the_bmp(project, document, categories) -> None:
    start, end = span(SAMPLE_TEXT, "Viele Familien")
    assert SAMPLE_TEXT.index("😀") < start  # the emoji is one code point, two UTF-16 units
    coding = project.codings.add(document.id, start, end, categories["Bedarfe/Zielgruppe"])
    assert project.segments.get(coding.id).text == "Viele Familien"


@pytest.mark.parametrize("start,end", [(-1, 4), (5, 5), (9, 3), (0, 10_000)])
def test_impossible_offsets_are_refused_with_the_document_named(
    project, document, categories, start, end
) -> None:
    with pytest.raises(ValidationError) as caught:
        project.codings.add(document.id, start, end, categories["Bedarfe"])
    assert str(caught.value) == (
        f"Offsets {start}–{end} do not lie within “Workshop Manfort” (0–{document.length} "
        "characters)."
    )
    assert project.segments.of_document(document.id) == []


def test_database_itself_refuses_an_end_beyond_the_text(project, document, categories) -> None:
    """Even code that bypasses the service cannot store an impossible offset."""
    coding = project.codings.add(document.id, 0, 5, categories["Bedarfe"])
    with pytest.raises(ValidationError, match="ck_codings_end"), project.command("t") as session:
        row = session.get(Coding, coding.id)
        row.end = document.length + 1
    with pytest.raises(ValidationError, match="(?i)foreign key"), project.command("t") as session:
        row = session.get(Coding, coding.id)
        row.document_length = document.length + 50
        row.end = document.length + 50
    assert project.codings.get(coding.id).end == 5


@pytest.mark.sqlite_only
def test_raw_sql_cannot_store_an_orphan_or_overlong_coding(
    project_path, project, document, categories
) -> None:
    project.codings.add(document.id, 0, 5, categories["Bedarfe"])
    with sqlite3.connect(project_path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(
                "INSERT INTO codings (document_id, document_length, start_pos, end_pos, "
                "category_id, coder_id, memo, paraphrase, generalisation, is_quote, created_at, "
                "updated_at) VALUES (?, ?, 0, ?, ?, 1, '', '', '', 0, '2020-01-01', '2020-01-01')",
                (document.id, document.length, document.length + 1, categories["Bedarfe"]),
            )


def test_coding_fields_range_and_category_can_change(project, document, categories) -> None:
    coding = project.codings.add(
        document.id, 0, 9, categories["Bedarfe/Zielgruppe"], coder="Keller", paraphrase="Kurz"
    )
    project.codings.update(coding.id, memo="m", generalisation="g", is_quote=1)
    project.codings.change_range(coding.id, 2, 12)
    project.codings.change_category(coding.id, categories["Ressourcen/Zielgruppe"])
    changed = project.codings.get(coding.id)
    assert (changed.start, changed.end, changed.category_id) == (
        2,
        12,
        categories["Ressourcen/Zielgruppe"],
    )
    assert (changed.memo, changed.paraphrase, changed.generalisation, changed.is_quote) == (
        "m",
        "Kurz",
        "g",
        True,
    )
    assert [c.name for c in project.coders.list()] == ["Keller"]
    with pytest.raises(ValidationError):
        project.codings.change_range(coding.id, 12, 2)


def test_overlapping_codings_and_coders_are_kept_apart(project, document, categories) -> None:
    sub = categories["Bedarfe/Zielgruppe"]
    project.codings.add(document.id, 0, 20, sub, coder="Keller")
    project.codings.add(document.id, 0, 20, sub, coder="Yilmaz")
    project.codings.add(document.id, 10, 30, categories["Bedarfe/Sozialraum"], coder="Keller")
    with pytest.raises(ValidationError, match="already coded"):
        project.codings.add(document.id, 0, 20, sub, coder="Keller")
    assert len(project.segments.of_document(document.id)) == 3
    assert len(project.coders.list()) == 2


def test_grouping_category_is_not_codable(project, document, categories) -> None:
    project.categories.update(categories["Bedarfe"], codable=False)
    with pytest.raises(ValidationError, match="cannot be assigned"):
        project.codings.add(document.id, 0, 5, categories["Bedarfe"])


def test_unknown_ids_name_what_is_missing(project, categories) -> None:
    with pytest.raises(NotFoundError, match="Document #999 does not exist"):
        project.codings.add(999, 0, 1, categories["Bedarfe"])
    with pytest.raises(NotFoundError, match="Category #999 does not exist"):
        project.categories.rename(999, "x")


def test_document_metadata_and_typed_variables(project, document) -> None:
    opladen = project.quarters.find("30")
    assert opladen.label == "Opladen-Zentrum (30)"
    changed = project.documents.update(
        document.id,
        quarter_id=opladen.id,
        date=date(2020, 11, 19),
        group_label="Gruppe B",
        participants=11,
    )
    assert (changed.quarter_id, changed.date, changed.participants) == (
        opladen.id,
        date(2020, 11, 19),
        11,
    )
    project.variables.set(document.id, "Dauer (Minuten)", 25)
    project.variables.set(document.id, "Vor Ort", "ja", "boolean")
    project.variables.set(document.id, "Erhoben am", "2020-11-19", "date")
    assert project.variables.values(document.id) == {
        "Dauer (Minuten)": 25,
        "Vor Ort": True,
        "Erhoben am": date(2020, 11, 19),
    }
    with pytest.raises(ValidationError, match="not a valid integer value"):
        project.variables.set(document.id, "Dauer (Minuten)", "lang")
    with pytest.raises(ValidationError, match="participants"):
        project.documents.update(document.id, participants=-3)


def test_original_bytes_are_kept(project) -> None:
    doc = project.documents.add(
        "Mit Original",
        "Text",
        original=b"PK\x03\x04...",
        source_filename="a.docx",
        source_format="docx",
    )
    assert project.documents.original(doc.id) == b"PK\x03\x04..."
    assert project.documents.find_by_hash(doc.content_hash)[0].id == doc.id


def test_statements_per_cell_and_across_quarters(project, document, categories) -> None:
    manfort = project.quarters.find("Manfort").id
    cell = categories["Bedarfe/Sozialraum"]
    coding = project.codings.add(document.id, 0, 9, cell)
    first = project.statements.add(cell, "Treffpunkte fehlen", manfort, [coding.id])
    second = project.statements.add(cell, "Wege sind weit", manfort)
    across = project.statements.add(cell, "In 4 von 6 Sozialräumen genannt")
    project.statements.reorder(second.id, 0)
    assert [s.text for s in project.statements.list(manfort, cell)] == [
        "Wege sind weit",
        "Treffpunkte fehlen",
    ]
    assert [s.id for s in project.statements.list(cross_quarter=True)] == [across.id]
    project.statements.link(second.id, coding.id)
    assert project.statements.unlink(first.id, coding.id).coding_ids == ()
    project.codings.remove(coding.id)
    assert project.statements.list(manfort, cell)[0].coding_ids == ()
    with pytest.raises(ValidationError, match="needs some text"):
        project.statements.update_text(first.id, "   ")


def test_quarters_hierarchy_and_guarded_delete(project, document) -> None:
    labels = [(q.label, q.kind) for q in project.quarters.list()][:4]
    assert labels == [
        ("Stadtweit", "city"),
        ("Manfort", "social_space"),
        ("Manfort-Südost (15)", "statistical"),
        ("Alkenrath", "social_space"),
    ]
    assert [q.name for q in project.quarters.social_spaces()] == [
        "Manfort",
        "Alkenrath",
        "Rheindorf",
        "Opladen",
        "Wiesdorf",
        "Steinbüchel",
    ]
    with pytest.raises(ValidationError, match="still holds"):
        project.quarters.delete(project.quarters.find("Manfort").id)
    hitdorf = project.quarters.add("Hitdorf", parent_id=project.quarters.find("Stadtweit").id)
    project.quarters.delete(hitdorf.id)
    assert project.quarters.find("Hitdorf") is None


def test_metadata_and_variables_change_in_one_undoable_command(project, document) -> None:
    from qda_app.core.services.variables import VariableChange

    entries = len(project.history.entries())
    project.documents.update(
        document.id,
        [VariableChange("Dauer", "integer", "25"), VariableChange("Arbeitsfeld", "text", "Kita")],
        moderator="A. Beispiel",
        participants=9,
    )
    assert len(project.history.entries()) == entries + 1
    assert project.variables.values(document.id) == {"Dauer": 25, "Arbeitsfeld": "Kita"}
    with pytest.raises(ValidationError, match="not a valid integer"):
        project.documents.update(
            document.id, [VariableChange("Dauer", "integer", "lang")], participants=3
        )
    assert project.documents.get(document.id).participants == 9  # nothing of it applied
    project.history.undo()
    assert project.variables.values(document.id) == {}
    assert project.documents.get(document.id).moderator == ""
