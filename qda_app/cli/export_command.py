"""`qda export FILE --format FORMAT --out PATH`: write a project in another program's format.

Formats are a table (name → handler). Another module adds one with `add_format` when it is
imported; the format is checked when the command runs, so the order of modules is free.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import QdaError
from . import exchange_commands
from .project_commands import open_project

if TYPE_CHECKING:
    from ..core.project import Project

ExportHandler = Callable[["Project", Path, argparse.Namespace], int]


@dataclass(frozen=True)
class ExportFormat:
    description: str
    handler: ExportHandler


FORMATS: dict[str, ExportFormat] = {
    "qdpx": ExportFormat(
        "REFI-QDA project for MAXQDA, ATLAS.ti, NVivo, QualCoder", exchange_commands.export_qdpx
    ),
    "qdc": ExportFormat("REFI-QDA codebook (the category system)", exchange_commands.export_qdc),
}


OPTION_GROUPS: list[Callable[[argparse.ArgumentParser], None]] = []


def add_format(
    name: str,
    description: str,
    handler: ExportHandler,
    options: Callable[[argparse.ArgumentParser], None] | None = None,
) -> None:
    """Offer another export format (docx, pptx, xlsx, csv …), with the options it reads
    (added to `qda export` once, whichever format brings them)."""
    FORMATS[name] = ExportFormat(description, handler)
    if options is not None and options not in OPTION_GROUPS:
        OPTION_GROUPS.append(options)


class UnknownFormatError(QdaError):
    """`--format` names no export format."""


def register(commands: Any) -> None:
    cmd = commands.add_parser(
        "export",
        help="export a project (qdpx, qdc, …)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmd.add_argument("file", help="project file")
    cmd.add_argument("--format", required=True, help="export format: " + ", ".join(sorted(FORMATS)))
    cmd.add_argument(
        "--out", required=True, type=Path, help="file to write (docx, pptx, xlsx, csv: a folder)"
    )
    for add_options in OPTION_GROUPS:
        add_options(cmd)
    cmd.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    chosen = FORMATS.get(str(args.format).lower())
    if chosen is None:
        raise UnknownFormatError(
            "exchange.cli.unknown_format", format=args.format, known=", ".join(sorted(FORMATS))
        )
    with open_project(args) as project:
        return chosen.handler(project, args.out, args)
