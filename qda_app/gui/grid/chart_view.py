"""Shows a chart the core drew (PNG bytes), scaled to the space it has, and saves it as PNG
or SVG: the same picture the command line and the slide exports make."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ..common.message_boxes import show_warning

# Draws the chart in the given format ("png" or "svg"); None when there is nothing to draw.
Renderer = Callable[[str], bytes | None]


class ChartView(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.name = name
        self.renderer: Renderer | None = None
        self.png: bytes | None = None
        self._pixmap = QPixmap()
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumSize(200, 120)
        self.png_button = QPushButton(self)
        self.png_button.clicked.connect(lambda: self.choose_and_save("png"))
        self.svg_button = QPushButton(self)
        self.svg_button.clicked.connect(lambda: self.choose_and_save("svg"))
        self.controls = QHBoxLayout()
        self.controls.addStretch(1)
        self.controls.addWidget(self.png_button)
        self.controls.addWidget(self.svg_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.controls)
        layout.addWidget(self.picture, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.png_button.setText(tr("gui.chart.save_png"))
        self.svg_button.setText(tr("gui.chart.save_svg"))

    def set_renderer(self, renderer: Renderer | None) -> None:
        """Draw with `renderer` now (the chart shows what the matrix holds at this moment)."""
        self.renderer = renderer
        self.png = renderer("png") if renderer else None
        self._pixmap = QPixmap()
        if self.png:
            self._pixmap.loadFromData(self.png, "PNG")
        self._scale()
        for button in (self.png_button, self.svg_button):
            button.setEnabled(self.png is not None)

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        if self._pixmap.isNull():
            self.picture.setPixmap(QPixmap())
            self.picture.setText(tr("gui.chart.nothing"))
            return
        size = self.picture.size()
        self.picture.setPixmap(
            self._pixmap.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def save(self, path: str | Path, fmt: str | None = None) -> bool:
        """Write the chart to `path` as PNG or SVG (by `fmt`, else by the file's ending)."""
        if self.renderer is None:
            return False
        fmt = fmt or Path(path).suffix.lower().lstrip(".")
        data = self.png if fmt == "png" else self.renderer(fmt)
        if data is None:
            return False
        try:
            Path(path).write_bytes(data)
        except OSError as error:
            show_warning(
                self,
                tr("gui.chart.save_failed", path=str(path), reason=error.strerror or str(error)),
            )
            return False
        return True

    def choose_and_save(self, fmt: str) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("gui.chart.save_title"), f"{self.name}.{fmt}", tr(f"gui.chart.filter_{fmt}")
        )
        if path:
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self.save(path, fmt)
