"""After an exchange: what went across, what was corrected on the way and what was left out
(the REFI-QDA standard asks programs to tell the user)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QWidget

from ...core.exchange.exchange_values import ExchangeSummary, counted
from ...core.i18n import tr
from ..common.report_dialog import ReportDialog


class ExchangeReportDialog(ReportDialog):
    """A headline naming the file, the counts, then corrections and what did not go across."""

    def __init__(
        self, summary: ExchangeSummary, *, exported: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__("exchangeReport", tr("gui.exchange.report.title"), parent)
        self.summary = summary
        self.exported = exported
        key = "gui.exchange.report.exported" if exported else "gui.exchange.report.imported"
        path = summary.project_path or summary.path
        self.show_report(tr(key, name=path.name), self._html())

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
