"""Choosing where a new project file goes, and whether it starts from the reference preset."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFileDialog, QGridLayout, QWidget

from ...core.i18n import tr

PRESET = "leverkusen"


class NewProjectDialog(QFileDialog):
    """A save dialog for a .qda file with a checkbox for the Leverkusen preset.

    Qt's own (non-native) file dialog is used because a native one cannot carry the checkbox.
    """

    def __init__(self, parent: QWidget | None = None, folder: str = "") -> None:
        super().__init__(parent, tr("gui.new_project.title"), folder)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        # An existing file is refused by the core with a clear message; never offer to replace.
        self.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setFileMode(QFileDialog.FileMode.AnyFile)
        self.setNameFilter(tr("gui.file_filter"))
        self.setDefaultSuffix("qda")
        self.preset_box = QCheckBox(tr("gui.new_project.preset"), self)
        self.preset_box.setObjectName("presetBox")
        layout = self.layout()
        if isinstance(layout, QGridLayout):
            layout.addWidget(self.preset_box, layout.rowCount(), 0, 1, layout.columnCount())

    def chosen_path(self) -> str | None:
        files = self.selectedFiles()
        return files[0] if files else None

    def preset(self) -> str | None:
        return PRESET if self.preset_box.isChecked() else None

    @classmethod
    def ask(cls, parent: QWidget | None, folder: str = "") -> tuple[str, str | None] | None:
        """The file and preset a user chose, or None when they cancelled."""
        dialog = cls(parent, folder)
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return None
        path = dialog.chosen_path()
        return (path, dialog.preset()) if path else None
