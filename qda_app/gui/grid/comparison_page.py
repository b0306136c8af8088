"""The cross-quarter comparison: the matrix with its measure, filters and the k-of-n rule,
its charts (heatmap, bars of one category) and the cross-quarter statements.

The matrix is read when the page shows and after changes (once the window is idle); charts
are drawn only for the tab that shows them, since drawing takes longer than counting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.analysis.charts import category_bars, heatmap
from ...core.analysis.cross_quarter_rule import DEFAULT_K, RuleResult, cross_quarter_rule
from ...core.analysis.quarter_matrix import MEASURES, MatrixOptions, QuarterMatrix, quarter_matrix
from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.values import ChangeEvent
from ..common.message_boxes import show_warning
from .chart_view import ChartView
from .comparison_controls import filter_rows, matrix_table, refill_combo
from .cross_statements_panel import CrossStatementsPanel
from .matrix_model import MatrixModel
from .summary_grid_page import touches_condensing

if TYPE_CHECKING:
    from ...core.project import Project

BASES = ("codings", "statements")


class ComparisonPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonPage")
        self.project: Project | None = None
        self.matrix: QuarterMatrix | None = None
        self.rule: RuleResult | None = None
        self._stale = False
        self._charts_stale = True
        self.measure_label, self.k_label = QLabel(self), QLabel(self)
        self.basis_label, self.method_label, self.coder_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self.measure = QComboBox(self)
        self.measure.setObjectName("measure")
        self.k = QSpinBox(self)
        self.k.setObjectName("ruleK")
        self.k.setRange(1, 99)
        self.k.setValue(DEFAULT_K)
        self.basis = QComboBox(self)
        self.basis.setObjectName("ruleBasis")
        self.method = QComboBox(self)
        self.method.setObjectName("methodFilter")
        self.coder = QComboBox(self)
        self.coder.setObjectName("coderFilter")
        self.count_city = QCheckBox(self)
        self.count_city.setObjectName("countCity")
        for box in (self.measure, self.basis, self.method, self.coder):
            box.currentIndexChanged.connect(lambda _i: self.schedule())
        self.k.valueChanged.connect(lambda _v: self.schedule())
        self.count_city.toggled.connect(lambda _c: self.schedule())

        self.model = MatrixModel(self)
        self.table = matrix_table(self, self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.rule_summary = QLabel(self)
        self.rule_summary.setObjectName("ruleSummary")
        self.rule_summary.setWordWrap(True)

        self.heatmap = ChartView("heatmap", self)
        self.bars = ChartView("bars", self)
        self.bar_category = QComboBox(self)
        self.bar_category.setObjectName("barCategory")
        self.bar_category.currentIndexChanged.connect(lambda _i: self._draw_bars())
        self.bars.controls.insertWidget(0, self.bar_category, 1)
        self.cross = CrossStatementsPanel(self)

        matrix_page = QWidget(self)
        matrix_layout = QVBoxLayout(matrix_page)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        matrix_layout.addWidget(self.table, 1)
        matrix_layout.addWidget(self.rule_summary)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("comparisonTabs")
        self.tabs.addTab(matrix_page, "")
        self.tabs.addTab(self.heatmap, "")
        self.tabs.addTab(self.bars, "")
        self.tabs.addTab(self.cross, "")
        self.tabs.currentChanged.connect(lambda _i: self._draw_charts())

        filters = filter_rows(
            [
                (self.measure_label, self.measure),
                (self.method_label, self.method),
                (self.coder_label, self.coder),
            ],
            [(self.k_label, self.k), (self.basis_label, self.basis)],
            self.count_city,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(0)
        self.refresh_timer.timeout.connect(self.refresh)
        self._filling = False
        self.retranslate()

    def retranslate(self) -> None:
        self._filling = True
        self.measure_label.setText(tr("gui.matrix.measure"))
        self.k_label.setText(tr("gui.matrix.k"))
        self.k.setToolTip(tr("gui.matrix.k_tip"))
        self.basis_label.setText(tr("gui.matrix.basis"))
        self.method_label.setText(tr("gui.matrix.method"))
        self.coder_label.setText(tr("gui.matrix.coder"))
        self.count_city.setText(tr("gui.matrix.count_city"))
        self.count_city.setToolTip(tr("gui.matrix.count_city_tip"))
        refill_combo(self.measure, [(tr(f"chart.measure.{m}"), m) for m in MEASURES])
        refill_combo(self.basis, [(tr(f"gui.matrix.basis.{b}"), b) for b in BASES])
        for index, name in enumerate(("matrix", "heatmap", "bars", "cross")):
            self.tabs.setTabText(index, tr(f"gui.matrix.tab.{name}"))
        self._filling = False
        self._fill_filters()
        for part in (self.heatmap, self.bars, self.cross):
            part.retranslate()
        self._show_rule()

    def _fill_filters(self) -> None:
        self._filling = True
        project = self.project
        methods = [(m.name, m.id) for m in project.methods.list()] if project else []
        coders = [(c.name, c.id) for c in project.coders.list()] if project else []
        refill_combo(self.method, [(tr("gui.matrix.all_methods"), None), *methods])
        refill_combo(self.coder, [(tr("gui.matrix.all_coders"), None), *coders])
        self._filling = False

    # -- project and changes --------------------------------------------------------------

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self._fill_filters()
        self.cross.set_project(project)
        self.matrix = self.rule = None
        self.model.set_matrix(None, None)
        self._stale = project is not None
        if project is not None and self.isVisible():
            self.refresh()

    def on_change(self, event: ChangeEvent) -> None:
        if self.project is None:
            return
        if event.reset or event.keys("coders") or event.keys("methods"):
            self._fill_filters()
        if not touches_condensing(event):
            return
        if self.isVisible():
            self.refresh_timer.start()
        else:
            self._stale = True

    def schedule(self) -> None:
        if not self._filling and self.project is not None:
            self.refresh_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def options(self) -> MatrixOptions:
        method, coder = self.method.currentData(), self.coder.currentData()
        return MatrixOptions(
            method_ids=(int(method),) if method is not None else (),
            coder_ids=(int(coder),) if coder is not None else (),
            count_city=self.count_city.isChecked(),
        )

    def refresh(self) -> None:
        """Count the matrix and apply the rule with the chosen measure, filters and k."""
        self._stale = False
        if self.project is None:
            return
        chosen = self.current_category()
        try:
            self.matrix = quarter_matrix(
                self.project, self.measure.currentData() or "segments", self.options()
            )
            self.rule = cross_quarter_rule(
                self.project,
                self.k.value(),
                basis=self.basis.currentData() or "codings",
                matrix=self.matrix,
            )
        except QdaError as error:
            show_warning(self, str(error))
            return
        self.model.set_matrix(self.matrix, self.rule)
        self._fill_bar_categories(chosen)
        if chosen is not None:
            row = self.model.row_of(chosen)
            if row >= 0:
                self.table.selectRow(row)
        self._show_rule()
        self.cross.refresh()
        self._charts_stale = True
        self._draw_charts()

    def _show_rule(self) -> None:
        rule, matrix = self.rule, self.matrix
        if rule is None or matrix is None:
            self.rule_summary.setText("")
            return
        paths = {r.category_id: r.label if r.depth == 0 else r.tag_path for r in matrix.rows}
        met = ", ".join(paths[c] for c in rule.met) or "—"
        self.rule_summary.setText(
            tr("gui.matrix.rule_summary", k=rule.k, n=rule.n, count=len(rule.met), names=met)
        )

    # -- categories and charts ------------------------------------------------------------

    def current_category(self) -> int | None:
        row = self.model.category_at(self.table.currentIndex().row())
        if row is not None:
            return row.category_id
        value = self.bar_category.currentData()
        return int(value) if value is not None else None

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.category_at(current.row())
        if row is None:
            return
        index = self.bar_category.findData(row.category_id)
        if index >= 0:
            self.bar_category.setCurrentIndex(index)
        self.cross.select_category(row.category_id)

    def _fill_bar_categories(self, chosen: int | None) -> None:
        self._filling = True
        rows = self.matrix.rows if self.matrix else ()
        refill_combo(self.bar_category, [(r.tag_path, r.category_id) for r in rows])
        index = self.bar_category.findData(chosen) if chosen is not None else -1
        self.bar_category.setCurrentIndex(max(index, 0) if rows else -1)
        self._filling = False

    def _draw_charts(self) -> None:
        """Draw what the current tab shows (the heatmap, or the bars), once per matrix."""
        if self.tabs.currentWidget() is self.heatmap and (
            self._charts_stale or self.heatmap.png is None
        ):
            matrix, rule = self.matrix, self.rule
            self.heatmap.set_renderer(
                (lambda fmt: heatmap(matrix, fmt=fmt, rule=rule)) if matrix else None
            )
            self._charts_stale = False
        elif self.tabs.currentWidget() is self.bars:
            self._draw_bars()

    def _draw_bars(self) -> None:
        if self._filling or self.tabs.currentWidget() is not self.bars:
            return
        matrix, rule = self.matrix, self.rule
        value = self.bar_category.currentData()
        if matrix is None or value is None:
            self.bars.set_renderer(None)
            return
        category = int(value)
        self.bars.set_renderer(lambda fmt: category_bars(matrix, category, fmt=fmt, rule=rule))
