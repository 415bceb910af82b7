"""A throwaway PostgreSQL cluster for the tests and the benchmark: initdb in a temporary
folder, the server on a Unix socket in it and on 127.0.0.1 at a free port, run by an
unprivileged user (`postgres` through runuser when we are root), removed at stop().

Local socket connections are trusted; TCP connections need a password (scram), so the
tests can check that a password reaches the server from PGPASSWORD or a .pgpass file.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

SUPERUSER = "postgres"


def find_bin(name: str) -> str | None:
    """A PostgreSQL program: on PATH, else in Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                      key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return versions[-1] if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ClusterUnavailable(RuntimeError):
    """No server can be started here; the message says why."""


class Cluster:
    def __init__(self, fsync: bool = False):
        initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise ClusterUnavailable("PostgreSQL is not installed (no initdb/pg_ctl on PATH or in "
                                     "/usr/lib/postgresql/*/bin); install Debian's postgresql package")
        self.pg_ctl = pg_ctl
        self.runas: list[str] = []
        self.folder = Path(tempfile.mkdtemp(prefix="annpg-"))
        if os.geteuid() == 0:
            # The server refuses to run as root: run it as the postgres user Debian's package makes.
            runuser = shutil.which("runuser")
            try:
                import pwd

                account = pwd.getpwnam(SUPERUSER)
            except KeyError:
                account = None
            if not runuser or account is None:
                shutil.rmtree(self.folder, ignore_errors=True)
                raise ClusterUnavailable("running as root without a 'postgres' user or runuser to start the server as")
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self.runas = [runuser, "-u", SUPERUSER, "--"]
        self.data = self.folder / "data"
        self.port = _free_port()
        self.socket_dir = str(self.folder)
        pwfile = self.folder / "pw"
        self.password = uuid.uuid4().hex
        pwfile.write_text(self.password + "\n")
        if self.runas:
            os.chown(pwfile, account.pw_uid, account.pw_gid)
        self._run([initdb, "-D", str(self.data), "-U", SUPERUSER, "--auth-local=trust",
                   "--auth-host=scram-sha-256", f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8"])
        pwfile.unlink()
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.socket_dir} -c max_connections=100 "
                f"-c shared_buffers=128MB" + ("" if fsync else " -c fsync=off -c synchronous_commit=off"))
        self._run([pg_ctl, "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-t", "60",
                   "-o", opts, "start"])
        self.running = True

    def _run(self, cmd: list[str]) -> None:
        try:
            result = subprocess.run(self.runas + cmd, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.stop()
            raise ClusterUnavailable(f"{Path(cmd[0]).name} could not run: {exc}") from None
        if result.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            self.stop()
            raise ClusterUnavailable(f"{Path(cmd[0]).name} failed: {(result.stderr or result.stdout).strip()[-800:]}"
                                     f" {tail}".strip())

    def url(self, db: str = "postgres", tcp: bool = False, user: str = SUPERUSER) -> str:
        if tcp:
            return f"postgresql://{user}@127.0.0.1:{self.port}/{db}"
        return f"postgresql://{user}@/{db}?host={self.socket_dir}&port={self.port}"

    def createdb(self, name: str | None = None) -> str:
        """A new empty database; returns its name."""
        import psycopg

        name = name or "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return name

    def stop(self) -> None:
        if getattr(self, "running", False):
            subprocess.run(self.runas + [self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                           capture_output=True, timeout=60)
            self.running = False
        shutil.rmtree(self.folder, ignore_errors=True)
