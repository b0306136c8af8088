"""The planning section of the slide decks, read back with python-pptx."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Inches

from qda_app.core import i18n
from qda_app.core.exporters.planning_slides import PlanningSlideOptions, add_planning_slides
from qda_app.core.project import Project


def texts(slide) -> list[str]:
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found.extend(p.text for p in shape.text_frame.paragraphs)
        if shape.has_table:
            found.extend(c.text for row in shape.table.rows for c in row.cells)
    return found


def test_one_slide_per_goal_and_an_overview(demo: Project, tmp_path: Path) -> None:
    i18n.set_language("de")
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    assert add_planning_slides(deck, demo) == 6
    path = tmp_path / "planning.pptx"
    deck.save(str(path))
    slides = list(Presentation(str(path)).slides)
    titles = [s.shapes.title.text for s in slides]
    assert titles[0] == "Anknüpfungspunkte & Empfehlungen: Ziele je Sozialraum"
    assert titles[1:] == [f"Anknüpfungspunkte & Empfehlungen ({n}/5)" for n in range(1, 6)]
    overview = next(s for s in slides[0].shapes if s.has_table).table
    assert [c.text for c in overview.rows[0].cells][
        1
    ] == "Sozialraumentwicklung strukturell stärken"
    manfort = next(r for r in overview.rows if r.cells[0].text == "Manfort")
    assert manfort.cells[4].text == "8 Befunde\n1 Maßnahmen"  # Öffentlicher Raum
    raum = texts(slides[4])
    assert "Öffentlichen Raum ausbauen und stärken" in raum
    assert "• Bolzplatz wieder öffnen, Flutlicht und Bank aufstellen (Rheindorf; läuft)" in raum
    digital = texts(slides[5])
    assert not any("WLAN im Stadtteiltreff" in t for t in digital)  # dropped
    for slide in slides:  # everything lies on the 16:9 slide
        for shape in slide.shapes:
            assert shape.left + shape.width <= deck.slide_width
            assert shape.top + shape.height <= deck.slide_height


def test_options_limit_the_bullets_and_leave_out_the_overview(demo: Project) -> None:
    deck = Presentation()
    options = PlanningSlideOptions(overview=False, max_items=2, include_dropped=True)
    assert add_planning_slides(deck, demo, options) == 5
    digital = texts(list(deck.slides)[4])
    assert any("… and" in t for t in digital) or any("Freies WLAN" in t for t in digital)
