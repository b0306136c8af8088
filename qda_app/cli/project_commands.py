"""`qda new|info|documents|text|check|log|undo|redo`: create and inspect a project."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..core.analysis.counts import project_summary
from ..core.i18n import tr
from ..core.integrity import check_project
from ..core.presets import apply_preset, available_presets
from ..core.project import Project


def register(commands: Any) -> None:
    new = commands.add_parser("new", help="create a new project file")
    new.add_argument("file")
    new.add_argument("--preset", choices=available_presets(), help="quarters and categories")
    new.add_argument("--name", help="project name (default: the file name)")
    new.set_defaults(handler=cmd_new)

    info = commands.add_parser("info", help="counts of quarters, documents, codings …")
    info.add_argument("file")
    info.add_argument("--json", action="store_true", help="machine-readable output")
    info.set_defaults(handler=cmd_info)

    documents = commands.add_parser("documents", help="list the documents")
    documents.add_argument("file")
    documents.add_argument("--json", action="store_true")
    documents.set_defaults(handler=cmd_documents)

    text = commands.add_parser("text", help="print a document's stored plain text")
    text.add_argument("file")
    text.add_argument("doc_id", type=int)
    text.set_defaults(handler=cmd_text)

    check = commands.add_parser("check", help="integrity report; non-zero when broken")
    check.add_argument("file")
    check.set_defaults(handler=cmd_check)

    log = commands.add_parser("log", help="the change history, newest first")
    log.add_argument("file")
    log.add_argument("--limit", type=int, default=None)
    log.add_argument("--json", action="store_true")
    log.set_defaults(handler=cmd_log)

    for name, helptext in (("undo", "undo the last change"), ("redo", "redo the last undo")):
        sub = commands.add_parser(name, help=helptext)
        sub.add_argument("file")
        sub.set_defaults(handler=cmd_undo if name == "undo" else cmd_redo)


def open_project(args: argparse.Namespace) -> Project:
    """Open the project named on the command line, telling the user about a backup."""
    project = Project.open(args.file, actor=args.coder)
    if project.backup_path is not None:
        print(tr("cli.backed_up", path=str(project.backup_path)), file=sys.stderr)
    return project


def cmd_new(args: argparse.Namespace) -> int:
    with Project.create(args.file, name=args.name, actor=args.coder) as project:
        if args.preset:
            apply_preset(project, args.preset)
        summary = project_summary(project)
        where = project.display_name
    print(tr("cli.created", path=where, quarters=summary.quarters, categories=summary.categories))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        summary = project_summary(project)
        server = project.display_name if project.on_server else None
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(
        tr(
            "cli.info",
            **{k: v for k, v in summary.to_dict().items() if isinstance(v, int)},
            name=summary.name,
        )
    )
    if server is not None:  # shown without password
        print(tr("server.info_location", path=server))
    for title, counts in (
        (tr("cli.by_quarter"), summary.documents_by_quarter),
        (tr("cli.by_method"), summary.documents_by_method),
        (tr("cli.by_category"), summary.codings_by_category),
    ):
        if counts:
            print(f"\n{title}")
            width = max(len(key) for key in counts)
            for key, value in counts.items():
                print(f"  {key:<{width}}  {value:>6}")
    return 0


def cmd_documents(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        quarters = {q.id: q.label for q in project.quarters.list()}
        methods = {m.id: m.name for m in project.methods.list()}
        rows: list[dict[str, Any]] = [
            {
                "id": d.id,
                "title": d.title,
                "quarter": quarters.get(d.quarter_id) if d.quarter_id else None,
                "method": methods.get(d.method_id) if d.method_id else None,
                "date": d.date.isoformat() if d.date else None,
                "participants": d.participants,
                "chars": d.length,
            }
            for d in project.documents.list()
        ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(
            f"{row['id']:>5}  {row['title'][:50]:<50}  {row['quarter'] or '—':<20}  "
            f"{row['method'] or '—':<16}  {row['date'] or '—':<10}  {row['chars']:>7}"
        )
    return 0


def cmd_text(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        text = project.documents.text(args.doc_id)
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        problems = check_project(project)
        where = project.display_name
    if not problems:
        print(tr("cli.check_ok", path=where))
        return 0
    for problem in problems:
        print(problem)
    print(tr("cli.check_failed", count=len(problems)), file=sys.stderr)
    return 1


def cmd_log(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        entries = project.history.entries(args.limit)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": e.id,
                        "time": e.created_at.isoformat(),
                        "actor": e.actor,
                        "command": e.command,
                        "params": e.params,
                        "state": e.state,
                        "changes": e.change_count,
                        "description": e.description,
                    }
                    for e in entries
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for e in entries:
        state = "" if e.state == "done" else f"  [{tr('state.' + e.state)}]"
        print(f"{e.id:>5}  {e.created_at:%Y-%m-%d %H:%M:%S}  {e.actor:<12}  {e.description}{state}")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        entry = project.history.undo()
    print(tr("cli.undone", what=entry.description))
    return 0


def cmd_redo(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        entry = project.history.redo()
    print(tr("cli.redone", what=entry.description))
    return 0
