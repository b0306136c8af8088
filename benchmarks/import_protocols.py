"""Benchmark: import 500 DOCX protocols of about 10,000 characters each (target ≤ 60 s).

`python -m benchmarks.import_protocols [--files N] [--chars N]` writes the protocols into
benchmarks/data/docx/ (reused on later runs), imports them into a fresh project with the
Leverkusen preset, question-block pre-coding and speaker turns, and prints the timing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import time
from pathlib import Path

from docx import Document

from qda_app.core.importers.batch import ImportOptions, ImportSummary, import_files
from qda_app.core.importers.metadata import FileMetadata
from qda_app.core.presets import apply_preset
from qda_app.core.project import Project

DATA = Path(__file__).parent / "data"
WORDS = (
    "Quartier",
    "Nachbarschaft",
    "Familien",
    "Jugendliche",
    "Senior*innen",
    "Treffpunkt",
    "Hygienekonzept",
    "Personal",
    "Kontakt",
    "Angebot",
    "digital",
    "Endgeräte",
    "Medienkompetenz",
    "Beratung",
    "Kita",
    "Schule",
    "Ehrenamt",
    "Netzwerk",
    "Begegnung",
    "Straße",
    "Spielplatz",
    "Förderung",
    "Wohnumfeld",
    "Einsamkeit",
    "Gemeinde",
    "Verein",
    "Träger",
    "Zugang",
    "Unterstützung",
    "Alltag",
    "Lockdown",
    "Sprechstunde",
)
BLOCKS = (
    "Herausforderungen & Bedarfe",
    "Ressourcen & Möglichkeiten",
    "Entwicklung, Vernetzung & Stärkung",
)
QUARTERS = ("Manfort", "Alkenrath", "Rheindorf", "Opladen", "Wiesdorf", "Steinbüchel")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + rng.choice((".", ".", "!", " – „so ist es“."))


def write_protocol(path: Path, rng: random.Random, chars: int) -> None:
    """A workshop protocol: title, facts table, three blocks with bullets and paragraphs."""
    document = Document()
    document.add_heading(f"Protokoll Workshop {path.stem}", level=1)
    table = document.add_table(rows=3, cols=2)
    for row, (key, value) in enumerate(
        (("Datum", "09.11.2020"), ("Teilnehmende", "N=8"), ("Moderation", "Fiktive Person"))
    ):
        table.cell(row, 0).text, table.cell(row, 1).text = key, value
    written = 0
    per_block = chars // len(BLOCKS)
    for block in BLOCKS:
        document.add_heading(block, level=2)
        block_chars = 0
        while block_chars < per_block:
            text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
            style = "List Bullet" if rng.random() < 0.4 else None
            document.add_paragraph(text, style=style)
            block_chars += len(text) + 1
        written += block_chars
    document.save(path)


def prepare(folder: Path, files: int, chars: int) -> list[Path]:
    marker = folder / f".made-{files}-{chars}"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        rng = random.Random(500)
        for index in range(files):
            quarter = QUARTERS[index % len(QUARTERS)]
            write_protocol(folder / f"{quarter}_Workshop_{index:03d}.docx", rng, chars)
        marker.touch()
    return sorted(folder.glob("*.docx"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--chars", type=int, default=10_000)
    args = parser.parse_args(argv)
    files = prepare(DATA / "docx", args.files, args.chars)
    target = DATA / "import-benchmark.qda"
    target.unlink(missing_ok=True)
    with Project.create(target, actor="benchmark") as project:
        apply_preset(project, "leverkusen")
        options = ImportOptions(
            pattern="{quarter}_{method}_{*}", precode=True, common=FileMetadata(date="2020-11-09")
        )
        summary = ImportSummary()
        started = time.perf_counter()
        for _ in import_files(project, files, options, summary):
            pass
        elapsed = time.perf_counter() - started
        chars = sum(d.length for d in project.documents.list())
    print(
        f"imported {len(summary.imported)}/{len(files)} DOCX files, {chars:,} characters, "
        f"in {elapsed:.1f} s ({1000 * elapsed / len(files):.0f} ms per file; target ≤ 60 s)"
    )
    for outcome in summary.not_imported[:5]:
        print("  ", outcome.message)
    return 0 if len(summary.imported) == len(files) else 1


if __name__ == "__main__":
    raise SystemExit(main())
