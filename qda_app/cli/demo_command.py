"""`qda demo [DIR]`: build the sample study's demo project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core.i18n import tr


def register(commands: Any) -> None:
    cmd = commands.add_parser("demo", help="build the demo project of the sample study")
    cmd.add_argument(
        "directory",
        nargs="?",
        default=".",
        type=Path,
        help="folder for leverkusen-demo.qda (default: the current folder)",
    )
    cmd.add_argument("--force", action="store_true", help="replace an existing demo project")
    cmd.add_argument("--verbose", action="store_true", help="list every imported protocol")
    cmd.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from ..sample_projects.demo_builder import build_demo

    report = (lambda line: print(line, file=sys.stderr)) if args.verbose else (lambda _: None)
    target = build_demo(args.directory, force=args.force, report=report)
    print(tr("cli.demo_built", path=str(target)))
    return 0
