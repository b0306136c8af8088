"""Build the demo project of the Leverkusen study from its protocols and coding data.

Codings are defined by quoted text (with an occurrence number where needed), never by
offsets, so editing a protocol cannot silently shift them: a quote that is no longer found
stops the build with a message naming it. The project is built under a temporary name and
renamed when complete, so a half-built demo never appears.

The build replays the study in the order the team worked: quarters, the first deductive
category scheme, the protocols, early codings in that scheme, its revision into the final
scheme (scheme_history.py), the coding of all protocols, sharper coding rules after the
intercoder comparison, anchor examples, the reduced statements (demo_statements.py) and
the planning step: goals, their links to the gap statements, measures (demo_planning.py).
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
from qda_app.core.presets import load_preset
from qda_app.core.project import Project
from qda_app.core.services.codings import NewCoding
from qda_app.core.services.variables import define_in, set_in

from . import scheme_history
from .demo_planning import add_planning
from .demo_statements import add_statements
from .leverkusen.protocol_source import read_source
from .scheme_history import EarlyCoding, SchemeHistory, acting_as

STUDY = Path(__file__).parent / "leverkusen"
DEMO_NAME = "leverkusen-demo.qda"
PROJECT_TITLE = "Qualitative Sozialraumanalyse Leverkusen (Demo)"
BUILDER_ACTOR = "Keller"
FORMAT_VARIABLE = "Format"

Report = Callable[[str], None]


@dataclass(frozen=True)
class Located:
    """A coding entry of the data files, resolved to a document and offsets."""

    key: str
    document_id: int
    document_title: str
    start: int
    end: int
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


def _tag_paths(preset: dict[str, Any]) -> set[str]:
    subs = [sub["tag"] for sub in preset.get("subcategory", [])]
    return {f"{top['tag']}/{sub}" for top in preset["category"] for sub in subs}


def locate_codings(project: Project, study: Path, tag_paths: set[str]) -> list[Located]:
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
            if entry["category"] not in tag_paths:
                raise ValidationError(
                    "demo.category_missing", id=entry["id"], category=entry["category"]
                )
            start = find_quote(text, entry["quote"], int(entry.get("occurrence", 1)))
            if start is None:
                raise ValidationError(
                    "demo.quote_missing", id=entry["id"], file=path.name, quote=entry["quote"][:80]
                )
            end = start + len(entry["quote"])
            located.append(Located(entry["id"], document.id, document.title, start, end, entry))
    return located


def _fields(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "memo": entry.get("memo", ""),
        "paraphrase": entry.get("paraphrase", ""),
        "generalisation": entry.get("generalisation", ""),
        "is_quote": bool(entry.get("verbatim", False)),
    }


def add_early_codings(
    project: Project, early: list[Located], first_ids: dict[str, int]
) -> list[EarlyCoding]:
    """The first codings, each its own command, in the categories of the first scheme."""
    result = []
    for item in early:
        entry = item.entry
        category_id = first_ids.get(entry["first_category"])
        if category_id is None:
            raise ValidationError(
                "demo.category_missing", id=item.key, category=entry["first_category"]
            )
        with acting_as(project, entry["coder"]):
            coding = project.codings.add(
                item.document_id, item.start, item.end, category_id, **_fields(entry)
            )
        result.append(
            EarlyCoding(
                item.key, coding.id, entry["coder"], entry["first_category"], entry["category"]
            )
        )
    return result


def add_codings(
    project: Project, located: list[Located], category_ids: dict[str, int]
) -> dict[str, int]:
    """The coding of each protocol by each coder in one command; ids by data-file key."""
    groups: dict[tuple[int, str], list[Located]] = {}
    for item in located:
        groups.setdefault((item.document_id, item.entry["coder"]), []).append(item)
    ids: dict[str, int] = {}
    for (_, coder), items in groups.items():
        with (
            acting_as(project, coder),
            project.command(
                "demo.coding_document", title=items[0].document_title, count=len(items)
            ) as session,
        ):
            new = [
                NewCoding(
                    item.document_id,
                    item.start,
                    item.end,
                    category_ids[item.entry["category"]],
                    coder,
                    _fields(item.entry),
                )
                for item in items
            ]
            for item, coding_id in zip(
                items, project.codings.add_many_in(session, new), strict=True
            ):
                assert coding_id is not None  # duplicates are refused, never skipped here
                ids[item.key] = coding_id
    return ids


def add_anchors(
    project: Project, located: list[Located], ids: dict[str, int], category_ids: dict[str, int]
) -> None:
    """The anchor examples of the coding agenda, chosen together once coding was done."""
    anchors = [item for item in located if item.entry.get("anchor")]
    with project.command("demo.anchors", count=len(anchors)) as session:
        for item in anchors:
            category_id = category_ids[item.entry["category"]]
            project.categories.add_anchor_in(session, category_id, ids[item.key])


def set_format_variable(project: Project, study: Path) -> None:
    """How each workshop took place (online / vor Ort), from the protocols' front matter.

    Set here rather than in the manifest: the importer reads a column titled "Format" as the
    method of data collection.
    """
    formats = {}
    for path in sorted((study / "sources").glob("*.md")):
        meta = read_source(path).meta
        if meta.get("format"):
            formats[meta["file"]] = meta["format"]
    documents = {d.source_filename: d.id for d in project.documents.list()}
    with project.command("demo.variables", name=FORMAT_VARIABLE, count=len(formats)) as session:
        variable = define_in(session, FORMAT_VARIABLE, "text")
        for file_name, value in formats.items():
            set_in(session, documents[file_name], variable, value)


def _import_protocols(project: Project, study: Path, report: Report) -> None:
    summary = ImportSummary()
    manifest = read_manifest(study / "manifest.csv")
    files = [study / "protocols" / name for name in manifest.file_names]
    for progress in import_files(project, files, ImportOptions(manifest=manifest.path), summary):
        report(progress.outcome.message)
    if summary.not_imported:
        raise ValidationError("demo.import_failed", reason=summary.not_imported[0].message)


def _build(project: Project, study: Path, report: Report) -> None:
    preset = load_preset("leverkusen")
    history = SchemeHistory.load(study)
    scheme_history.create_quarters(project, preset)
    first_ids = scheme_history.create_first_scheme(project, history)
    _import_protocols(project, study, report)
    set_format_variable(project, study)
    located = locate_codings(project, study, _tag_paths(preset))
    early_items = [item for item in located if item.entry.get("first_category")]
    early = add_early_codings(project, early_items, first_ids)
    category_ids = scheme_history.create_revised_scheme(project, preset, history)
    scheme_history.revise(project, history, first_ids, category_ids, early)
    ids = {coding.key: coding.coding_id for coding in early}
    ids |= add_codings(project, [item for item in located if item.key not in ids], category_ids)
    scheme_history.finalize(project, preset, history, category_ids)
    add_anchors(project, located, ids, category_ids)
    statements = add_statements(project, ids, study)
    links = add_planning(project, study, preset)
    report(f"{len(located)} codings, {statements} statements, {links} goal links")


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
            _build(project, study, report)
            # A newcomer's first Ctrl+Z must not take the study apart: the build stays in
            # the change log, but as a baseline that cannot be undone.
            project.history.make_baseline()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
