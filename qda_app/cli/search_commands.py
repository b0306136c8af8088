"""`qda search` (full text, case and umlauts folded) and `qda autocode` (code every match of
a pattern, or its sentence or paragraph, as one undoable step)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..core.i18n import tr
from ..core.services.autocoding import UNITS
from .category_commands import find_category
from .project_commands import open_project


def register(commands: Any) -> None:
    search = commands.add_parser("search", help="find words in all documents")
    search.add_argument("file")
    search.add_argument("query", help='words to find ("Strasse" also finds "Straße")')
    search.add_argument("--json", action="store_true", help="machine-readable output")
    search.set_defaults(handler=cmd_search)

    autocode = commands.add_parser("autocode", help="code every match of a pattern")
    autocode.add_argument("file")
    autocode.add_argument("--category", required=True, help="category path")
    autocode.add_argument("--pattern", required=True, help="regular expression (any case)")
    autocode.add_argument("--unit", choices=UNITS, default="hit", help="what to code (hit)")
    autocode.add_argument(
        "--coder", dest="autocode_coder", metavar="CODER", help="code as this coder"
    )
    autocode.add_argument("--dry-run", action="store_true", help="only show what would be coded")
    autocode.set_defaults(handler=cmd_autocode)


def cmd_search(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        hits = project.search.find(args.query)
    if args.json:
        rows = [
            {
                "document_id": h.document_id,
                "document": h.document_title,
                "start": h.start,
                "end": h.end,
                "text": h.text,
                "context_before": h.context_before,
                "context_after": h.context_after,
            }
            for h in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for h in hits:
        context = " ".join(f"{h.context_before}[{h.text}]{h.context_after}".split())
        print(f"{h.document_title} {h.start}–{h.end}\t…{context}…")
    print(tr("cli.search.count", count=len(hits)))
    return 0


def cmd_autocode(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        category_id = find_category(project, args.category)
        hits = project.search.find_pattern(args.pattern)
        ranges = project.autocode.ranges(hits, args.unit)
        if args.dry_run:
            for r in ranges:
                print(f"{r.document_title} {r.start}–{r.end}\t{' '.join(r.text.split())}")
            print(tr("cli.autocode.would", count=len(ranges)))
            return 0
        added = project.autocode.apply(category_id, ranges, coder=args.autocode_coder or args.coder)
    print(tr("cli.autocode.done", count=added, ranges=len(ranges)))
    return 0
