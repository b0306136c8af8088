"""Projects written by other programs: the ATLAS.ti samples, and archives built to the
specification with the variations programs use (folder and file names, path schemes, inline
text, byte-order mark, line breaks, sources and selections this app does not hold)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exchange.helpers import REFI
from exchange.refi_archives import (
    code,
    codebook,
    g,
    project_xml,
    selection,
    text_source,
    write_qdpx,
)

from qda_app.core.exchange.qdpx_import import import_qdpx
from qda_app.core.project import Project

TEXT = "Erste Zeile über das Quartier.\r\nZweite Zeile: Der Treffpunkt fehlt.\r\nDritte Zeile."
USERS = {g(90): "Anna", g(91): "ATLAS.ti"}


def words_at(text: str, words: str) -> tuple[int, int, str]:
    start = text.index(words)
    return start, start + len(words), words


def codings_of(path: Path) -> list[tuple[str, str, str, str]]:
    """(document, coded words, category, coder) of every coding of a project file."""
    with Project.open(path) as project:
        return sorted(
            (s.document_title, s.text, s.category_path[-1], s.coder)
            for s in project.segments.iter()
        )


@pytest.mark.parametrize("sample", ["atlasti-23-blank.qdpx", "atlasti-23-codes.qdpx"])
def test_the_atlas_ti_samples_import(sample: str, tmp_path: Path) -> None:
    summary = import_qdpx(REFI / "samples" / sample, tmp_path / "atlas.qda")
    with Project.open(tmp_path / "atlas.qda") as project:
        names = [c.name for c in project.categories.list()]
        assert project.details.get().name.endswith("atlas-project")
    if sample == "atlasti-23-codes.qdpx":
        assert names == ["Commits", "2022-05-10T02:05:59Z 19e4dce", "2022-02-11T10:39:25Z cdbfd92"]
        assert summary.count("categories") == 3
    else:
        assert names == []


def standard_project(text_member: str, path_attr: str, text: bytes, **options: object) -> dict:
    """A project as MAXQDA or NVivo write it: one text, three codings, CRLF counted as two."""
    raw = text.decode("utf-8-sig")
    one = words_at(raw, "über das Quartier")
    two = words_at(raw, "Der Treffpunkt fehlt.")
    selections = selection(g(20), one[0], one[1], one[2], [(g(30), g(1), g(90))]) + selection(
        g(21), two[0], two[1], two[2], [(g(31), g(2), g(90)), (g(32), g(1), g(90))]
    )
    body = codebook(code(g(1), "Raum"), code(g(2), "Treffpunkte")) + (
        "<Sources>"
        + text_source(g(10), "Interview 1", path=path_attr, selections=selections)
        + "</Sources>"
    )
    qde_name = str(options.get("qde_name", "project.qde"))
    return {qde_name: project_xml(body, users=USERS), text_member: text}


EXPECTED = [
    ("Interview 1", "Der Treffpunkt fehlt.", "Raum", "Anna"),
    ("Interview 1", "Der Treffpunkt fehlt.", "Treffpunkte", "Anna"),
    ("Interview 1", "über das Quartier", "Raum", "Anna"),
]


@pytest.mark.parametrize(
    ("text_member", "path_attr", "qde_name"),
    [
        ("sources/A1.txt", "internal://A1.txt", "project.qde"),
        ("Sources/A1.txt", "internal://A1.txt", "project.qde"),  # NVivo: capital S
        ("sources/A1.txt", "internal://a1.TXT", "Projekt Export.qde"),  # another .qde name
        ("sources/A1.txt", "relative:///sources/A1.txt", "project.qde"),
        ("sources/A1.txt", "absolute:///C:/Daten/Projekt/Sources/A1.txt", "project.qde"),
    ],
)
def test_standard_variations_import(
    text_member: str, path_attr: str, qde_name: str, tmp_path: Path
) -> None:
    members = standard_project(text_member, path_attr, TEXT.encode(), qde_name=qde_name)
    summary = import_qdpx(write_qdpx(tmp_path / "in.qdpx", members), tmp_path / "out.qda")
    assert codings_of(tmp_path / "out.qda") == EXPECTED
    assert summary.corrected == () and summary.left_out == ()
    with Project.open(tmp_path / "out.qda") as project:
        (document,) = project.documents.list()
        assert project.documents.text(document.id) == TEXT.replace("\r\n", "\n")


def test_a_byte_order_mark_is_not_counted_and_text_may_be_inline(tmp_path: Path) -> None:
    members = standard_project(
        "sources/A1.txt", "internal://A1.txt", b"\xef\xbb\xbf" + TEXT.encode()
    )
    import_qdpx(write_qdpx(tmp_path / "bom.qdpx", members), tmp_path / "bom.qda")
    assert codings_of(tmp_path / "bom.qda") == EXPECTED
    content = "Kurzer Text mit Inhalt."
    inline = text_source(
        g(10),
        "Interview 1",
        content=content,
        selections=selection(g(20), *words_at(content, "Text"), [(g(30), g(1), g(90))]),
    )
    body = codebook(code(g(1), "Raum")) + f"<Sources>{inline}</Sources>"
    write_qdpx(tmp_path / "inline.qdpx", {"project.qde": project_xml(body, users=USERS)})
    import_qdpx(tmp_path / "inline.qdpx", tmp_path / "inline.qda")
    assert codings_of(tmp_path / "inline.qda") == [("Interview 1", "Text", "Raum", "Anna")]


def test_crlf_counted_as_one_is_detected_from_the_names(tmp_path: Path) -> None:
    collapsed = TEXT.replace("\r\n", "\n")
    one = words_at(collapsed, "Dritte Zeile.")
    body = codebook(code(g(1), "Raum")) + (
        "<Sources>"
        + text_source(
            g(10),
            "Interview 1",
            path="internal://A1.txt",
            selections=selection(g(20), one[0], one[1], one[2], [(g(30), g(1), g(90))]),
        )
        + "</Sources>"
    )
    members = {"project.qde": project_xml(body, users=USERS), "sources/A1.txt": TEXT}
    summary = import_qdpx(write_qdpx(tmp_path / "in.qdpx", members), tmp_path / "out.qda")
    assert codings_of(tmp_path / "out.qda") == [("Interview 1", "Dritte Zeile.", "Raum", "Anna")]
    assert [f.key for f in summary.corrected] == ["exchange.fixed.crlf_as_one"]


def test_what_this_app_does_not_hold_is_skipped_and_reported(tmp_path: Path) -> None:
    text = "Ein Text über den Jugendtreff und den Spielplatz."
    good = words_at(text, "Jugendtreff")
    selections = (
        selection(g(20), *good, [(g(30), g(1), g(90))])
        + selection(g(21), 40, 400, "zu weit", [(g(31), g(1), g(90))])  # beyond the text
        + selection(g(22), 4, 8, "Text", [(g(32), g(99), g(90))])  # an unknown code
        + selection(g(23), 4, 8, "Text", [])  # no code at all
    )
    picture = (
        f'<PictureSource guid="{g(11)}" name="Foto.jpg" path="internal://F.jpg">'
        f'<PictureSelection guid="{g(24)}" firstX="1" firstY="1" secondX="5" secondY="5">'
        f'<Coding guid="{g(33)}"><CodeRef targetGUID="{g(1)}"/></Coding></PictureSelection>'
        "</PictureSource>"
    )
    pdf = (
        f'<PDFSource guid="{g(12)}" name="Flyer.pdf" path="internal://P.pdf">'
        f'<PDFSelection guid="{g(25)}" page="0" firstX="1" firstY="1" secondX="5" secondY="5"/>'
        f'<Representation guid="{g(13)}" plainTextPath="internal://P.txt">'
        + selection(g(26), 0, 6, "Flyer:", [(g(34), g(1), g(90))])
        + "</Representation></PDFSource>"
    )
    media = (
        f'<AudioSource guid="{g(14)}" name="Ton.m4a" path="relative:///Ton.m4a"/>'
        f'<VideoSource guid="{g(15)}" name="Film.mp4" path="absolute:///C:/Film.mp4"/>'
    )
    outside = text_source(g(16), "Anderswo", path="absolute:///home/x/geheim.txt")
    body = (
        codebook(code(g(1), "Orte"))
        + "<Sources>"
        + text_source(g(10), "Text", path="internal://T.txt", selections=selections)
        + picture
        + pdf
        + media
        + outside
        + "</Sources>"
        + f'<Graphs><Graph guid="{g(40)}" name="Netz"/></Graphs>'
    )
    members = {
        "project.qde": project_xml(body, users=USERS),
        "sources/T.txt": text,
        "sources/P.txt": "Flyer: Sommerfest im Park",
        "sources/F.jpg": b"\xff\xd8\xff",
    }
    summary = import_qdpx(write_qdpx(tmp_path / "in.qdpx", members), tmp_path / "out.qda")
    assert codings_of(tmp_path / "out.qda") == [
        ("Flyer.pdf", "Flyer:", "Orte", "Anna"),  # a PDF's text version is a document
        ("Text", "Jugendtreff", "Orte", "Anna"),
    ]
    left = {f.key: f.count for f in summary.left_out}
    assert left["exchange.left.out_of_range"] == 1
    assert left["exchange.left.unknown_code"] == 1
    assert left["exchange.left.uncoded_selection"] == 1
    assert left["exchange.left.source_picture"] == 1
    assert left["exchange.left.source_audio"] == 1
    assert left["exchange.left.source_video"] == 1
    assert left["exchange.left.text_missing"] == 1  # the absolute path outside the archive
    assert left["exchange.left.regions"] == 1  # the PDF region
    assert left["exchange.left.codings_of_skipped_sources"] == 1  # the picture's coding
    assert left["exchange.left.graphs"] == 1
    texts = [f.text for f in summary.left_out]
    assert "Picture “Foto.jpg” not imported (this app holds texts only)." in texts


def variable(guid: str, name: str, kind: str) -> str:
    return f'<Variable guid="{guid}" name="{name}" typeOfVariable="{kind}"/>'


def value(variable_guid: str, element: str, text: str) -> str:
    return (
        f'<VariableValue><VariableRef targetGUID="{variable_guid}"/>'
        f"<{element}>{text}</{element}></VariableValue>"
    )


def note(guid: str, name: str, text: str) -> str:
    return f'<Note guid="{guid}" name="{name}"><PlainTextContent>{text}</PlainTextContent></Note>'


def test_notes_sets_and_cases_of_other_programs(tmp_path: Path) -> None:
    text = "Die Nachbarn helfen einander beim Einkaufen."
    words = words_at(text, "Nachbarn helfen")
    variables = variable(g(50), "Alter", "Integer") + variable(g(51), "Erhoben", "DateTime")
    values = (
        f'<NoteRef targetGUID="{g(72)}"/>'
        + value(g(50), "IntegerValue", "67")
        + value(g(51), "DateTimeValue", "2021-03-04T10:00:00Z")
    )
    case = f'<Case guid="{g(60)}" name="Familie M."><SourceRef targetGUID="{g(10)}"/></Case>'
    body = (
        codebook(code(g(1), "Hilfe", description="Gegenseitige Unterstützung"))
        + f"<Variables>{variables}</Variables><Cases>{case}</Cases>"
        + "<Sources>"
        + text_source(
            g(10),
            "Gespräch",
            path="internal://T.txt",
            selections=selection(
                g(20), *words, [(g(30), g(1), g(90))], notes=(g(70),), description="Kommentar"
            ),
            extra=values,
        )
        + "</Sources><Notes>"
        + note(g(70), "Memo zur Stelle", "Wichtig")
        + note(g(71), "Forschungsplan", "Plan A")
        + note(g(72), "Zum Gespräch", "Lange Pause")
        + "</Notes>"
        + f'<Sets><Set guid="{g(80)}" name="Ältere"><MemberSource targetGUID="{g(10)}"/></Set>'
        + "</Sets>"
    )
    members = {"project.qde": project_xml(body, users=USERS), "sources/T.txt": text}
    summary = import_qdpx(write_qdpx(tmp_path / "in.qdpx", members), tmp_path / "out.qda")
    with Project.open(tmp_path / "out.qda") as project:
        (segment,) = project.segments.list()
        assert segment.memo == "Kommentar\n\nWichtig"
        (document,) = project.documents.list()
        assert project.variables.values(document.id) == {
            "Alter": 67,
            "Erhoben": date(2021, 3, 4),
            "Ältere": True,
        }
        quarter = project.quarters.get(document.quarter_id)
        assert quarter.name == "Familie M."
        journal = project.details.get().journal
        assert (
            "Forschungsplan\nPlan A" in journal and "Gespräch: Zum Gespräch\nLange Pause" in journal
        )
        assert project.categories.list()[0].definition == "Gegenseitige Unterstützung"
    corrected = {f.key for f in summary.corrected}
    assert {"exchange.fixed.set_as_variable", "exchange.fixed.datetime_as_date"} <= corrected
