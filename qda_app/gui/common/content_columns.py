"""Tree columns as wide as their content, measured after changes rather than on each one.

Qt's ResizeToContents mode measures every row of a column again for each changed row: on a
project of 500 documents one new coding (which moves a count in each tree) cost some
200 ms. Here the columns are fitted once after a reset, a layout change or new rows, and
after changed rows at most once per quiet moment (a short timer collects a burst).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTreeView

DELAY_MS = 150


class ContentColumns(QObject):
    """Keeps `columns` of a tree view fitted to their content."""

    def __init__(self, view: QTreeView, columns: Sequence[int]) -> None:
        super().__init__(view)
        self.view = view
        self.columns = tuple(columns)
        header = view.header()
        for column in self.columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.fit)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(lambda *_args: self.fit_soon(0))
        model.dataChanged.connect(lambda *_args: self.fit_soon(DELAY_MS))
        view.expanded.connect(lambda *_args: self.fit_soon(0))

    def fit_soon(self, delay: int) -> None:
        if not self.timer.isActive():
            self.timer.start(delay)

    def fit(self) -> None:
        for column in self.columns:
            self.view.resizeColumnToContents(column)
