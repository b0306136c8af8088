"""`qda import FILE PATHS…`: bring protocols with their metadata into a project.

Exit status: 0 when every file was imported, 3 when some were skipped or failed (the others
are kept), 1 when the batch could not start (project, manifest or pattern unusable),
130 when interrupted (files done so far are kept).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core.i18n import tr
from ..core.importers.batch import ImportOptions, ImportSummary, import_files
from ..core.importers.metadata import FileMetadata
from .project_commands import open_project

EXIT_PARTIAL = 3


def register(commands: Any) -> None:
    cmd = commands.add_parser(
        "import",
        help="import protocol files or folders (DOCX, ODT, RTF, TXT, MD, PDF)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmd.add_argument("file", help="project file")
    cmd.add_argument("paths", nargs="+", help="files or folders to import")
    cmd.add_argument("--quarter", help="quarter of all files (name or statistical number)")
    cmd.add_argument("--method", help="method of all files (workshop, phone interview, other)")
    cmd.add_argument("--date", help="date of all files (YYYY-MM-DD or DD.MM.YYYY)")
    cmd.add_argument("--group", help="group label of all files")
    cmd.add_argument("--participants", help="number of participants of all files")
    cmd.add_argument("--moderator", help="moderator or interviewer of all files")
    cmd.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a document variable for all files (repeatable)",
    )
    cmd.add_argument("--manifest", type=Path, help="CSV or XLSX with one row per file")
    cmd.add_argument("--pattern", help="file-name pattern, e.g. {quarter}_{method}_{date}")
    cmd.add_argument(
        "--precode",
        action="store_true",
        help="code question-block sections with their top-level category",
    )
    cmd.add_argument(
        "--create-missing",
        action="store_true",
        help="create unknown quarters and methods instead of refusing the file",
    )
    cmd.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="import text that is already in the project as a new document",
    )
    cmd.add_argument("--encoding", help="encoding of text files (default: detected)")
    cmd.add_argument("--no-recursive", action="store_true", help="do not descend into folders")
    cmd.set_defaults(handler=cmd_import)


def options_from(args: argparse.Namespace) -> ImportOptions:
    variables = {}
    for item in args.var:
        name, _, value = item.partition("=")
        variables[name.strip()] = value.strip()
    common = FileMetadata(
        quarter=args.quarter,
        method=args.method,
        date=args.date,
        group=args.group,
        participants=args.participants,
        moderator=args.moderator,
        variables=variables,
    )
    return ImportOptions(
        common=common,
        manifest=args.manifest,
        pattern=args.pattern,
        precode=args.precode,
        create_missing=args.create_missing,
        allow_duplicates=args.allow_duplicates,
        encoding=args.encoding,
        recursive=not args.no_recursive,
    )


def _progress(done: int, total: int, name: str, stream: Any) -> None:
    if stream.isatty():
        width = 30
        filled = width * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
        stream.flush()


def cmd_import(args: argparse.Namespace) -> int:
    summary = ImportSummary()
    done = total = 0
    with open_project(args) as project:
        try:
            for progress in import_files(project, args.paths, options_from(args), summary):
                done, total = progress.done, progress.total
                _progress(done, total, progress.outcome.path.name, sys.stderr)
                if not sys.stderr.isatty() and progress.outcome.status != "imported":
                    print(progress.outcome.message, file=sys.stderr)
        except KeyboardInterrupt:
            print(f"\n{tr('cli.import_cancelled', done=done, total=total)}", file=sys.stderr)
            return 130
    if sys.stderr.isatty() and total:
        sys.stderr.write("\n")
    for warning in summary.warnings:
        print(warning, file=sys.stderr)
    if not summary.outcomes:
        print(tr("cli.import_nothing"))
        return EXIT_PARTIAL
    print(tr("cli.import_summary", imported=len(summary.imported), total=len(summary.outcomes)))
    failed = summary.not_imported
    if failed:
        print(tr("cli.import_not_imported", count=len(failed)))
        for outcome in failed:
            print(f"  {outcome.message}")
        return EXIT_PARTIAL
    return 0
