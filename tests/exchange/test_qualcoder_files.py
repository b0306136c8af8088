"""Files written by QualCoder 4, with the deviations its users meet: selection offsets in
UTF-16 units, a byte-order mark its positions do not count, CRLF line breaks counted as one
character, categories not codable and without colour, a creating user that is not listed,
and cases not linked to their documents. Each archive is built to match."""

from __future__ import annotations

from pathlib import Path

from exchange.refi_archives import (
    code,
    codebook,
    g,
    project_xml,
    selection,
    text_source,
    utf16_offset,
    write_qdpx,
)

from qda_app.core.exchange.qdpx_import import import_qdpx
from qda_app.core.project import Project

ORIGIN = "QualCoder 4.0"
EMOJI = "Im Quartier 😀 fehlt ein Treffpunkt. Die Kinder 👧🏽 spielen auf der Straße."
CRLF = "Erste Antwort.\r\nZweite Antwort: Das Jugendzentrum 🏠 hat zu.\r\nDritte Antwort."
PLAIN = "Nur ein kurzer Text ohne Besonderheiten."
USERS = {g(90): "default"}


def qualcoder_selection(guid: int, counted: str, words: str, code_guid: str, user: str | None):
    """A selection as QualCoder writes it: UTF-16 offsets into its text (line breaks as one
    character), the coded words as name."""
    start = counted.index(words)
    return selection(
        g(guid),
        utf16_offset(counted, start),
        utf16_offset(counted, start + len(words)),
        words,
        [(g(guid + 100), code_guid, user)],
        user=user,
    )


def qualcoder_archive(path: Path, *, names: bool = True) -> Path:
    emoji_counted = EMOJI
    crlf_counted = CRLF.replace("\r\n", "\n")
    sources = [
        text_source(
            g(10),
            "Workshop.txt",
            path="internal://S10.txt",
            selections=qualcoder_selection(
                20, emoji_counted, "Die Kinder 👧🏽 spielen", g(2), g(90)
            )
            + qualcoder_selection(21, emoji_counted, "fehlt ein Treffpunkt", g(3), ""),
            extra=(
                f'<VariableValue><VariableRef targetGUID="{g(50)}"/>'
                "<TextValue>Stadtweit / Manfort</TextValue></VariableValue>"
            ),
        ),
        text_source(
            g(11),
            "Interview.txt",
            path="internal://S11.txt",
            selections=qualcoder_selection(
                22, crlf_counted, "Das Jugendzentrum 🏠 hat zu.", g(2), None
            )
            + qualcoder_selection(23, crlf_counted, "Dritte Antwort.", g(3), g(99)),
        ),
        text_source(
            g(12),
            "Notiz.txt",
            path="internal://S12.txt",
            selections=qualcoder_selection(24, PLAIN, "kurzer Text", g(3), g(90)),
        ),
    ]
    if not names:
        sources = [s.replace(' name="Die Kinder 👧🏽 spielen"', ' name=""') for s in sources]
        sources = [s.replace(' name="Das Jugendzentrum 🏠 hat zu."', "") for s in sources]
    body = (
        codebook(
            code(
                g(1),
                "Zielgruppe",
                codable=False,
                color=None,
                children=code(g(2), "Kinder und Jugend", color="#00ff00")
                + code(g(3), "Orte", color="#0000ff"),
            )
        )
        + f'<Variables><Variable guid="{g(50)}" name="Quartier" typeOfVariable="Text"/></Variables>'
        # The case of a study exported by this app, passed through QualCoder: its
        # description survives, its links to the documents do not.
        + f'<Cases><Case guid="{g(60)}" name="Stadtweit / Manfort">'
        + "<Description>Art: Sozialraum</Description></Case></Cases>"
        + "<Sources>"
        + "".join(sources)
        + "</Sources>"
    )
    bom = b"\xef\xbb\xbf"
    return write_qdpx(
        path,
        {
            "project.qde": project_xml(body, origin=ORIGIN, creating_user=g(77), users=USERS),
            "sources/S10.txt": bom + EMOJI.encode(),
            "sources/S11.txt": bom + CRLF.encode(),
            "sources/S12.txt": bom + PLAIN.encode(),
        },
    )


def coded(path: Path) -> list[tuple[str, str, str, str]]:
    with Project.open(path) as project:
        return sorted(
            (s.document_title, s.text, s.category_label, s.coder) for s in project.segments.iter()
        )


EXPECTED = [
    ("Interview.txt", "Das Jugendzentrum 🏠 hat zu.", "Zielgruppe/Kinder und Jugend", "Importer"),
    ("Interview.txt", "Dritte Antwort.", "Zielgruppe/Orte", "Importer"),
    ("Notiz.txt", "kurzer Text", "Zielgruppe/Orte", "default"),
    ("Workshop.txt", "Die Kinder 👧🏽 spielen", "Zielgruppe/Kinder und Jugend", "default"),
    ("Workshop.txt", "fehlt ein Treffpunkt", "Zielgruppe/Orte", "Importer"),
]


def test_each_quirk_is_corrected_and_reported(tmp_path: Path) -> None:
    archive = qualcoder_archive(tmp_path / "qualcoder.qdpx")
    summary = import_qdpx(archive, tmp_path / "out.qda", actor="Importer")
    assert coded(tmp_path / "out.qda") == EXPECTED
    corrected = {f.key: f.count for f in summary.corrected}
    assert corrected["exchange.fixed.utf16"] == 2  # the two texts with emoji
    assert corrected["exchange.fixed.crlf_as_one"] == 1
    assert corrected["exchange.fixed.qualcoder_category_codable"] == 1
    assert corrected["exchange.fixed.colour_assigned"] == 1
    assert corrected["exchange.fixed.unknown_coder"] == 3
    assert corrected["exchange.fixed.quarter_from_variable"] == 1
    assert "exchange.fixed.bom_counted" not in corrected  # its positions do not count the BOM
    texts = [f.text for f in summary.corrected]
    assert any(text.startswith("2 documents: positions counted in UTF-16 units") for text in texts)
    with Project.open(tmp_path / "out.qda") as project:
        top = project.categories.list()[0]
        assert top.name == "Zielgruppe" and top.codable and top.colour.startswith("#")
        workshop = next(d for d in project.documents.list() if d.title == "Workshop.txt")
        assert project.quarters.get(workshop.quarter_id).name == "Manfort"
        texts = {d.title: project.documents.text(d.id) for d in project.documents.list()}
    assert texts["Interview.txt"] == CRLF.replace("\r\n", "\n")  # stored without the BOM


def test_without_names_the_units_follow_what_qualcoder_does(tmp_path: Path) -> None:
    archive = qualcoder_archive(tmp_path / "qualcoder.qdpx", names=False)
    import_qdpx(archive, tmp_path / "out.qda", actor="Importer")
    assert coded(tmp_path / "out.qda") == EXPECTED
