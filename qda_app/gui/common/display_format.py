"""How dates, counts, method names and colours are shown, in the current UI language."""

from __future__ import annotations

from datetime import date
from functools import cache

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ...core.i18n import language, tr
from ...core.values import MethodInfo

ICON_SIZE = 16


def format_date(value: date | None) -> str:
    """09.11.2020 in German, 2020-11-09 in English; empty for no date."""
    if value is None:
        return ""
    return value.strftime("%d.%m.%Y") if language() == "de" else value.isoformat()


def format_count(value: int) -> str:
    """A whole number with the language's thousands separator (12.345 / 12,345)."""
    locale = QLocale(QLocale.Language.German if language() == "de" else QLocale.Language.English)
    return locale.toString(value)


def method_label(method: MethodInfo | None) -> str:
    """The built-in methods by their name in the UI language, others as the team named them."""
    if method is None:
        return ""
    key = f"gui.method.{method.code}"
    text = tr(key)
    return method.name if text == key else text


def light_colour(colour: str) -> QColor:
    """A category colour made see-through, for highlighting text without hiding it.

    Pale colours get less transparency so that they still stand out from the page.
    """
    light = QColor(colour)
    if not light.isValid():
        light = QColor("#a9a9a9")
    light.setAlpha(110 if light.lightness() < 150 else 170)
    return light


@cache
def colour_swatch(colour: str) -> QIcon:
    """A small filled square in a category's colour."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour).darker(140))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(2, 2, ICON_SIZE - 4, ICON_SIZE - 4, 3, 3)
    painter.end()
    return QIcon(pixmap)


METHOD_COLOURS = {"workshop": "#4363d8", "phone_interview": "#3cb44b"}


@cache
def method_badge(letter: str, code: str) -> QIcon:
    """A round badge with a letter telling a document's method at a glance."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(METHOD_COLOURS.get(code, "#808080")))
    painter.drawEllipse(1, 1, ICON_SIZE - 2, ICON_SIZE - 2)
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, letter[:1])
    painter.end()
    return QIcon(pixmap)


def method_icon(method: MethodInfo | None) -> QIcon:
    if method is None:
        return method_badge("?", "")
    key = f"gui.method_letter.{method.code}"
    letter = tr(key)
    return method_badge(method.name[:1].upper() if letter == key else letter, method.code)
