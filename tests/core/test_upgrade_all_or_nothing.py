"""Upgrading an older project changes all of it or nothing: a refused or failed upgrade leaves
the file byte-identical and no backup behind."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from qda_app.core.db import migrate, revision_structure, sqlite_specific, store
from qda_app.core.errors import ProjectFileError
from qda_app.core.project import Project

FIXTURES = Path(__file__).parents[1] / "fixtures" / "projects"
PAST = [
    path
    for path in sorted(FIXTURES.glob("empty-r*.qda"))
    if path.stem.removeprefix("empty-r") != migrate.head_revision()
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revision_of(fixture: Path) -> str:
    return fixture.stem.removeprefix("empty-r")


def change(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        for statement in statements:
            connection.execute(statement)


def drop_an_index(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        (name,) = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' "
            "ORDER BY name LIMIT 1"
        ).fetchone()
    change(path, f"DROP INDEX {name}")


# What each revision adds: a table it creates, and the index it creates in its last step.
# A new revision adds its line here (a test below insists).
FOOTPRINTS = {
    "0002": ("speaker_turns", "ix_speaker_turns_document_start"),
    "0003": ("original_files", "ix_document_sources_original"),
    "0005": ("statement_sources", "ix_statement_sources_source"),
    "0006": ("exchange_guids", "ix_exchange_guids_kind_guid"),
    "0009": ("goals", "ix_measure_status_changes_measure"),
    "0008": ("project_transfers", "ix_project_transfers_at"),
    "0010": ("document_memos", "ix_document_memos_updated"),
}


def next_revision(path: Path) -> str:
    revisions = migrate.known_revisions()
    return revisions[revisions.index(revision_of(path)) + 1]


def add_the_next_revisions_table(path: Path) -> None:
    """A table the upgrade will create (as left behind by an earlier, broken upgrade)."""
    table, _index = FOOTPRINTS[next_revision(path)]
    change(path, f"CREATE TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY)")


def block_the_last_step_of_the_next_revision(path: Path) -> None:
    """An index that takes the name the next revision gives a new index in its last step."""
    _table, index = FOOTPRINTS[next_revision(path)]
    change(path, f"CREATE INDEX {index} ON documents (id)")


def test_every_revision_has_its_footprint_here() -> None:
    assert set(FOOTPRINTS) == set(migrate.known_revisions()[1:])


def add_a_private_table(path: Path) -> None:
    change(path, "CREATE TABLE my_notes (id INTEGER PRIMARY KEY, note TEXT)")


def make_foreign_file_with_our_id(path: Path) -> None:
    """Another program's database that carries our application id, a revision stamp and a
    project_info table, but otherwise its own tables."""
    revision = path.stem.removeprefix("empty-r")
    path.unlink()
    change(
        path,
        f"PRAGMA application_id = {sqlite_specific.APPLICATION_ID}",
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
        f"INSERT INTO alembic_version VALUES ('{revision}')",
        "CREATE TABLE project_info (id INTEGER PRIMARY KEY, name TEXT)",
        "CREATE TABLE documents (id INTEGER PRIMARY KEY, body BLOB)",
        "CREATE TABLE codings (id INTEGER PRIMARY KEY)",
    )


DAMAGES: dict[str, Callable[[Path], None]] = {
    "missing-index": drop_an_index,
    "next-revision-table": add_the_next_revisions_table,
    "private-table": add_a_private_table,
    "foreign-file-with-our-id": make_foreign_file_with_our_id,
}
CASES = [(fixture, name) for fixture in PAST for name in DAMAGES]


def prepared(fixture: Path, folder: Path, damage: Callable[[Path], None]) -> Path:
    path = folder / fixture.name
    shutil.copy(fixture, path)
    damage(path)
    return path


@pytest.mark.parametrize(
    ("fixture", "damage"), CASES, ids=[f"{f.stem}-{name}" for f, name in CASES]
)
def test_damaged_older_project_is_refused_untouched(
    fixture: Path, damage: str, tmp_path: Path
) -> None:
    path = prepared(fixture, tmp_path, DAMAGES[damage])
    before = digest(path)
    with pytest.raises(ProjectFileError) as caught:
        Project.open(path)
    assert str(caught.value) == (
        f"{path} cannot be upgraded because its tables are not those of schema "
        f"{revision_of(fixture)} (it was changed by another program or is damaged); "
        "it was left unchanged."
    )
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no backup, no journal
    with pytest.raises(ProjectFileError):  # and it stays refused, not half-upgraded
        Project.open(path)


@pytest.mark.parametrize("fixture", PAST, ids=[f.stem for f in PAST])
def test_an_upgrade_that_fails_halfway_is_rolled_back(
    fixture: Path, tmp_path: Path, monkeypatch
) -> None:
    """Even past the structure check, a revision failing after several steps (and after the
    revisions before it) leaves nothing of them behind."""
    path = prepared(fixture, tmp_path, block_the_last_step_of_the_next_revision)
    before = digest(path)
    monkeypatch.setattr(revision_structure, "differences", lambda *_: [])
    with pytest.raises(ProjectFileError) as caught:
        Project.open(path)
    assert str(caught.value) == (
        f"{path} could not be upgraded from schema {revision_of(fixture)}; "
        "it was left unchanged and no backup was kept."
    )
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    engine = store.create_store_engine(store.location_to_url(path), read_only=True)
    assert migrate.current_revision(engine) == revision_of(fixture)
    engine.dispose()


def test_revision_0000_is_unknown_not_newer(tmp_path: Path) -> None:
    path = prepared(
        PAST[0], tmp_path, lambda p: change(p, "UPDATE alembic_version SET version_num = '0000'")
    )
    before = digest(path)
    with pytest.raises(ProjectFileError) as caught:
        Project.open(path)
    assert str(caught.value) == (
        f"{path} has schema 0000, which no version of qda_app has written, "
        "so it was not opened and was left unchanged."
    )
    assert digest(path) == before


def test_read_only_older_project_is_refused_without_a_backup(tmp_path: Path) -> None:
    path = prepared(PAST[0], tmp_path, lambda _p: None)
    before = digest(path)
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    with pytest.raises(ProjectFileError) as caught:
        Project.open(url)
    assert str(caught.value) == (
        f"{path} was saved by an older version of qda_app (schema {revision_of(PAST[0])}) and "
        "needs an upgrade, but it is read-only; copy it to a folder where you may write and "
        "open the copy."
    )
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_older_file_without_write_permission_is_refused_without_a_backup(
    tmp_path: Path, monkeypatch
) -> None:
    """chmod a-w, as the app sees it (as root chmod would not stop writing, so the check that
    decides is made to answer as it does for an ordinary user)."""
    path = prepared(PAST[0], tmp_path, lambda _p: None)
    path.chmod(0o444)
    before = digest(path)
    real_access = store.os.access
    monkeypatch.setattr(
        store.os, "access", lambda p, mode: False if Path(p) == path else real_access(p, mode)
    )
    with pytest.raises(ProjectFileError, match="needs an upgrade, but it is read-only"):
        Project.open(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
