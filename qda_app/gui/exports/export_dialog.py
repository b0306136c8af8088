"""The export dialog: format, folder, what to include, a preview of the files and their
content, then Export (progress with Cancel) and a button that opens the result."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.analysis.quarter_axes import category_rows
from ...core.exporters.export_options import DEFAULT_MAX_BULLETS, ExportOptions
from ...core.exporters.export_run import FORMATS
from ...core.i18n import LANGUAGES, language, tr
from .export_choices import ChoiceList, preview_text

if TYPE_CHECKING:
    from ...core.project import Project

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


class ExportDialog(QDialog):
    """`export_requested` asks the menu to run the export with the options shown."""

    export_requested = Signal()

    def __init__(self, project: Project, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("gui.exports.title"))
        self.project = project
        self.written: list[Path] = []
        self.format_box = named(QComboBox(), "exportFormat")
        for fmt in FORMATS:
            self.format_box.addItem(tr(f"gui.exports.format.{fmt}"), fmt)
        self.folder_edit = named(QLineEdit(str(folder)), "exportFolder")
        browse = named(QPushButton(tr("gui.exports.browse")), "exportBrowse")
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.quarters = ChoiceList("exportQuarters")
        self.quarters.fill(
            [
                (q.id, q.name, 0)
                for q in project.quarters.list()
                if q.kind in ("city", "social_space")
            ]
        )
        self.categories = ChoiceList("exportCategories")
        self.categories.fill(
            [(r.category_id, r.name, r.depth) for r in category_rows(project.categories.list())]
        )
        self.coders = ChoiceList("exportCoders")
        self.coders.fill([(c.id, c.name, 0) for c in project.coders.list()])
        self.methods = ChoiceList("exportMethods")
        self.methods.fill([(m.id, m.name, 0) for m in project.methods.list()])
        self.cross = named(QCheckBox(tr("gui.exports.cross")), "exportCross")
        self.cross.setChecked(True)
        self.sources = named(QCheckBox(tr("gui.exports.sources")), "exportSources")
        self.appendix = named(QCheckBox(tr("gui.exports.appendix")), "exportAppendix")
        self.semicolon = named(QCheckBox(tr("gui.exports.semicolon")), "exportSemicolon")
        self.max_bullets = named(QSpinBox(), "exportMaxBullets")
        self.max_bullets.setRange(2, 20)
        self.max_bullets.setValue(DEFAULT_MAX_BULLETS)
        self.language_box = named(QComboBox(), "exportLanguage")
        for lang in LANGUAGES:
            self.language_box.addItem(tr(f"gui.exports.language.{lang}"), lang)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language())))
        self.template_edit = named(QLineEdit(), "exportTemplate")
        self.template_edit.setPlaceholderText(tr("gui.exports.template_none"))
        self.template_button = named(QPushButton(tr("gui.exports.browse")), "exportTemplateBrowse")
        self.template_button.clicked.connect(self._choose_template)
        self.preview = named(QPlainTextEdit(), "exportPreview")
        self.preview.setReadOnly(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            tr("gui.exports.export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportStart")
        self.open_button = self.buttons.addButton(
            tr("gui.exports.open_result"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setObjectName("exportOpenResult")
        self.open_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export_requested)
        self.open_button.clicked.connect(self.open_result)
        self._lay_out(folder_row)
        for widget in (self.quarters, self.categories, self.coders, self.methods):
            widget.itemChanged.connect(self.update_preview)
        for box in (self.cross, self.sources, self.appendix, self.semicolon):
            box.toggled.connect(self.update_preview)
        self.format_box.currentIndexChanged.connect(self.update_preview)
        self.language_box.currentIndexChanged.connect(self.update_preview)
        self.folder_edit.textChanged.connect(self.update_preview)
        self.resize(900, 680)
        self.update_preview()

    def _lay_out(self, folder_row: QHBoxLayout) -> None:
        form = QFormLayout()
        form.addRow(tr("gui.exports.format"), self.format_box)
        form.addRow(tr("gui.exports.folder"), folder_row)
        form.addRow(tr("gui.exports.language"), self.language_box)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_edit, 1)
        template_row.addWidget(self.template_button)
        form.addRow(tr("gui.exports.template"), template_row)
        form.addRow(tr("gui.exports.max_bullets"), self.max_bullets)
        lists = QGridLayout()
        for column, (key, widget) in enumerate(
            (
                ("quarters", self.quarters),
                ("categories", self.categories),
                ("coders", self.coders),
                ("methods", self.methods),
            )
        ):
            lists.addWidget(QLabel(tr(f"gui.exports.{key}")), 0, column)
            lists.addWidget(widget, 1, column)
        for column, stretch in enumerate((2, 4, 1, 2)):
            lists.setColumnStretch(column, stretch)
        checks = QHBoxLayout()
        for box in (self.cross, self.sources, self.appendix, self.semicolon):
            checks.addWidget(box)
        checks.addStretch(1)
        preview = QGroupBox(tr("gui.exports.preview"))
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lists, 3)
        layout.addLayout(checks)
        layout.addWidget(preview, 2)
        layout.addWidget(self.buttons)

    # -- reading the choices -----------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    @property
    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip() or ".")

    def options(self) -> ExportOptions:
        template = self.template_edit.text().strip()
        return ExportOptions(
            quarter_ids=self.quarters.chosen(),
            category_ids=self.categories.chosen(),
            coder_ids=self.coders.chosen(),
            method_ids=self.methods.chosen(),
            cross=self.cross.isChecked(),
            max_bullets=self.max_bullets.value(),
            sources=self.sources.isChecked(),
            appendix=self.appendix.isChecked(),
            semicolon=self.semicolon.isChecked(),
            template=Path(template) if template else None,
            language=str(self.language_box.currentData()),
        )

    def nothing_chosen(self) -> bool:
        lists = (self.quarters, self.categories, self.coders, self.methods)
        return any(w.count() and not w.checked_ids() for w in lists)

    def _enable_for_format(self) -> None:
        """Offer only the options the chosen format reads."""
        fmt = self.fmt
        for widget in (self.template_edit, self.template_button, self.max_bullets):
            widget.setEnabled(fmt == "pptx")
        self.cross.setEnabled(fmt in ("pptx", "docx"))
        self.sources.setEnabled(fmt == "docx")
        self.appendix.setEnabled(fmt == "docx")
        self.semicolon.setEnabled(fmt == "csv")

    def update_preview(self) -> None:
        self._enable_for_format()
        if self.nothing_chosen():
            self.preview.setPlainText(tr("gui.exports.nothing_chosen"))
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        self.preview.setPlainText(preview_text(self.project, self.fmt, self.folder, self.options()))

    # -- after an export ---------------------------------------------------------------------

    def show_written(self, written: list[Path]) -> None:
        self.written = written
        self.open_button.setEnabled(bool(written))
        lines = [tr("gui.exports.done", count=len(written))] + [str(p) for p in written]
        self.preview.setPlainText("\n".join(lines))

    def result_url(self) -> QUrl:
        """The single file written, or the folder holding several."""
        target = self.written[0] if len(self.written) == 1 else self.folder
        return QUrl.fromLocalFile(str(target))

    def open_result(self) -> None:
        if self.written:
            QDesktopServices.openUrl(self.result_url())

    def _choose_template(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, tr("gui.exports.template"), str(self.folder), tr("gui.exports.filter_pptx")
        )
        if chosen:
            self.template_edit.setText(chosen)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("gui.exports.folder"), str(self.folder))
        if chosen:
            self.folder_edit.setText(chosen)
