"""Two field editors of the category properties dialog: a colour button and the
question-block patterns.

The colour button shows the colour (swatch and hex code) and opens the colour dialog.

The patterns are one regular expression per line. Import pre-coding opens a category's
question block where a heading or short line matches one of its patterns (see
`core.importers.structure.find_sections`). Each line is compiled as the core compiles it when
saving; lines that do not compile get a red background and the first reason is offered as one
sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QFontDatabase, QIcon, QPainter, QPixmap, QTextCursor, QTextFormat
from PySide6.QtWidgets import QColorDialog, QPlainTextEdit, QPushButton, QTextEdit, QWidget

from ...core.errors import ValidationError
from ...core.i18n import tr
from ...core.services.categories import check_patterns

SWATCH = QSize(28, 16)
BAD_LINE = QColor("#f8d0d0")


def swatch_icon(colour: str) -> QIcon:
    """A wide rounded rectangle in the colour, outlined a little darker."""
    pixmap = QPixmap(SWATCH)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour).darker(140))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, SWATCH.width() - 2, SWATCH.height() - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class ColourButton(QPushButton):
    """Clicking opens the colour dialog; `colour()` is the chosen colour as "#rrggbb"."""

    colour_changed = Signal(str)

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(SWATCH)
        self._colour = ""
        self.set_colour(colour)
        self.clicked.connect(self.choose)

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        value = QColor(colour)
        name = value.name() if value.isValid() else "#a9a9a9"
        if name == self._colour:
            return
        self._colour = name
        self.setIcon(swatch_icon(name))
        self.setText(name)
        self.setToolTip(tr("gui.category_properties.colour_tip"))
        self.colour_changed.emit(name)

    def choose(self) -> None:
        chosen = QColorDialog.getColor(
            QColor(self._colour), self, tr("gui.category_properties.colour_title")
        )
        if chosen.isValid():
            self.set_colour(chosen.name())


def normalised_patterns(text: str) -> str:
    """The patterns as the core stores them: lines trimmed, empty lines dropped."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def pattern_problems(text: str) -> list[tuple[int, str]]:
    """(1-based line number, one-sentence reason) for each line that does not compile."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            check_patterns(line)
        except ValidationError as error:
            problems.append((number, str(error)))
    return problems


class PatternEdit(QPlainTextEdit):
    """Plain text editor in a fixed-width font that marks lines that are no valid pattern."""

    problem_changed = Signal(str)  # the reason, or "" when every line compiles

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(True)
        self._problem = ""
        self.setPlainText(text)
        self.textChanged.connect(self._check)
        self._check()

    def patterns(self) -> str:
        return normalised_patterns(self.toPlainText())

    def problem(self) -> str:
        """Why the patterns cannot be saved, in one or two sentences; "" when they can."""
        return self._problem

    def _check(self) -> None:
        problems = pattern_problems(self.toPlainText())
        marks = []
        for number, _reason in problems:
            block = self.document().findBlockByNumber(number - 1)
            mark = QTextEdit.ExtraSelection()
            mark.format.setBackground(BAD_LINE)
            mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            mark.cursor = QTextCursor(block)
            marks.append(mark)
        self.setExtraSelections(marks)
        problem = ""
        if problems:
            number, reason = problems[0]
            problem = tr("gui.category_properties.pattern_problem", line=number, reason=reason)
            if len(problems) > 1:
                others = ", ".join(str(n) for n, _ in problems[1:])
                problem += " " + tr("gui.category_properties.pattern_more", lines=others)
        if problem != self._problem:
            self._problem = problem
            self.problem_changed.emit(problem)
