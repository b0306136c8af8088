"""Markdown reading: markup removed, structure kept as block kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from qda_app.core.importers.extracted import ExtractionError
from qda_app.core.importers.formats import extract
from qda_app.core.importers.markdown_reader import read_md

SAMPLE = """\
---
titel: Interview 4
---
# Interview *Süd* #

Ein **fettes** und __starkes__ Wort, *kursiv*, _betont_, ~~alt~~ und `co*de*`.
Mit [Link](https://example.org "Titel") und ![Bild](foto.png) sowie snake_case_name.
<!-- interne
Notiz -->
Zweiter Teil
============

Unterteil
---------

## Liste

- Punkt **eins**
  * Unterpunkt
+ Punkt drei
1. erstens
2) zweitens

| Name | Ort |
|------|:---:|
| Jürgen | Köln \\| Deutz |

a | b
--|--
c | d

> Zitat mit <unverständlich> Stelle
***
```python
x = 1  # *nicht* ändern
```
\\*kein Stern\\* und <https://example.org/x_y_z>
[ref]: https://example.org
"""


def test_sample(block_texts) -> None:
    result = read_md(SAMPLE.encode(), "i.md")
    assert result.format == "md"
    assert result.encoding == "utf-8"
    assert block_texts(result) == [
        ("heading", 1, "Interview Süd"),
        ("paragraph", 0, "Ein fettes und starkes Wort, kursiv, betont, alt und co*de*."),
        ("paragraph", 0, "Mit Link und sowie snake_case_name."),
        ("heading", 1, "Zweiter Teil"),
        ("heading", 2, "Unterteil"),
        ("heading", 2, "Liste"),
        ("list_item", 1, "• Punkt eins"),
        ("list_item", 2, "• Unterpunkt"),
        ("list_item", 1, "• Punkt drei"),
        ("list_item", 1, "1. erstens"),
        ("list_item", 1, "2. zweitens"),
        ("table_row", 0, "Name\tOrt"),
        ("table_row", 0, "Jürgen\tKöln | Deutz"),
        ("table_row", 0, "a\tb"),
        ("table_row", 0, "c\td"),
        ("paragraph", 0, "Zitat mit <unverständlich> Stelle"),
        ("paragraph", 0, "x = 1  # *nicht* ändern"),
        ("paragraph", 0, "*kein Stern* und https://example.org/x_y_z"),
    ]
    # blocks joined by line breaks, with one blank line where the source had blank lines
    assert "\n".join(text for _, _, text in block_texts(result)) == result.text.replace(
        "\n\n", "\n"
    )
    assert result.text.startswith("Interview Süd\n\nEin fettes")
    for hidden in ("titel:", "interne", "Notiz", "foto.png", 'https://example.org "', "```"):
        assert hidden not in result.text


def test_plain_prose_is_left_alone() -> None:
    text = "2 * 3 * 4 ergibt 24; a_b_c bleibt; 5*6*7 wird zu 567? Ja: 5*6*7 -> 567."
    assert read_md(text.encode(), "p.md").text == (
        "2 * 3 * 4 ergibt 24; a_b_c bleibt; 567 wird zu 567? Ja: 567 -> 567."
    )


def test_lines_are_not_joined_and_hard_breaks_are_trimmed() -> None:
    data = b"erste Zeile  \nzweite Zeile\\\n\n\n  dritte\n"
    assert read_md(data, "z.md").text == "erste Zeile\nzweite Zeile\\\n\ndritte"


def test_cp1252_markdown_and_suffixes() -> None:
    result = extract(Path("notiz.MARKDOWN"), "# Grüße".encode("cp1252"))
    assert (result.format, result.text, result.encoding) == ("md", "Grüße", "cp1252")
    assert extract(Path("n.md"), b"- x").text == "\u2022 x"


@pytest.mark.parametrize(
    "data", [b"", b"  \n\t\n   ", b"<!-- nur ein Kommentar -->\n", b"---\n\n***\n"]
)
def test_empty_markdown(data: bytes) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(Path("leer.md"), data)
    assert caught.value.key == "import.no_text"
    assert str(caught.value).startswith("leer.md: ")
