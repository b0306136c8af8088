"""Reading the category tree: ordering, paths and lookup by path, name or tag."""

from __future__ import annotations

from collections.abc import Iterable

from ..values import CategoryInfo

SEPARATOR = "/"


def depth_first(rows: Iterable[CategoryInfo]) -> list[CategoryInfo]:
    """Parents before children, siblings by position."""
    by_parent: dict[int | None, list[CategoryInfo]] = {}
    for row in sorted(rows, key=lambda r: (r.position, r.id)):
        by_parent.setdefault(row.parent_id, []).append(row)
    ordered: list[CategoryInfo] = []

    def walk(parent: int | None) -> None:
        for row in by_parent.get(parent, []):
            ordered.append(row)
            walk(row.id)

    walk(None)
    return ordered


def paths(rows: Iterable[CategoryInfo]) -> dict[int, str]:
    """ "Top/Sub/Subsub" for every category id."""
    by_id = {row.id: row for row in rows}
    result: dict[int, str] = {}

    def path_of(category_id: int) -> str:
        if category_id not in result:
            row = by_id[category_id]
            prefix = path_of(row.parent_id) + SEPARATOR if row.parent_id is not None else ""
            result[category_id] = prefix + row.name
        return result[category_id]

    for category_id in by_id:
        path_of(category_id)
    return result


def subtree_ids(rows: Iterable[CategoryInfo], root_id: int) -> list[int]:
    """The root and all its descendants, parents before children."""
    rows = list(rows)
    children: dict[int | None, list[int]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row.id)
    result = [root_id]
    index = 0
    while index < len(result):
        result.extend(children.get(result[index], []))
        index += 1
    return result


def find(rows: Iterable[CategoryInfo], text: str) -> CategoryInfo | None:
    """A category by full path, by path of tags, or by a name or tag that is unique."""
    rows = list(rows)
    wanted = [part.strip().casefold() for part in text.split(SEPARATOR)]
    by_parent: dict[int | None, list[CategoryInfo]] = {}
    for row in rows:
        by_parent.setdefault(row.parent_id, []).append(row)

    def walk(parent: int | None, parts: list[str]) -> CategoryInfo | None:
        for row in by_parent.get(parent, []):
            if parts[0] in (row.name.casefold(), row.tag.casefold()):
                if len(parts) == 1:
                    return row
                found = walk(row.id, parts[1:])
                if found:
                    return found
        return None

    found = walk(None, wanted)
    if found or len(wanted) > 1:
        return found
    matches = [r for r in rows if wanted[0] in (r.name.casefold(), r.tag.casefold())]
    return matches[0] if len(matches) == 1 else None
