"""Synthetic German-looking protocol texts and the document rows that carry them.

Texts are built from a fixed word list with umlauts and ß, in sentences and paragraphs separated
by newlines, with the occasional character outside the Basic Multilingual Plane (emoji, musical
symbols) so that code-point offsets differ from UTF-16 offsets as they do in real exports. All
characters are precomposed and free of control characters, so `normalise_text` leaves the text
unchanged and lengths can be set exactly.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from qda_app.core.text_normalise import content_hash, normalise_text

if TYPE_CHECKING:
    from .fixture_rows import QuarterLayout

Row = dict[str, Any]
EPOCH = datetime(2021, 1, 4, 9, 0)
BIG_DOCUMENT_ID = 1
INTERVIEWERS = ("Aylin Demir", "Jonas Becker", "Marie Schröder", "Kerstin Wolf")

_WORD_LIST = """
    Jugendliche Kinder Familien Ältere Nachbarschaft Quartier Sozialraum Einrichtung Träger
    Angebot Angebote Beratung Treffpunkt Spielplatz Schule Kita Jugendzentrum Stadtteil Straße
    Bürgerhaus Verein Ehrenamt Förderung Unterstützung Zugänge Öffnungszeiten Räume Personal
    Fachkräfte Netzwerk Vernetzung Kooperation Digitalisierung Endgeräte WLAN Videokonferenz
    Medienkompetenz Lockdown Pandemie Kontaktbeschränkungen Hygienekonzept Maßnahmen Bedarfe
    Herausforderungen Ressourcen Möglichkeiten Empfehlungen Leerstellen Zielgruppe Erreichbarkeit
    Sprachförderung Hausaufgabenhilfe Begegnung Grünfläche Bushaltestelle Wohnumfeld Einsamkeit
    Überforderung Belastung Ängste Zuversicht Gesprächsbedarf Öffentlichkeit Verwaltung Politik
    wir sie die der das und oder aber auch noch schon sehr viel wenig mehr immer wieder häufig
    selten manchmal eigentlich natürlich allerdings trotzdem deshalb außerdem während nach vor
    für über unter zwischen gegenüber möglich schwierig wichtig nötig schön groß klein offen
    geschlossen digital persönlich gemeinsam zusätzlich gewünscht erreicht verloren entstanden
    haben hatten konnten mussten würden sollten müssen können gibt gab fehlt fehlte läuft lief
    funktioniert klappt gemerkt erzählt berichtet beobachtet versucht überlegt geöffnet gestärkt
    ähnlich übrigens ungefähr tatsächlich völlig grundsätzlich früher später heute draußen drinnen
    """
WORDS: tuple[str, ...] = tuple(_WORD_LIST.split())
CONNECTORS = ("dass", "weil", "wenn", "obwohl", "sodass", "damit", "sobald", "während")
SPEAKERS = ("I: ", "B1: ", "B2: ", "B3: ", "")
ENDINGS = (".", ".", ".", ".", "?", "!", " …")
OUTSIDE_BMP = ("🙂", "👍", "😀", "🏠", "📱", "𝄞", "𝔊")
OUTSIDE_BMP_RATE = 0.004


def sentence(rng: random.Random) -> str:
    """One sentence of 4–18 words, sometimes with a subordinate clause."""
    words = rng.choices(WORDS, k=rng.randint(4, 12))
    words[0] = words[0][:1].upper() + words[0][1:]
    text = " ".join(words)
    if rng.random() < 0.3:
        clause = rng.choices(WORDS, k=rng.randint(2, 6))
        text += ", " + rng.choice(CONNECTORS) + " " + " ".join(clause)
    text += rng.choice(ENDINGS)
    if rng.random() < OUTSIDE_BMP_RATE:
        text += " " + rng.choice(OUTSIDE_BMP)
    return text


def paragraph(rng: random.Random) -> str:
    """A speaker's turn: 1–7 sentences, usually prefixed with a speaker label."""
    count = rng.randint(1, 7)
    return rng.choice(SPEAKERS) + " ".join(sentence(rng) for _ in range(count))


def text_of_length(rng: random.Random, length: int) -> str:
    """Protocol text of exactly `length` code points (ending on a full stop when it is long)."""
    if length <= 0:
        return ""
    parts: list[str] = []
    total = 0
    while total < length:
        part = paragraph(rng)
        parts.append(part)
        total += len(part) + 1
    text = "\n".join(parts)[:length]
    if length > 1 and text[-1].isspace():
        text = text[:-1] + "."
    return text


def short_phrase(rng: random.Random, words: int = 3) -> str:
    """A few words, capitalised, for names, memos and paraphrases."""
    chosen = rng.choices(WORDS, k=words)
    chosen[0] = chosen[0][:1].upper() + chosen[0][1:]
    return " ".join(chosen)


def with_outside_bmp(rng: random.Random, text: str, count: int) -> str:
    """`text` with `count` characters replaced by characters outside the BMP (same length)."""
    if len(text) < 2:
        return text
    chars = list(text)
    for _ in range(count):
        index = rng.randrange(1, len(chars) - 1)
        chars[index] = rng.choice(OUTSIDE_BMP)
    return "".join(chars)


def _document_quarter(rng: random.Random, quarters: QuarterLayout) -> int:
    roll = rng.random()
    if roll < 0.1:
        return quarters.city_id
    if roll < 0.75:
        return rng.choice(quarters.social_ids)
    return rng.choice(quarters.statistical_ids)


def document_rows(
    rng: random.Random, count: int, big_length: int, quarters: QuarterLayout, method_ids: list[int]
) -> list[Row]:
    """The big document (id 1, in a Sozialraum) followed by `count` ordinary ones."""
    positions: dict[int, int] = defaultdict(int)
    rows: list[Row] = []
    for index in range(count + 1):
        big = index == 0
        if big:
            quarter = quarters.social_ids[min(3, len(quarters.social_ids) - 1)]
            text = with_outside_bmp(rng, text_of_length(rng, big_length), 12)
            title = f"Großes Protokoll ({big_length:,} Zeichen)".replace(",", ".")
        else:
            quarter = _document_quarter(rng, quarters)
            text = text_of_length(rng, rng.randint(2_000, 20_000))
            title = f"Protokoll {index:04d} – {short_phrase(rng, 2)}"
        stored = normalise_text(text)
        if stored != text:  # lengths and offsets are planned on the text as generated
            raise ValueError("synthetic text must already be normalised")
        rows.append(
            dict(
                id=BIG_DOCUMENT_ID + index,
                title=title,
                quarter_id=quarter,
                method_id=rng.choice(method_ids),
                date=date(2020, 6, 1) + timedelta(days=rng.randrange(540)),
                group_label=rng.choice(
                    ("", "Fachkräfte", "Eltern", "Jugendliche", "Ehrenamtliche")
                ),
                participants=rng.randint(1, 14),
                source_filename=f"protokoll_{index:04d}.docx",
                source_format="docx",
                content_hash=content_hash(stored),
                text=stored,
                text_length=len(stored),
                position=positions[quarter],
                created_at=EPOCH + timedelta(minutes=index),
            )
        )
        positions[quarter] += 1
    return rows


def variable_rows(rng: random.Random, documents: list[Row]) -> tuple[list[Row], list[Row]]:
    """Two document variables (duration in minutes, interviewer) with a value for each document."""
    variables = [
        dict(id=1, name="Dauer (Minuten)", type="integer", description="", position=0),
        dict(id=2, name="Protokollant", type="text", description="", position=1),
    ]
    values: list[Row] = []
    for doc in documents:
        empty = dict(value_text=None, value_number=None, value_date=None, value_bool=None)
        values.append(
            {
                **empty,
                "document_id": doc["id"],
                "variable_id": 1,
                "value_number": float(rng.randint(30, 180)),
            }
        )
        values.append(
            {
                **empty,
                "document_id": doc["id"],
                "variable_id": 2,
                "value_text": rng.choice(INTERVIEWERS),
            }
        )
    return variables, values
