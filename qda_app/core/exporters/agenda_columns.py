"""The columns of the coding agenda in spreadsheets, shared by the XLSX export and import.

Headers are written in the UI language; on import, German and English headers (and a few
usual variants) are recognised in any order and case.
"""

from __future__ import annotations

from ..i18n import LANGUAGES, catalog, tr

XLSX_COLUMNS = ("category", "parent", "tag", "colour", "origin", "definition", "anchor", "rules")
REQUIRED = ("category",)
EXTRA_ALIASES = {
    "category": ("name", "kategorie", "kategorienname", "code"),
    "parent": ("parent", "übergeordnet", "übergeordnete kategorie", "parent category"),
    "tag": ("tag", "kurzname", "short name"),
    "colour": ("color", "farbe", "colour"),
    "origin": ("art", "herkunft", "origin", "typ"),
    "definition": ("beschreibung", "description"),
    "anchor": ("ankerbeispiele", "anchor examples", "beispiel"),
    "rules": ("kodierregeln", "coding rules", "regel", "abgrenzung"),
}
ORIGIN_WORDS = {
    "deductive": ("deductive", "deduktiv", "d"),
    "inductive": ("inductive", "induktiv", "i"),
}


def header(column: str) -> str:
    return tr(f"agenda.column.{column}")


def normalise(text: object) -> str:
    return " ".join(str(text or "").split()).casefold().rstrip(":")


def header_names(column: str) -> set[str]:
    """Every header text that names `column`."""
    key = f"agenda.column.{column}"
    names = {normalise(catalog(lang).get(key, "")) for lang in LANGUAGES}
    names.update(normalise(alias) for alias in EXTRA_ALIASES.get(column, ()))
    names.add(column)
    return {name for name in names if name}


def origin_from(text: object) -> str | None:
    """ "deduktiv"/"deductive"/"d" → "deductive", likewise inductive; "" → None; else "?"."""
    word = normalise(text)
    if not word:
        return None
    for origin, words in ORIGIN_WORDS.items():
        if word in words:
            return origin
    return "?"
