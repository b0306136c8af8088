"""Settings: the UI language and the coder name changes are recorded under."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from .app_settings import AUTOMATIC, AppSettings

LANGUAGE_CHOICES = (AUTOMATIC, "de", "en")


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `save` writes them when the user confirms."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("gui.settings.title"))
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        for choice in LANGUAGE_CHOICES:
            self.language_combo.addItem(tr(f"gui.settings.language.{choice or 'auto'}"), choice)
        self.language_combo.setCurrentIndex(LANGUAGE_CHOICES.index(settings.language_choice))
        self.coder_edit = QLineEdit(settings.coder_name, self)
        self.coder_edit.setObjectName("coderEdit")
        self.coder_edit.setPlaceholderText(tr("gui.settings.coder_placeholder"))
        form = QFormLayout()
        form.addRow(tr("gui.settings.language"), self.language_combo)
        form.addRow(tr("gui.settings.coder"), self.coder_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def choose_language(self, choice: str) -> None:
        self.language_combo.setCurrentIndex(self.language_combo.findData(choice))

    def save(self) -> None:
        """Store the chosen language (or "automatic") and coder name."""
        self.settings.language_choice = self.language_combo.currentData()
        self.settings.coder_name = self.coder_edit.text()
        self.settings.sync()
