"""Coders → Intercoder agreement: choose coders, documents, level and minimum overlap; see the
four coefficients per category and the disagreeing segments side by side. A double click on
a disagreement shows that place in the document; the result is exported to XLSX or DOCX and
leads into the consensus step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.analysis.agreement import AgreementOptions, AgreementResult, intercoder_agreement
from ...core.errors import QdaError
from ...core.i18n import tr
from ..common.message_boxes import show_information, show_warning
from .choice_lists import CheckList, coder_entries, document_entries
from .result_tables import DisagreementTable, SummaryTableWidget

if TYPE_CHECKING:
    from ...core.project import Project
    from ...core.values import ChangeEvent

LEVELS = (
    ("segment", "presence", "gui.agreement.level.segment"),
    ("document", "presence", "gui.agreement.level.presence"),
    ("document", "frequency", "gui.agreement.level.frequency"),
)


class AgreementDialog(QDialog):
    """Non-modal: the window stays usable while the result is looked at."""

    segment_requested = Signal(int, int, int)  # document id, start, end (code points)
    consensus_requested = Signal(object)  # the AgreementResult to settle

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.project = project
        self.outcome: AgreementResult | None = None
        self.coders = CheckList("agreementCoders", self)
        self.documents = CheckList("agreementDocuments", self)
        self.level = QComboBox(self)
        self.level.setObjectName("agreementLevel")
        self.overlap = QSpinBox(self)
        self.overlap.setObjectName("agreementOverlap")
        self.overlap.setRange(1, 100)
        self.overlap.setValue(90)
        self.overlap.setSuffix(" %")
        self.compute_button = QPushButton(self)
        self.compute_button.setObjectName("agreementCompute")
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        self.summary = QLabel(self)
        self.summary.setObjectName("agreementSummary")
        self.summary.setWordWrap(True)
        # Shown when codings changed after the result was computed.
        self.stale_note = QLabel(self)
        self.stale_note.setObjectName("agreementStale")
        self.stale_note.setWordWrap(True)
        self.stale_note.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.recompute_button = QPushButton(self)
        self.recompute_button.setObjectName("agreementRecompute")
        self.recompute_button.clicked.connect(self.compute)
        self.table = SummaryTableWidget(self)
        self.disagreement_title = QLabel(self)
        self.disagreements = DisagreementTable(self)
        self.disagreements.cellDoubleClicked.connect(self._show_place)
        self.xlsx_button = QPushButton(self)
        self.xlsx_button.setObjectName("agreementExportXlsx")
        self.xlsx_button.clicked.connect(lambda: self.export(".xlsx"))
        self.docx_button = QPushButton(self)
        self.docx_button.setObjectName("agreementExportDocx")
        self.docx_button.clicked.connect(lambda: self.export(".docx"))
        self.consensus_button = QPushButton(self)
        self.consensus_button.setObjectName("agreementConsensus")
        self.consensus_button.clicked.connect(self._ask_consensus)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.level.currentIndexChanged.connect(self._level_changed)
        self.retranslate()
        self.reload()
        self._show_result()

    def _layout(self) -> None:
        self.coder_label, self.document_label = QLabel(self), QLabel(self)
        self.level_label, self.overlap_label = QLabel(self), QLabel(self)
        choices = QWidget(self)
        left = QVBoxLayout(choices)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.coder_label)
        left.addWidget(self.coders)
        left.addWidget(self.document_label)
        left.addWidget(self.documents, 1)
        self.form = QFormLayout()
        self.form.addRow(self.level_label, self.level)
        self.form.addRow(self.overlap_label, self.overlap)
        left.addLayout(self.form)
        left.addWidget(self.compute_button)
        self.coders.setMaximumHeight(110)
        choices.setMinimumWidth(240)
        results = QWidget(self)
        column = QVBoxLayout(results)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        stale = QHBoxLayout()
        stale.addWidget(self.stale_note, 1)
        stale.addWidget(self.recompute_button)
        column.addLayout(stale)
        parts = QSplitter(Qt.Orientation.Vertical, results)
        parts.addWidget(self.table)
        lower = QWidget(parts)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.disagreement_title)
        lower_layout.addWidget(self.disagreements)
        parts.addWidget(lower)
        column.addWidget(parts, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(choices)
        split.addWidget(results)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 960])
        row = QHBoxLayout()
        row.addWidget(self.xlsx_button)
        row.addWidget(self.docx_button)
        row.addWidget(self.consensus_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(row)
        self.resize(1240, 760)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("gui.agreement.title"))
        self.coder_label.setText(tr("gui.agreement.coders"))
        self.document_label.setText(tr("gui.agreement.documents"))
        self.documents.setToolTip(tr("gui.agreement.documents_tip"))
        self.level_label.setText(tr("gui.agreement.level"))
        self.overlap_label.setText(tr("gui.agreement.overlap"))
        self.overlap.setToolTip(tr("agreement.overlap_rule"))
        index = max(self.level.currentIndex(), 0)
        self.level.clear()
        for _, _, key in LEVELS:
            self.level.addItem(tr(key))
        self.level.setCurrentIndex(index)
        self.compute_button.setText(tr("gui.agreement.compute"))
        self.stale_note.setText(tr("gui.agreement.stale"))
        self.recompute_button.setText(tr("gui.agreement.recompute"))
        self.xlsx_button.setText(tr("gui.agreement.export_xlsx"))
        self.docx_button.setText(tr("gui.agreement.export_docx"))
        self.consensus_button.setText(tr("gui.agreement.consensus"))
        self.disagreements.setToolTip(tr("gui.agreement.double_click"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("gui.agreement.close"))

    def reload(self) -> None:
        """Fill the coder and document lists (the first two coders ticked)."""
        coders = self.project.coders.list()
        ticked = self.coders.checked() or [c.id for c in coders[:2]]
        self.coders.fill(coder_entries(coders), ticked)
        self.documents.fill(
            document_entries(self.project.documents.list()), self.documents.checked()
        )

    def _level_changed(self) -> None:
        self.overlap.setEnabled(LEVELS[max(self.level.currentIndex(), 0)][0] == "segment")

    def options(self) -> AgreementOptions:
        level, measure, _ = LEVELS[max(self.level.currentIndex(), 0)]
        return AgreementOptions(
            coder_ids=tuple(self.coders.checked()),
            level=level,
            measure=measure,
            overlap=self.overlap.value() / 100,
            document_ids=tuple(self.documents.checked()),
        )

    def compute(self) -> AgreementResult | None:
        try:
            self.outcome = intercoder_agreement(self.project, self.options())
        except QdaError as error:
            self.outcome = None
            show_warning(self, str(error))
        self._show_result()
        return self.outcome

    def on_change(self, event: ChangeEvent) -> None:
        """The project changed: new coders or documents join the lists; a result computed
        before codings, categories or documents changed is marked out of date."""
        if event.reset or event.keys("coders") or event.keys("documents"):
            self.reload()
        if self.outcome is not None and _touches_result(event):
            self.set_stale(True)

    def set_stale(self, stale: bool) -> None:
        self.stale_note.setVisible(stale)
        self.recompute_button.setVisible(stale)

    def _show_result(self) -> None:
        self.set_stale(False)
        result = self.outcome
        for button in (self.xlsx_button, self.docx_button):
            button.setEnabled(result is not None)
        self.consensus_button.setEnabled(
            result is not None
            and result.options.level == "segment"
            and len(result.coders) == 2
            and bool(result.disagreements)
        )
        self.table.show_result(result)
        self.disagreements.show_result(result)
        if result is None:
            self.summary.setText(tr("gui.agreement.nothing_yet"))
            self.disagreement_title.setText("")
            return
        from ...core.exporters.agreement_table import level_text, title_text

        self.summary.setText(
            f"<b>{title_text(result)}</b><br>{level_text(result)} · "
            + tr("agreement.documents", count=len(result.documents))
        )
        self.disagreement_title.setText(
            tr("agreement.disagreements", count=len(result.disagreements))
        )

    def _show_place(self, row: int, _column: int) -> None:
        if self.outcome is None or self.outcome.options.level != "segment":
            if self.outcome is not None and 0 <= row < len(self.outcome.disagreements):
                item = self.outcome.disagreements[row]
                self.segment_requested.emit(item.document_id, 0, 0)
            return
        item = self.outcome.disagreements[row]
        self.segment_requested.emit(item.document_id, item.start, item.end)

    def export(self, suffix: str) -> str:
        """Ask where to save the result (.xlsx or .docx) and write it; returns the path."""
        if self.outcome is None:
            return ""
        from ...core.exporters.agreement_docx import write_agreement_docx
        from ...core.exporters.agreement_xlsx import write_agreement_xlsx

        names = "-".join(c.name for c in self.outcome.coders)
        suggested = str(Path(self.project.location).with_name(f"agreement-{names}{suffix}"))
        file_filter = tr(
            "gui.agreement.filter_xlsx" if suffix == ".xlsx" else "gui.agreement.filter_docx"
        )
        path = ask_export_path(self, tr("gui.agreement.export_title"), suggested, file_filter)
        if not path:
            return ""
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            if suffix == ".xlsx":
                write_agreement_xlsx(self.outcome, path)
            else:
                write_agreement_docx(self.outcome, path)
        except OSError as error:
            show_warning(self, tr("gui.agreement.export_failed", path=path, reason=error.strerror))
            return ""
        show_information(self, tr("agreement.saved", path=path))
        return path

    def _ask_consensus(self) -> None:
        if self.outcome is not None:
            self.consensus_requested.emit(self.outcome)


def _touches_result(event: ChangeEvent) -> bool:
    return bool(
        event.reset
        or event.keys("codings")
        or event.keys("categories")
        or event.keys("documents")
        or event.keys("coders")
    )


def ask_export_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path
