"""The import dialog's preview: the text of the selected file exactly as it will be stored."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextOption
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ...core.i18n import tr, tr_count
from ..common.display_format import format_count
from .import_file_row import ImportRow
from .import_status_icons import FAILED, PENDING

ERROR_STYLE = "color: #c62828;"
FACTS_STYLE = "color: #4a4a4a;"


class ImportPreview(QWidget):
    """File name, what was found in it (characters, speaker turns, question blocks), its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("previewHeading")
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = QLabel(self)
        self.facts.setObjectName("previewFacts")
        self.facts.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("previewText")
        self.text.setReadOnly(True)
        self.text.setUndoRedoEnabled(False)
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.text.setPlaceholderText(tr("gui.import.preview_placeholder"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.text, 1)
        self.show_row(None)

    def show_row(self, row: ImportRow | None) -> None:
        if row is None:
            self.heading.setText(tr("gui.import.preview"))
            self._set_facts("", FACTS_STYLE)
            self.text.clear()
            return
        self.heading.setText(row.path.name)
        self.heading.setToolTip(str(row.path))
        reading = row.reading
        if row.state == PENDING or reading is None:
            self._set_facts(tr("gui.import.status.pending"), FACTS_STYLE)
            self.text.clear()
        elif row.state == FAILED or reading.read is None:
            self._set_facts(reading.error, ERROR_STYLE)
            self.text.clear()
        else:
            extracted = reading.read[1]
            facts = [tr("gui.import.facts.characters", count=format_count(len(extracted.text)))]
            if reading.speaker_turns:
                facts.append(tr_count("gui.import.facts.turns", reading.speaker_turns))
            if reading.question_blocks:
                facts.append(tr_count("gui.import.facts.blocks", reading.question_blocks))
            self._set_facts(" · ".join(facts), FACTS_STYLE)
            if self.text.toPlainText() != extracted.text:
                self.text.setPlainText(extracted.text)

    def _set_facts(self, text: str, style: str) -> None:
        self.facts.setText(text)
        self.facts.setStyleSheet(style)
        self.facts.setVisible(bool(text))
