"""What a quarter's chapter or deck says, as plain values read through the analysis side.

Per chosen quarter: the instruments (methods with dates and N from the documents'
metadata), then per top-level category its subcategories, each with the statements of that
cell (the bullets) and the verbatim quotes among its segments. Statements come from
`project.statements`, segments from `project.segments`; nothing here queries the database.

The instruments are worded in instruments.py.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analysis.quarter_axes import CategoryRow, category_rows, column_of_quarter
from ..i18n import tr
from ..values import QuarterInfo, SegmentFilter, StatementInfo
from .coding_agenda import anchor_source
from .export_options import ExportOptions
from .instruments import FORMAT_VARIABLE, Instrument, instruments_of

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class Quote:
    text: str
    source: str


@dataclass(frozen=True)
class CategorySection:
    """One category in one quarter: its statements (bullets) and its verbatim quotes."""

    row: CategoryRow
    statements: tuple[StatementInfo, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class TopSection:
    """A top-level category: what was coded with it itself, then its subcategories."""

    row: CategoryRow
    own: CategorySection
    subsections: tuple[CategorySection, ...]


@dataclass(frozen=True)
class QuarterContent:
    quarter: QuarterInfo
    instruments: tuple[Instrument, ...]
    sections: tuple[TopSection, ...]

    @property
    def title(self) -> str:
        return self.quarter.name


def chosen_quarters(project: Project, options: ExportOptions) -> list[QuarterInfo]:
    """The Sozialräume (and the city-wide level) to export, in project order."""
    columns = [q for q in project.quarters.list() if q.kind in ("social_space", "city")]
    if options.quarter_ids:
        return [q for q in columns if q.id in options.quarter_ids]
    return columns


def chosen_rows(project: Project, options: ExportOptions) -> list[CategoryRow]:
    """Category rows in tree order; with chosen categories, those and their subtrees (and
    the top-level categories above them, so every subcategory has its heading)."""
    rows = category_rows(project.categories.list())
    if not options.category_ids:
        return list(rows)
    wanted = set(options.category_ids)
    kept = {r.category_id for r in rows if r.category_id in wanted}
    # A chosen category brings its subcategories along, unless some of them are chosen
    # themselves: then just those (the dialog's ticks; `--category Top` takes all).
    named_children = {r.parent_id for r in rows if r.category_id in wanted}
    for row in rows:  # tree order: a parent comes before its children
        if row.parent_id in kept and row.parent_id not in named_children:
            kept.add(row.category_id)
    tops = {r.top_id for r in rows if r.category_id in kept}
    return [r for r in rows if r.category_id in kept or r.category_id in tops]


def quote_text(text: str, options: ExportOptions) -> str:
    """A verbatim quote as the report and the slides print it."""
    words = " ".join(text.split())
    wording = options.quote_format or tr("exports.quote")
    return wording.replace("{text}", words)


def quarter_contents(project: Project, options: ExportOptions) -> list[QuarterContent]:
    """The content of every chosen quarter (statements and quotes read once for all)."""
    quarters = chosen_quarters(project, options)
    rows = chosen_rows(project, options)
    column_of = column_of_quarter(project.quarters.list())
    statements: dict[tuple[int, int], list[StatementInfo]] = defaultdict(list)
    for statement in project.statements.list():
        column = column_of.get(statement.quarter_id) if statement.quarter_id else None
        if column is not None:
            statements[(statement.category_id, column)].append(statement)
    quotes: dict[tuple[int, int], list[Quote]] = defaultdict(list)
    where = SegmentFilter(
        quotes_only=True,
        coder_ids=options.coder_ids,
        method_ids=options.method_ids,
        category_ids=tuple(r.category_id for r in rows) if options.category_ids else (),
        subcategories=False,
    )
    for segment in project.segments.iter(where):
        column = column_of.get(segment.quarter_id) if segment.quarter_id else None
        if column is not None:
            quotes[(segment.category_id, column)].append(
                Quote(segment.text, anchor_source(segment))
            )
    documents = project.documents.list()
    formats = {
        document_id: str(values.get(FORMAT_VARIABLE, "") or "")
        for document_id, values in project.variables.all_values().items()
    }
    methods = project.methods.list()
    result = []
    for quarter in quarters:

        def section(row: CategoryRow, quarter_id: int = quarter.id) -> CategorySection:
            key = (row.category_id, quarter_id)
            return CategorySection(row, tuple(statements[key]), tuple(quotes[key]))

        tops = [
            TopSection(
                top,
                section(top),
                tuple(section(r) for r in rows if r.top_id == top.category_id and r.depth > 0),
            )
            for top in rows
            if top.depth == 0
        ]
        in_quarter = [
            d for d in documents if d.quarter_id and column_of.get(d.quarter_id) == quarter.id
        ]
        if options.method_ids:
            in_quarter = [d for d in in_quarter if d.method_id in options.method_ids]
        result.append(
            QuarterContent(
                quarter, tuple(instruments_of(in_quarter, methods, formats)), tuple(tops)
            )
        )
    return result
