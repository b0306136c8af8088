"""What the window shows without a project: create one, open one, or pick a recent one."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.server_address import is_server_address

PATH_ROLE = Qt.ItemDataRole.UserRole


class StartPage(QWidget):
    """Buttons for New… and Open… and the list of recent projects (a click opens one)."""

    new_requested = Signal()
    open_requested = Signal()
    connect_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.title = QLabel(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newButton")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self.open_requested)
        self.connect_button = QPushButton(self)
        self.connect_button.setObjectName("connectButton")
        self.connect_button.clicked.connect(self.connect_requested)
        self.recent_label = QLabel(self)
        self.recent_list = QListWidget(self)
        self.recent_list.setObjectName("recentList")
        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_list.setSpacing(2)
        self.recent_list.itemActivated.connect(self._activated)
        self.recent_list.itemClicked.connect(self._activated)
        self._recent: list[str] = []

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.connect_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addSpacing(18)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent_list, 1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("gui.start.title"))
        self.intro.setText(tr("gui.start.intro"))
        self.new_button.setText(tr("gui.start.new"))
        self.open_button.setText(tr("gui.start.open"))
        self.connect_button.setText(tr("gui.start.connect"))
        self.recent_label.setText(tr("gui.start.recent"))
        self.set_recent(self._recent)

    def set_recent(self, paths: list[str]) -> None:
        """Show the recent projects; ones that no longer exist are marked."""
        self._recent = list(paths)
        self.recent_list.clear()
        for path in paths:
            name = os.path.basename(path)
            if not os.path.exists(path) and not is_server_address(path):
                name = tr("gui.start.missing", name=name)
            item = QListWidgetItem(f"{name}\n{os.path.dirname(path)}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            self.recent_list.addItem(item)
        if not paths:
            item = QListWidgetItem(tr("gui.start.no_recent"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.recent_requested.emit(path)
