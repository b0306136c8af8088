"""A dialog that reports what a long job did: a bold headline, then details as rich text."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget


class ReportDialog(QDialog):
    """Subclasses pass the headline and the details' HTML; the layout is the same for all."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.headline = QLabel(self)
        self.headline.setObjectName(f"{name}Headline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.details = QTextBrowser(self)
        self.details.setObjectName(f"{name}Details")
        self.details.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def show_report(self, headline: str, html: str) -> None:
        self.headline.setText(headline)
        self.details.setHtml(html)
