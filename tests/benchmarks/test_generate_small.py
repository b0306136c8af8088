"""The benchmark generator in small mode writes a valid, deterministic project.

The generator runs as `python -m benchmarks.generate` from the repository root, exactly as the
README documents it. No test here looks at wall-clock times.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qda_app.core.analysis.counts import project_summary
from qda_app.core.analysis.frequencies import frequency_table
from qda_app.core.integrity import check_project
from qda_app.core.project import Project
from qda_app.core.text_normalise import content_hash, normalise_text

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS, CODINGS, CATEGORIES, STATEMENTS = 40, 900, 60, 25
BIG_LENGTH = 300_000
SOCIAL_SPACES = ["Manfort", "Alkenrath", "Rheindorf", "Opladen", "Wiesdorf", "Steinbüchel"]


def run_generator(path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "benchmarks.generate",
        str(path),
        "--documents",
        str(DOCUMENTS),
        "--codings",
        str(CODINGS),
        "--categories",
        str(CATEGORIES),
        "--statements",
        str(STATEMENTS),
        *extra,
    ]
    return subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "small.qda"
    done = run_generator(path, "--seed", "7")
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def project(small_project: Path):
    with Project.open(small_project, actor="test") as opened:
        yield opened


def test_passes_the_integrity_check(project: Project) -> None:
    assert check_project(project) == []


def test_counts_match_what_was_asked(project: Project) -> None:
    summary = project_summary(project)
    assert summary.documents == DOCUMENTS + 1  # the big document comes on top
    assert summary.codings == CODINGS
    assert summary.categories == CATEGORIES
    assert summary.statements == STATEMENTS
    assert summary.coders == 3
    assert sum(summary.codings_by_coder.values()) == CODINGS


def test_big_document_has_exactly_300k_characters(project: Project) -> None:
    big = [d for d in project.documents.list() if d.length == BIG_LENGTH]
    assert len(big) == 1
    text = project.documents.text(big[0].id)
    assert len(text) == BIG_LENGTH
    assert normalise_text(text) == text
    assert content_hash(text) == big[0].content_hash
    assert any(ord(char) > 0xFFFF for char in text)  # offsets are code points, not UTF-16
    codings = project.segments.of_document(big[0].id)
    assert len(codings) == min(2_500, CODINGS // 5)
    assert all(0 <= c.start < c.end <= BIG_LENGTH for c in codings)


def test_texts_look_like_german_protocols(project: Project) -> None:
    documents = [d for d in project.documents.list() if d.length != BIG_LENGTH]
    assert all(2_000 <= d.length <= 20_000 for d in documents)
    text = project.documents.text(documents[0].id)
    assert "\n" in text
    assert any(char in text for char in "äöüÄÖÜß")


def test_categories_form_three_levels(project: Project) -> None:
    depths = [path.count("/") + 1 for path in project.categories.paths().values()]
    assert sorted(set(depths)) == [1, 2, 3]
    assert all(c.tag and c.colour.startswith("#") for c in project.categories.list())


def test_codings_spread_over_city_level_and_six_social_spaces(project: Project) -> None:
    kinds = {q.id: q.kind for q in project.quarters.list()}
    used = {kinds[d.quarter_id] for d in project.documents.list()}
    assert used == {"city", "social_space", "statistical"}
    table = frequency_table(project)
    assert list(table.columns) == ["Stadtweit", *SOCIAL_SPACES]
    assert int(table.to_numpy().sum()) == CODINGS


def test_same_seed_gives_the_same_project(small_project: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.qda"
    assert run_generator(again, "--seed", "7").returncode == 0

    def content(path: Path) -> tuple[list, list]:
        with Project.open(path, actor="test") as opened:
            documents = [(d.title, d.content_hash) for d in opened.documents.list()]
            codings = [opened.segments.of_document(d.id) for d in opened.documents.list()]
        return documents, codings

    assert content(again) == content(small_project)


def test_refuses_to_replace_a_file_without_force(small_project: Path) -> None:
    done = run_generator(small_project)
    assert done.returncode == 1
    assert "--force" in done.stderr
