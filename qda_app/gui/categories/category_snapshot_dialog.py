"""The category system as it was at a chosen moment, beside the current one.

Left the tree then, right the tree now, each with its codings; what was removed shows red on
the left, what was added green on the right, what changed amber on both sides (the tooltip
names what changed).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...core.i18n import tr
from ...core.project import Project
from ...core.revision_values import CategoryState, ComparedCategory
from ..common.display_format import colour_swatch, format_count

STATUS_COLOURS = {"removed": "#c0392b", "added": "#1e8449", "changed": "#b9770e"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CategorySnapshotDialog(QDialog):
    def __init__(
        self, project: Project, moment: datetime | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(tr("gui.revision.snapshot_title"))
        self.moment_edit = QDateTimeEdit(self)
        self.moment_edit.setObjectName("snapshotMoment")
        self.moment_edit.setCalendarPopup(True)
        self.moment_edit.setDisplayFormat(tr("gui.revision.datetime_format"))
        # A moment given exactly (an entry of the history) is kept to the microsecond until
        # the user picks another one in the field, which counts in seconds.
        self._exact: datetime | None = None
        self.then_tree = self._tree("thenTree")
        self.now_tree = self._tree("nowTree")
        self.then_label = QLabel(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("snapshotSummary")
        self.summary_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QGridLayout(self)
        moment_row = QHBoxLayout()
        moment_row.addWidget(QLabel(tr("gui.revision.snapshot_moment"), self))
        moment_row.addWidget(self.moment_edit)
        moment_row.addStretch(1)
        layout.addLayout(moment_row, 0, 0, 1, 2)
        layout.addWidget(self.then_label, 1, 0)
        layout.addWidget(QLabel(tr("gui.revision.snapshot_now"), self), 1, 1)
        layout.addWidget(self.then_tree, 2, 0)
        layout.addWidget(self.now_tree, 2, 1)
        layout.addWidget(self.summary_label, 3, 0, 1, 2)
        layout.addWidget(buttons, 4, 0, 1, 2)
        self.moment_edit.dateTimeChanged.connect(self._picked)
        self.resize(1100, 620)
        if moment is None:
            self.moment_edit.setDateTime(QDateTime.currentDateTime().addDays(-7))
        else:
            self.set_moment(moment)

    def set_moment(self, moment: datetime) -> None:
        """Show the system as it was right after `moment` (naive local, or aware)."""
        local = moment.astimezone()  # naive times are taken as local
        self.moment_edit.blockSignals(True)
        self.moment_edit.setDateTime(_qt(local))
        self.moment_edit.blockSignals(False)
        self._exact = local
        self.refresh()

    def _picked(self, *_args: object) -> None:
        self._exact = None
        self.refresh()

    def _tree(self, name: str) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName(name)
        tree.setHeaderLabels(
            [tr("gui.revision.column.category"), tr("gui.revision.column.codings")]
        )
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        return tree

    def moment(self) -> datetime:
        """The chosen moment as an aware local time."""
        if self._exact is not None:
            return self._exact
        chosen = self.moment_edit.dateTime().toPython()
        assert isinstance(chosen, datetime)
        return chosen.astimezone()

    def refresh(self) -> None:
        self.compared = self.project.category_history.compare(self.moment())
        self.then_label.setText(tr("gui.revision.snapshot_then", when=self.moment_edit.text()))
        self._fill(self.then_tree, [(c, c.then, c.codings_then) for c in self.compared if c.then])
        self._fill(self.now_tree, [(c, c.now, c.codings_now) for c in self.compared if c.now])
        counts = {s: sum(c.status == s for c in self.compared) for s in STATUS_COLOURS}
        self.summary_label.setText(tr("gui.revision.snapshot_summary", **counts))

    def _fill(
        self, tree: QTreeWidget, rows: list[tuple[ComparedCategory, CategoryState | None, int]]
    ) -> None:
        tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        ordered = sorted(rows, key=lambda r: r[1].path.count("/") if r[1] else 0)
        for compared, state, count in ordered:
            assert state is not None
            parent = items.get(state.parent_id) if state.parent_id is not None else None
            item = QTreeWidgetItem([state.name, format_count(count)])
            item.setData(0, ID_ROLE, state.id)
            item.setIcon(0, colour_swatch(state.colour or "#888888"))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            colour = STATUS_COLOURS.get(compared.status)
            if colour:
                for column in (0, 1):
                    item.setForeground(column, QBrush(QColor(colour)))
                item.setToolTip(0, _status_text(compared))
            items[state.id] = item
            if parent is not None:
                parent.addChild(item)
            else:
                tree.addTopLevelItem(item)
        _sort_children(tree.invisibleRootItem(), {s.id: s.position for _c, s, _n in rows if s})
        tree.expandAll()

    def names(self, tree: QTreeWidget) -> list[str]:
        """Every category shown in a tree, depth-first (for tests and screen readers)."""
        found: list[str] = []

        def walk(item: QTreeWidgetItem) -> None:
            for row in range(item.childCount()):
                child = item.child(row)
                if child is not None:
                    found.append(child.text(0))
                    walk(child)

        walk(tree.invisibleRootItem())
        return found


def _sort_children(item: QTreeWidgetItem, positions: dict[int, int]) -> None:
    taken = (item.takeChild(0) for _ in range(item.childCount()))
    children = [child for child in taken if child is not None]
    children.sort(key=lambda c: positions.get(int(c.data(0, ID_ROLE)), 0))
    for child in children:
        item.addChild(child)
        _sort_children(child, positions)


def _status_text(compared: ComparedCategory) -> str:
    if compared.status == "changed":
        fields = ", ".join(tr(f"gui.revision.field.{f}") for f in compared.changed)
        return tr("gui.revision.status.changed", fields=fields)
    return tr(f"gui.revision.status.{compared.status}")


def _qt(moment: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(moment.astimezone().timestamp() * 1000))
