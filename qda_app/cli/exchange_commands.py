"""REFI-QDA exchange on the command line: `qda import-qdpx IN.qdpx OUT.qda` and
`qda categories import FILE IN.qdc [--merge]`; the exports are formats of `qda export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.exchange.exchange_values import counted
from ..core.i18n import tr
from .project_commands import open_project

if TYPE_CHECKING:
    from ..core.exchange.exchange_values import ExchangeProgress, ExchangeSummary
    from ..core.project import Project


def register(commands: Any) -> None:
    qdpx = commands.add_parser(
        "import-qdpx",
        help="import a REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder) into a new file",
    )
    qdpx.add_argument("source", type=Path, help="the .qdpx file")
    qdpx.add_argument("target", type=Path, help="the new project file")
    qdpx.set_defaults(handler=cmd_import_qdpx)
    # `qda categories import FILE IN.qdc` belongs to the categories group (category_commands).


def _progress(progress: ExchangeProgress) -> None:
    if sys.stderr.isatty():
        width = 30
        filled = width * progress.done // max(progress.total, 1)
        text = progress.text[:60]
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {text:<60}")
        sys.stderr.flush()


def _end_progress() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\n")


def print_summary(key: str, summary: ExchangeSummary, *, exported: bool = False) -> None:
    """What went across, what was corrected, what was left out, one line each."""
    print(tr(key, path=str(summary.project_path or summary.path)))
    counts = [counted(f"exchange.count.{what}", n) for what, n in summary.counts if n]
    if counts:
        print("  " + ", ".join(counts))
    for finding in summary.corrected:
        print(f"  {tr('exchange.cli.corrected')} {finding.text}")
    for finding in summary.left_out:
        label = tr("exchange.cli.not_exported" if exported else "exchange.cli.left_out")
        print(f"  {label} {finding.text}")


def export_qdpx(project: Project, out: Path, _args: argparse.Namespace) -> int:
    from ..core.exchange.qdpx_export import QdpxExport

    run = QdpxExport(project, out)
    for progress in run.steps():
        _progress(progress)
    _end_progress()
    assert run.summary is not None
    print_summary("exchange.cli.exported", run.summary, exported=True)
    return 0


def export_qdc(project: Project, out: Path, _args: argparse.Namespace) -> int:
    from ..core.exchange.codebook_exchange import export_codebook

    print_summary("exchange.cli.exported", export_codebook(project, out), exported=True)
    return 0


def cmd_import_qdpx(args: argparse.Namespace) -> int:
    from ..core.exchange.qdpx_import import QdpxImport

    run = QdpxImport(args.source, args.target, actor=args.coder)
    try:
        for progress in run.steps():
            _progress(progress)
    finally:
        _end_progress()
    assert run.summary is not None
    print_summary("exchange.cli.imported", run.summary)
    return 0


def cmd_import_codebook(args: argparse.Namespace) -> int:
    """A REFI-QDA codebook (.qdc, or a .qdpx's codebook) into FILE; created when missing."""
    from ..core.exchange.codebook_exchange import create_project_from_codebook, import_codebook

    codebook = Path(args.workbook)
    if not Path(args.file).exists():
        summary = create_project_from_codebook(codebook, args.file, actor=args.coder)
        print_summary("exchange.cli.created_from_codebook", summary)
        return 0
    with open_project(args) as project:
        summary = import_codebook(project, codebook, merge_by_name=args.merge)
    print_summary("exchange.cli.imported_codebook", summary)
    return 0
