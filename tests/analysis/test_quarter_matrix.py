"""The matrix of categories × quarters and the k-of-n rule, against counts made by hand."""

from __future__ import annotations

from collections import defaultdict

import pytest

from qda_app.core.analysis.cross_quarter_rule import cross_quarter_rule
from qda_app.core.analysis.quarter_matrix import MatrixOptions, quarter_matrix
from qda_app.core.errors import ValidationError
from qda_app.core.project import Project
from qda_app.core.values import SegmentFilter


def independent_counts(
    project: Project, where: SegmentFilter | None = None
) -> tuple[dict, dict, list[int]]:
    """Segments and document sets per (row category, column), from the segment list alone:
    a segment counts for its category and its top-level category, in its Sozialraum or, for
    the city-wide level's own documents, in the city-wide column."""
    city = next(q.id for q in project.quarters.list() if q.kind == "city")
    segments: dict[tuple[int, int], int] = defaultdict(int)
    documents: dict[tuple[int, int], set[int]] = defaultdict(set)
    for segment in project.segments.list(where):
        if segment.social_space_id is not None:
            column = segment.social_space_id
        elif segment.quarter_id == city:
            column = city
        else:
            continue
        for row in {segment.category_id, segment.top_category_id}:
            segments[(row, column)] += 1
            documents[(row, column)].add(segment.document_id)
    spaces = [q.id for q in project.quarters.list() if q.kind == "social_space"]
    return segments, documents, [*spaces, city]


def test_segments_and_documents_match_counts_made_from_the_segment_list(study) -> None:
    project = study.project
    segments, documents, columns = independent_counts(project)
    by_segments = quarter_matrix(project, "segments")
    by_documents = quarter_matrix(project, "documents")
    assert [c.quarter_id for c in by_segments.columns] == columns
    for row in by_segments.rows:
        for column in columns:
            key = (row.category_id, column)
            assert by_segments.value(*key) == segments.get(key, 0), key
            assert by_documents.value(*key) == len(documents.get(key, ())), key
    assert by_segments.value(study.categories["Bedarfe/Zielgruppe"], study.quarters["Manfort"]) == 2
    assert (
        by_documents.value(study.categories["Bedarfe/Zielgruppe"], study.quarters["Manfort"]) == 1
    )
    # Opladen's count comes from its statistical quarter.
    assert by_segments.value(study.categories["Bedarfe"], study.quarters["Opladen"]) == 1


def test_totals_presence_and_share(study) -> None:
    project, cats, quarters = study.project, study.categories, study.quarters
    segments = quarter_matrix(project, "segments")
    # 12 codings, one on a document without quarter: 11 in the columns.
    assert segments.grand_total == 11
    assert segments.column_totals[quarters["Manfort"]] == 4
    assert segments.row_totals[cats["Bedarfe"]] == 9
    presence = quarter_matrix(project, "presence")
    assert presence.row_totals[cats["Bedarfe/Zielgruppe"]] == 4  # 3 quarters + city-wide
    assert presence.value(cats["Ressourcen/Sozialraum"], quarters["Alkenrath"]) == 0
    share = quarter_matrix(project, "share")
    # Opladen has three documents (two on the Sozialraum, one on Opladen-Zentrum).
    assert share.documents_per_column[quarters["Opladen"]] == 3
    assert share.value(cats["Bedarfe/Institutionen"], quarters["Opladen"]) == pytest.approx(1 / 3)
    assert share.value(cats["Bedarfe/Institutionen"], quarters["Manfort"]) == pytest.approx(1 / 2)
    assert share.column_totals[quarters["Manfort"]] == pytest.approx(1 / 2)


def test_named_in_exactly_k_minus_one_quarters_is_not_a_finding(study) -> None:
    rule = cross_quarter_rule(study.project, 4)
    cats = study.categories
    assert rule.n == 6
    assert rule.count(cats["Bedarfe/Institutionen"]) == 4
    assert rule.meets(cats["Bedarfe/Institutionen"])
    assert rule.count(cats["Bedarfe/Zielgruppe"]) == 3  # the city-wide level does not count
    assert not rule.meets(cats["Bedarfe/Zielgruppe"])
    assert not rule.meets(cats["Ressourcen/Sozialraum"])
    assert rule.met == (cats["Bedarfe"], cats["Bedarfe/Institutionen"])
    assert cross_quarter_rule(study.project, 3).meets(cats["Bedarfe/Zielgruppe"])


def test_the_city_wide_level_counts_only_when_asked(study) -> None:
    cats = study.categories
    counted = cross_quarter_rule(study.project, 4, options=MatrixOptions(count_city=True))
    assert counted.n == 7
    assert counted.meets(cats["Bedarfe/Zielgruppe"])
    hidden = quarter_matrix(study.project, "segments", MatrixOptions(include_city=False))
    assert all(not c.city_wide for c in hidden.columns)
    assert hidden.grand_total == 10


def test_fewer_quarters_shown_make_a_smaller_n(study) -> None:
    shown = tuple(study.quarters[name] for name in ("Manfort", "Alkenrath", "Rheindorf"))
    rule = cross_quarter_rule(study.project, 3, options=MatrixOptions(quarter_ids=shown))
    assert rule.n == 3
    assert rule.meets(study.categories["Bedarfe/Institutionen"])
    assert not rule.meets(study.categories["Bedarfe/Zielgruppe"])


def test_method_and_coder_filters(study) -> None:
    project, cats = study.project, study.categories
    workshop = project.methods.find("workshop").id
    keller = next(c.id for c in project.coders.list() if c.name == "Keller")
    for options, where in (
        (MatrixOptions(method_ids=(workshop,)), SegmentFilter(method_ids=(workshop,))),
        (MatrixOptions(coder_ids=(keller,)), SegmentFilter(coder_ids=(keller,))),
    ):
        matrix = quarter_matrix(project, "segments", options)
        segments, _documents, columns = independent_counts(project, where)
        for row in matrix.rows:
            for column in columns:
                assert matrix.value(row.category_id, column) == segments.get(
                    (row.category_id, column), 0
                )
        # Rheindorf's Institutionen coding is Yilmaz's, in an interview: filtered out.
        rule = cross_quarter_rule(project, 4, options=options)
        assert rule.count(cats["Bedarfe/Institutionen"]) == 3
        assert not rule.meets(cats["Bedarfe/Institutionen"])


def test_share_counts_only_the_documents_of_the_filtered_method(study) -> None:
    project = study.project
    workshop = project.methods.find("workshop").id
    share = quarter_matrix(project, "share", MatrixOptions(method_ids=(workshop,)))
    assert share.documents_per_column[study.quarters["Manfort"]] == 1
    assert share.value(study.categories["Bedarfe/Institutionen"], study.quarters["Manfort"]) == 1


def test_own_codings_only(study) -> None:
    matrix = quarter_matrix(study.project, "segments", MatrixOptions(subcategories=False))
    assert matrix.row_totals[study.categories["Bedarfe"]] == 0
    assert matrix.row_totals[study.categories["Bedarfe/Zielgruppe"]] == 5


def test_statement_basis_counts_quarters_linked_to_a_cross_quarter_statement(study) -> None:
    project, cats, quarters = study.project, study.categories, study.quarters
    institution = cats["Bedarfe/Institutionen"]
    per_quarter = {
        name: project.statements.add(institution, f"Geschlossen in {name}", quarters[name])
        for name in ("Manfort", "Alkenrath", "Rheindorf", "Opladen")
    }
    across = project.statements.add(institution, "Einrichtungen waren lange geschlossen")
    for name in ("Manfort", "Alkenrath", "Rheindorf"):
        project.statements.link_source(across.id, per_quarter[name].id)
    rule = cross_quarter_rule(project, 4, basis="statements")
    assert rule.count(institution) == 3
    assert not rule.meets(institution)
    project.statements.link_source(across.id, per_quarter["Opladen"].id)
    rule = cross_quarter_rule(project, 4, basis="statements")
    assert rule.named_in[institution] == tuple(
        quarters[n] for n in ("Manfort", "Alkenrath", "Rheindorf", "Opladen")
    )
    assert rule.met == (cats["Bedarfe"], institution)


def test_bad_measure_basis_and_k_are_refused(study) -> None:
    with pytest.raises(ValidationError, match="Unknown measure"):
        quarter_matrix(study.project, "words")
    with pytest.raises(ValidationError, match="Unknown basis"):
        cross_quarter_rule(study.project, basis="votes")
    with pytest.raises(ValidationError, match="at least 1"):
        cross_quarter_rule(study.project, 0)


def test_an_empty_project_gives_zeros(project) -> None:
    matrix = quarter_matrix(project, "share")
    assert matrix.grand_total == 0
    assert float(matrix.values.to_numpy().sum()) == 0
    assert cross_quarter_rule(project).met == ()


def test_the_demo_study_against_its_segment_list(demo_path) -> None:
    with Project.open(demo_path) as project:
        segments, documents, columns = independent_counts(project)
        matrix = quarter_matrix(project, "segments")
        by_documents = quarter_matrix(project, "documents")
        rule = cross_quarter_rule(project, 4, matrix=matrix)
        assert matrix.grand_total == sum(
            n for (row, _c), n in segments.items() if row in {r.top_id for r in matrix.rows}
        )
        for row in matrix.rows:
            named = 0
            for column in columns:
                key = (row.category_id, column)
                assert matrix.value(*key) == segments.get(key, 0)
                assert by_documents.value(*key) == len(documents.get(key, ()))
                city = next(c for c in matrix.columns if c.city_wide).quarter_id
                named += column != city and segments.get(key, 0) > 0
            assert rule.count(row.category_id) == named
            assert rule.meets(row.category_id) == (named >= 4)
