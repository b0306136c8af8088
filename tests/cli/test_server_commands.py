"""`qda new|info|log|push|pull|coders role` with a server URL: the same commands as for a
file, a project moved to a server and back unchanged, and no password in any output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from qda_app.cli import main

pytestmark = pytest.mark.postgres
PASSWORD = "Sehr-Geheim-42"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", "--coder", "Anna", *argv])
    out, err = capsys.readouterr()
    assert PASSWORD not in out + err
    return code, out, err


@pytest.fixture
def url(server_database: str) -> str:
    """The test database's URL with a password in it (the test server trusts any)."""
    return make_url(server_database).set(password=PASSWORD).render_as_string(hide_password=False)


def test_new_info_and_log_take_a_url(capsys, url: str) -> None:
    code, out, _ = run(capsys, "new", url, "--preset", "leverkusen", "--name", "Team")
    assert code == 0 and "postgresql://qda@127.0.0.1" in out
    code, out, _ = run(capsys, "info", url, "--json")
    info = json.loads(out)
    assert code == 0 and info["name"] == "Team" and info["categories"] > 10
    code, out, _ = run(capsys, "log", url, "--json")
    assert code == 0 and json.loads(out)[-1]["actor"] == "Anna"
    code, out, _ = run(capsys, "info", url)
    assert code == 0 and "Shared project on the server postgresql://qda@127.0.0.1:" in out
    code, out, _ = run(capsys, "check", url)
    assert code == 0 and "no problems" in out


def test_push_and_pull_keep_the_project(capsys, url: str, tmp_path: Path) -> None:
    source = tmp_path / "study.qda"
    back = tmp_path / "back.qda"
    assert run(capsys, "new", str(source), "--preset", "leverkusen")[0] == 0
    code, out, _ = run(capsys, "push", str(source), url)
    assert code == 0 and out.startswith(f"Copied {source} to postgresql://qda:***@")
    code, out, _ = run(capsys, "pull", url, str(back))
    assert code == 0
    infos = [
        json.loads(run(capsys, "info", str(where), "--json")[1]) for where in (source, url, back)
    ]
    assert infos[0] == infos[1] == infos[2]
    assert PASSWORD.encode() not in back.read_bytes()  # the pull is recorded, masked
    assert b"postgresql://qda:***@" in back.read_bytes()
    code, _, err = run(capsys, "push", str(source), url)  # the database holds a project now
    assert code == 1 and "already exists" in err


def test_coders_role_and_a_read_only_coder(capsys, url: str) -> None:
    run(capsys, "new", url)
    code, out, _ = run(capsys, "coders", "role", url, "Anna", "owner")
    assert code == 0 and out.startswith("Anna is now owner in postgresql://qda@127.0.0.1")
    assert run(capsys, "coders", "role", url, "Ben", "read-only")[0] == 0
    code = main(["--lang", "en", "--coder", "Ben", "coders", "role", url, "Ben", "coder"])
    _, err = capsys.readouterr()
    assert code == 1 and "Ben may only read this project" in err
    code, _, err = run(capsys, "coders", "role", url, "Ben", "boss")
    assert code == 1 and '"boss" is not a role' in err


def test_a_server_that_cannot_be_reached_is_named_without_password(capsys, url: str) -> None:
    unreachable = make_url(url).set(port=1).render_as_string(hide_password=False)
    code, _, err = run(capsys, "info", unreachable)
    assert code == 1 and "cannot be reached" in err and "qda:***@" in err
