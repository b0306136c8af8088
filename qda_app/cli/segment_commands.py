"""`qda segments` (the coded segments, filtered) and `qda code` (scripted coding)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..core.i18n import tr
from ..core.values import Segment, SegmentFilter
from .analysis_commands import _coder_id, _method_id, _quarter_id
from .category_commands import find_category
from .project_commands import open_project

CONTEXT = 40


def register(commands: Any) -> None:
    segments = commands.add_parser("segments", help="list coded segments, filtered")
    segments.add_argument("file")
    segments.add_argument("--category", help="category path; its subcategories are included")
    segments.add_argument("--quarter", help="quarter name or number (with its sub-quarters)")
    segments.add_argument("--method", help="method code or name")
    segments.add_argument("--coder", dest="segment_coder", metavar="CODER", help="coder name")
    segments.add_argument("--document", type=int, help="document id")
    segments.add_argument("--quotes", action="store_true", help="verbatim quotes only")
    segments.add_argument("--json", action="store_true", help="machine-readable output")
    segments.set_defaults(handler=cmd_segments)

    code = commands.add_parser("code", help="code START–END (code points) of a document")
    code.add_argument("file")
    code.add_argument("doc_id", type=int)
    code.add_argument("start", type=int)
    code.add_argument("end", type=int)
    code.add_argument("--category", required=True, help="category path")
    code.add_argument("--memo", default="", help="a memo for the coding")
    code.set_defaults(handler=cmd_code)


def segment_record(segment: Segment) -> dict[str, Any]:
    return {
        "id": segment.coding_id,
        "document_id": segment.document_id,
        "document": segment.document_title,
        "start": segment.start,
        "end": segment.end,
        "text": segment.text,
        "context_before": segment.context_before,
        "context_after": segment.context_after,
        "category": "/".join(segment.category_path),
        "quarter": segment.quarter_label,
        "date": segment.document_date.isoformat() if segment.document_date else None,
        "method": segment.method,
        "coder": segment.coder,
        "quote": segment.is_quote,
        "memo": segment.memo,
        "paraphrase": segment.paraphrase,
        "generalisation": segment.generalisation,
    }


def cmd_segments(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        where = SegmentFilter(
            category_ids=(find_category(project, args.category),) if args.category else (),
            quarter_ids=(_quarter_id(project, args.quarter),) if args.quarter else (),
            method_ids=(_method_id(project, args.method),) if args.method else (),
            coder_ids=(_coder_id(project, args.segment_coder),) if args.segment_coder else (),
            document_ids=(args.document,) if args.document is not None else (),
            quotes_only=args.quotes,
        )
        segments = project.segments.list(where, context=CONTEXT)
    if args.json:
        print(json.dumps([segment_record(s) for s in segments], ensure_ascii=False, indent=1))
        return 0
    for segment in segments:
        words = " ".join(segment.text.split())
        print(
            f"#{segment.coding_id}\t{segment.category_label}\t{segment.document_title}"
            f" {segment.start}–{segment.end}\t{words}"
        )
    print(tr("cli.segments.count", count=len(segments)))
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        category_id = find_category(project, args.category)
        fields = {"memo": args.memo} if args.memo else {}
        coding = project.codings.add(args.doc_id, args.start, args.end, category_id, **fields)
        entry = project.history.entries(limit=1)[0]
    print(entry.description)
    print(tr("cli.code.done", id=coding.id))
    return 0
