"""A throwaway PostgreSQL cluster for tests and benchmarks: Debian's server binaries,
`initdb` + `pg_ctl` on a private socket directory (no TCP port), removed afterwards.

As root (CI runs so) the server runs as the `postgres` system user, because PostgreSQL
refuses to run as root. Where the binaries are missing and apt-get can install them, it does.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid


class Unavailable(RuntimeError):
    """No PostgreSQL server can be started here; the message says why."""


def _binaries() -> str | None:
    initdb = shutil.which("initdb") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)), None)
    return os.path.dirname(os.path.realpath(initdb)) if initdb else None


def find_binaries() -> str:
    """The folder of initdb/pg_ctl, installing Debian's server package when it is missing."""
    found = _binaries()
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "postgresql"], capture_output=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = _binaries()
    if found is None:
        raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed and apt-get could not install"
                          " them: apt-get install postgresql")
    return found


class Cluster:
    """Start with `Cluster()`, get databases with `new_database()`, end with `stop()`."""

    def __init__(self) -> None:
        bin_dir = find_binaries()
        self.root = tempfile.mkdtemp(prefix="sugia-pg-")
        self.data, self.socket = os.path.join(self.root, "data"), os.path.join(self.root, "socket")
        os.mkdir(self.socket)
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise Unavailable("running as root and there is no 'postgres' user to run the server as") from exc
            for path in (self.root, self.socket):
                os.chown(path, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        os.chmod(self.root, 0o755)
        self._run(os.path.join(bin_dir, "initdb"), "-D", self.data, "-A", "trust", "-U", "sugia", "-E", "UTF8",
                  "--no-locale", "--no-sync")
        options = f"-k {self.socket} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
        self.pg_ctl = os.path.join(bin_dir, "pg_ctl")
        self._run(self.pg_ctl, "-D", self.data, "-l", os.path.join(self.root, "server.log"), "-o", options, "-w", "start")

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self.prefix, *command], capture_output=True, text=True)
        if done.returncode:
            raise Unavailable(f"{os.path.basename(command[0])} failed: {done.stderr.strip() or done.stdout.strip()}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://sugia@/{database}?host={self.socket}"

    def new_database(self) -> str:
        """A fresh empty database; its URL."""
        import psycopg

        name = "kb_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        subprocess.run([*self.prefix, self.pg_ctl, "-D", self.data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)
