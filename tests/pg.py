"""A throw-away PostgreSQL 15 server for the test suite and the team benchmark.

``PgServer.start()`` runs ``initdb`` and ``pg_ctl`` in a fresh temporary directory (as the ``postgres``
user when we are root: the server refuses to run as root), listening on 127.0.0.1 on a free port and on
a unix socket inside that directory. The superuser ``postgres`` has a password (scram-sha-256 over
TCP), so wrong credentials are really refused. ``create_database()`` hands out a fresh database and
its ``postgresql+psycopg://`` URL; ``stop()``/``restart()`` let fault tests take the server away.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Any

PG_BIN = Path(os.environ.get("MTREVIEW_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "postgres"
PASSWORD = "mtreview-test"


def binaries_present() -> bool:
    return all((PG_BIN / name).is_file() for name in ("initdb", "pg_ctl", "postgres"))


def missing_reason() -> str:
    return f"PostgreSQL 15 binaries not found in {PG_BIN} (initdb, pg_ctl): team-mode tests need them"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self, durable: bool = False) -> None:
        self.durable = durable
        """``False`` (tests): fsync off for speed. ``True`` (benchmarks): commits on disk, like SQLite."""
        # Tests keep the cluster in RAM where there is a tmpfs: creating and removing a database per
        # test then costs no disk I/O (on a shared machine, deleting a few hundred MB took 20 s).
        shm = Path("/dev/shm")
        base = str(shm) if not durable and shm.is_dir() and os.access(shm, os.W_OK) else None
        self.root = Path(tempfile.mkdtemp(prefix="mtreview-pg-", dir=base))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        self._counter = 0
        self._admin: Any = None

    # ------------------------------------------------------------------ process control
    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.as_root:
            cmd = ["runuser", "-u", SUPERUSER, "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    def start(self) -> PgServer:
        if self.as_root:
            shutil.chown(self.root, SUPERUSER, SUPERUSER)
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
        if self.as_root:
            shutil.chown(pwfile, SUPERUSER, SUPERUSER)
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.root}'\n"
                "max_connections = 200\nshared_buffers = 32MB\ntimezone = 'Asia/Tokyo'\n"
            )
            if not self.durable:
                conf.write("fsync = off\nfull_page_writes = off\n")
        self.resume()
        return self

    def resume(self) -> None:
        """Start (again) the server on the same port and data directory."""
        log = str(self.root / "log")
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", log, "-w", "-t", "60", "start")

    def pause(self) -> None:
        """Stop the server, dropping every client connection; ``resume()`` brings it back."""
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def stop(self) -> None:
        """Stop for good: no shutdown checkpoint (the data is thrown away), then remove everything."""
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------------ SQL
    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the superuser over the unix socket; returns psql's unaligned output."""
        proc = self._run(
            str(PG_BIN / "psql") if (PG_BIN / "psql").exists() else "psql",
            "-h",
            str(self.root),
            "-p",
            str(self.port),
            "-U",
            SUPERUSER,
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-X",
            "-q",
            "-A",
            "-t",
            "-c",
            sql,
        )
        return proc.stdout.strip()

    def url(self, database: str, user: str = SUPERUSER, password: str | None = PASSWORD) -> str:
        auth = user if password is None else f"{user}:{password}"
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "t") -> str:
        """A new, empty database; returns its name (over one kept admin connection: no psql per test)."""
        import psycopg

        self._counter += 1
        name = f"{prefix}_{self._counter}_{uuid.uuid4().hex[:8]}".lower()
        for attempt in (1, 2):
            try:
                if self._admin is None or self._admin.closed:
                    dsn = self.url("postgres").replace("postgresql+psycopg://", "postgresql://")
                    self._admin = psycopg.connect(dsn, autocommit=True)
                self._admin.execute(f'CREATE DATABASE "{name}"')
                return name
            except psycopg.OperationalError:  # the server was restarted since (fault tests)
                self._admin = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def drop_database(self, name: str) -> None:
        """Remove a test's database (and any connection a test left open to it)."""
        import psycopg

        try:
            if self._admin is not None and not self._admin.closed:
                self._admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except psycopg.Error:
            self._admin = None  # the server is restarting; the database goes with the cluster
