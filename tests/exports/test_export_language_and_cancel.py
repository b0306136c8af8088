"""The export's own language (German slides on an English machine), the instruments worded
as the reference study, and cancelling inside a long file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exports.export_readback import slide_bullets, slide_title
from pptx import Presentation

from qda_app.cli.main import main
from qda_app.core.exporters.export_options import ExportOptions
from qda_app.core.exporters.export_run import plan_export, run_export
from qda_app.core.exporters.instruments import Instrument, event_name, plural_name
from qda_app.core.i18n import language, tr, using_language
from qda_app.core.project import Project


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine on the C locale: messages in English."""
    from qda_app.core import i18n

    monkeypatch.setattr(i18n, "_current", "en")


def test_a_german_deck_on_an_english_machine(demo_path: Path, tmp_path: Path) -> None:
    with Project.open(demo_path) as project:
        manfort = project.quarters.find("Manfort").id
        options = ExportOptions(quarter_ids=(manfort,), cross=True, language="de")
        written = run_export(plan_export(project, "pptx", tmp_path, options))
    assert [p.name for p in written] == [
        "leverkusen-demo-Manfort.pptx",
        "leverkusen-demo-sozialraumuebergreifend.pptx",
    ]
    deck = Presentation(str(written[0]))
    titles = [slide_title(s) for s in deck.slides]
    assert titles[:3] == [
        "Ergebnisse Sozialraum: Manfort",
        "Erhebungsinstrumente",
        "Kategoriensystem",
    ]
    assert "Herausforderungen und Bedarfe im Hinblick auf die Zielgruppe" in titles
    assert slide_bullets(deck.slides[1]) == [
        "Online-Expert*innen-Workshop 09.11.2020 (N=8)",
        "Telefoninterviews 12.11.–10.12.2020 (N=5)",
    ]
    across = [slide_title(s) for s in Presentation(str(written[1])).slides]
    assert across[:2] == ["Ergebnisse sozialraumübergreifend", "Kategorien nach Sozialräumen"]
    assert across[2] == "Kategorien nach Sozialräumen: Anzahl der Kodierungen (1/2)"
    assert language() == "en" and tr("exports.slide.instruments") == "Data collection instruments"


def test_the_cli_language_option(demo_path: Path, tmp_path: Path) -> None:
    args = ["export", str(demo_path), "--format", "docx", "--out", str(tmp_path)]
    assert main([*args, "--quarter", "Manfort", "--language", "de"]) == 0
    from docx import Document

    [report] = tmp_path.glob("*.docx")
    assert report.name == "leverkusen-demo-bericht.docx" or "bericht" in report.name.lower()
    texts = [p.text for p in Document(str(report)).paragraphs]
    assert any(t.startswith("In Manfort fand am 09.11.2020 der Online-Expert*innen") for t in texts)


def test_instruments_worded_as_the_reference_study() -> None:
    with using_language("de"):
        assert event_name("Workshop", "online") == "Online-Expert*innen-Workshop"
        assert event_name("Workshop", "vor Ort") == "Vor-Ort-Expert*innen-Workshop"
        assert event_name("Workshop", "hybrid") == "Workshop (hybrid)"
        assert event_name("Workshop", "") == "Workshop"
        assert plural_name("Telefoninterview", 5) == "Telefoninterviews"
        assert plural_name("Telefoninterview", 1) == "Telefoninterview"
        one = Instrument("Online-Expert*innen-Workshop", (date(2020, 11, 9),), 8, 1, "online")
        assert one.line == "Online-Expert*innen-Workshop 09.11.2020 (N=8)"
        span = (date(2020, 12, 10), date(2020, 11, 12))
        assert Instrument("Telefoninterviews", span, 5, 5).line == (
            "Telefoninterviews 12.11.–10.12.2020 (N=5)"
        )
        years = (date(2020, 11, 13), date(2021, 1, 12))
        assert Instrument("Telefoninterviews", years, 4, 4).when == "13.11.2020–12.01.2021"
        assert Instrument("Telefoninterview", (), 1, 1).line == "Telefoninterview (N=1)"
    assert Instrument("Telefoninterviews", span, 5, 5).when == "2020-11-12–2020-12-10"


class CancelAfter:
    """Says "cancel" from its `after`-th question on (0: at once)."""

    def __init__(self, after: int) -> None:
        self.after, self.asked = after, 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.asked > self.after


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_cancel_after_the_first_progress_report_leaves_no_file(
    demo_path: Path, tmp_path: Path, fmt: str
) -> None:
    reports: list[tuple[int, int, str]] = []
    with Project.open(demo_path) as project:
        planned = plan_export(project, fmt, tmp_path, ExportOptions(cross=True))
        written = run_export(
            planned,
            progress=lambda *report: reports.append(report),
            cancel=lambda: bool(reports),  # cancelled once the first report came
        )
    assert written == [] and len(reports) == 1
    assert list(tmp_path.iterdir()) == []  # nothing half-written, no temporary file


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_cancel_inside_a_long_file_stops_between_sheets_or_chapters(
    demo_path: Path, tmp_path: Path, fmt: str
) -> None:
    cancel = CancelAfter(2)  # the file is started, then cancelled at its second checkpoint
    with Project.open(demo_path) as project:
        planned = plan_export(project, fmt, tmp_path, ExportOptions(cross=True))
        written = run_export(planned, cancel=cancel)
    assert cancel.asked == 3  # no further checkpoint was asked: the writer stopped there
    assert written == [] and list(tmp_path.iterdir()) == []


def test_cancel_between_slides_keeps_the_finished_decks(demo_path: Path, tmp_path: Path) -> None:
    with Project.open(demo_path) as project:
        planned = plan_export(project, "pptx", tmp_path, ExportOptions())
        first = run_export(planned[:1], cancel=CancelAfter(1000))
        assert first == [planned[0].path]
        slides = len(Presentation(str(first[0])).slides)
        cancel = CancelAfter(slides + 5)  # well into the second deck
        for path in first:
            path.unlink()
        written = run_export(planned, cancel=cancel)
    assert written == [planned[0].path]
    assert sorted(p.name for p in tmp_path.iterdir()) == [planned[0].path.name]
