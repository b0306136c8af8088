"""The few message boxes every part of the window uses, with titles in the UI language."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ...core.i18n import tr


def show_warning(parent: QWidget | None, text: str) -> None:
    """Tell the user, in one sentence, why something they asked for did not happen."""
    QMessageBox.warning(parent, tr("gui.message.warning_title"), text)


def show_information(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, tr("gui.message.information_title"), text)
