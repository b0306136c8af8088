"""Build the demo project of the Leverkusen study from its protocols and coding data.

Codings are defined by quoted text (with an occurrence number where needed), never by
offsets, so editing a protocol cannot silently shift them: a quote that is no longer found
stops the build with a message naming it. The project is built under a temporary name and
renamed when complete, so a half-built demo never appears.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qda_app.core.errors import ValidationError
from qda_app.core.importers.batch import ImportOptions, ImportSummary, import_files
from qda_app.core.importers.manifest import read_manifest
from qda_app.core.presets import apply_preset
from qda_app.core.project import Project

STUDY = Path(__file__).parent / "leverkusen"
DEMO_NAME = "leverkusen-demo.qda"
PROJECT_TITLE = "Qualitative Sozialraumanalyse Leverkusen (Demo)"
BUILDER_ACTOR = "Keller"

Report = Callable[[str], None]


@dataclass(frozen=True)
class Located:
    """A coding entry of the data files, resolved to a document and offsets."""

    key: str
    document_id: int
    start: int
    end: int
    category_id: int
    entry: dict[str, Any]


def find_quote(text: str, quote: str, occurrence: int = 1) -> int | None:
    """Start of the n-th occurrence of `quote` in `text`, or None."""
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            return None
    return start


def _load_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def locate_codings(project: Project, study: Path = STUDY) -> list[Located]:
    """Every coding of codings/*.toml with its offsets; stops at the first quote not found."""
    documents = {d.source_filename: d for d in project.documents.list()}
    located: list[Located] = []
    for path in sorted((study / "codings").glob("*.toml")):
        data = _load_toml(path)
        document = documents.get(data["document"])
        if document is None:
            raise ValidationError("demo.document_missing", file=path.name, name=data["document"])
        text = project.documents.text(document.id)
        for entry in data.get("coding", []):
            category = project.categories.find(entry["category"])
            if category is None:
                raise ValidationError(
                    "demo.category_missing", id=entry["id"], category=entry["category"]
                )
            start = find_quote(text, entry["quote"], int(entry.get("occurrence", 1)))
            if start is None:
                raise ValidationError(
                    "demo.quote_missing", id=entry["id"], file=path.name, quote=entry["quote"][:80]
                )
            located.append(
                Located(
                    entry["id"], document.id, start, start + len(entry["quote"]), category.id, entry
                )
            )
    return located


def add_codings(project: Project, located: list[Located]) -> dict[str, int]:
    """All codings in one command; returns coding ids by their key in the data files."""
    ids: dict[str, int] = {}
    with project.command("demo.codings", count=len(located)) as session:
        for item in located:
            entry = item.entry
            coding = project.codings.add_in(
                session,
                item.document_id,
                item.start,
                item.end,
                item.category_id,
                coder=entry["coder"],
                memo=entry.get("memo", ""),
                paraphrase=entry.get("paraphrase", ""),
                generalisation=entry.get("generalisation", ""),
                is_quote=bool(entry.get("verbatim", False)),
            )
            ids[item.key] = coding.id
    for item in located:
        if item.entry.get("anchor"):
            project.categories.add_anchor(item.category_id, ids[item.key])
    return ids


def add_statements(project: Project, coding_ids: dict[str, int], study: Path = STUDY) -> int:
    path = study / "statements.toml"
    if not path.exists():
        return 0
    statements = _load_toml(path).get("statement", [])
    for entry in statements:
        category = project.categories.find(entry["category"])
        quarter = project.quarters.find(entry["quarter"]) if entry.get("quarter") else None
        if category is None or (entry.get("quarter") and quarter is None):
            raise ValidationError("demo.statement_target", text=entry["text"][:60])
        missing = [key for key in entry.get("codings", []) if key not in coding_ids]
        if missing:
            raise ValidationError("demo.statement_coding", text=entry["text"][:60], key=missing[0])
        project.statements.add(
            category.id,
            entry["text"],
            quarter.id if quarter else None,
            [coding_ids[key] for key in entry.get("codings", [])],
        )
    return len(statements)


def build_demo(
    directory: Path, *, force: bool = False, report: Report = lambda _: None, study: Path = STUDY
) -> Path:
    """Build DIR/leverkusen-demo.qda; an existing one is replaced only with `force`."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / DEMO_NAME
    if target.exists() and not force:
        raise ValidationError("demo.exists", path=str(target))
    partial = directory / f".{DEMO_NAME}.part"
    partial.unlink(missing_ok=True)
    try:
        with Project.create(partial, name=PROJECT_TITLE, actor=BUILDER_ACTOR) as project:
            apply_preset(project, "leverkusen")
            summary = ImportSummary()
            manifest = read_manifest(study / "manifest.csv")
            files = [study / "protocols" / name for name in manifest.file_names]
            options = ImportOptions(manifest=manifest.path)
            for progress in import_files(project, files, options, summary):
                report(progress.outcome.message)
            if summary.not_imported:
                raise ValidationError("demo.import_failed", reason=summary.not_imported[0].message)
            located = locate_codings(project, study)
            coding_ids = add_codings(project, located)
            statements = add_statements(project, coding_ids, study)
            report(f"{len(located)} codings, {statements} statements")
            # A newcomer's first Ctrl+Z must not take the study apart: the build stays in
            # the change log, but as a baseline that cannot be undone.
            project.history.make_baseline()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
