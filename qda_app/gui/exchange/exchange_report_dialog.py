"""After an exchange: what went across, what was corrected on the way and what was left out
(the REFI-QDA standard asks programs to tell the user)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ...core.exchange.exchange_values import ExchangeSummary, counted
from ...core.i18n import tr


class ExchangeReportDialog(QDialog):
    """A headline naming the file, the counts, then corrections and what did not go across."""

    def __init__(
        self, summary: ExchangeSummary, *, exported: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeReport")
        self.summary = summary
        self.exported = exported
        self.setWindowTitle(tr("gui.exchange.report.title"))
        key = "gui.exchange.report.exported" if exported else "gui.exchange.report.imported"
        path = summary.project_path or summary.path
        self.headline = QLabel(tr(key, name=path.name), self)
        self.headline.setObjectName("exchangeHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.details = QTextBrowser(self)
        self.details.setObjectName("exchangeDetails")
        self.details.setOpenLinks(False)
        self.details.setHtml(self._html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _html(self) -> str:
        counts = [
            counted(f"exchange.count.{what}", number)
            for what, number in self.summary.counts
            if number
        ]
        left_key = (
            "gui.exchange.report.not_exported" if self.exported else "gui.exchange.report.left_out"
        )
        counts_key = (
            "gui.exchange.report.counts_exported" if self.exported else "gui.exchange.report.counts"
        )
        sections = (
            (counts_key, counts),
            ("gui.exchange.report.corrected", [f.text for f in self.summary.corrected]),
            (left_key, [f.text for f in self.summary.left_out]),
        )
        parts = []
        for key, lines in sections:
            if lines:
                items = "".join(f"<li>{escape(line)}</li>" for line in lines)
                parts.append(f"<p><b>{escape(tr(key))}</b></p><ul>{items}</ul>")
        return "".join(parts) or f"<p>{escape(tr('gui.exchange.report.nothing'))}</p>"

    def text(self) -> str:
        """Headline and lists as plain text (what a screen reader would read)."""
        return f"{self.headline.text()}\n{self.details.toPlainText()}"
