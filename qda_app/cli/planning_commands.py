"""`qda goals list|link` and `qda planning show|export|import`: from findings to planning.

The planning table and the exporters are imported by the commands that use them: they pull in
pandas, which every other command would otherwise pay for at start-up."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from ..core.errors import ValidationError
from ..core.i18n import tr
from .project_commands import open_project

if TYPE_CHECKING:
    from ..core.analysis.planning_table import PlanningTable
    from ..core.planning_values import GoalInfo
    from ..core.project import Project


def register(commands: Any) -> None:
    goals = commands.add_parser("goals", help="strategic goals and the statements behind them")
    sub = goals.add_subparsers(dest="goals_command", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="goals with tags and linked statements")
    listing.add_argument("file")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=cmd_goals_list)
    link = sub.add_parser("link", help="link a statement to a goal (undoable)")
    link.add_argument("file")
    link.add_argument("--goal", required=True, help="the goal's tag or name")
    link.add_argument("--statement", required=True, type=int, help="the statement's id")
    link.add_argument("--unlink", action="store_true", help="remove the link instead")
    link.set_defaults(handler=cmd_goals_link)

    planning = commands.add_parser("planning", help="the Sozialraum × goal planning table")
    psub = planning.add_subparsers(dest="planning_command", required=True, metavar="ACTION")
    show = psub.add_parser("show", help="findings, what is missing and measures per cell")
    show.add_argument("file")
    show.add_argument("--quarter", help="only this Sozialraum")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_planning_show)
    export = psub.add_parser("export", help="the worksheet of a Sozialraum as XLSX or DOCX")
    export.add_argument("file")
    export.add_argument("--quarter", required=True, help="the Sozialraum")
    export.add_argument("--out", required=True, help="OUT.xlsx (can be imported) or OUT.docx")
    export.set_defaults(handler=cmd_planning_export)
    slides = psub.add_parser("slides", help="the planning slides alone as a 16:9 PPTX")
    slides.add_argument("file")
    slides.add_argument("--out", required=True, help="OUT.pptx")
    slides.set_defaults(handler=cmd_planning_slides)
    imported = psub.add_parser("import", help="apply a filled-in XLSX worksheet (undoable)")
    imported.add_argument("file")
    imported.add_argument("workbook")
    imported.add_argument("--dry-run", action="store_true", help="only show what would change")
    imported.set_defaults(handler=cmd_planning_import)


def find_goal(project: Project, text: str) -> GoalInfo:
    goal = project.goals.find(text)
    if goal is None:
        known = ", ".join(g.tag for g in project.goals.list()) or "—"
        raise ValidationError("goal.unknown", goal=text, known=known)
    return goal


def cmd_goals_list(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        goals = project.goals.list()
    if args.json:
        data = [
            {
                "id": g.id,
                "position": g.position,
                "tag": g.tag,
                "name": g.name,
                "description": g.description,
                "statements": list(g.statement_ids),
            }
            for g in goals
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for goal in goals:
        print(f"{goal.id:>4}  {goal.tag:<10}  {goal.name:<50}  {len(goal.statement_ids):>4}")
    return 0


def cmd_goals_link(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        goal = find_goal(project, args.goal)
        if args.unlink:
            project.goals.unlink_statement(goal.id, args.statement)
        else:
            project.goals.link_statement(goal.id, args.statement)
        entries = project.history.entries(limit=1)
    if entries:
        print(entries[0].description)
    return 0


def cmd_planning_show(args: argparse.Namespace) -> int:
    from ..core.analysis.planning_table import planning_table  # pandas: only when needed

    with open_project(args) as project:
        quarter_ids: tuple[int, ...] = ()
        if args.quarter:
            quarter = project.quarters.find(args.quarter)
            if quarter is None or quarter.kind not in ("social_space", "city"):
                raise ValidationError("planning.not_social_space", quarter=args.quarter)
            quarter_ids = (quarter.id,)
        table = planning_table(project, quarter_ids)
    if args.json:
        print(json.dumps(table.to_dict(), ensure_ascii=False, indent=2))
        return 0
    _print_table(table)
    return 0


def _print_table(table: PlanningTable) -> None:
    """Counts per cell (findings / missing / measures), then the details per Sozialraum."""
    print(tr("cli.planning.legend"))
    print(f"{'':<14}" + "".join(f"{g.tag:>14}" for g in table.goals))
    for quarter in table.quarters:
        cells = [table.cell(quarter.quarter_id, g.id).counts() for g in table.goals]
        print(
            f"{quarter.name:<14}"
            + "".join(f"{c['findings']:>6}/{c['missing']:>2}/{c['measures']:>3} " for c in cells)
        )
    for quarter in table.quarters:
        for goal in table.goals:
            cell = table.cell(quarter.quarter_id, goal.id)
            if not (cell.missing or cell.measures):
                continue
            print(f"\n{quarter.name} × {goal.name}")
            for entry in cell.missing:
                print(f"  - {tr('planning.column.missing')}: {entry.text}")
            for measure in cell.measures:
                status = tr(f"planning.status.{measure.status}")
                facts = " · ".join(f for f in (measure.responsible, measure.time_frame) if f)
                print(f"  * [{status}] {measure.text}" + (f" ({facts})" if facts else ""))


def cmd_planning_export(args: argparse.Namespace) -> int:
    from ..core.exporters.planning_worksheet import worksheet_for

    out = str(args.out)
    kind = out.lower().rsplit(".", 1)[-1]
    if kind not in ("docx", "xlsx"):
        raise ValidationError("agenda.unknown_format", path=out)
    with open_project(args) as project:
        sheet = worksheet_for(project, args.quarter)
    if kind == "xlsx":
        from ..core.exporters.planning_worksheet_xlsx import write_worksheet_xlsx

        write_worksheet_xlsx(sheet, out)
    else:
        from ..core.exporters.planning_worksheet_docx import write_worksheet_docx

        write_worksheet_docx(sheet, out)
    print(tr("cli.planning.written", path=out, quarter=sheet.quarter.name))
    return 0


def cmd_planning_slides(args: argparse.Namespace) -> int:
    """The planning section on its own (the result decks include it as one of their sections)."""
    from pptx import Presentation
    from pptx.util import Inches

    from ..core.exporters.planning_slides import add_planning_slides

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    with open_project(args) as project:
        count = add_planning_slides(deck, project)
    deck.save(str(args.out))
    print(tr("cli.planning.slides_written", path=str(args.out), count=count))
    return 0


def cmd_planning_import(args: argparse.Namespace) -> int:
    from ..core.exporters.planning_worksheet_import import apply_worksheet, read_worksheet

    with open_project(args) as project:
        changes = read_worksheet(project, args.workbook)
        for line in changes.describe():
            print(line)
        if args.dry_run:
            print(tr("cli.planning.dry_run", count=len(changes.changes)))
            return 0
        count = apply_worksheet(project, changes)
    print(tr("cli.planning.applied", count=count, quarter=changes.quarter))
    return 0
