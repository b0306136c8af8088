"""Build a large synthetic project deterministically: `python -m benchmarks.generate [PATH]`.

The store is created with `Project.create`, so its schema, Alembic stamp and change log are the
real ones. The synthetic rows are a benchmark *fixture*: they are bulk-inserted with SQLAlchemy
Core `executemany` inside one transaction and deliberately bypass the change log (no undo
history exists for them). They do satisfy every constraint of the schema: texts are normalised,
content hashes and lengths are exact, coding offsets lie in 0 ≤ start < end ≤ text_length and
carry the document's length for the composite foreign key, and foreign keys are enforced
during the insert.

Default contents: 500 documents of 2,000–20,000 characters plus one of exactly 300,000
characters (≥ 2,000 codings on it), 300 categories in three levels, 50,000 codings by three
coders, the Leverkusen quarters (city level, six Sozialräume, their statistical quarters),
statements linked to codings, anchor examples and two document variables.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Table, insert, select

from qda_app.core.db.models import (
    AnchorExample,
    Category,
    Coder,
    Coding,
    Document,
    DocumentVariableValue,
    Method,
    Quarter,
    Statement,
    StatementCoding,
    Variable,
)
from qda_app.core.presets import load_preset
from qda_app.core.project import Project

from .fixture_rows import (
    anchor_rows,
    category_rows,
    coder_rows,
    coding_rows,
    quarter_rows,
    statement_rows,
)
from .fixture_text import BIG_DOCUMENT_ID, document_rows, variable_rows

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "large.qda"
DEFAULT_SEED = 20240601
PRESET = "leverkusen"


@dataclass(frozen=True)
class Sizes:
    """How much to generate; the defaults are the benchmark's large project."""

    documents: int = 500
    codings: int = 50_000
    categories: int = 300
    statements: int = 600
    big_length: int = 300_000
    big_codings: int | None = None

    @property
    def codings_on_big(self) -> int:
        """Codings placed on the big document: 2,500 by default, at most a fifth in small runs."""
        if self.big_codings is not None:
            return min(self.big_codings, self.codings)
        return self.codings if self.documents == 0 else min(2_500, self.codings // 5)


@dataclass
class GenerationResult:
    """What was written, for the runner, the tests and the console."""

    path: str
    seed: int
    seconds: float
    big_document_id: int
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _insert(connection: Connection, table: Table, rows: list[dict]) -> None:
    if rows:
        connection.execute(insert(table), rows)


def generate(
    path: str | Path = DEFAULT_PATH,
    seed: int = DEFAULT_SEED,
    sizes: Sizes | None = None,
    *,
    force: bool = False,
) -> GenerationResult:
    """Create the project file at `path` (replacing it with `force`) and fill it."""
    sizes = sizes or Sizes()
    started = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if force:
        path.unlink(missing_ok=True)
    rng = random.Random(seed)
    project = Project.create(path, name=f"Benchmark (seed {seed})", actor="benchmark-generator")
    try:
        with project.engine.begin() as connection:
            method_ids = list(connection.scalars(select(Method.id).order_by(Method.id)))
            quarters = quarter_rows(load_preset(PRESET))
            categories = category_rows(rng, sizes.categories)
            coders = coder_rows()
            documents = document_rows(rng, sizes.documents, sizes.big_length, quarters, method_ids)
            variables, values = variable_rows(rng, documents)
            codings = coding_rows(
                rng, sizes.codings, sizes.codings_on_big, documents, categories, coders
            )
            statements, links = statement_rows(rng, sizes.statements, quarters, codings)
            anchors = anchor_rows(rng, codings)
            _insert(connection, Quarter.__table__, quarters.rows)
            _insert(connection, Coder.__table__, coders)
            for level in categories.levels:  # parents before children
                _insert(connection, Category.__table__, level)
            _insert(connection, Variable.__table__, variables)
            for start in range(0, len(documents), 100):  # keep single executemany batches small
                _insert(connection, Document.__table__, documents[start : start + 100])
            _insert(connection, DocumentVariableValue.__table__, values)
            _insert(connection, Coding.__table__, codings)
            _insert(connection, Statement.__table__, statements)
            _insert(connection, StatementCoding.__table__, links)
            _insert(connection, AnchorExample.__table__, anchors)
    except BaseException:
        project.close()
        path.unlink(missing_ok=True)
        raise
    project.close()
    counts = {
        "quarters": len(quarters.rows),
        "categories": sum(len(level) for level in categories.levels),
        "coders": len(coders),
        "documents": len(documents),
        "codings": len(codings),
        "codings_on_big_document": sum(1 for c in codings if c["document_id"] == BIG_DOCUMENT_ID),
        "statements": len(statements),
        "statement_links": len(links),
        "anchors": len(anchors),
        "characters": sum(d["text_length"] for d in documents),
    }
    return GenerationResult(str(path), seed, time.perf_counter() - started, BIG_DOCUMENT_ID, counts)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="project file")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--documents",
        type=int,
        default=Sizes.documents,
        help="ordinary documents besides the big one",
    )
    parser.add_argument("--codings", type=int, default=Sizes.codings)
    parser.add_argument("--categories", type=int, default=Sizes.categories)
    parser.add_argument("--statements", type=int, default=Sizes.statements)
    parser.add_argument(
        "--big-length", type=int, default=Sizes.big_length, help="characters of the big document"
    )
    parser.add_argument(
        "--big-codings",
        type=int,
        default=None,
        help="codings on the big document (default 2,500, ≤ a fifth in small runs)",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument("--check", action="store_true", help="run the integrity check afterwards")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if Path(args.path).exists() and not args.force:
        print(f"{args.path} exists; use --force to replace it", file=sys.stderr)
        return 1
    sizes = Sizes(
        args.documents,
        args.codings,
        args.categories,
        args.statements,
        args.big_length,
        args.big_codings,
    )
    result = generate(args.path, args.seed, sizes, force=args.force)
    counts = ", ".join(f"{k} {v:,}" for k, v in result.counts.items())
    print(f"generated {result.path} in {result.seconds:.1f} s (seed {result.seed}): {counts}")
    if args.check:
        from qda_app.core.integrity import check_project

        with Project.open(result.path) as project:
            problems = check_project(project)
        print("\n".join(problems) if problems else "integrity check: ok")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
