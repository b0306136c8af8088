"""The Coders menu: the agreement dialog, the consensus step and copying a pass, driven as a
person would, with screenshots in German and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from qda_app.core.project import Project
from qda_app.gui.agreement.agreement_dialog import AgreementDialog
from qda_app.gui.agreement.consensus_dialog import ConsensusDialog
from qda_app.gui.agreement.copy_codings_dialog import CopyCodingsDialog
from qda_app.gui.shell.main_window import MainWindow
from qda_app.gui.shell.ui_language import apply_language

SHOTS = Path("/tmp/agreement-shots")
FIRST = "Es fehlen Räume für Jugendliche am Abend."
SECOND = "Familien mit kleinen Kindern erreichen wir kaum noch; die Eltern sind erschöpft."
THIRD = "Die Nachbarschaft hilft sich gegenseitig, etwa beim Einkaufen für Ältere."


def second_pass(path: Path) -> tuple[int, int]:
    """Coder "Yilmaz" codes the workshop: the first sentence alike, the second with another
    category, the third not at all, a fourth sentence only she codes."""
    with Project.open(path, actor="Yilmaz") as project:
        paths = {v: k for k, v in project.categories.paths().items()}
        youth = paths["Herausforderungen und Bedarfe/im Hinblick auf die Zielgruppe"]
        institution = paths["Herausforderungen und Bedarfe/im Hinblick auf die Institutionen"]
        workshop = next(d for d in project.documents.list() if d.title.startswith("Workshop M"))
        text = project.documents.text(workshop.id)
        for sentence, category in ((FIRST, youth), (SECOND, institution)):
            start = text.index(sentence)
            project.codings.add(workshop.id, start, start + len(sentence), category)
        # The tester's own second sentence, so the two versions disagree on the category.
        start = text.index(SECOND)
        project.codings.add(workshop.id, start, start + len(SECOND), youth, coder="Testkodierer*in")
        return workshop.id, text.index(SECOND)


def open_agreement(window: MainWindow) -> AgreementDialog:
    window.menus.coders.agreement_action.trigger()
    dialog = window.menus.coders.agreement
    assert dialog is not None and dialog.isVisible()
    return dialog


def tick(qtbot, check_list, row: int) -> None:  # noqa: ANN001
    """Select a row of a check list and press space, as with the keyboard."""
    check_list.setFocus()
    check_list.setCurrentRow(row)
    qtbot.keyClick(check_list, Qt.Key.Key_Space)


@pytest.fixture
def window_two_coders(qtbot, temporary_settings, sample_project) -> MainWindow:  # noqa: ANN001
    from gui.window_helpers import show_main_window

    second_pass(sample_project.path)
    return show_main_window(qtbot, temporary_settings, sample_project.path)


def test_agreement_dialog_computes_and_jumps_to_a_place(qtbot, window_two_coders) -> None:  # noqa: ANN001
    window = window_two_coders
    dialog = open_agreement(window)
    assert dialog.coders.checked() == [c.id for c in window.project.coders.list()[:2]]
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    result = dialog.outcome
    assert result is not None and [d for d, _ in result.documents] != []
    # Agreement on FIRST; SECOND with two categories; the neighbours only by the tester.
    assert dialog.table.item(0, 0).text() == "Insgesamt"
    assert dialog.disagreements.rowCount() == len(result.disagreements) >= 2
    texts = [dialog.disagreements.item(r, 2).text() for r in range(dialog.disagreements.rowCount())]
    assert SECOND in texts
    row = texts.index(SECOND)
    rect = dialog.disagreements.visualItemRect(dialog.disagreements.item(row, 0))
    viewport = dialog.disagreements.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document_view.text.textCursor().selectedText() == SECOND
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "agreement-de.png"))
    apply_language("en")
    dialog.retranslate()
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    assert dialog.table.item(0, 0).text() == "Overall"
    dialog.grab().save(str(SHOTS / "agreement-en.png"))


def test_document_level_and_overlap(qtbot, window_two_coders) -> None:  # noqa: ANN001
    dialog = open_agreement(window_two_coders)
    dialog.level.setCurrentIndex(1)
    assert not dialog.overlap.isEnabled()
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and dialog.outcome.options.level == "document"
    assert not dialog.consensus_button.isEnabled()
    dialog.level.setCurrentIndex(0)
    dialog.overlap.setValue(50)
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.options.overlap == pytest.approx(0.5)


def test_one_coder_is_refused_in_one_sentence(qtbot, window_two_coders, message_boxes) -> None:  # noqa: ANN001
    dialog = open_agreement(window_two_coders)
    tick(qtbot, dialog.coders, 1)  # untick the second coder
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    assert message_boxes[-1][1].startswith("Eine Übereinstimmungsprüfung braucht mindestens")
    assert dialog.outcome is None


def test_exports_from_the_dialog(qtbot, window_two_coders, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from qda_app.gui.agreement import agreement_dialog

    dialog = open_agreement(window_two_coders)
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "ergebnis"
    monkeypatch.setattr(agreement_dialog, "ask_export_path", lambda *_a: str(target))
    assert dialog.export(".xlsx") == f"{target}.xlsx"
    assert dialog.export(".docx") == f"{target}.docx"
    from docx import Document

    assert Document(f"{target}.docx").paragraphs[0].text.startswith("Intercoder-Übereinstimmung")


def test_consensus_goes_through_the_disagreements(
    qtbot,
    window_two_coders,
    answer_dialog,  # noqa: ANN001
) -> None:
    window = window_two_coders
    dialog = open_agreement(window)
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    result = dialog.outcome
    count = len(result.disagreements)
    seen: dict[str, object] = {}

    def decide(consensus: QDialog) -> None:
        assert isinstance(consensus, ConsensusDialog)
        assert consensus.position.text().startswith(f"Abweichung 1 von {count}")
        for index in range(count):
            choice = "both" if index == 0 else "second"
            consensus.radios[choice].click()
            if index < count - 1:
                qtbot.mouseClick(consensus.next_button, Qt.MouseButton.LeftButton)
        seen["choices"] = list(consensus.choices)
        qtbot.wait(20)  # the layout settles before the screenshot
        SHOTS.mkdir(exist_ok=True)
        consensus.grab().save(str(SHOTS / "consensus-de.png"))
        apply_button = consensus.findChild(QPushButton, "consensusApply")
        qtbot.mouseClick(apply_button, Qt.MouseButton.LeftButton)

    answer_dialog(decide)
    qtbot.mouseClick(dialog.consensus_button, Qt.MouseButton.LeftButton)
    assert seen["choices"] == ["both"] + ["second"] * (count - 1)
    names = [c.name for c in window.project.coders.list()]
    assert "Konsens" in names
    entry = window.project.history.entries()[0]
    assert entry.command == "coders.consensus"
    assert window.menus.undo_action.isEnabled()


def test_copy_codings_dialog(qtbot, window_two_coders, answer_dialog, message_boxes) -> None:  # noqa: ANN001
    window = window_two_coders

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, CopyCodingsDialog)
        dialog.source.setCurrentText("Yilmaz")
        dialog.target.setCurrentText("")
        qtbot.keyClicks(dialog.target.lineEdit(), "Zweitkodierung")
        titles = [dialog.documents.item(r).text() for r in range(dialog.documents.count())]
        tick(qtbot, dialog.documents, titles.index("Workshop Manfort, Gruppe 1"))
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "copy-de.png"))
        qtbot.mouseClick(dialog.findChild(QPushButton, "copyOk"), Qt.MouseButton.LeftButton)

    answer_dialog(fill)
    window.menus.coders.copy_action.trigger()
    coders = {c.name: c.id for c in window.project.coders.list()}
    assert "Zweitkodierung" in coders, message_boxes
    copied = window.project.segments.list(texts=False)
    assert sum(1 for s in copied if s.coder == "Zweitkodierung") == 2


def test_consensus_and_copy_dialogs_in_english(qtbot, window_two_coders) -> None:  # noqa: ANN001
    apply_language("en")
    project = window_two_coders.project
    dialog = open_agreement(window_two_coders)
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    consensus = ConsensusDialog(project, dialog.outcome, window_two_coders)
    qtbot.addWidget(consensus)
    consensus.show()
    qtbot.wait(20)
    assert consensus.position.text().startswith("Disagreement 1 of")
    assert consensus.radios["first"].text() == "Keep Testkodierer*in's version"
    SHOTS.mkdir(exist_ok=True)
    consensus.grab().save(str(SHOTS / "consensus-en.png"))
    copy = CopyCodingsDialog(project, window_two_coders)
    qtbot.addWidget(copy)
    copy.show()
    qtbot.wait(20)
    copy.grab().save(str(SHOTS / "copy-en.png"))
    consensus.reject()
    copy.reject()


def test_the_result_is_marked_out_of_date_when_codings_change(qtbot, window_two_coders) -> None:  # noqa: ANN001
    window = window_two_coders
    dialog = open_agreement(window)
    assert not dialog.stale_note.isVisible()
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    assert not dialog.stale_note.isVisible() and not dialog.recompute_button.isVisible()
    # A colleague codes a sentence only she sees that way; the window hears of it.
    with Project.open(window.project.location, actor="Yilmaz") as colleague:
        workshop = next(d for d in colleague.documents.list() if d.title.startswith("Workshop M"))
        text = colleague.documents.text(workshop.id)
        start = text.index(THIRD)
        category = next(c for c in colleague.categories.list() if c.parent_id is not None)
        added = colleague.codings.add(workshop.id, start, start + len(THIRD), category.id).id
    window.poll_external_changes()
    qtbot.waitUntil(dialog.stale_note.isVisible)
    assert dialog.recompute_button.isVisible()
    assert "veraltet" in dialog.stale_note.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "agreement-stale-de.png"))
    qtbot.mouseClick(dialog.recompute_button, Qt.MouseButton.LeftButton)
    assert not dialog.stale_note.isVisible()
    result = dialog.outcome  # computed anew: the colleague's coding takes part
    shown = {s.coding_id for d in result.disagreements for s in d.segments if s is not None}
    assert added in shown | set(result.agreed_coding_ids)


def test_consensus_starts_undecided_and_applies_only_when_all_are_decided(
    qtbot,
    window_two_coders,  # noqa: ANN001
) -> None:
    window = window_two_coders
    dialog = open_agreement(window)
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    consensus = ConsensusDialog(window.project, dialog.outcome, window)
    qtbot.addWidget(consensus)
    consensus.show()
    count = len(dialog.outcome.disagreements)
    assert count >= 2
    assert consensus.choices == [None] * count
    assert not any(radio.isChecked() for radio in consensus.radios.values())
    assert not consensus.apply_button.isEnabled()
    assert consensus.decided.text() == f"Entschieden: 0 von {count}"
    consensus.radios["second"].click()
    assert not consensus.apply_button.isEnabled()
    qtbot.mouseClick(consensus.next_button, Qt.MouseButton.LeftButton)
    assert not any(radio.isChecked() for radio in consensus.radios.values())  # the next: open
    consensus.remaining_choice.setCurrentIndex(consensus.remaining_choice.findData("neither"))
    qtbot.mouseClick(consensus.remaining_button, Qt.MouseButton.LeftButton)
    assert consensus.choices == ["second"] + ["neither"] * (count - 1)
    assert consensus.radios["neither"].isChecked()
    assert consensus.apply_button.isEnabled() and not consensus.remaining_button.isEnabled()
    SHOTS.mkdir(exist_ok=True)
    consensus.grab().save(str(SHOTS / "consensus-decided-de.png"))
    qtbot.mouseClick(consensus.apply_button, Qt.MouseButton.LeftButton)
    assert window.project.history.entries()[0].command == "coders.consensus"
