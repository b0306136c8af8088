"""GUI test set-up: one offscreen QApplication, throw-away settings, a project with content."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything loads Qt

from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from gui.window_helpers import show_main_window
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox  # noqa: E402

from qda_app.core import i18n  # noqa: E402
from qda_app.core.presets import apply_preset  # noqa: E402
from qda_app.core.project import Project  # noqa: E402
from qda_app.gui.shell.app_settings import AppSettings  # noqa: E402
from qda_app.gui.shell.main_window import MainWindow  # noqa: E402
from qda_app.gui.shell.ui_language import apply_language  # noqa: E402

CODER = "Testkodierer*in"
EMOJI_LINE = "Stimmung in der Runde: 😀👍 – alle sind froh, wieder zu sprechen.\n"
CODED = "Es fehlen Räume für Jugendliche am Abend."
WORKSHOP_TEXT = (
    "Online-Workshop Manfort, Gruppe 1\n\n"
    + EMOJI_LINE
    + "Frage 1: Welche Herausforderungen und Bedarfe sehen Sie?\n"
    + CODED
    + " Viele Angebote sind seit dem Frühjahr geschlossen, die Treffpunkte fehlen.\n"
    "Familien mit kleinen Kindern erreichen wir kaum noch; die Eltern sind erschöpft.\n\n"
    "Frage 2: Welche Ressourcen und Möglichkeiten gibt es?\n"
    "Die Nachbarschaft hilft sich gegenseitig, etwa beim Einkaufen für Ältere.\n"
    "Die Schule öffnet ihren Hof am Nachmittag für Kinder aus dem Quartier.\n\n"
    "Frage 3: Was empfehlen Sie, wo sehen Sie Leerstellen?\n"
    "Digitale Angebote brauchen Geräte und WLAN; beides fehlt vielen Haushalten. 📱\n"
)


@dataclass
class SampleProject:
    """Where the sample project lies and the ids and texts the tests look for."""

    path: Path
    workshop_id: int
    interview_id: int
    loose_id: int
    coded_category_id: int
    parent_category_id: int
    coded_text: str = CODED
    coder: str = CODER


def build_sample_project(path: Path) -> SampleProject:
    """The Leverkusen preset plus four documents (one with emoji) and a few codings."""
    with Project.create(path, actor=CODER) as project:
        apply_preset(project, "leverkusen")
        quarters = {q.name: q for q in project.quarters.list()}
        methods = {m.code: m for m in project.methods.list()}
        paths = {v: k for k, v in project.categories.paths().items()}
        needs = paths["Herausforderungen und Bedarfe"]
        youth = paths["Herausforderungen und Bedarfe/im Hinblick auf die Zielgruppe"]
        place = paths["Ressourcen und Möglichkeiten/im Hinblick auf den Sozialraum"]
        digital = paths[
            "Empfehlungen und Leerstellen/im Hinblick auf das Querschnittsthema Digitalisierung"
        ]
        workshop = project.documents.add(
            "Workshop Manfort, Gruppe 1",
            WORKSHOP_TEXT,
            quarter_id=quarters["Manfort-Südost"].id,
            method_id=methods["workshop"].id,
            date=date(2020, 11, 9),
            group_label="1",
            participants=8,
        )
        interview = project.documents.add(
            "Telefoninterview Manfort 1",
            "Interview mit einer Fachkraft der offenen Kinder- und Jugendarbeit.\n"
            "Die Jugendlichen treffen sich jetzt draußen, weil drinnen alles zu ist.\n",
            quarter_id=quarters["Manfort-Südost"].id,
            method_id=methods["phone_interview"].id,
            date=date(2020, 11, 12),
            participants=1,
        )
        project.documents.add(
            "Workshop stadtweit",
            "Präsenz-Workshop mit Trägern aus der ganzen Stadt.\n",
            quarter_id=quarters["Stadtweit"].id,
            method_id=methods["workshop"].id,
            date=date(2020, 9, 22),
            participants=18,
        )
        loose = project.documents.add("Notizen ohne Zuordnung", "Offene Fragen für das Team.\n")
        start = WORKSHOP_TEXT.index(CODED)
        project.codings.add(workshop.id, start, start + len(CODED), youth)
        neighbours = WORKSHOP_TEXT.index("Die Nachbarschaft hilft")
        project.codings.add(workshop.id, neighbours, WORKSHOP_TEXT.index("\n", neighbours), place)
        devices = WORKSHOP_TEXT.index("Digitale Angebote")
        project.codings.add(workshop.id, devices, len(WORKSHOP_TEXT) - 1, digital)
        project.codings.add(interview.id, 0, 20, youth)
    return SampleProject(path, workshop.id, interview.id, loose.id, youth, needs)


def child_names(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent if parent is not None else QModelIndex()
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def find_in_tree(model: QAbstractItemModel, *names: str) -> QModelIndex:
    """The index reached by following display names from the top of a tree."""
    parent = QModelIndex()
    for name in names:
        rows = child_names(model, parent)
        assert name in rows, f"{name!r} not among {rows}"
        parent = model.index(rows.index(name), 0, parent)
    return parent


@pytest.fixture(autouse=True)
def temporary_settings(qapp, tmp_path: Path) -> Iterator[AppSettings]:
    """The session's one QApplication; QSettings in a temporary folder, German UI and a fixed
    coder name for each test, the language restored afterwards."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    settings = AppSettings()
    settings.language_choice = "de"
    settings.coder_name = CODER
    settings.sync()
    previous = i18n.language()
    apply_language("de")
    yield settings
    apply_language(previous)


@pytest.fixture
def sample_project(tmp_path: Path) -> SampleProject:
    return build_sample_project(tmp_path / "manfort.qda")


@pytest.fixture
def open_project(sample_project: SampleProject) -> Iterator[Project]:
    """The sample project opened for direct use (models under test, no window)."""
    project = Project.open(sample_project.path, actor=CODER)
    yield project
    project.close()


@pytest.fixture
def window(qtbot, temporary_settings: AppSettings, sample_project: SampleProject) -> MainWindow:
    """A shown main window at 1280×800 with the sample project open."""
    return show_main_window(qtbot, temporary_settings, sample_project.path)


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Warnings, notes and about boxes are recorded as (kind, text) instead of blocking."""
    shown: list[tuple[str, str]] = []

    def recorder(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def record(_parent: object, _title: str, text: str, *_args: object, **_kw: object):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return record

    for kind in ("warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return shown


@pytest.fixture
def find() -> Callable[..., QModelIndex]:
    """Follow display names down a tree model: find(model, "Stadtweit", "Manfort")."""
    return find_in_tree


@pytest.fixture
def names() -> Callable[..., list[str]]:
    """The display names of a tree node's children: names(model, parent)."""
    return child_names


@pytest.fixture
def answer_dialog() -> Iterator[Callable[[Callable[[QDialog], None]], None]]:
    """Schedule how the next modal dialog is answered: answer_dialog(lambda dialog: ...).

    The handler runs once the dialog is shown; should it fail, the dialog is rejected anyway so
    the test never hangs, and the failure is raised when the test ends.
    """
    failures: list[BaseException] = []

    def schedule(handler: Callable[[QDialog], None], attempts: int = 50) -> None:
        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog):
                if attempts > 0:
                    schedule(handler, attempts - 1)
                return
            try:
                handler(dialog)
            except BaseException as failure:  # noqa: BLE001 - re-raised after the test
                failures.append(failure)
            finally:
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(10, answer)

    yield schedule
    if failures:
        raise failures[0]


@dataclass
class ProtocolFiles:
    """Real protocol files for import tests: a DOCX, a TXT in cp1252, a broken DOCX."""

    folder: Path
    workshop: Path
    interview: Path
    broken: Path

    def all(self) -> list[Path]:
        return [self.workshop, self.interview, self.broken]


@pytest.fixture
def protocols(tmp_path: Path) -> ProtocolFiles:
    from protocol_files import INTERVIEW, write_workshop_docx

    folder = tmp_path / "protokolle"
    folder.mkdir()
    workshop = write_workshop_docx(folder / "Manfort_Workshop_2020-11-09.docx")
    interview = folder / "Manfort_Telefoninterview_2020-12-03.txt"
    interview.write_text(INTERVIEW, encoding="cp1252")
    broken = folder / "Alkenrath_Workshop_2020-11-10.docx"
    broken.write_bytes(b"PK\x03\x04 only the start of a zip archive")
    return ProtocolFiles(folder, workshop, interview, broken)
