"""`qda export FILE --format docx|pptx|xlsx|csv --out DIR`: reports, decks, workbook, CSV.

DIR is created if missing. PPTX writes one deck per quarter, DOCX one report with a chapter
per quarter, XLSX one workbook, CSV one table of the segments; `--cross` adds the
cross-quarter deck or chapter. `--language de|en` writes the files in that language (the
default: the language of messages, `--lang`, else the system's). An existing file is kept
unless `--force` is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import ValidationError
from ..core.exporters.export_options import DEFAULT_MAX_BULLETS, ExportOptions
from ..core.i18n import tr
from .analysis_commands import _coder_id, _method_id
from .export_command import add_format

if TYPE_CHECKING:
    from ..core.project import Project

DESCRIPTIONS = {
    "docx": "Word report: a chapter per quarter, cross-quarter chapter, methods (to --out DIR)",
    "pptx": "slide decks (16:9): one per quarter, --cross adds one across quarters (to DIR)",
    "xlsx": "workbook: segments, matrix, coding agenda, statements, documents (to DIR)",
    "csv": "the segments as CSV, UTF-8 with BOM; --semicolon for German Excel (to DIR)",
}


def add_report_options(cmd: argparse.ArgumentParser) -> None:
    group = cmd.add_argument_group("docx, pptx, xlsx, csv")
    group.add_argument("--quarter", action="append", default=[], help="only this quarter")
    group.add_argument("--category", action="append", default=[], help="only this category")
    group.add_argument("--coded-by", action="append", default=[], help="only this coder")
    group.add_argument("--method", action="append", default=[], help="only this method")
    group.add_argument("--cross", action="store_true", help="add the cross-quarter deck/chapter")
    group.add_argument("--k", type=int, default=4, help="named in at least k quarters (4)")
    group.add_argument("--template", type=Path, help="a team's own .pptx template")
    group.add_argument(
        "--max-bullets", type=int, default=DEFAULT_MAX_BULLETS, help="bullets per slide (8)"
    )
    group.add_argument("--quote-format", default="", help="wording of a quote, with {text}")
    group.add_argument("--sources", action="store_true", help="cite where each quote stands")
    group.add_argument("--appendix", action="store_true", help="append all segments (docx)")
    group.add_argument("--semicolon", action="store_true", help="CSV with ';' (German Excel)")
    group.add_argument(
        "--language",
        choices=["de", "en"],
        default="",
        help="language of the files (default: the language of messages, --lang)",
    )
    group.add_argument("--force", action="store_true", help="overwrite existing files")


def export_options(project: Project, args: argparse.Namespace) -> ExportOptions:
    return ExportOptions(
        quarter_ids=tuple(_column_id(project, name) for name in args.quarter),
        category_ids=tuple(_category_id(project, name) for name in args.category),
        coder_ids=tuple(_coder_id(project, name) for name in args.coded_by),
        method_ids=tuple(_method_id(project, name) for name in args.method),
        cross=args.cross,
        k=args.k,
        max_bullets=args.max_bullets,
        quote_format=args.quote_format,
        sources=args.sources,
        appendix=args.appendix,
        template=args.template,
        semicolon=args.semicolon,
        language=args.language or "",
    )


def _column_id(project: Project, name: str) -> int:
    """A Sozialraum or the city-wide level; a statistical quarter stands for its Sozialraum."""
    found = project.quarters.find(name)
    if found is None:
        raise ValidationError("cli.matrix.unknown_quarter", name=name)
    while found.kind == "statistical" and found.parent_id is not None:
        found = project.quarters.get(found.parent_id)
    return found.id


def _category_id(project: Project, name: str) -> int:
    found = project.categories.find(name)
    if found is None:
        raise ValidationError("exports.unknown_category", name=name)
    return found.id


def _progress(done: int, total: int, what: str) -> None:
    if sys.stderr.isatty():
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {what[:60]:<60}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def export_to_folder(fmt: str) -> Any:
    def handler(project: Project, out: Path, args: argparse.Namespace) -> int:
        from ..core.exporters.export_run import plan_export, run_export

        options = export_options(project, args)
        if options.template is not None and not options.template.is_file():
            raise ValidationError("exports.no_template", path=str(options.template))
        planned = plan_export(project, fmt, out, options)
        for path in run_export(planned, force=args.force, progress=_progress):
            print(tr("exports.cli.written", path=str(path)))
        return 0

    return handler


for _name, _description in DESCRIPTIONS.items():
    add_format(_name, _description, export_to_folder(_name), add_report_options)


def register(_commands: Any) -> None:
    """The formats are added to `qda export` when this module is imported."""
