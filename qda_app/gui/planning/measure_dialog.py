"""Add or edit a measure: text, responsible, time frame, priority, status, linked findings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from ...core.i18n import tr
from ...core.planning_values import MEASURE_PRIORITIES, MEASURE_STATUSES, MeasureInfo
from ...core.values import StatementInfo


class MeasureDialog(QDialog):
    def __init__(
        self,
        measure: MeasureInfo | None,
        findings: Sequence[StatementInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("measureDialog")
        key = "gui.planning.measure_dialog.edit" if measure else "gui.planning.measure_dialog.new"
        self.setWindowTitle(tr(key))
        self.text_edit = QPlainTextEdit(measure.text if measure else "", self)
        self.text_edit.setObjectName("measureText")
        self.responsible_edit = QLineEdit(measure.responsible if measure else "", self)
        self.time_frame_edit = QLineEdit(measure.time_frame if measure else "", self)
        self.priority_box = QComboBox(self)
        for code in MEASURE_PRIORITIES:
            self.priority_box.addItem(tr(f"planning.priority.{code}") if code else "—", code)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("measureStatus")
        for code in MEASURE_STATUSES:
            self.status_box.addItem(tr(f"planning.status.{code}"), code)
        if measure:
            self.priority_box.setCurrentIndex(MEASURE_PRIORITIES.index(measure.priority))
            self.status_box.setCurrentIndex(MEASURE_STATUSES.index(measure.status))
        self.findings = QListWidget(self)
        linked = set(measure.statement_ids) if measure else set()
        for statement in findings:
            item = QListWidgetItem(statement.text, self.findings)
            item.setData(Qt.ItemDataRole.UserRole, statement.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = statement.id in linked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("planning.column.measure"), self.text_edit)
        form.addRow(tr("planning.column.responsible"), self.responsible_edit)
        form.addRow(tr("planning.column.time_frame"), self.time_frame_edit)
        form.addRow(tr("planning.column.priority"), self.priority_box)
        form.addRow(tr("planning.column.status"), self.status_box)
        form.addRow(tr("gui.planning.measure_findings"), self.findings)
        form.addRow(buttons)
        self.resize(560, 460)

    def values(self) -> dict[str, Any]:
        return {
            "text": self.text_edit.toPlainText(),
            "responsible": self.responsible_edit.text(),
            "time_frame": self.time_frame_edit.text(),
            "priority": self.priority_box.currentData(),
            "status": self.status_box.currentData(),
        }

    def linked_statements(self) -> list[int]:
        return [
            int(self.findings.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.findings.count())
            if self.findings.item(row).checkState() == Qt.CheckState.Checked
        ]
