"""`qda categories list|export|import|merge|move-codings|history`: the category system."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from ..core.analysis.category_counts import codings_per_category
from ..core.errors import ValidationError
from ..core.i18n import tr
from ..core.services import category_tree
from .project_commands import open_project

if TYPE_CHECKING:
    from ..core.project import Project


def register(commands: Any) -> None:
    group = commands.add_parser("categories", help="list, export, import and revise categories")
    sub = group.add_subparsers(dest="categories_command", required=True, metavar="ACTION")

    listing = sub.add_parser("list", help="the tree with ids, paths, tags, colours, counts")
    listing.add_argument("file")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=cmd_list)

    export = sub.add_parser("export", help="the coding agenda as OUT.docx or OUT.xlsx")
    export.add_argument("file")
    export.add_argument("out", help="a .docx (tables per top-level category) or .xlsx file")
    export.add_argument(
        "--no-history", action="store_true", help="DOCX without the revision history section"
    )
    export.set_defaults(handler=cmd_export)

    imported = sub.add_parser(
        "import",
        help="categories from an XLSX in the agenda's columns, or a REFI-QDA codebook (.qdc)",
    )
    imported.add_argument("file", help="project file (for a .qdc: created when it does not exist)")
    imported.add_argument("workbook", help="IN.xlsx, or IN.qdc / IN.qdpx (REFI-QDA)")
    imported.add_argument(
        "--merge",
        action="store_true",
        help="codebook: join categories of the same name under the same parent",
    )
    imported.set_defaults(handler=cmd_import)

    merge = sub.add_parser("merge", help="merge SOURCE_PATH into TARGET_PATH (undoable)")
    merge.add_argument("file")
    merge.add_argument("source_path", help='a path such as "Bedarfe/Sozialraum", or a name')
    merge.add_argument("target_path")
    merge.add_argument(
        "--keep-definition",
        action="store_true",
        help="do not append the source's definition and coding rules to the target's",
    )
    merge.set_defaults(handler=cmd_merge)

    move = sub.add_parser("move-codings", help="move all codings of SOURCE to TARGET")
    move.add_argument("file")
    move.add_argument("source_path")
    move.add_argument("target_path")
    move.add_argument("--dry-run", action="store_true", help="only say how many would move")
    move.set_defaults(handler=cmd_move_codings)

    history = sub.add_parser("history", help="how the category system changed, newest first")
    history.add_argument("file")
    history.add_argument("--category", help="only changes of this category (path or name)")
    history.add_argument("--json", action="store_true")
    history.add_argument("--xlsx", metavar="OUT", help="also write the history to OUT.xlsx")
    history.set_defaults(handler=cmd_history)


def find_category(project: Project, text: str) -> int:
    found = project.categories.find(text)
    if found is None:
        raise ValidationError("category.path_unknown", path=text)
    return found.id


def cmd_list(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        categories = project.categories.list()
        counts = codings_per_category(project)
    paths = category_tree.paths(categories)
    depth: dict[int, int] = {}
    rows: list[dict[str, Any]] = []
    for category in categories:
        depth[category.id] = 0 if category.parent_id is None else depth[category.parent_id] + 1
        subtree = category_tree.subtree_ids(categories, category.id)
        rows.append(
            {
                "id": category.id,
                "parent_id": category.parent_id,
                "path": paths[category.id],
                "name": category.name,
                "tag": category.tag,
                "colour": category.colour,
                "origin": category.origin,
                "codable": category.codable,
                "codings": counts.get(category.id, 0),
                "codings_with_subcategories": sum(counts.get(i, 0) for i in subtree),
            }
        )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        name = "  " * depth[int(row["id"])] + str(row["name"])
        origin = tr(f"agenda.origin.{row['origin']}")
        print(
            f"{row['id']:>5}  {name:<60}  {row['tag']:<16}  {row['colour']}  {origin:<10}  "
            f"{row['codings']:>5}  {row['codings_with_subcategories']:>5}"
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..core.exporters.coding_agenda import build_agenda

    out = str(args.out)
    kind = out.lower().rsplit(".", 1)[-1]
    if kind not in ("docx", "xlsx"):
        raise ValidationError("agenda.unknown_format", path=out)
    with open_project(args) as project:
        agenda = build_agenda(project)
        history = None if args.no_history else project.category_history.changes()
    if kind == "docx":
        from ..core.exporters.coding_agenda_docx import write_agenda_docx

        write_agenda_docx(agenda, out, history)
    else:
        from ..core.exporters.coding_agenda_xlsx import write_agenda_xlsx

        write_agenda_xlsx(agenda, out)
    print(tr("cli.agenda_written", path=out, count=len(agenda.entries)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """The category system from a workbook (.xlsx) or a REFI-QDA codebook (.qdc, .qdpx)."""
    from ..core.importers.category_xlsx import import_category_workbook

    if str(args.workbook).lower().endswith((".qdc", ".qdpx")):
        from .exchange_commands import cmd_import_codebook

        return cmd_import_codebook(args)

    with open_project(args) as project:
        result = import_category_workbook(project, args.workbook)
    print(
        tr(
            "cli.categories_imported",
            file=args.workbook,
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
        )
    )
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        source = find_category(project, args.source_path)
        target = find_category(project, args.target_path)
        count = project.categories.merge(source, target, append_definition=not args.keep_definition)
        entry = project.history.entries(limit=1)[0]
    print(entry.description)
    print(count.describe())
    return 0


def cmd_move_codings(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        source = find_category(project, args.source_path)
        target = find_category(project, args.target_path)
        if args.dry_run:
            print(project.categories.preview_move_codings(source, target).describe())
            return 0
        count = project.categories.move_codings(source, target)
        entry = project.history.entries(limit=1)[0]
    print(entry.description)
    print(count.describe())
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        category = find_category(project, args.category) if args.category else None
        changes = project.category_history.changes(category)
    if args.xlsx:
        from ..core.exporters.coding_agenda_xlsx import write_history_xlsx

        write_history_xlsx(changes, args.xlsx)
    if args.json:
        data = [
            {
                "id": c.entry_id,
                "time": c.created_at.isoformat() + "Z",
                "actor": c.actor,
                "command": c.command,
                "kind": c.kind,
                "description": c.description,
                "state": c.state,
                "categories": list(c.category_ids),
                "names": list(c.names),
                "replays": c.marks,  # undo/redo markers: the entry they took back or redid
                "undone_by": c.undone_by,
            }
            for c in changes
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for c in changes:
        state = "" if c.state == "done" or c.marks else f"  [{tr('agenda.state.' + c.state)}]"
        print(
            f"{c.entry_id:>5}  {c.local_time:%Y-%m-%d %H:%M}  {c.actor:<12}  "
            f"{c.kind_label:<24}  {c.description}{state}"
        )
    return 0
