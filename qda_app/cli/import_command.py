"""`qda import FILE PATHS…`: bring protocols with their metadata into a project.

Each file that is not imported gets one line on stderr (as it happens), the summary goes to
stdout. Exit status: 0 when every file was imported, 3 when some were skipped or failed (the
others are kept), 1 when the batch could not start (project, manifest or pattern unusable),
130 when interrupted (Ctrl-C finishes the current file and stops; files done are kept).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from pathlib import Path
from typing import Any

from ..core.i18n import tr
from ..core.importers.batch import ImportOptions, ImportSummary, import_files
from ..core.importers.file_access import shown_name
from ..core.importers.metadata import FileMetadata
from .project_commands import open_project

EXIT_PARTIAL = 3
EXIT_INTERRUPTED = 130


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


class _StopRequest:
    """Ctrl-C during a batch: the first press finishes the current file and stops, so the
    summary counts exactly what was stored; a second press stops at once (the file being
    imported is rolled back)."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> _StopRequest:
        try:
            self._previous = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread: Ctrl-C keeps its default meaning
            self._previous = None
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _handle(self, signum: int, frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        # os.write: the handler may interrupt a print() to the same stream.
        # No real stream (tests): io.UnsupportedOperation is an OSError and a ValueError.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.write(sys.stderr.fileno(), f"\n{tr('hardening.import_stopping')}\n".encode())


class _Console:
    """Per-file messages and notes on stderr, once each; a progress bar when it is a terminal."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.bar_shown = False

    def line(self, text: str) -> None:
        self.clear_bar()
        print(text, file=self.stream)

    def progress(self, done: int, total: int, name: str) -> None:
        if self.tty:
            filled = _BAR * done // max(total, 1)
            bar = f"[{'#' * filled}{'.' * (_BAR - filled)}] {done}/{total} {name[:40]:<40}"
            self.stream.write("\r" + bar)
            self.stream.flush()
            self.bar_shown = True

    def clear_bar(self) -> None:
        if self.bar_shown:
            self.stream.write("\r" + " " * (_BAR + 60) + "\r")
            self.stream.flush()
            self.bar_shown = False


_BAR = 30


def _document_count(project: Any) -> int | None:
    try:
        return len(project.documents.list())
    except Exception:  # the count only sharpens the cancel message
        return None


def cmd_import(args: argparse.Namespace) -> int:
    summary = ImportSummary()
    console = _Console(sys.stderr)
    shown_notes = 0
    with open_project(args) as project:
        before = _document_count(project)
        with _StopRequest() as stop:
            try:
                for progress in import_files(project, args.paths, options_from(args), summary):
                    for note in summary.warnings[shown_notes:]:
                        console.line(note)
                    shown_notes = len(summary.warnings)
                    if progress.outcome.status != "imported":
                        console.line(progress.outcome.message)
                    console.progress(
                        progress.done, progress.total, shown_name(progress.outcome.path)
                    )
                    if stop.requested:
                        break
            except KeyboardInterrupt:
                stop.requested = True
        console.clear_bar()
        if stop.requested:
            after = _document_count(project)
            imported = len(summary.imported)
            if before is not None and after is not None:
                imported = after - before  # includes a file stored just before the interrupt
            done = len(summary.outcomes) + max(imported - len(summary.imported), 0)
            console.line(
                tr("hardening.import_cancelled", done=done, total=summary.total, imported=imported)
            )
            return EXIT_INTERRUPTED
    for note in summary.warnings[shown_notes:]:
        console.line(note)
    if not summary.outcomes:
        print(tr("cli.import_nothing"))
        return EXIT_PARTIAL
    print(tr("cli.import_summary", imported=len(summary.imported), total=len(summary.outcomes)))
    failed = summary.not_imported
    if failed:
        print(tr("hardening.import_not_imported", count=len(failed)))
        return EXIT_PARTIAL
    return 0
