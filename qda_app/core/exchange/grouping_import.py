"""Cases, sets and variables of an imported project: cases become quarters (with the
hierarchy this app writes into their names), sets of this app's methods become methods,
other sets of sources become yes/no variables, variables keep their types."""

from __future__ import annotations

import re

from sqlalchemy import select

from ..db.models import Method, Quarter
from ..services.exchange_guids import normal_guid
from ..services.methods import method_matches
from ..services.quarters import quarter_info, quarter_matches
from .import_context import ImportContext
from .refi_format import LABELS, is_label
from .refi_model import RefiCase

_NUMBERED = re.compile(r"^(?P<name>.*\S)\s+\((?P<number>\d+)\)$")
_METHOD_CODE = re.compile(r"\[(?P<code>[a-z0-9_]+)\]\s*$")
PATH_SEPARATOR = " / "


def _kind(description: str) -> str | None:
    """The quarter kind this app writes into a case's description ("Art: Sozialraum")."""
    for line in description.splitlines():
        for prefix in LABELS["case.kind"]:
            if line.startswith(prefix):
                value = line[len(prefix) :].strip()
                for kind in ("city", "social_space", "statistical"):
                    if is_label(f"kind.{kind}", value):
                        return kind
    return None


def import_cases(ctx: ImportContext) -> None:
    """Quarters from cases; each source gets the quarter of the deepest case holding it."""
    by_path: dict[str, int] = {}
    depth: dict[int, int] = {}
    for case in ctx.model.cases:
        quarter_id = _quarter_for(ctx, case, by_path)
        ctx.cases[normal_guid(case.guid)] = quarter_id
        ctx.remember("case", quarter_id, case.guid)
        depth[quarter_id] = case.name.count(PATH_SEPARATOR) if _kind(case.description) else 0
        if case.values:
            ctx.log.leave_out("exchange.left.case_variables", len(case.values))
    holders: dict[str, list[int]] = {}
    for case in ctx.model.cases:
        for source in case.sources:
            holders.setdefault(normal_guid(source), []).append(ctx.cases[normal_guid(case.guid)])
    for source, quarters in holders.items():
        deepest = max(quarters, key=lambda q: depth.get(q, 0))
        ctx.source_quarter[source] = deepest
        if len({q for q in quarters if depth.get(q, 0) == depth.get(deepest, 0)}) > 1:
            ctx.log.correct("exchange.fixed.several_cases")


def _quarter_for(ctx: ImportContext, case: RefiCase, by_path: dict[str, int]) -> int:
    kind = _kind(case.description)
    name, parent_id, number = case.name.strip() or "—", None, None
    if kind is not None and PATH_SEPARATOR in name:
        parent_path, _, name = name.rpartition(PATH_SEPARATOR)
        parent_id = by_path.get(parent_path)
    if kind == "statistical":
        match = _NUMBERED.match(name)
        if match:
            name, number = match.group("name"), int(match.group("number"))
    existing = _find_quarter(ctx, name, parent_id)
    if existing is not None:
        quarter_id = existing
    else:
        row = ctx.project.quarters.add_in(
            ctx.session, name, kind or "social_space", parent_id, number
        )
        quarter_id = row.id
    by_path[case.name.strip()] = quarter_id
    return quarter_id


def _find_quarter(ctx: ImportContext, name: str, parent_id: int | None) -> int | None:
    for row in ctx.session.scalars(select(Quarter).where(Quarter.name == name)):
        if row.parent_id == parent_id:
            return row.id
    return None


def quarter_by_label(ctx: ImportContext, text: str) -> int:
    """The quarter a "Quartier" value names (a case path, a name or a number); a new
    Sozialraum when none does."""
    wanted = text.strip()
    last = wanted.rpartition(PATH_SEPARATOR)[2]
    rows = [quarter_info(row) for row in ctx.session.scalars(select(Quarter))]
    for candidate in (wanted, last):
        for quarter in rows:
            if quarter_matches(quarter, candidate):
                return quarter.id
    return ctx.project.quarters.add_in(ctx.session, last or wanted, "social_space").id


def method_by_name(ctx: ImportContext, name: str, code: str | None = None) -> int:
    """The method a set or a "Methode" value names; created when the project lacks it."""
    for row in ctx.session.scalars(select(Method)):
        if (code and row.code == code) or method_matches(row.code, row.name, name):
            return row.id
    return ctx.project.methods.add_in(ctx.session, name.strip() or (code or "—"), code).id


def import_sets(ctx: ImportContext) -> dict[str, list[str]]:
    """Methods from this app's method sets; other sets of sources as yes/no variables
    (returned as variable name → member source GUIDs)."""
    flags: dict[str, list[str]] = {}
    for group in ctx.model.sets:
        marker = _METHOD_CODE.search(group.description)
        is_method = marker is not None and any(
            group.description.startswith(prefix) for prefix in LABELS["set.method"]
        )
        if is_method and marker is not None:
            method_id = method_by_name(ctx, group.name, marker.group("code"))
            ctx.remember("set", method_id, group.guid)
            for source in group.sources:
                ctx.source_method[normal_guid(source)] = method_id
        elif group.sources:
            flags[group.name.strip() or "Set"] = [normal_guid(s) for s in group.sources]
            ctx.log.correct("exchange.fixed.set_as_variable", name=group.name)
        if group.codes:
            ctx.log.leave_out("exchange.left.code_sets", name=group.name)
        if group.notes:
            ctx.log.leave_out("exchange.left.note_sets", name=group.name)
    return flags
