"""Shared projects on a server: `qda push FILE URL`, `qda pull URL FILE` (copy a whole project
between a file and a PostgreSQL database) and `qda coders role FILE NAME ROLE`."""

from __future__ import annotations

import argparse
from typing import Any

from ..core import project_transfer
from ..core.i18n import tr
from ..core.project import default_actor
from .project_commands import open_project


def register(commands: Any) -> None:
    push = commands.add_parser("push", help="copy a project file to an empty server database")
    push.add_argument("source", help="the project file")
    push.add_argument("target", help="postgresql://user@host/database (empty)")
    push.set_defaults(handler=cmd_push)

    pull = commands.add_parser("pull", help="copy a project on a server into a new file")
    pull.add_argument("source", help="postgresql://user@host/database")
    pull.add_argument("target", help="the new project file")
    pull.set_defaults(handler=cmd_pull)

    coders = commands.add_parser("coders", help="the coders of a project and their roles")
    actions = coders.add_subparsers(dest="coders_action", required=True)
    role = actions.add_parser("role", help="make a coder owner, coder or read-only")
    role.add_argument("file", help="project file or postgresql:// URL")
    role.add_argument("name", help="the coder's name")
    role.add_argument("role", help="owner, coder or read-only")
    role.set_defaults(handler=cmd_coders_role)


def _report(summary: project_transfer.TransferSummary) -> None:
    print(
        tr(
            "server.copied",
            path=summary.source,
            target=summary.target,
            rows=summary.rows,
            tables=summary.tables,
        )
    )


def cmd_push(args: argparse.Namespace) -> int:
    _report(project_transfer.push(args.source, args.target, args.coder or default_actor()))
    return 0


def cmd_pull(args: argparse.Namespace) -> int:
    _report(project_transfer.pull(args.source, args.target, args.coder or default_actor()))
    return 0


def cmd_coders_role(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        coder = project.coders.set_role(args.name, args.role)
        where = project.display_name
    print(tr("server.role_set", name=coder.name, role=tr(f"server.role_{coder.role}"), path=where))
    return 0
