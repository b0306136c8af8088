"""Creating categories from REFI-QDA codes, shared by project and codebook imports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..db.models import Category
from ..errors import ValidationError
from ..services.categories import category_info, siblings
from ..services.common import fetch
from ..services.exchange_guids import normal_guid
from .category_text import parse
from .exchange_values import FindingLog
from .refi_model import RefiCode

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project

_COLOUR = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
NAME_LENGTH = 200


def colour_of(text: str | None) -> str | None:
    """ "#RRGGBB" from a REFI-QDA colour ("#RGB" or "#RRGGBB"), None when there is none."""
    match = _COLOUR.match((text or "").strip())
    if match is None:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return f"#{digits.lower()}"


@dataclass
class CodebookWriter:
    """Writes a code tree as categories inside a caller's command.

    `used` names codes that codings refer to: a code marked not codable that is used anyway
    becomes codable. QualCoder writes its categories as not codable; they become codable
    categories here (the category system is coded at every level). With `merge_by_name` a
    code meets an existing category of the same name under the same parent (or the one it
    came with before) and fills only its empty fields.
    """

    project: Project
    session: Session
    log: FindingLog
    used: set[str] = field(default_factory=set)
    qualcoder: bool = False
    merge_by_name: bool = False
    created: int = 0
    merged: int = 0
    mapping: dict[str, int] = field(default_factory=dict)  # code GUID → category id
    _names: dict[int | None, dict[str, int]] = field(default_factory=dict)

    def write(self, codes: list[RefiCode], parent_id: int | None = None) -> dict[str, int]:
        for code in codes:
            self._write(code, parent_id)
        return self.mapping

    def _siblings(self, parent_id: int | None) -> dict[str, int]:
        if parent_id not in self._names:
            rows = siblings(self.session, parent_id)
            self._names[parent_id] = {row.name.casefold(): row.id for row in rows}
        return self._names[parent_id]

    def _write(self, code: RefiCode, parent_id: int | None) -> None:
        name = " ".join(code.name.split())[:NAME_LENGTH] or "—"
        names = self._siblings(parent_id)
        existing = names.get(name.casefold()) if self.merge_by_name else None
        if existing is None and self.merge_by_name and code.guid:
            remembered = self.project.exchange_guids.find("code", code.guid)
            if remembered is not None and remembered in names.values():
                existing = remembered
        if existing is not None:
            self._fill(existing, code)
            category_id = existing
            self.merged += 1
        else:
            category_id = self._create(code, name, parent_id, names)
        if code.guid:
            self.mapping[normal_guid(code.guid)] = category_id
        for child in code.children:
            self._write(child, category_id)

    def _create(
        self, code: RefiCode, name: str, parent_id: int | None, names: dict[str, int]
    ) -> int:
        unique, number = name, 2
        while unique.casefold() in names:
            unique, number = f"{name} ({number})", number + 1
        if unique != name:
            self.log.correct("exchange.fixed.renamed", name=name, new=unique)
        fields = self._fields(code)
        try:
            row = self.project.categories.create_in(self.session, unique, parent_id, **fields)
        except ValidationError:
            fields.pop("block_patterns", None)
            self.log.correct("exchange.fixed.patterns_dropped", name=unique)
            row = self.project.categories.create_in(self.session, unique, parent_id, **fields)
        names[unique.casefold()] = row.id
        self.created += 1
        return row.id

    def _fields(self, code: RefiCode) -> dict[str, Any]:
        agenda = parse(code.description)
        fields: dict[str, Any] = {
            "definition": agenda.definition,
            "coding_rules": agenda.coding_rules,
            "tag": agenda.tag,
        }
        if agenda.block_patterns:
            fields["block_patterns"] = agenda.block_patterns
        if agenda.origin is not None:
            fields["origin"] = agenda.origin
        colour = colour_of(code.colour)
        if colour is not None:
            fields["colour"] = colour
        elif self.qualcoder:
            self.log.correct("exchange.fixed.colour_assigned")
        codable = code.codable
        if not codable and self.qualcoder:
            self.log.correct("exchange.fixed.qualcoder_category_codable")
            codable = True
        elif not codable and normal_guid(code.guid) in self.used:
            self.log.correct("exchange.fixed.used_code_codable", name=code.name)
            codable = True
        fields["codable"] = codable
        return fields

    def _fill(self, category_id: int, code: RefiCode) -> None:
        """Merge: the codebook fills what the existing category leaves empty."""
        current = category_info(fetch(self.session, Category, category_id, "category"))
        agenda = parse(code.description)
        updates = {
            name: value
            for name, value in (
                ("definition", agenda.definition),
                ("coding_rules", agenda.coding_rules),
                ("tag", agenda.tag),
            )
            if value and not getattr(current, name)
        }
        if updates:
            self.project.categories.update_in(self.session, category_id, **updates)
