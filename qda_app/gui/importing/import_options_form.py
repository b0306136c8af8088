"""The import dialog's "for all files" section: common values, file-name pattern, manifest and
the import switches. Problems with the pattern or the manifest are shown right where they are."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr, tr_count
from ...core.importers.batch import ImportOptions, MetadataSources
from ...core.importers.filename_pattern import FilenamePattern, compile_pattern
from ...core.importers.manifest import Manifest, read_manifest
from ...core.importers.metadata import FileMetadata
from ..documents.metadata_fields import (
    DateLineEdit,
    ParticipantsSpinBox,
    choice_combo,
    method_labels,
    quarter_labels,
)

if TYPE_CHECKING:
    from ...core.project import Project

ERROR_STYLE = "color: #c62828;"
HINT_STYLE = "color: #6e6e6e;"


def _label(text: str, style: str = HINT_STYLE) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class ImportOptionsForm(QGroupBox):
    """Emits `changed` whenever anything that decides the files' metadata changes."""

    changed = Signal()

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(tr("gui.import.common"), parent)
        self.quarter_combo = choice_combo(quarter_labels(project), self)
        self.method_combo = choice_combo(method_labels(project), self)
        self.date_edit = DateLineEdit(self)
        self.group_edit = QLineEdit(self)
        self.participants_spin = ParticipantsSpinBox(self)
        self.moderator_edit = QLineEdit(self)
        self.date_message = _label("", ERROR_STYLE)
        self.pattern_edit = QLineEdit(self)
        self.pattern_edit.setPlaceholderText("{quarter}_{method}_{date}")
        self.pattern_message = _label(tr("gui.import.pattern_hint"))
        self.manifest_edit = QLineEdit(self)
        self.manifest_edit.setReadOnly(True)
        self.manifest_edit.setPlaceholderText(tr("gui.import.no_manifest"))
        self.manifest_button = QPushButton(tr("gui.import.choose_manifest"), self)
        self.manifest_clear = QPushButton(tr("gui.import.clear_manifest"), self)
        self.manifest_message = _label("")
        self.precode_check = QCheckBox(tr("gui.import.precode"), self)
        self.create_check = QCheckBox(tr("gui.import.create_missing"), self)
        self.duplicates_check = QCheckBox(tr("gui.import.allow_duplicates"), self)
        self.precode_check.setToolTip(tr("gui.import.precode_tip"))
        self.create_check.setToolTip(tr("gui.import.create_missing_tip"))
        self.duplicates_check.setToolTip(tr("gui.import.allow_duplicates_tip"))
        self.manifest: Manifest | None = None
        self.manifest_error = ""
        self.pattern_error = ""
        self._lay_out()
        self._connect()
        self.date_message.hide()
        self.manifest_message.hide()
        self.manifest_clear.setEnabled(False)

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        pairs = [
            ("gui.import.quarter", self.quarter_combo),
            ("gui.import.method", self.method_combo),
            ("gui.import.date", self.date_edit),
            ("gui.import.group", self.group_edit),
            ("gui.import.participants", self.participants_spin),
            ("gui.import.moderator", self.moderator_edit),
        ]
        for number, (key, widget) in enumerate(pairs):
            row, column = divmod(number, 3)
            label = QLabel(tr(key), self)
            label.setBuddy(widget)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        grid.addWidget(self.date_message, 2, 1, 1, 5)
        pattern_label = QLabel(tr("gui.import.pattern"), self)
        pattern_label.setBuddy(self.pattern_edit)
        grid.addWidget(pattern_label, 3, 0)
        grid.addWidget(self.pattern_edit, 3, 1, 1, 5)
        grid.addWidget(self.pattern_message, 4, 1, 1, 5)
        manifest_label = QLabel(tr("gui.import.manifest"), self)
        manifest_label.setBuddy(self.manifest_button)
        manifest_row = QHBoxLayout()
        manifest_row.addWidget(self.manifest_edit, 1)
        manifest_row.addWidget(self.manifest_button)
        manifest_row.addWidget(self.manifest_clear)
        grid.addWidget(manifest_label, 5, 0)
        grid.addLayout(manifest_row, 5, 1, 1, 5)
        grid.addWidget(self.manifest_message, 6, 1, 1, 5)
        switches = QHBoxLayout()
        for check in (self.precode_check, self.create_check, self.duplicates_check):
            switches.addWidget(check)
        switches.addStretch(1)
        grid.addLayout(switches, 7, 0, 1, 6)

    def _connect(self) -> None:
        for combo in (self.quarter_combo, self.method_combo):
            combo.currentTextChanged.connect(self._changed)
        for edit in (self.date_edit, self.group_edit, self.moderator_edit):
            edit.textChanged.connect(self._changed)
        self.participants_spin.valueChanged.connect(self._changed)
        self.pattern_edit.textChanged.connect(self._pattern_changed)
        self.create_check.toggled.connect(self._changed)
        self.manifest_button.clicked.connect(self.choose_manifest)
        self.manifest_clear.clicked.connect(lambda: self.set_manifest(None))

    def _changed(self, *_args: object) -> None:
        error = self.date_edit.error()
        self.date_message.setText(error)
        self.date_message.setVisible(bool(error))
        self.changed.emit()

    # -- pattern and manifest ----------------------------------------------------------------

    def pattern(self) -> FilenamePattern | None:
        text = self.pattern_edit.text().strip()
        if not text:
            return None
        try:
            return compile_pattern(text)
        except QdaError:
            return None

    def _pattern_changed(self, text: str) -> None:
        self.pattern_error = ""
        if text.strip():
            try:
                compile_pattern(text.strip())
            except QdaError as error:
                self.pattern_error = str(error)
        self.show_pattern_matches(None)
        self.changed.emit()

    def show_pattern_matches(self, matched: tuple[int, int] | None) -> None:
        """Under the pattern: its error, how many file names it fits, or how to write one."""
        if self.pattern_error:
            self.pattern_message.setText(self.pattern_error)
            self.pattern_message.setStyleSheet(ERROR_STYLE)
            return
        if matched is not None and self.pattern_edit.text().strip():
            text = tr("gui.import.pattern_matches", matched=matched[0], total=matched[1])
        else:
            text = tr("gui.import.pattern_hint")
        self.pattern_message.setText(text)
        self.pattern_message.setStyleSheet(HINT_STYLE)

    def choose_manifest(self) -> None:
        folder = os.path.dirname(self.manifest_edit.text()) or os.path.expanduser("~")
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("gui.import.choose_manifest_title"), folder, tr("gui.import.manifest_filter")
        )
        if path:
            self.set_manifest(Path(path))

    def set_manifest(self, path: Path | None) -> None:
        """Read the manifest now; an unreadable one is reported here and not used."""
        self.manifest, self.manifest_error = None, ""
        self.manifest_edit.setText(str(path) if path else "")
        self.manifest_clear.setEnabled(path is not None)
        if path is not None:
            try:
                self.manifest = read_manifest(path)
            except QdaError as error:
                self.manifest_error = str(error)
        self.show_manifest_note("")
        self.changed.emit()

    def show_manifest_note(self, note: str) -> None:
        """Under the manifest: its error, or what was read from it and which rows fit no file."""
        if self.manifest_error:
            text, style = self.manifest_error, ERROR_STYLE
        elif self.manifest is not None:
            rows = tr_count("gui.import.manifest_rows", len(self.manifest.rows))
            text, style = " ".join(part for part in (rows, note) if part), HINT_STYLE
        else:
            text, style = "", HINT_STYLE
        self.manifest_message.setText(text)
        self.manifest_message.setStyleSheet(style)
        self.manifest_message.setVisible(bool(text))

    # -- what the form says ------------------------------------------------------------------

    def common(self) -> FileMetadata:
        def given(text: str) -> str | None:
            return " ".join(text.split()) or None

        return FileMetadata(
            quarter=given(self.quarter_combo.currentText()),
            method=given(self.method_combo.currentText()),
            date=given(self.date_edit.text()),
            group=given(self.group_edit.text()),
            participants=self.participants_spin.participants(),
            moderator=given(self.moderator_edit.text()),
        )

    def sources(self) -> MetadataSources:
        return MetadataSources(self.common(), self.manifest, self.pattern())

    def options(self) -> ImportOptions:
        manifest = Path(self.manifest_edit.text()) if self.manifest is not None else None
        return ImportOptions(
            common=self.common(),
            manifest=manifest,
            pattern=self.pattern_edit.text().strip() or None,
            precode=self.precode_check.isChecked(),
            create_missing=self.create_check.isChecked(),
            allow_duplicates=self.duplicates_check.isChecked(),
        )

    def errors(self) -> list[str]:
        """What must be put right before importing (a bad date, pattern or manifest)."""
        found = [self.date_edit.error(), self.pattern_error, self.manifest_error]
        return [error for error in found if error]
