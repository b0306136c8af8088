"""Fixtures of the exchange tests: the REFI-QDA schemas, the demo study, a small study with
every kind of content, and helpers that read an exported archive back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exchange.helpers import REFI, TEXT_MANFORT, TEXT_OPLADEN, span
from lxml import etree
from qda_app.sample_projects.demo_builder import build_demo

from qda_app.core.presets import apply_preset
from qda_app.core.project import Project
from qda_app.core.services.variables import VariableChange


@pytest.fixture(scope="session")
def project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(REFI / "Project.xsd")))


@pytest.fixture(scope="session")
def codebook_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(REFI / "Codebook.xsd")))


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def study(tmp_path: Path) -> Project:
    """A small study with quarters, both methods, typed variables, two coders, every kind of
    coding note, anchors, statements of a quarter and across quarters, and a journal."""
    project = Project.create(tmp_path / "study.qda", name="Kleine Studie", actor="Keller")
    apply_preset(project, "leverkusen")
    manfort = project.quarters.find("Manfort")
    zentrum = project.quarters.find("Opladen-Zentrum (30)")
    assert manfort is not None and zentrum is not None
    workshop = project.methods.find("workshop")
    phone = project.methods.find("Telefoninterview")
    assert workshop is not None and phone is not None
    first = project.documents.add(
        "Workshop Manfort",
        TEXT_MANFORT,
        quarter_id=manfort.id,
        method_id=workshop.id,
        date=date(2020, 11, 9),
        group_label="Gruppe A",
        participants=8,
        moderator="Frau K.",
        source_filename="Manfort_WS.docx",
    )
    second = project.documents.add(
        "Interview Opladen", TEXT_OPLADEN, quarter_id=zentrum.id, method_id=phone.id
    )
    project.documents.update(
        first.id,
        [
            VariableChange("Träger", "text", "Caritas"),
            VariableChange("Dauer", "integer", 45),
            VariableChange("Anteil", "float", 0.25),
            VariableChange("Nachgespräch", "date", date(2020, 12, 1)),
            VariableChange("Aufgezeichnet", "boolean", True),
        ],
    )
    paths = {path: cid for cid, path in project.categories.paths().items()}
    staff = paths["Herausforderungen und Bedarfe/im Hinblick auf die Institutionen"]
    families = paths["Herausforderungen und Bedarfe/im Hinblick auf die Zielgruppe"]
    help_ = paths["Ressourcen und Möglichkeiten/im Hinblick auf den Sozialraum"]
    youth = paths["Empfehlungen und Leerstellen/im Hinblick auf die Zielgruppe"]
    a = project.codings.add(
        first.id,
        *span(TEXT_MANFORT, "Die Hygienekonzepte haben viel Personal gebunden. 😀"),
        staff,
        memo="Personal fehlt überall.\nZweite Zeile.",
        paraphrase="Hygiene bindet Personal",
        generalisation="Personalmangel durch Schutzauflagen",
    )
    b = project.codings.add(
        first.id,
        *span(TEXT_MANFORT, "Viele Familien waren nicht erreichbar."),
        families,
        coder="Yilmaz",
    )
    c = project.codings.add(
        first.id,
        *span(TEXT_MANFORT, "„Wir haben einfach angefangen“"),
        help_,
        is_quote=True,
        coder="Yilmaz",
    )
    d = project.codings.add(second.id, *span(TEXT_OPLADEN, "𝄞 Musik fiel aus."), youth)
    project.codings.add(second.id, *span(TEXT_OPLADEN, "𝄞 Musik fiel aus."), youth, coder="Yilmaz")
    project.categories.add_anchor(staff, a.id)
    project.statements.add(staff, "Personal durch Hygieneauflagen gebunden", manfort.id, [a.id])
    project.statements.add(families, "Familien schwer erreichbar", manfort.id, [b.id, c.id])
    project.statements.add(youth, "Angebote für Jugendliche fehlen stadtweit", None, [d.id])
    project.details.update(journal="Projektjournal\n\n09.11.: Workshop Manfort ausgewertet.")
    return project
