"""Fixtures shared by all tests: messages in English, temporary projects."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres_server import TestServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QDA_CODER"] = "tester"

from qda_app.core import i18n  # noqa: E402
from qda_app.core.presets import apply_preset  # noqa: E402
from qda_app.core.project import Project  # noqa: E402


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Assertions on messages read English; tests that need German switch explicitly."""
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


BACKENDS = ("sqlite", "postgresql")
_server = TestServer()
_server_started = False


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked `both_backends` run once on an SQLite file and once on a server."""
    marked = metafunc.definition.get_closest_marker("both_backends")
    file_only = metafunc.definition.get_closest_marker("sqlite_only")
    chosen = any(
        "store_backend" in str(m.args[0]) for m in metafunc.definition.iter_markers("parametrize")
    )
    if marked and not file_only and not chosen and "store_backend" in metafunc.fixturenames:
        metafunc.parametrize("store_backend", BACKENDS, indirect=True)


def postgres_admin_url() -> str:
    """The admin URL of the test server; skips (saying why) when there is none."""
    global _server_started
    if not _server_started:
        _server_started = True
        _server.start()
    if _server.admin_url is None:
        pytest.skip(f"PostgreSQL tests skipped: {_server.reason}")
    return _server.admin_url


def pytest_sessionfinish(session: pytest.Session) -> None:
    _server.stop()


def pytest_terminal_summary(terminalreporter: object) -> None:
    if _server_started and _server.admin_url is None:
        write = terminalreporter.write_line
        write(f"PostgreSQL tests skipped: {_server.reason}")


@pytest.fixture
def store_backend(request: pytest.FixtureRequest) -> str:
    """Where the test's project lives: "sqlite" unless the test runs on both backends."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def server_database() -> Iterator[str]:
    """The URL of a fresh, empty database on the test server (dropped afterwards)."""
    postgres_admin_url()
    url = _server.new_database()
    yield url
    _server.drop_database(url)


@pytest.fixture
def project_path(tmp_path: Path, store_backend: str, request: pytest.FixtureRequest) -> Path:
    """The project's location: a file path, or (backend "postgresql") a server URL."""
    if store_backend == "postgresql":
        return request.getfixturevalue("server_database")  # type: ignore[no-any-return]
    return tmp_path / "study.qda"


@pytest.fixture
def empty_project(project_path: Path) -> Iterator[Project]:
    with Project.create(project_path, actor="tester") as project:
        yield project


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    """A project with the Leverkusen quarters and category system."""
    with Project.create(project_path, actor="tester") as created:
        apply_preset(created, "leverkusen")
        yield created
