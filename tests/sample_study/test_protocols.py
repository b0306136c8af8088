"""The sample protocols: rendered from their sources, realistic, and written afresh."""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from qda_app.sample_projects.leverkusen.protocol_source import all_sources
from qda_app.sample_projects.leverkusen.render_protocols import rendered_files

from qda_app.core.presets import load_preset

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"


def test_committed_protocols_match_their_sources() -> None:
    outdated = [
        p.name for p, data in rendered_files().items() if not p.exists() or p.read_bytes() != data
    ]
    assert outdated == []


def test_study_design_numbers() -> None:
    sources = all_sources()
    methods = Counter(s.meta["method"] for s in sources)
    assert methods == {"Workshop": 7, "Telefoninterview": 20}
    interviews = Counter(s.meta["quarter"] for s in sources if s.meta["method"] != "Workshop")
    assert interviews == {
        "Manfort": 5,
        "Alkenrath": 4,
        "Rheindorf": 4,
        "Opladen": 3,
        "Wiesdorf": 2,
        "Steinbüchel": 2,
    }
    workshops = {
        s.meta["quarter"]: (s.meta["date"], s.meta["participants"])
        for s in sources
        if s.meta["method"] == "Workshop"
    }
    assert workshops["Stadtweit"] == ("2020-09-22", "18")
    assert workshops["Rheindorf"] == ("2020-11-16", "12")
    assert workshops["Steinbüchel"] == ("2020-11-26", "6")


def test_realistic_lengths() -> None:
    for source in all_sources():
        words = sum(
            len(f"{line.label} {' '.join(line.cells) or line.text}".split())
            for line in source.lines
        )
        low, high = (1200, 3000) if source.meta["method"] == "Workshop" else (600, 1500)
        assert low <= words <= high, (source.path.name, words)


# Names of the statistical quarters are facts that may be repeated; they are not sentences.
FACTS = re.compile(
    r"quartier \d+|wiesdorf|manfort|alkenrath|rheindorf|opladen|steinbüchel|"
    r"schusterinsel|gewerbegebiet|nordwest|altstadt|zentrum|südost|nord"
)


def _shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", FACTS.sub(" ", text.casefold()))
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _sample_texts() -> dict[str, str]:
    """Every text written for the sample study: protocols, codings' paraphrases,
    generalisations and memos, statements, the first category scheme, the planning table
    and the preset."""
    study = Path(all_sources()[0].path).parents[1]
    texts = {source.path.name: source.path.read_text(encoding="utf-8") for source in all_sources()}
    for path in sorted((study / "codings").glob("*.toml")):
        entries = tomllib.loads(path.read_text(encoding="utf-8"))["coding"]
        fields = ("paraphrase", "generalisation", "memo")
        texts[path.name] = "\n".join(e.get(f, "") for e in entries for f in fields)
    statements = tomllib.loads((study / "statements.toml").read_text(encoding="utf-8"))
    texts["statements.toml"] = "\n".join(s["text"] for s in statements["statement"])
    texts["scheme_history.toml"] = (study / "scheme_history.toml").read_text(encoding="utf-8")
    texts["planning.toml"] = (study / "planning.toml").read_text(encoding="utf-8")
    texts["leverkusen preset"] = json.dumps(load_preset("leverkusen"), ensure_ascii=False)
    return texts


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents are not at hand")
def test_no_sentence_is_copied_from_the_source_documents() -> None:
    seeds = set()
    for seed in SEEDS.glob("*.txt"):
        seeds |= _shingles(seed.read_text(encoding="utf-8"))
    copied = {}
    for name, text in _sample_texts().items():
        overlap = _shingles(text) & seeds
        if overlap:
            copied[name] = sorted(" ".join(s) for s in overlap)[:3]
    assert copied == {}


def test_the_copy_check_would_notice_a_copied_sentence() -> None:
    sentence = "Die offene Tür war bisher das Markenzeichen der Einrichtungen im Quartier"
    assert _shingles(sentence) & _shingles(f"Ein Satz davor. {sentence}, und danach mehr.")
