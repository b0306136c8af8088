"""`qda agreement`: intercoder agreement of two or more coders, as a table, JSON, XLSX or DOCX."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import ValidationError
from ..core.i18n import tr
from .project_commands import open_project

if TYPE_CHECKING:
    from ..core.analysis.agreement import AgreementResult
    from ..core.project import Project

OUT_FORMATS = (".xlsx", ".docx")


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "agreement",
        help="intercoder agreement: percent, Cohen's and Brennan-Prediger's kappa, "
        "Krippendorff's alpha",
    )
    parser.add_argument("file")
    parser.add_argument("--coders", required=True, help="two or more coder names: A,B")
    parser.add_argument("--level", choices=("document", "segment"), default="segment")
    parser.add_argument(
        "--measure",
        choices=("presence", "frequency"),
        default="presence",
        help="document level: category present/absent (default) or how often it was coded",
    )
    parser.add_argument(
        "--overlap",
        type=float,
        default=0.9,
        help="segment level: minimum overlap, shared characters ÷ longer segment (0.9)",
    )
    parser.add_argument(
        "--documents",
        action="append",
        default=[],
        help="only these documents (titles or ids, comma-separated; default: all coded by "
        "every coder)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--out", metavar="PATH", help="also save the result (.xlsx or .docx)")
    parser.set_defaults(handler=cmd_agreement)

    copy = commands.add_parser(
        "copy-codings",
        help="give a coder copies of another coder's codings as the start of a new pass",
    )
    copy.add_argument("file")
    copy.add_argument("--from", dest="source", required=True, help="the coder whose codings")
    copy.add_argument("--to", dest="target", required=True, help="the receiving coder (new?)")
    copy.add_argument(
        "--documents",
        action="append",
        default=[],
        required=True,
        help="titles or ids, comma-separated",
    )
    copy.set_defaults(handler=cmd_copy_codings)


def cmd_agreement(args: argparse.Namespace) -> int:
    from ..core.analysis.agreement import AgreementOptions, intercoder_agreement

    if args.out and Path(args.out).suffix.lower() not in OUT_FORMATS:
        raise ValidationError("agreement.bad_out", path=args.out)
    with open_project(args) as project:
        options = AgreementOptions(
            coder_ids=tuple(_coder_id(project, n) for n in _names(args.coders)),
            level=args.level,
            measure=args.measure,
            overlap=args.overlap,
            document_ids=tuple(
                _document_id(project, n) for value in args.documents for n in _names(value)
            ),
        )
        result = intercoder_agreement(project, options)
    if args.out:
        save_result(result, Path(args.out))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result_text(result))
        if args.out:
            print(tr("agreement.saved", path=args.out))
    return 0


def cmd_copy_codings(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        documents = [_document_id(project, n) for value in args.documents for n in _names(value)]
        count = project.coder_passes.copy_codings(
            _coder_id(project, args.source), args.target, documents
        )
    print(tr("agreement.copied", count=count, source=args.source, target=args.target))
    return 0


def save_result(result: AgreementResult, path: Path) -> None:
    """Write the result as a workbook or a Word report, by the file's ending."""
    if path.suffix.lower() == ".xlsx":
        from ..core.exporters.agreement_xlsx import write_agreement_xlsx

        write_agreement_xlsx(result, path)
    else:
        from ..core.exporters.agreement_docx import write_agreement_docx

        write_agreement_docx(result, path)


def result_text(result: AgreementResult) -> str:
    from ..core.exporters.agreement_table import level_text, summary_table, title_text

    table = summary_table(result, short=True)
    lines = [title_text(result), level_text(result)]
    lines.append(tr("agreement.documents", count=len(result.documents)))
    if result.options.level == "segment":
        lines.append(tr("agreement.overlap_rule"))
    lines += ["", *_columns(table.header, table.rows), tr("agreement.short.legend")]
    return "\n".join([*lines, "", *disagreement_lines(result)])


def disagreement_lines(result: AgreementResult) -> list[str]:
    """ "Disagreements: n" and one line per disagreement: document, place, each coder's
    words and category."""
    from ..core.exporters.agreement_table import disagreement_header, disagreement_rows

    lines = [tr("agreement.disagreements", count=len(result.disagreements))]
    coders = len(result.coders)
    rows = [
        [_short(row[0]), row[1]]
        + (
            [_short(v) for v in row[2 : 2 + coders]] + [_tail(v) for v in row[2 + coders :]]
            if result.options.level == "segment"
            else row[2:]
        )
        for row in disagreement_rows(result)
    ]
    if result.options.level == "document":
        rows = [[row[0], _tail(row[1]), *row[2:]] for row in rows]
    if rows:
        lines += _columns(disagreement_header(result), rows)
    return lines


def _columns(header: list[str], rows: list[list[str]]) -> list[str]:
    """Left-aligned first column, the rest right-aligned, two spaces apart."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    widths[0] = min(widths[0], 70)
    out = []
    for row in [header, *rows]:
        first = _short(row[0], widths[0])
        cells = [f"{first:<{widths[0]}}"] + [
            f"{value:>{width}}" for value, width in zip(row[1:], widths[1:], strict=True)
        ]
        out.append("  ".join(cells).rstrip())
    return out


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _tail(text: str, width: int = 40) -> str:
    """The end of a category path, where subcategories differ."""
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def _names(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _coder_id(project: Project, name: str) -> int:
    wanted = name.casefold()
    for coder in project.coders.list():
        if coder.name.casefold() == wanted:
            return coder.id
    raise ValidationError("agreement.unknown_coder_name", name=name)


def _document_id(project: Project, name: str) -> int:
    documents = project.documents.list()
    for document in documents:
        if document.title == name or (name.isdigit() and document.id == int(name)):
            return document.id
    raise ValidationError("agreement.unknown_document", name=name)
