"""The rule "named in at least k of n quarters" that marks cross-quarter findings.

n is the number of quarters the matrix shows (the city-wide level counts only when asked).
The rule can count, per category, either the quarters where it was coded at all (`codings`)
or the quarters whose statements of that category are linked to a cross-quarter statement
(`statements`), which is how the reference study decided.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from .quarter_axes import ancestors, column_of_quarter

if TYPE_CHECKING:
    from ..project import Project
    from .quarter_matrix import MatrixOptions, QuarterMatrix

DEFAULT_K = 4
RULE_BASES = ("codings", "statements")


@dataclass(frozen=True)
class RuleResult:
    """Which quarters name each category, and which categories meet the rule.

    `named_in` maps every category id of the matrix to the ids of the counted quarters that
    name it (in column order); `met` lists the categories named in at least k of them (in
    row order).
    """

    k: int
    n: int
    basis: str
    quarter_ids: tuple[int, ...]
    named_in: Mapping[int, tuple[int, ...]]
    met: tuple[int, ...]

    def count(self, category_id: int) -> int:
        return len(self.named_in.get(category_id, ()))

    def meets(self, category_id: int) -> bool:
        return self.count(category_id) >= self.k

    def to_dict(self) -> dict[str, Any]:
        return {
            "k": self.k,
            "n": self.n,
            "basis": self.basis,
            "quarter_ids": list(self.quarter_ids),
            "named_in": {str(c): list(q) for c, q in self.named_in.items()},
            "met": list(self.met),
        }


def cross_quarter_rule(
    project: Project,
    k: int = DEFAULT_K,
    *,
    basis: str = "codings",
    options: MatrixOptions | None = None,
    matrix: QuarterMatrix | None = None,
) -> RuleResult:
    """Apply the k-of-n rule to the categories of `matrix` (read anew when not given).

    With basis `codings` the method and coder filters of the options apply; statements are
    not filtered (they condense all material of their quarter).
    """
    if basis not in RULE_BASES:
        raise ValidationError("rule.bad_basis", basis=basis, choices=", ".join(RULE_BASES))
    if k < 1:
        raise ValidationError("rule.bad_k", k=k)
    if matrix is None:
        from .quarter_matrix import quarter_matrix  # pandas and numpy: only when counting

        matrix = quarter_matrix(project, "presence", options)
    counted = [c.quarter_id for c in matrix.counted_columns]
    row_ids = [r.category_id for r in matrix.rows]
    if basis == "codings":
        present = matrix.presence[counted] if counted else matrix.presence.iloc[:, :0]
        named = {
            category: tuple(q for q in counted if bool(present.at[category, q]))
            for category in row_ids
        }
    else:
        named = _named_by_statements(project, matrix, counted)
    met = tuple(category for category in row_ids if len(named[category]) >= k)
    return RuleResult(k, len(counted), basis, tuple(counted), named, met)


def _named_by_statements(
    project: Project, matrix: QuarterMatrix, counted: list[int]
) -> dict[int, tuple[int, ...]]:
    """Per category: the counted quarters with a statement of it (or, with subcategories,
    of its subtree) that a cross-quarter statement generalises."""
    column_of = column_of_quarter(project.quarters.list())
    parents = {r.category_id: r.parent_id for r in matrix.rows}
    found: dict[int, set[int]] = {r.category_id: set() for r in matrix.rows}
    for statement in project.statements.list():
        if statement.quarter_id is None or not statement.generalised_by:
            continue
        column = column_of.get(statement.quarter_id)
        if column not in counted or statement.category_id not in found:
            continue
        rows = (
            ancestors(statement.category_id, parents)
            if matrix.options.subcategories
            else [statement.category_id]
        )
        for row in rows:
            found[row].add(column)
    order = {quarter: index for index, quarter in enumerate(counted)}
    return {c: tuple(sorted(qs, key=order.__getitem__)) for c, qs in found.items()}
