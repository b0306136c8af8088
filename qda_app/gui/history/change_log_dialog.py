"""Edit → Change log: who did what and when, newest first, from `project.history`; a coder
filter shows one person's changes. Non-modal; it follows new changes (here or elsewhere)
while it is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr

if TYPE_CHECKING:
    from ...core.project import Project
    from ...core.values import ChangeEvent, LogEntry

# The newest entries shown; a long-running project keeps many thousands.
SHOWN = 2000
TIME, CODER, CHANGE, STATE = range(4)


class ChangeLogDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeLogDialog")
        self.project = project
        self.entries: list[LogEntry] = []
        self.coder_label = QLabel(self)
        self.coder = QComboBox(self)
        self.coder.setObjectName("changeLogCoder")
        self.coder.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.note = QLabel(self)
        self.note.setObjectName("changeLogNote")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("changeLogTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (TIME, CODER, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHANGE, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.coder_label)
        row.addWidget(self.coder)
        row.addStretch(1)
        row.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("gui.change_log.title"))
        self.coder_label.setText(tr("gui.change_log.coder"))
        self.table.setHorizontalHeaderLabels(
            [tr(f"gui.change_log.column.{n}") for n in ("time", "coder", "change", "state")]
        )
        if self.coder.count():
            self.coder.setItemText(0, tr("gui.change_log.all_coders"))
        self._show_rows()

    def reload(self) -> None:
        """Read the newest entries again and refill the coder filter (keeping the choice)."""
        self.entries = self.project.history.entries(limit=SHOWN)
        chosen = self.coder.currentData()
        names = sorted({e.actor for e in self.entries if e.actor}, key=str.casefold)
        self.coder.blockSignals(True)
        self.coder.clear()
        self.coder.addItem(tr("gui.change_log.all_coders"), None)
        for name in names:
            self.coder.addItem(name, name)
        self.coder.setCurrentIndex(max(self.coder.findData(chosen), 0) if chosen else 0)
        self.coder.blockSignals(False)
        self._show_rows()

    def shown_entries(self) -> list[LogEntry]:
        chosen = self.coder.currentData()
        return [e for e in self.entries if chosen is None or e.actor == chosen]

    def _show_rows(self) -> None:
        shown = self.shown_entries()
        self.table.setRowCount(len(shown))
        for row, entry in enumerate(shown):
            when = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            state = tr(f"state.{entry.state}")
            for column, text in enumerate((when, entry.actor, entry.description, state)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        full = len(self.entries) >= SHOWN
        self.note.setText(
            tr("gui.change_log.newest", count=SHOWN)
            if full
            else tr("gui.change_log.count", count=len(shown))
        )

    def on_change(self, event: ChangeEvent) -> None:
        if self.isVisible():
            self.reload()


class ChangeLogAction(QObject):
    """The Edit menu's "Change log…" entry and the dialog it opens (one per project)."""

    def __init__(self, window: QWidget, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.setObjectName("changeLogAction")
        self.action.triggered.connect(lambda _checked=False: self.open())
        menu.addAction(self.action)
        self.project: Project | None = None
        self.dialog: ChangeLogDialog | None = None

    def retranslate(self) -> None:
        self.action.setText(tr("gui.action.change_log"))
        if self.dialog is not None:
            self.dialog.retranslate()

    def update_actions(self, project: Project | None) -> None:
        self.project = project
        self.action.setEnabled(project is not None)
        if self.dialog is not None and self.dialog.project is not project:
            self.dialog.close()
            self.dialog = None

    def on_change(self, event: ChangeEvent) -> None:
        if self.dialog is not None:
            self.dialog.on_change(event)

    def open(self) -> ChangeLogDialog | None:
        if self.project is None:
            return None
        if self.dialog is None:
            self.dialog = ChangeLogDialog(self.project, self.window)
        else:
            self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
