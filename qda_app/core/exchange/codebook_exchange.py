"""REFI-QDA codebooks (QDC): the category system alone, written for other programs and read
into an open project (merging by name on request) or into a new one."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from lxml import etree

from ..project import Project
from .codebook_import_part import CodebookWriter
from .exchange_values import ExchangeError, ExchangeSummary, FindingLog
from .export_data import ExportData
from .export_elements import code_elements
from .qde_reader import children, read_code, read_project
from .refi_format import CODEBOOK_NS, CODEBOOK_SCHEMA_LOCATION, XSI_NS, is_qualcoder, local_name
from .refi_format import origin as program_origin
from .refi_model import RefiCode
from .safe_archive import SafeArchive
from .safe_xml import parse_document

MAX_CODEBOOK_SIZE = 64 * 1024**2


def export_codebook(project: Project, path: str | os.PathLike[str]) -> ExchangeSummary:
    """Write the category system as a .qdc file (valid against Codebook.xsd)."""
    target = Path(path)
    data = ExportData.codebook(project)
    codes = code_elements(data, CODEBOOK_NS)
    if not codes:
        raise ExchangeError("exchange.no_categories", path=str(target))
    root = etree.Element(
        f"{{{CODEBOOK_NS}}}CodeBook",
        {"origin": program_origin(), f"{{{XSI_NS}}}schemaLocation": CODEBOOK_SCHEMA_LOCATION},
        nsmap={None: CODEBOOK_NS, "xsi": XSI_NS},
    )
    holder = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    for code in codes:
        holder.append(code)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(
            etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)
        )
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ExchangeError(
            "exchange.cannot_write", path=str(target), reason=error.strerror or str(error)
        ) from error
    return ExchangeSummary(path=target, counts=(("categories", len(data.categories)),))


def read_codebook(path: str | os.PathLike[str]) -> tuple[str, list[RefiCode], int]:
    """The codes of a .qdc file (or of the codebook inside a .qdpx project), its origin, and
    how many code sets it has (they are not imported)."""
    source = Path(path)
    if zipfile.is_zipfile(source):
        with SafeArchive(source) as archive:
            member = archive.project_member()
            project = read_project(archive.read(member), member)
        sets = sum(1 for group in project.sets if group.codes)
        return project.origin, project.codes, sets
    try:
        size = source.stat().st_size
        if size > MAX_CODEBOOK_SIZE:
            raise ExchangeError("exchange.codebook_too_large", path=str(source))
        data = source.read_bytes()
    except FileNotFoundError as error:
        raise ExchangeError("exchange.file_missing", path=str(source)) from error
    except OSError as error:
        raise ExchangeError(
            "exchange.unreadable", path=str(source), reason=error.strerror or str(error)
        ) from error
    root = parse_document(data, source.name)
    if local_name(root) != "CodeBook":
        raise ExchangeError("exchange.not_a_codebook", path=str(source))
    codes = [
        read_code(code) for holder in children(root, "Codes") for code in children(holder, "Code")
    ]
    sets = sum(1 for holder in children(root, "Sets") for _ in children(holder, "Set"))
    return root.get("origin") or "", codes, sets


def import_codebook(
    project: Project, path: str | os.PathLike[str], *, merge_by_name: bool = False
) -> ExchangeSummary:
    """Add a codebook's codes to the project's category system in one undoable command.

    With `merge_by_name`, a code whose name a category under the same parent already has
    joins it (filling only what the category leaves empty); otherwise every code becomes a
    new category, renamed "Name (2)" where its name is taken.
    """
    source = Path(path)
    origin, codes, sets = read_codebook(source)
    log = FindingLog()
    if sets:
        log.leave_out("exchange.left.codebook_sets", sets)
    with project.command("exchange.import_codebook", file=source.name) as session:
        writer = CodebookWriter(
            project, session, log, qualcoder=is_qualcoder(origin), merge_by_name=merge_by_name
        )
        mapping = writer.write(codes)
        remembered = [(category_id, guid) for guid, category_id in mapping.items() if guid]
        project.exchange_guids.remember_in(session, "code", remembered)
    corrected, left_out = log.findings()
    return ExchangeSummary(
        path=source,
        counts=(("categories", writer.created), ("merged", writer.merged)),
        corrected=corrected,
        left_out=left_out,
    )


def create_project_from_codebook(
    path: str | os.PathLike[str], target: str | os.PathLike[str], actor: str | None = None
) -> ExchangeSummary:
    """A new project whose category system is the codebook's; nothing is written when the
    codebook is refused."""
    source, destination = Path(path), Path(target)
    if destination.exists():
        raise ExchangeError("exchange.target_exists", path=str(destination))
    read_codebook(source)  # refuse a bad file before creating anything
    partial = destination.with_name(f".{destination.name}.partial")
    partial.unlink(missing_ok=True)
    project = Project.create(partial, name=destination.stem, actor=actor)
    try:
        summary = import_codebook(project, source)
        project.close()
        os.replace(partial, destination)
    except BaseException:
        project.close()
        partial.unlink(missing_ok=True)
        raise
    return ExchangeSummary(
        path=summary.path,
        counts=summary.counts,
        corrected=summary.corrected,
        left_out=summary.left_out,
        project_path=destination,
    )
