"""What the cross-quarter chapter or deck says: the matrix, the k-of-n rule, and the
cross-quarter statements with the number of quarters behind each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analysis.cross_quarter_rule import RuleResult, cross_quarter_rule
from ..analysis.quarter_axes import CategoryRow
from ..analysis.quarter_matrix import MatrixOptions, QuarterMatrix, quarter_matrix
from ..analysis.statement_support import StatementSupport, statement_support
from ..i18n import tr
from ..values import StatementInfo
from .export_content import chosen_rows
from .export_options import ExportOptions

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class CrossStatement:
    statement: StatementInfo
    support: StatementSupport

    @property
    def count_text(self) -> str:
        """ "in 4 von 6 Sozialräumen genannt"."""
        return tr("chart.named_in", count=self.support.count, n=self.support.total)


@dataclass(frozen=True)
class CrossSection:
    row: CategoryRow
    statements: tuple[CrossStatement, ...]
    named_in: int  # how many counted quarters name the category


@dataclass(frozen=True)
class CrossContent:
    matrix: QuarterMatrix
    rule: RuleResult
    rows: tuple[CategoryRow, ...]
    sections: tuple[CrossSection, ...]  # tree order, categories with statements or the rule met

    @property
    def rule_text(self) -> str:
        """ "genannt in mindestens 4 von 6 Sozialräumen"."""
        return tr("exports.rule", k=self.rule.k, n=self.rule.n)

    def met_rows(self) -> list[CategoryRow]:
        return [r for r in self.rows if self.rule.meets(r.category_id)]


def cross_content(project: Project, options: ExportOptions) -> CrossContent:
    """The comparison always spans every Sozialraum: the rule's n is the number of quarters
    compared, so choosing quarters narrows the per-quarter chapters and decks only."""
    matrix_options = MatrixOptions(method_ids=options.method_ids, coder_ids=options.coder_ids)
    matrix = quarter_matrix(project, "segments", matrix_options)
    presence = quarter_matrix(project, "presence", matrix_options)
    statements = project.statements.list()
    # As the reference study decided: by the quarters whose statements a cross-quarter
    # statement generalises; by codings while there are no cross-quarter statements yet.
    basis = "statements" if any(s.cross_quarter for s in statements) else "codings"
    rule = cross_quarter_rule(project, options.k, basis=basis, matrix=presence)
    rows = tuple(chosen_rows(project, options))
    wanted = {r.category_id for r in rows}
    cross = [s for s in statements if s.cross_quarter and s.category_id in wanted]
    support = statement_support(project, cross)
    sections = []
    for row in rows:
        mine = tuple(
            CrossStatement(s, support[s.id]) for s in cross if s.category_id == row.category_id
        )
        if mine or rule.meets(row.category_id):
            sections.append(CrossSection(row, mine, rule.count(row.category_id)))
    return CrossContent(matrix, rule, rows, tuple(sections))
