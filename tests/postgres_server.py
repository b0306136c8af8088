"""A throwaway PostgreSQL server for the tests, or the one named by QDA_TEST_POSTGRES_URL.

Without the variable, a cluster is created with Debian's server binaries (initdb) in a
temporary folder and started on a free localhost port; PostgreSQL refuses to run as root,
so as root it runs as the `postgres` user. When no server can be had, `reason` says why
and the PostgreSQL tests skip with it.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ENV_URL = "QDA_TEST_POSTGRES_URL"
SERVICE_USER = "postgres"
_numbers = itertools.count(1)


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class TestServer:
    """Admin URL of a server whose databases the tests may create and drop."""

    def __init__(self, *, durable: bool = False) -> None:
        self.durable = durable  # fsync on, as a real server (the load benchmark)
        self.admin_url: str | None = None
        self.reason = ""
        self._folder: Path | None = None
        self._bin: Path | None = None
        self._as_user: list[str] = []

    def start(self) -> None:
        if os.environ.get("QDA_TEST_POSTGRES") == "off":
            self.reason = "QDA_TEST_POSTGRES=off"
            return
        given = os.environ.get(ENV_URL)
        if given:
            self.admin_url = given
            return
        self._bin = _binaries()
        if self._bin is None:
            self.reason = (
                f"no PostgreSQL server here (initdb not found; apt-get install postgresql) "
                f"and {ENV_URL} is not set"
            )
            return
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                self.reason = "running as root and runuser is missing to start PostgreSQL"
                return
            try:
                import pwd

                pwd.getpwnam(SERVICE_USER)
            except KeyError:
                self.reason = f"running as root and there is no '{SERVICE_USER}' user"
                return
            self._as_user = ["runuser", "-u", SERVICE_USER, "--"]
        try:
            self._start_cluster()
        except (OSError, subprocess.SubprocessError) as error:
            self.reason = f"the throwaway PostgreSQL server did not start: {error}"
            self.stop()

    def _start_cluster(self) -> None:
        assert self._bin is not None
        self._folder = Path(tempfile.mkdtemp(prefix="qda-pg-"))
        if self._as_user:
            shutil.chown(self._folder, user=SERVICE_USER)
        data = self._folder / "data"
        port = _free_port()
        run = [*self._as_user, str(self._bin / "initdb")]
        subprocess.run(
            [*run, "-D", str(data), "-A", "trust", "-U", "qda", "-E", "UTF8", "--no-sync"]
            + ["--locale", "C.UTF-8"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = (
            f"-p {port} -k {self._folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
        )
        if not self.durable:  # test data need not survive a crash
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run(
            [*self._as_user, str(self._bin / "pg_ctl"), "-D", str(data), "-o", options]
            + ["-l", str(self._folder / "server.log"), "-w", "start"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        self.admin_url = f"postgresql://qda@127.0.0.1:{port}/postgres"

    def stop(self) -> None:
        if self._folder is None:
            return
        data = self._folder / "data"
        if self._bin is not None and (data / "postmaster.pid").exists():
            subprocess.run(
                [*self._as_user, str(self._bin / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None

    def _admin(self, sql: str) -> None:
        import psycopg

        assert self.admin_url is not None
        for attempt in range(3):
            try:
                with psycopg.connect(self.admin_url, autocommit=True) as connection:
                    connection.execute(sql)
                return
            except psycopg.errors.ObjectInUse:  # template busy with another CREATE: retry
                if attempt == 2:
                    raise
                time.sleep(0.2)

    def new_database(self) -> str:
        """A fresh, empty database; returns its URL."""
        import sqlalchemy

        assert self.admin_url is not None
        name = f"qda_test_{os.getpid()}_{next(_numbers)}"
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{name}"')
        url = sqlalchemy.engine.make_url(self.admin_url).set(database=name)
        return url.render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        import sqlalchemy

        name = sqlalchemy.engine.make_url(url).database
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
