"""File → Austausch (REFI-QDA) in the window: export with progress and a report, import a
QDPX into a new file that then opens, a codebook into the open project with the merge
question, Cancel removing the unfinished file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.window_helpers import show_main_window
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from qda_app.core import i18n
from qda_app.core.project import Project
from qda_app.gui.exchange import exchange_menu
from qda_app.gui.shell.app_settings import AppSettings
from qda_app.gui.shell.ui_language import apply_language

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def settings(qapp, tmp_path: Path) -> Iterator[AppSettings]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    chosen = AppSettings()
    chosen.language_choice = "de"
    chosen.coder_name = "Keller"
    chosen.sync()
    previous = i18n.language()
    apply_language("de")
    yield chosen
    apply_language(previous)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    return shown


def choose_files(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """The file dialogs answer with these paths, one after the other."""
    answers = [str(p) for p in paths]
    monkeypatch.setattr(exchange_menu, "ask_save_path", lambda *_a: answers.pop(0))
    monkeypatch.setattr(exchange_menu, "ask_open_path", lambda *_a: answers.pop(0))


def save(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def file_menu_entries(window) -> list[str]:
    exchange = window.menus.exchange
    return [a.text() for a in exchange.menu.actions() if not a.isSeparator()]


def test_export_then_import_from_the_file_menu(
    qtbot, settings, study: Project, tmp_path: Path, monkeypatch, warnings
) -> None:
    location = Path(study.location)
    study.close()
    window = show_main_window(qtbot, settings, location)
    assert window.menus.exchange.menu.title() == "Austausch (REFI-QDA)"
    assert window.menus.exchange.menu.menuAction() in window.menus.file_menu.actions()
    assert file_menu_entries(window) == [
        "Projekt exportieren (QDPX)…",
        "Kodierleitfaden exportieren (QDC)…",
        "Projekt importieren (QDPX)…",
        "Kodierleitfaden importieren (QDC)…",
    ]
    choose_files(monkeypatch, tmp_path / "austausch")  # the suffix is added
    window.menus.exchange.export_qdpx_action.trigger()
    qtbot.waitUntil(lambda: window.menus.exchange.report is not None, timeout=30000)
    report = window.menus.exchange.report
    qtbot.waitExposed(report)
    assert (tmp_path / "austausch.qdpx").exists()
    assert report.headline.text() == "austausch.qdpx geschrieben"
    assert "2 Dokumente" in report.text() and "Geht nicht mit" in report.text()
    save(report, "exchange_export_report_de")
    report.accept()

    choose_files(monkeypatch, tmp_path / "austausch.qdpx", tmp_path / "zurück.qda")
    window.menus.exchange.import_qdpx_action.trigger()
    qtbot.waitUntil(
        lambda: (
            window.menus.exchange.report is not None and window.menus.exchange.report.isVisible()
        ),
        timeout=30000,
    )
    assert window.project is not None and Path(window.project.location) == tmp_path / "zurück.qda"
    assert {d.title for d in window.project.documents.list()} == {
        "Workshop Manfort",
        "Interview Opladen",
    }
    assert window.windowTitle().startswith("zurück.qda")
    assert "5 Kodierungen" in window.menus.exchange.report.text()
    assert warnings == []


def test_the_report_of_a_qualcoder_import_names_each_correction(
    qtbot, settings, tmp_path: Path, monkeypatch, warnings
) -> None:
    from exchange.test_qualcoder_files import qualcoder_archive

    archive = qualcoder_archive(tmp_path / "qualcoder.qdpx")
    window = show_main_window(qtbot, settings)
    choose_files(monkeypatch, archive, tmp_path / "aus_qualcoder.qda")
    window.menus.exchange.import_qdpx_action.trigger()
    qtbot.waitUntil(lambda: window.menus.exchange.report is not None, timeout=30000)
    report = window.menus.exchange.report
    qtbot.waitExposed(report)
    text = report.text()
    assert "Unterwegs berichtigt" in text
    assert "2 Dokumente: Positionen in UTF-16-Einheiten gezählt" in text
    assert "1 Dokument: Zeilenumbrüche „\\r\\n“ als ein Zeichen gezählt – berichtigt." in text
    save(report, "exchange_import_report_de")
    assert warnings == []


def test_a_codebook_joins_the_open_project_after_the_merge_question(
    qtbot, settings, study: Project, tmp_path: Path, monkeypatch, warnings
) -> None:
    from qda_app.core.exchange.codebook_exchange import export_codebook

    export_codebook(study, tmp_path / "leitfaden.qdc")
    location = Path(study.location)
    study.close()
    window = show_main_window(qtbot, settings, location)
    choose_files(monkeypatch, tmp_path / "leitfaden.qdc")

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        save(box, "exchange_merge_question_de")
        join = next(b for b in box.buttons() if b.text() == "Zusammenführen")
        join.click()

    QTimer.singleShot(20, answer)
    summary = window.menus.exchange.import_codebook()
    assert summary is not None and summary.count("merged") == 15
    assert window.menus.undo_action.text().startswith("&Rückgängig: Kodierleitfaden leitfaden.qdc")
    assert warnings == []


def test_cancel_leaves_no_file_and_a_refused_archive_is_one_warning(
    qtbot, settings, study: Project, tmp_path: Path, monkeypatch, warnings
) -> None:
    location = Path(study.location)
    study.close()
    window = show_main_window(qtbot, settings, location)
    choose_files(monkeypatch, tmp_path / "abgebrochen.qdpx")
    run = window.menus.exchange.export_project()
    assert run is not None
    run.cancel_button().click()
    qtbot.waitUntil(lambda: run.ended, timeout=30000)
    assert not (tmp_path / "abgebrochen.qdpx").exists()
    assert [p.name for p in tmp_path.glob(".*partial")] == []

    evil = tmp_path / "evil.qdpx"
    shutil.copy(Path(__file__).parent / "data" / "traversal.qdpx", evil)
    choose_files(monkeypatch, evil, tmp_path / "neu.qda")
    window.menus.exchange.import_qdpx_action.trigger()
    qtbot.waitUntil(lambda: warnings != [], timeout=30000)
    assert warnings == [
        f"{evil} wird nicht geöffnet: Das Archiv enthält „../geheim.txt“, dessen Pfad mit „..“ "
        "aus dem Archiv hinausführt."
    ]
    assert not (tmp_path / "neu.qda").exists()
    assert Path(window.project.location) == location  # the open project stays
