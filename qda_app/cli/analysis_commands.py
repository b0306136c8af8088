"""`qda matrix` and `qda statements`: the quarter comparison and the condensed statements."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import ValidationError
from ..core.i18n import tr
from .project_commands import open_project

if TYPE_CHECKING:
    from ..core.analysis.cross_quarter_rule import RuleResult
    from ..core.analysis.quarter_matrix import QuarterMatrix
    from ..core.project import Project

MEASURES = ("segments", "documents", "presence", "share")


def register(commands: Any) -> None:
    matrix = commands.add_parser(
        "matrix", help="categories × quarters and the categories named in at least k quarters"
    )
    matrix.add_argument("file")
    matrix.add_argument("--measure", choices=MEASURES, default="segments")
    matrix.add_argument("--k", type=int, default=4, help="named in at least k quarters (4)")
    matrix.add_argument(
        "--basis",
        choices=("codings", "statements"),
        default="codings",
        help="count quarters with codings, or with statements linked to a cross-quarter one",
    )
    matrix.add_argument("--method", action="append", default=[], help="only this method")
    matrix.add_argument(
        "--coder", dest="coders", action="append", default=[], help="only this coder"
    )
    matrix.add_argument("--quarter", action="append", default=[], help="show only these quarters")
    matrix.add_argument("--no-city", action="store_true", help="leave out the city-wide column")
    matrix.add_argument(
        "--count-city", action="store_true", help="count the city-wide level as a quarter"
    )
    matrix.add_argument(
        "--top-level", action="store_true", help="rows count only their own codings"
    )
    matrix.add_argument("--json", action="store_true", help="machine-readable output")
    matrix.add_argument("--csv", metavar="OUT", help="also write the matrix as CSV")
    matrix.add_argument("--heatmap", metavar="OUT", help="also draw a heatmap (.png or .svg)")
    matrix.set_defaults(handler=cmd_matrix)

    statements = commands.add_parser("statements", help="condensed statements with their links")
    statements.add_argument("file")
    statements.add_argument("--quarter", help="only the statements of this quarter")
    statements.add_argument(
        "--cross-quarter", action="store_true", help="only the cross-quarter statements"
    )
    statements.add_argument("--json", action="store_true", help="machine-readable output")
    statements.set_defaults(handler=cmd_statements)


# -- qda matrix --------------------------------------------------------------------------------


def cmd_matrix(args: argparse.Namespace) -> int:
    from ..core.analysis.charts import heatmap
    from ..core.analysis.cross_quarter_rule import cross_quarter_rule
    from ..core.analysis.quarter_matrix import MatrixOptions, quarter_matrix

    with open_project(args) as project:
        options = MatrixOptions(
            method_ids=tuple(_method_id(project, name) for name in args.method),
            coder_ids=tuple(_coder_id(project, name) for name in args.coders),
            quarter_ids=tuple(_quarter_id(project, name) for name in args.quarter),
            include_city=not args.no_city,
            count_city=args.count_city,
            subcategories=not args.top_level,
        )
        matrix = quarter_matrix(project, args.measure, options)
        rule = cross_quarter_rule(project, args.k, basis=args.basis, matrix=matrix)
    if args.csv:
        matrix.labelled().to_csv(args.csv, encoding="utf-8")
    if args.heatmap:
        fmt = Path(args.heatmap).suffix.lower().lstrip(".")
        if fmt not in ("png", "svg"):
            raise ValidationError("cli.matrix.chart_format", path=args.heatmap)
        Path(args.heatmap).write_bytes(heatmap(matrix, fmt=fmt, rule=rule))
    if args.json:
        data = matrix.to_dict()
        data["rule"] = rule.to_dict()
        for row in data["rows"]:
            row["named_in"] = rule.count(row["category_id"])
            row["meets_rule"] = rule.meets(row["category_id"])
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(_matrix_text(matrix, rule))
    return 0


def _matrix_text(matrix: QuarterMatrix, rule: RuleResult) -> str:
    from ..core.analysis.charts import value_text

    labels = ["  " * row.depth + row.name for row in matrix.rows]
    width = max([len(label) for label in labels] + [len(tr("cli.matrix.category"))])
    names = [column.name for column in matrix.columns]
    cell = max([len(name) for name in names] + [6])
    head = [f"{tr('cli.matrix.category'):<{width}}"]
    head += [f"{name:>{cell}}" for name in names]
    head += [f"{'Σ':>{cell}}", f"{tr('cli.matrix.named_in', n=rule.n):>8}"]
    lines = [tr("cli.matrix.title", measure=tr(f"chart.measure.{matrix.measure}")), "  ".join(head)]
    for label, row in zip(labels, matrix.rows, strict=True):
        values = [
            value_text(matrix.value(row.category_id, c.quarter_id), matrix.measure)
            for c in matrix.columns
        ]
        total = value_text(float(matrix.row_totals[row.category_id]), matrix.measure)
        mark = "✓" if rule.meets(row.category_id) else ""
        count = f"{rule.count(row.category_id)} {mark}"
        lines.append(
            "  ".join(
                [f"{label:<{width}}"]
                + [f"{v:>{cell}}" for v in values]
                + [f"{total:>{cell}}", f"{count:>8}"]
            )
        )
    totals = [value_text(float(v), matrix.measure) for v in matrix.column_totals.tolist()]
    grand = value_text(matrix.grand_total, matrix.measure)
    lines.append(
        "  ".join([f"{'Σ':<{width}}"] + [f"{v:>{cell}}" for v in totals] + [f"{grand:>{cell}}"])
    )
    paths = {row.category_id: row.path for row in matrix.rows}
    basis = tr(f"cli.matrix.basis.{rule.basis}")
    lines += ["", tr("cli.matrix.rule", k=rule.k, n=rule.n, basis=basis, count=len(rule.met))]
    lines += [f"  ✓ {paths[c]} ({rule.count(c)}/{rule.n})" for c in rule.met]
    return "\n".join(lines)


def _method_id(project: Project, name: str) -> int:
    found = project.methods.find(name)
    if found is None:
        raise ValidationError("cli.matrix.unknown_method", name=name)
    return found.id


def _coder_id(project: Project, name: str) -> int:
    wanted = name.strip().casefold()
    for coder in project.coders.list():
        if coder.name.casefold() == wanted:
            return coder.id
    raise ValidationError("cli.matrix.unknown_coder", name=name)


def _quarter_id(project: Project, name: str) -> int:
    found = project.quarters.find(name)
    if found is None:
        raise ValidationError("cli.matrix.unknown_quarter", name=name)
    return found.id


# -- qda statements ----------------------------------------------------------------------------


def cmd_statements(args: argparse.Namespace) -> int:
    from ..core.analysis.statement_support import statement_support

    with open_project(args) as project:
        quarter_id = _quarter_id(project, args.quarter) if args.quarter else None
        statements = project.statements.list(quarter_id, cross_quarter=args.cross_quarter)
        quarters = {q.id: q.name for q in project.quarters.list()}
        paths = project.categories.paths()
        support = statement_support(project, statements)
        order = {q.id: index for index, q in enumerate(project.quarters.list())}
    # Quarter by quarter in the tree's order, the cross-quarter statements last.
    statements.sort(
        key=lambda s: order.get(s.quarter_id, len(order)) if s.quarter_id else len(order)
    )
    rows: list[dict[str, Any]] = []
    for s in statements:
        row: dict[str, Any] = {
            "id": s.id,
            "quarter_id": s.quarter_id,
            "quarter": quarters.get(s.quarter_id) if s.quarter_id else None,
            "category_id": s.category_id,
            "category": paths.get(s.category_id, ""),
            "position": s.position,
            "text": s.text,
            "contains_quote": s.contains_quote,
            "coding_ids": list(s.coding_ids),
            "source_ids": list(s.source_ids),
            "generalised_by": list(s.generalised_by),
        }
        if s.id in support:
            behind = support[s.id]
            row["quarters_behind"] = [quarters[q] for q in behind.quarter_ids]
            row["quarter_count"] = behind.count
            row["quarter_total"] = behind.total
            row["city_wide"] = behind.city_wide
        rows.append(row)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    _print_statements(rows)
    return 0


def _print_statements(rows: list[dict[str, Any]]) -> None:
    place = None
    category = None
    for row in rows:
        here = row["quarter"] or tr("cli.statements.cross_quarter")
        if here != place:
            print(("" if place is None else "\n") + here)
            place, category = here, None
        if row["category"] != category:
            category = row["category"]
            print(f"  {category}")
        quote = f"  [{tr('cli.statements.quote')}]" if row["contains_quote"] else ""
        print(f"    #{row['id']:<5} {row['text']}{quote}")
        details = [tr("cli.statements.segments", count=len(row["coding_ids"]))]
        if "quarter_count" in row:
            details.append(
                tr(
                    "cli.statements.behind",
                    count=row["quarter_count"],
                    total=row["quarter_total"],
                    names=", ".join(row["quarters_behind"]) or "—",
                )
            )
            details.append(tr("cli.statements.generalises", ids=_ids(row["source_ids"]) or "—"))
        elif row["generalised_by"]:
            details.append(tr("cli.statements.generalised_by", ids=_ids(row["generalised_by"])))
        print("           " + "; ".join(details))
    if not rows:
        print(tr("cli.statements.none"), file=sys.stderr)


def _ids(ids: list[int]) -> str:
    return ", ".join(f"#{i}" for i in ids)
