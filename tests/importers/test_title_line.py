"""An imported protocol is titled by its first line when that line is a title."""

from __future__ import annotations

from pathlib import Path

import pytest

from qda_app.core.importers.batch import ImportOptions, MetadataSources, import_one
from qda_app.core.importers.formats import extract
from qda_app.core.importers.title_line import title_from_text

PROTOCOLS = Path(__file__).parents[2] / "sample_projects" / "leverkusen" / "protocols"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Workshop Manfort, Gruppe 2\n\nHerausforderungen & Bedarfe\n",
            "Workshop Manfort, Gruppe 2",
        ),
        ("Protokoll: Treffen der Träger Opladen\n\nText.\n", "Treffen der Träger Opladen"),
        ("Protokoll Telefoninterview\n\nI: Guten Tag.\n", None),  # generic words only
        ("I: Guten Tag, Frau M.\nB: Hallo.\n", None),  # a speaker's turn
        ("Es war ein langer Abend.\n\nMehr.\n", None),  # a sentence
        ("Erste Zeile ohne Leerzeile\nzweite Zeile\n", None),
    ],
)
def test_first_line_as_title(tmp_path: Path, text: str, title: str | None) -> None:
    path = tmp_path / "protokoll_07.txt"
    path.write_text(text, encoding="utf-8")
    assert title_from_text(extract(path)) == title


def test_sample_workshops_get_their_heading_and_interviews_keep_the_file_name() -> None:
    workshop = title_from_text(extract(PROTOCOLS / "ws_02_manfort.docx"))
    assert workshop == "Online-Expert*innen-Workshop Sozialraum Manfort"
    assert title_from_text(extract(PROTOCOLS / "ti_rheindorf_2.txt")) is None


def test_import_uses_the_first_line_unless_a_title_is_given(tmp_path: Path, project) -> None:
    path = tmp_path / "ws_manfort.txt"
    path.write_text("Workshop Manfort, Gruppe 2\n\nEs fehlen Räume.\n", encoding="utf-8")
    options = ImportOptions()
    outcome = import_one(
        project, path, MetadataSources.from_options(options).for_file(path), options
    )
    assert outcome.status == "imported"
    assert [d.title for d in project.documents.list()] == ["Workshop Manfort, Gruppe 2"]
