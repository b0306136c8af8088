"""Codings per category × Sozialraum, with statistical quarters rolled up."""

from __future__ import annotations

import pytest

from qda_app.core.analysis.frequencies import frequency_table

pytestmark = pytest.mark.both_backends


def test_counts_roll_up_statistical_quarters(project, categories) -> None:
    manfort = project.quarters.find("Manfort").id
    opladen_centre = project.quarters.find("30").id  # Opladen-Zentrum, inside Opladen
    city = project.quarters.find("Stadtweit").id
    text = "Treffpunkte fehlen. Geräte fehlen. Nachbarn helfen."
    first = project.documents.add("WS Manfort", text, quarter_id=manfort)
    second = project.documents.add("TI Opladen", text, quarter_id=opladen_centre)
    third = project.documents.add("WS stadtweit", text, quarter_id=city)
    unassigned = project.documents.add("ohne Quartier", text)
    target = categories["Bedarfe/Sozialraum"]
    for doc in (first, second, second, third, unassigned):
        start = len(project.segments.of_document(doc.id)) * 5
        project.codings.add(doc.id, start, start + 4, target)
    project.codings.add(first.id, 20, 34, categories["Bedarfe/Digitalisierung"])

    table = frequency_table(project)
    assert list(table.columns) == [
        "Stadtweit",
        "Manfort",
        "Alkenrath",
        "Rheindorf",
        "Opladen",
        "Wiesdorf",
        "Steinbüchel",
    ]
    row = "Herausforderungen und Bedarfe/im Hinblick auf den Sozialraum"
    assert table.loc[row].to_dict() == {
        "Stadtweit": 1,
        "Manfort": 1,
        "Alkenrath": 0,
        "Rheindorf": 0,
        "Opladen": 2,
        "Wiesdorf": 0,
        "Steinbüchel": 0,
    }
    assert (
        table.loc[
            "Herausforderungen und Bedarfe/im Hinblick auf das Querschnittsthema Digitalisierung",
            "Manfort",
        ]
        == 1
    )
    assert len(table) == 15 and int(table.values.sum()) == 5  # the unassigned one is left out
    documents = frequency_table(project, unique_documents=True)
    assert documents.loc[row, "Opladen"] == 1
