"""On the first start: ask once under which name the user codes, then remember it.

The name can be changed later in Settings; every change is recorded under it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.project import default_actor
from .app_settings import AppSettings


class CoderNameDialog(QDialog):
    """A name field prefilled with the login name; OK stays disabled while it is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coderNameDialog")
        self.setWindowTitle(tr("gui.coder_prompt.title"))
        intro = QLabel(tr("gui.coder_prompt.text"), self)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(default_actor(), self)
        self.name_edit.setObjectName("coderNameEdit")
        self.name_edit.selectAll()
        form = QFormLayout()
        form.addRow(tr("gui.settings.coder"), self.name_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        self.name_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name()))

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())


def ask_coder_name_once(settings: AppSettings, parent: QWidget | None = None) -> None:
    """When no coder name is remembered yet, ask for one and remember it (closing the dialog
    keeps the prefilled login name, so the question comes only once)."""
    if settings.coder_chosen:
        return
    dialog = CoderNameDialog(parent)
    dialog.exec()
    settings.coder_name = dialog.name() or default_actor()
    settings.sync()
