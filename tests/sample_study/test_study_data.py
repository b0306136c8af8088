"""The sample study's data files read as a social scientist would: thorough coding, statements
for every quarter, a cross-quarter rule with something to exclude, a double-coded set.

These tests read the data files only; test_demo_project.py checks the built project.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict

import pytest
from qda_app.sample_projects.leverkusen import study_metrics
from qda_app.sample_projects.leverkusen.protocol_source import ARBEITSFELDER, TEAM, all_sources

STUDY = study_metrics.STUDY
SOZIALRAEUME = {"Manfort", "Alkenrath", "Rheindorf", "Opladen", "Wiesdorf", "Steinbüchel"}
K_OF_N = 4
# Findings named in only two or three Sozialräume: the k-of-n rule must leave them out.
NEAR_MISSES = {"x.bz.waechter", "x.bs.muell", "x.rs.gaerten", "x.li.regeln", "x.ls.hausmeister"}


@pytest.fixture(scope="module")
def placed() -> dict:
    return study_metrics.placed_codings()


@pytest.fixture(scope="module")
def quarter_of() -> dict[str, str]:
    """Quarter of each protocol, by file stem."""
    return {source.path.stem: source.meta["quarter"] for source in all_sources()}


@pytest.fixture(scope="module")
def statements() -> list[dict]:
    with (STUDY / "statements.toml").open("rb") as handle:
        return tomllib.load(handle)["statement"]


def test_most_relevant_material_is_coded(placed) -> None:
    touched = sum(study_metrics.coverage(lines, codings)[0] for lines, codings in placed.values())
    content = sum(study_metrics.coverage(lines, codings)[1] for lines, codings in placed.values())
    assert 0.80 <= touched / content <= 0.90
    # a careful team leaves some lines uncoded in most protocols, not only in one
    uncoded = [
        stem
        for stem, (lines, codings) in placed.items()
        if len({b.index for b in lines if b.is_content} - {c.line.index for c in codings})
    ]
    assert len(uncoded) >= 15


def test_some_segments_belong_to_another_question_block(placed) -> None:
    codings = [c for _, found in placed.values() for c in found]
    outside = study_metrics.outside_block(codings)
    assert 0.10 <= len(outside) / len(codings) <= 0.15
    assert {c.top_tag for c in outside} == {"Bedarfe", "Ressourcen", "Leerstellen"}


def test_paraphrase_and_generalisation_for_every_coding_of_two_quarters(placed, quarter_of) -> None:
    by_quarter = defaultdict(list)
    for stem, (_, codings) in placed.items():
        by_quarter[quarter_of[stem]].extend(c.entry for c in codings)
    complete = [
        quarter
        for quarter, entries in by_quarter.items()
        if all(e.get("paraphrase") and e.get("generalisation") for e in entries)
    ]
    assert len(complete) >= 2


def _cell_of(entry: dict) -> tuple[str, str]:
    return entry.get("quarter", ""), entry["category"]


def test_every_quarter_has_statements_linked_to_the_codings_they_condense(
    placed, quarter_of, statements
) -> None:
    where = {
        c.entry["id"]: (quarter_of[stem], c.entry["category"])
        for stem, (_, codings) in placed.items()
        for c in codings
    }
    per_quarter = [s for s in statements if s.get("quarter")]
    assert {s["quarter"] for s in per_quarter} == SOZIALRAEUME | {"Stadtweit"}
    for statement in per_quarter:
        assert statement["codings"], statement["key"]
        assert {where[key] for key in statement["codings"]} == {_cell_of(statement)}
    coded_cells = set(where.values())
    sizes = Counter(_cell_of(s) for s in per_quarter)
    assert set(sizes) == coded_cells  # material exists in a cell exactly when it has statements
    overflowing = [cell for cell, n in sizes.items() if n > 8]
    assert overflowing and all(10 <= sizes[cell] <= 12 for cell in overflowing)
    assert all(3 <= n <= 8 for cell, n in sizes.items() if cell not in overflowing)


def test_cross_quarter_statements_name_their_sources_and_the_rule_excludes_some(
    statements,
) -> None:
    by_key = {s["key"]: s for s in statements}
    cross = [s for s in statements if not s.get("quarter")]
    quarters_behind = {}
    for statement in cross:
        assert statement["sources"], statement["key"]
        sources = [by_key[key] for key in statement["sources"]]
        assert all(source["category"] == statement["category"] for source in sources)
        quarters_behind[statement["key"]] = {source["quarter"] for source in sources}
        # the number of quarters is the app's to compute, never typed into the text
        assert not re.search(
            r"\d|\b(von|aus) (vier|fünf|sechs)\b|allen Sozialräumen", statement["text"]
        )
    assert all(q <= SOZIALRAEUME for q in quarters_behind.values())  # the city is no quarter
    assert set(quarters_behind) >= NEAR_MISSES
    for key, quarters in quarters_behind.items():
        if key in NEAR_MISSES:
            assert 2 <= len(quarters) < K_OF_N, key
        else:
            assert len(quarters) >= K_OF_N, key
    findings = {key for key in quarters_behind if key not in NEAR_MISSES}
    # the report's cross-quarter findings are among them
    assert {"x.bi.hygiene", "x.bi.verwaltung", "x.bi.netzwerk", "x.bd.ersatz"} <= findings


def test_one_workshop_and_three_interviews_are_coded_by_both_coders(placed) -> None:
    sources = {s.path.stem: s for s in all_sources()}
    double = {stem for stem, s in sources.items() if s.meta["doppelkodierung"] == "ja"}
    methods = Counter(sources[stem].meta["method"] for stem in double)
    assert methods == {"Workshop": 1, "Telefoninterview": 3}
    for stem, (_, codings) in placed.items():
        coders = Counter(c.entry["coder"] for c in codings)
        if stem in double:
            assert set(coders) == {"Keller", "Yilmaz"} and min(coders.values()) >= 35
        else:
            assert len(coders) == 1, stem


def test_the_team_and_fields_of_work_are_a_small_controlled_set() -> None:
    sources = all_sources()
    assert {s.meta["moderator"] for s in sources} <= TEAM
    interviews = [s for s in sources if s.meta["method"] == "Telefoninterview"]
    fields = {s.meta["arbeitsfeld"] for s in interviews}
    assert fields <= set(ARBEITSFELDER) and len(fields) <= 8
    formats = {
        s.meta["quarter"]: s.meta["format"] for s in sources if s.meta["method"] == "Workshop"
    }
    assert formats.pop("Stadtweit") == "vor Ort" and set(formats.values()) == {"online"}


def test_interviews_are_not_all_alike() -> None:
    interviews = [s for s in all_sources() if s.meta["method"] == "Telefoninterview"]
    asking = {"I", "Interviewer", "Interviewerin"}
    notes = [s for s in interviews if not any(line.label in asking for line in s.lines)]
    assert 3 <= len(notes) <= 4  # written down as interviewer notes, not as dialogue
    first_blocks = Counter(
        next(b.block for b in study_metrics.body_lines(s) if b.block) for s in interviews
    )
    assert first_blocks["Bedarfe"] < len(interviews)  # the order of topics varies


def test_early_codings_of_the_first_scheme_are_in_the_data() -> None:
    with (STUDY / "scheme_history.toml").open("rb") as handle:
        history = tomllib.load(handle)
    first = {item["name"] for item in history["first_category"]}
    assert first == {
        "Gesundheit und Pflege",
        "Ökonomie",
        "Wohnen",
        "Bildung",
        "Zielgruppe",
        "Digitalisierung",
    }
    early = Counter()
    for path in (STUDY / "codings").glob("*.toml"):
        with path.open("rb") as handle:
            for entry in tomllib.load(handle)["coding"]:
                if "first_category" in entry:
                    early[entry["first_category"]] += 1
    assert set(early) == first and sum(early.values()) >= 20
    merged = {item["from"] for item in history["revision"]["merge"]}
    assert merged | set(history["revision"]["delete"]) == first
