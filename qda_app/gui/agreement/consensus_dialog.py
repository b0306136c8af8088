"""Coders → Consensus: go through the disagreements of an agreement test side by side and
decide for each: keep the first coder's version, the second's, both or neither. Every
disagreement starts undecided; "Apply" is enabled once each has a decision (one by one, or
"for all undecided" with a chosen decision). The decisions are applied for one coder (one of
the two, corrected in place, or a new coder such as "Konsens" who also receives the agreed
places) as one command in the change log."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.services.coder_passes import CHOICES, ConsensusDecision
from ..common.message_boxes import show_warning

if TYPE_CHECKING:
    from ...core.analysis.agreement import AgreementResult
    from ...core.project import Project
    from ...core.values import Segment

CHOICE_KEYS = {
    "first": "gui.consensus.keep_first",
    "second": "gui.consensus.keep_second",
    "both": "gui.consensus.keep_both",
    "neither": "gui.consensus.keep_neither",
}


class ConsensusDialog(QDialog):
    def __init__(
        self, project: Project, result: AgreementResult, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consensusDialog")
        self.project = project
        self.outcome = result
        self.choices: list[str | None] = [None] * len(result.disagreements)
        self.index = 0
        first, second = (c.name for c in result.coders[:2])
        self.position = QLabel(self)
        self.position.setObjectName("consensusPosition")
        self.versions: list[tuple[QGroupBox, QLabel, QTextEdit]] = []
        sides = QHBoxLayout()
        for name in (first, second):
            box = QGroupBox(name, self)
            category = QLabel(box)
            category.setWordWrap(True)
            category.setTextFormat(Qt.TextFormat.PlainText)
            bold = category.font()
            bold.setBold(True)
            category.setFont(bold)
            category.setMinimumHeight(category.fontMetrics().lineSpacing() * 2 + 6)
            text = QTextEdit(box)
            text.setReadOnly(True)
            inner = QVBoxLayout(box)
            inner.addWidget(category)
            inner.addWidget(text, 1)
            sides.addWidget(box, 1)
            self.versions.append((box, category, text))
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        choice_row = QGridLayout()
        for number, choice in enumerate(CHOICES):
            radio = QRadioButton(tr(CHOICE_KEYS[choice], first=first, second=second), self)
            radio.setObjectName(f"consensus_{choice}")
            self.group.addButton(radio, number)
            self.radios[choice] = radio
            choice_row.addWidget(radio, number // 2, number % 2)
        self.group.idClicked.connect(self._chosen)
        self.remaining_choice = QComboBox(self)
        self.remaining_choice.setObjectName("consensusRemainingChoice")
        for choice in CHOICES:
            self.remaining_choice.addItem(
                tr(CHOICE_KEYS[choice], first=first, second=second), choice
            )
        self.remaining_button = QPushButton(tr("gui.consensus.apply_remaining"), self)
        self.remaining_button.setObjectName("consensusRemaining")
        self.remaining_button.clicked.connect(
            lambda: self.decide_remaining(str(self.remaining_choice.currentData()))
        )
        remaining = QHBoxLayout()
        remaining.addWidget(self.remaining_button)
        remaining.addWidget(self.remaining_choice, 1)
        self.decided = QLabel(self)
        self.decided.setObjectName("consensusDecided")
        self.previous_button = QPushButton(tr("gui.consensus.previous"), self)
        self.previous_button.setObjectName("consensusPrevious")
        self.previous_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button = QPushButton(tr("gui.consensus.next"), self)
        self.next_button.setObjectName("consensusNext")
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.target = QComboBox(self)
        self.target.setObjectName("consensusTarget")
        self.target.setEditable(True)
        self.target.addItems([tr("gui.consensus.new_coder"), first, second])
        form = QFormLayout()
        form.addRow(tr("gui.consensus.target"), self.target)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self
        )
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.setText(tr("gui.consensus.apply"))
        apply.setObjectName("consensusApply")
        apply.clicked.connect(self.apply)
        self.apply_button = apply
        self.buttons.rejected.connect(self.reject)
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.position, 1)
        navigation.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("gui.consensus.intro"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(navigation)
        layout.addLayout(sides, 1)
        layout.addLayout(choice_row)
        layout.addLayout(remaining)
        layout.addWidget(self.decided)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setWindowTitle(tr("gui.consensus.title"))
        self.resize(1000, 620)
        self.applied = 0
        self.go(0)

    def go(self, index: int) -> None:
        """Show the disagreement at `index` with its current decision."""
        total = len(self.outcome.disagreements)
        if not total:
            return
        self.index = max(0, min(index, total - 1))
        item = self.outcome.disagreements[self.index]
        self.position.setText(
            tr(
                "gui.consensus.position",
                number=self.index + 1,
                total=total,
                document=item.document_title,
            )
        )
        for (box, category, text), segment, label in zip(
            self.versions, item.segments, item.labels, strict=False
        ):
            category.setText(label or tr("agreement.nothing"))
            text.setHtml(_shown(segment))
            box.setEnabled(segment is not None)
        self._show_choice()
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < total - 1)

    def _show_choice(self) -> None:
        """The current disagreement's decision (no radio ticked while undecided), how many
        are decided, and "Apply" only when all are."""
        choice = self.choices[self.index] if self.choices else None
        self.group.setExclusive(False)
        for name, radio in self.radios.items():
            radio.setChecked(name == choice)
        self.group.setExclusive(True)
        open_count = self.choices.count(None)
        self.decided.setText(
            tr(
                "gui.consensus.decided",
                done=len(self.choices) - open_count,
                total=len(self.choices),
            )
        )
        self.remaining_button.setEnabled(open_count > 0)
        self.remaining_choice.setEnabled(open_count > 0)
        self.apply_button.setEnabled(open_count == 0)
        self.apply_button.setToolTip("" if open_count == 0 else tr("gui.consensus.undecided"))

    def _chosen(self, number: int) -> None:
        self.choices[self.index] = CHOICES[number]
        self._show_choice()

    def decide_remaining(self, choice: str) -> None:
        """Give every disagreement still undecided this decision."""
        self.choices = [choice if c is None else c for c in self.choices]
        self._show_choice()

    def target_name(self) -> str:
        text = self.target.currentText().strip()
        return text or tr("gui.consensus.new_coder")

    def apply(self) -> None:
        if None in self.choices:  # (the button is disabled then)
            return
        decisions = [
            ConsensusDecision.choose(item.segments, str(choice))
            for item, choice in zip(self.outcome.disagreements, self.choices, strict=True)
        ]
        target = self.target_name()
        compared = {c.name for c in self.outcome.coders}
        agreed = () if target in compared else self.outcome.agreed_coding_ids
        try:
            self.applied = self.project.coder_passes.apply_consensus(target, decisions, agreed)
        except QdaError as error:
            show_warning(self, str(error))
            return
        self.accept()


def _shown(segment: Segment | None) -> str:
    """The coded words in bold, with some context in grey."""
    if segment is None:
        return ""
    before, after = escape(segment.context_before), escape(segment.context_after)
    return (
        f'<span style="color:#777777">…{before}</span><b>{escape(segment.text)}</b>'
        f'<span style="color:#777777">{after}…</span>'
    )
