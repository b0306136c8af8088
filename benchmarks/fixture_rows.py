"""Rows of the synthetic benchmark project, as dicts keyed by column name with explicit ids.

Every function draws from the caller's seeded `random.Random`, so a seed always yields the same
rows. Ids are assigned here (the store is empty apart from its default methods), which lets
rows refer to each other without round trips to the database.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from .fixture_text import BIG_DOCUMENT_ID, EPOCH, Row, sentence, short_phrase

FAN_OUT = (6, 7)  # top-level categories, subcategories per top; leaves take the rest
CODERS = (("Aylin Demir", "#4477aa"), ("Jonas Becker", "#ee6677"), ("Marie Schröder", "#228833"))


@dataclass
class QuarterLayout:
    """The quarter rows and which ids documents may be attached to."""

    rows: list[Row] = field(default_factory=list)
    city_id: int = 0
    social_ids: list[int] = field(default_factory=list)
    statistical_ids: list[int] = field(default_factory=list)


@dataclass
class CategoryLayout:
    """Category rows grouped by tree level (insert order) and all their ids."""

    levels: list[list[Row]] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)


def quarter_rows(preset: dict[str, Any]) -> QuarterLayout:
    """The preset's city level, Sozialräume and statistical quarters."""
    layout = QuarterLayout()
    layout.city_id = 1
    layout.rows.append(
        dict(
            id=1, parent_id=None, name=preset["city"]["name"], number=None, kind="city", position=0
        )
    )
    next_id = 2
    stats: list[tuple[int, int, dict[str, Any]]] = []
    for position, space in enumerate(preset["social_space"]):
        layout.rows.append(
            dict(
                id=next_id,
                parent_id=1,
                name=space["name"],
                number=None,
                kind="social_space",
                position=position,
            )
        )
        layout.social_ids.append(next_id)
        stats.extend((next_id, number, stat) for number, stat in enumerate(space["statistical"]))
        next_id += 1
    for parent, position, stat in stats:
        layout.rows.append(
            dict(
                id=next_id,
                parent_id=parent,
                name=stat["name"],
                number=stat.get("number"),
                kind="statistical",
                position=position,
            )
        )
        layout.statistical_ids.append(next_id)
        next_id += 1
    return layout


def category_rows(rng: random.Random, total: int) -> CategoryLayout:
    """`total` categories in three levels: 6 top × 7 sub × the rest as leaves (300 → 6/42/252)."""
    tops = min(FAN_OUT[0], total)
    mids = min(total - tops, tops * FAN_OUT[1])
    leaves = total - tops - mids
    layout = CategoryLayout()
    positions: dict[int | None, int] = defaultdict(int)
    labels: dict[int, str] = {}
    parents: list[int | None] = [None]
    for count in (tops, mids, leaves):
        level: list[Row] = []
        for index in range(count):
            parent = parents[index % len(parents)]
            category_id = len(layout.ids) + 1
            position = positions[parent]
            positions[parent] += 1
            label = f"{labels[parent]}.{position + 1}" if parent is not None else str(position + 1)
            labels[category_id] = label
            level.append(
                dict(
                    id=category_id,
                    parent_id=parent,
                    position=position,
                    name=f"{label} {short_phrase(rng, 2)}",
                    tag=f"K{label}",
                    colour=f"#{rng.randrange(0x1000000):06x}",
                    origin="deductive" if parent is None else "inductive",
                    definition=sentence(rng),
                    coding_rules=sentence(rng) if rng.random() < 0.5 else "",
                    codable=True,
                    created_at=EPOCH,
                )
            )
            layout.ids.append(category_id)
        layout.levels.append(level)
        parents = [row["id"] for row in level] or parents
    return layout


def coder_rows() -> list[Row]:
    return [
        dict(id=i, name=name, colour=colour, created_at=EPOCH)
        for i, (name, colour) in enumerate(CODERS, start=1)
    ]


def _span(rng: random.Random, length: int) -> tuple[int, int]:
    roll = rng.random()
    width = (
        rng.randint(20, 200)
        if roll < 0.6
        else (rng.randint(200, 1_200) if roll < 0.95 else rng.randint(1_200, 5_000))
    )
    width = max(1, min(width, length))
    start = rng.randrange(0, length - width + 1)
    return start, start + width


def coding_rows(
    rng: random.Random,
    total: int,
    on_big: int,
    documents: list[Row],
    categories: CategoryLayout,
    coders: list[Row],
) -> list[Row]:
    """`total` codings, `on_big` of them on the big document, the rest weighted by text length.

    Rows are shuffled before ids are given, as codings of several coders arrive over time.
    """
    others = [d for d in documents if d["id"] != BIG_DOCUMENT_ID and d["text_length"] > 0]
    targets = [documents[0]] * on_big
    if others:
        weights = [d["text_length"] for d in others]
        targets += rng.choices(others, weights=weights, k=total - on_big)
    seen: set[tuple[int, ...]] = set()
    rows: list[Row] = []
    for doc in targets:
        while True:
            start, end = _span(rng, doc["text_length"])
            category, coder = rng.choice(categories.ids), rng.choice(coders)["id"]
            key = (doc["id"], category, coder, start, end)
            if key not in seen:
                seen.add(key)
                break
        rows.append(
            dict(
                document_id=doc["id"],
                document_length=doc["text_length"],
                start_pos=start,
                end_pos=end,
                category_id=category,
                coder_id=coder,
                memo=short_phrase(rng, 6) if rng.random() < 0.05 else "",
                paraphrase=short_phrase(rng, 8) if rng.random() < 0.1 else "",
                generalisation=short_phrase(rng, 4) if rng.random() < 0.05 else "",
                is_quote=rng.random() < 0.1,
            )
        )
    rng.shuffle(rows)
    for coding_id, row in enumerate(rows, start=1):
        row["id"] = coding_id
        row["created_at"] = row["updated_at"] = EPOCH + timedelta(seconds=37 * coding_id)
    return rows


def statement_rows(
    rng: random.Random, count: int, quarters: QuarterLayout, codings: list[Row]
) -> tuple[list[Row], list[Row]]:
    """Statements per Sozialraum × category (a fifth cross-quarter), each linked to 1–3 codings."""
    by_category: dict[int, list[int]] = defaultdict(list)
    for row in codings:
        by_category[row["category_id"]].append(row["id"])
    category_ids = sorted(by_category)
    positions: dict[tuple[int | None, int], int] = defaultdict(int)
    statements: list[Row] = []
    links: list[Row] = []
    for statement_id in range(1, count + 1 if category_ids else 1):
        category = rng.choice(category_ids)
        quarter = None if rng.random() < 0.2 else rng.choice(quarters.social_ids)
        statements.append(
            dict(
                id=statement_id,
                category_id=category,
                quarter_id=quarter,
                text=sentence(rng),
                position=positions[(quarter, category)],
                created_at=EPOCH,
                updated_at=EPOCH,
            )
        )
        positions[(quarter, category)] += 1
        pool = by_category[category]
        for coding_id in sorted(set(rng.sample(pool, min(len(pool), rng.randint(1, 3))))):
            links.append(dict(statement_id=statement_id, coding_id=coding_id))
    return statements, links


def anchor_rows(rng: random.Random, codings: list[Row], categories: int = 100) -> list[Row]:
    """One or two anchor examples for up to `categories` coded categories."""
    by_category: dict[int, list[int]] = defaultdict(list)
    for row in codings:
        by_category[row["category_id"]].append(row["id"])
    rows: list[Row] = []
    for category in sorted(by_category)[:categories]:
        chosen = rng.sample(by_category[category], min(2, len(by_category[category])))
        for position, coding_id in enumerate(chosen):
            rows.append(
                dict(id=len(rows) + 1, category_id=category, coding_id=coding_id, position=position)
            )
    return rows
