"""The segment read side: one service that every list, grid and exporter reads through."""

from __future__ import annotations

import pytest
from support import SAMPLE_TEXT, span

from qda_app.core.project import Project
from qda_app.core.values import SegmentFilter

pytestmark = pytest.mark.both_backends


def code(project: Project, document, words: str, category: int, **fields) -> int:
    start, end = span(SAMPLE_TEXT, words)
    return project.codings.add(document.id, start, end, category, **fields).id


def test_a_segment_carries_everything_a_list_shows(project, document, categories) -> None:
    coding = code(
        project,
        document,
        "Viele Familien",
        categories["Bedarfe/Zielgruppe"],
        memo="M",
        paraphrase="P",
        generalisation="G",
        is_quote=True,
    )
    statement = project.statements.add(
        categories["Bedarfe/Zielgruppe"], "Familien schwer erreichbar", document.quarter_id
    )
    project.statements.link(statement.id, coding)
    segment = project.segments.get(coding, context=12)
    assert segment.text == "Viele Familien"
    assert segment.context_before.endswith("😀 ") and "Personal" not in segment.context_before
    assert segment.context_after.startswith(" waren")
    assert segment.document_title == "Workshop Manfort"
    assert segment.quarter_path == ("Manfort",)
    assert segment.social_space_id == document.quarter_id
    assert segment.method == "Workshop" and segment.coder == "tester"
    assert segment.category_path == (
        "Herausforderungen und Bedarfe",
        "im Hinblick auf die Zielgruppe",
    )
    assert segment.category_tag == "Zielgruppe"
    assert segment.top_category_id == categories["Bedarfe"]
    assert (segment.memo, segment.paraphrase, segment.generalisation) == ("M", "P", "G")
    assert segment.is_quote and segment.statement_ids == (statement.id,)


def test_offsets_are_code_points_even_after_an_emoji(project, document, categories) -> None:
    coding = code(project, document, "Viele Familien", categories["Bedarfe/Zielgruppe"])
    segment = project.segments.get(coding)
    assert SAMPLE_TEXT[segment.start : segment.end] == segment.text


def test_filters_combine(project, document, categories) -> None:
    needs = code(project, document, "Viele Familien", categories["Bedarfe/Zielgruppe"])
    quote = code(
        project, document, "Wir haben einfach angefangen", categories["Ressourcen"], is_quote=True
    )
    institution = code(project, document, "Personal gebunden", categories["Bedarfe/Institutionen"])
    statement = project.statements.add(categories["Bedarfe"], "Personal", document.quarter_id)
    project.statements.link(statement.id, institution)

    def ids(**where) -> list[int]:
        return [s.coding_id for s in project.segments.list(SegmentFilter(**where))]

    assert ids() == [institution, needs, quote]  # document order
    assert ids(category_ids=(categories["Bedarfe"],)) == [institution, needs]
    assert ids(category_ids=(categories["Bedarfe"],), subcategories=False) == []
    assert ids(quotes_only=True) == [quote]
    assert ids(text="FAMILIEN") == [needs]
    assert ids(statement_ids=(statement.id,)) == [institution]
    assert ids(linked=False) == [needs, quote]
    assert ids(coder_ids=(999,)) == []
    manfort = project.quarters.find("Manfort")
    assert ids(quarter_ids=(manfort.id,)) == [institution, needs, quote]
    assert ids(quarter_ids=(project.quarters.find("Opladen").id,)) == []
    assert project.segments.count(SegmentFilter(linked=True)) == 1


def test_a_quarter_filter_includes_its_statistical_quarters(project, categories) -> None:
    opladen = project.quarters.find("Opladen")
    centre = next(q for q in project.quarters.list() if q.parent_id == opladen.id)
    document = project.documents.add(
        "Interview Zentrum", "Straße und Plätze fehlen.", quarter_id=centre.id
    )
    coding = project.codings.add(document.id, 0, 6, categories["Leerstellen/Sozialraum"]).id
    found = project.segments.list(SegmentFilter(quarter_ids=(opladen.id,)))
    assert [s.coding_id for s in found] == [coding]
    assert found[0].social_space_id == opladen.id
    assert found[0].quarter_path == ("Opladen", centre.label)
    assert project.segments.list(SegmentFilter(text="strasse"))[0].coding_id == coding


def test_the_frame_has_one_row_per_segment(project, document, categories) -> None:
    code(project, document, "Viele Familien", categories["Bedarfe/Zielgruppe"])
    code(project, document, "Personal gebunden", categories["Bedarfe/Institutionen"])
    frame = project.segments.frame()
    assert len(frame) == 2
    assert set(frame["top_category_id"]) == {categories["Bedarfe"]}
    assert set(frame["social_space_id"]) == {document.quarter_id}


def test_streaming_reads_large_results_in_batches(project, document, categories) -> None:
    with project.command("test.many") as session:
        for start in range(0, 1500):
            project.codings.add_in(
                session,
                document.id,
                start % 50,
                start % 50 + 1 + start // 50,
                categories["Bedarfe"],
            )
    seen = 0
    for segment in project.segments.iter():
        assert segment.text == SAMPLE_TEXT[segment.start : segment.end]
        seen += 1
    assert seen == 1500
