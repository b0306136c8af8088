"""View → Codings of: all coders or one (blind coding hides the others), and colour by coder."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ...core.i18n import tr
from ..documents.document_view import DocumentView


class CoderViewMenu(QMenu):
    def __init__(
        self, view: DocumentView, coders: Callable[[], list[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coderViewMenu")
        self.view = view
        self.coders = coders
        # Not the menu's own: rebuilding (clear) deletes the menu's actions.
        self.colour_action = QAction(parent)
        self.colour_action.setCheckable(True)
        self.colour_action.toggled.connect(view.set_colour_by_coder)
        self._group: QActionGroup | None = None
        self.aboutToShow.connect(self.rebuild)
        self.retranslate()
        self.rebuild()

    def retranslate(self) -> None:
        self.setTitle(tr("gui.coding.coders_menu"))
        self.colour_action.setText(tr("gui.coding.colour_by_coder"))

    def rebuild(self) -> None:
        """One entry per coder of the project, "all coders" first, the current choice checked."""
        self.clear()
        if self._group is not None:
            self._group.deleteLater()  # the old entries went with clear()
        group = self._group = QActionGroup(self.colour_action)
        current = self.view.display.coder_filter
        for name in [None, *self.coders()]:
            action = self.addAction(tr("gui.coding.all_coders") if name is None else name)
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setActionGroup(group)
            action.triggered.connect(lambda _checked=False, n=name: self.view.set_coder_filter(n))
        self.addSeparator()
        self.addAction(self.colour_action)
