r"""The assistant past one machine, rehearsed on one: PostgreSQL, Redis, two Rasa servers, two action servers, HAProxy.

``python -m bot.launch.cluster`` (``make cluster``) starts the whole topology on loopback,
prints where each piece listens, and stops it all on Ctrl-C or SIGTERM; the tests and
``make soak --cluster`` use :func:`start_cluster`. Everything runs from Debian's packages
(``postgresql``, ``redis-server``, ``haproxy``; ``make services`` installs them) in a
folder under ``build/`` (default ``build/cluster``)::

    HAProxy :PORT ---- REST, Slack: round robin ----> Rasa server 1, Rasa server 2
             \--- /socket.io: by client address --/        |   (PostgreSQL tracker store,
    HAProxy :ACTIONS -- round robin --> action server 1, 2  <-/    Redis locks and Slack ids)

PostgreSQL refuses to run as root, so as root it runs as the ``postgres`` user (its data
folder owned by that user, and the folders above it made traversable); any other user
runs it as themselves.
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.channels.credentials import write as write_credentials
from bot.channels.stores import ENV_DEFAULTS
from bot.launch.servers import RASA_SERVER, Reachable, free_port, launch, wait_for, wait_until
from bot.paths import BUILD, ENDPOINTS, MODEL

#: The programs the cluster needs, and the Debian package of each.
PROGRAMS = {"redis-server": "redis-server", "haproxy": "haproxy", "pg_isready": "postgresql"}
DB_USER, DB_NAME = "rasa", "rasa"


def postgres_bin(name: str) -> str:
    """A PostgreSQL server program (``initdb``, ``postgres``) from Debian's versioned folder."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is missing: install Debian's postgresql (make services)")
    return found[-1]


def missing_programs() -> list[str]:
    """The Debian packages of the programs not found."""
    missing = [package for program, package in PROGRAMS.items() if shutil.which(program) is None]
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb") and "postgresql" not in missing:
        missing.append("postgresql")
    return missing


def haproxy_config(bind: str, action_bind: str, rasa_servers: list[str], action_servers: list[str],
                   nameserver: str | None = None) -> str:
    """HAProxy's configuration: the assistant at ``bind``, the action servers at ``action_bind`` (``host:port``).

    ``make cluster`` writes it for loopback ports; ``deploy/haproxy.cfg`` is the same text
    for the compose file's service names, with Docker's ``nameserver`` so a container
    recreated with a new address is found again (``tests/test_deploy.py`` keeps the two in step).
    """
    resolvers = (f"\nresolvers dns\n  nameserver dns {nameserver}\n  hold valid 10s\n" if nameserver else "")
    resolve = " resolvers dns" if nameserver else ""
    rasa = "\n".join(f"  server rasa{i} {address} check maxconn 32" for i, address in enumerate(rasa_servers, 1))
    actions = "\n".join(f"  server actions{i} {address} check" for i, address in enumerate(action_servers, 1))
    return f"""# Written by bot/launch/cluster.py (haproxy_config); make cluster and deploy/haproxy.cfg use the same text.
global
  maxconn 4096
{resolvers}
defaults
  mode http
  # A server whose name does not resolve yet (a container still starting) is down, not an
  # error. A server is down after 3 failed checks 2 s apart, each given 5 s: under full load
  # a busy Rasa server answers its check late, and must not be taken for a dead one.
  default-server init-addr last,libc,none inter 2s fall 3 rise 1{resolve}
  timeout check 5s
  # at most 32 turns at once per Rasa server (maxconn below); the rest wait here, in order
  timeout queue 60s
  timeout connect 3s
  timeout client 120s
  timeout server 120s
  timeout tunnel 1h
  # a request refused by a server that just died is sent to another
  option redispatch
  retries 2

frontend assistant
  bind {bind}
  acl socketio path_beg /socket.io/
  use_backend rasa_sticky if socketio
  default_backend rasa

# REST and Slack: any Rasa server (the conversation is in PostgreSQL, its lock in Redis).
backend rasa
  balance roundrobin
  option httpchk GET /
{rasa}

# socket.io: one client's requests (long-polling, then the WebSocket) stay on one server.
backend rasa_sticky
  balance source
  hash-type consistent
  option httpchk GET /
{rasa}

frontend actions
  bind {action_bind}
  default_backend actions

backend actions
  balance roundrobin
  option httpchk GET /health
{actions}
"""


@dataclass
class Cluster(Reachable):
    """A running cluster on loopback.

    Attributes:
        folder: Where its data, configuration and logs are.
        port: HAProxy's port for people (REST, the widget, Slack).
        action_port: HAProxy's port for the Rasa servers' calls to the action servers.
        rasa_ports: Each Rasa server's own port.
        action_ports: Each action server's own port.
        postgres_port, redis_port: The stores' ports.
        env: The environment every server was started with.
        processes: Name -> process ("postgres", "redis", "actions1", "rasa1", "haproxy", ...).
    """

    folder: Path
    port: int
    action_port: int
    rasa_ports: list[int]
    action_ports: list[int]
    postgres_port: int
    redis_port: int
    env: dict[str, str] = field(default_factory=dict, repr=False)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    commands: dict[str, list[str]] = field(default_factory=dict, repr=False)
    startup_seconds: float = 0.0

    def rasa_url(self, index: int) -> str:
        """Rasa server ``index``'s (0 or 1) own base URL."""
        return f"http://127.0.0.1:{self.rasa_ports[index]}"

    def spawn(self, name: str, command: list[str], as_postgres: bool = False) -> subprocess.Popen:
        """Start one piece, its output in ``logs/<name>.log`` (added to on a restart)."""
        if as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        process = launch(command, self.env, self.folder / "logs" / f"{name}.log", append=True, new_session=True)
        self.processes[name] = process
        self.commands[name] = command
        return process

    def kill(self, name: str) -> None:
        """Kill one piece at once (SIGKILL), as a crash would (not PostgreSQL: its backends outlive it; :meth:`halt`)."""
        process = self.processes[name]
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def ask_to_stop(self, name: str) -> None:
        """Signal one piece to stop as an administrator would (PostgreSQL: a fast shutdown; the others: SIGTERM)."""
        process = self.processes[name]
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT if name == "postgres" else signal.SIGTERM)

    def halt(self, name: str, timeout: float = 30) -> None:
        """Stop one piece as an administrator would (:meth:`ask_to_stop`), and wait for it; killed if it lingers."""
        self.ask_to_stop(name)
        try:
            self.processes[name].wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill(name)

    def restart(self, name: str) -> float:
        """Start piece ``name`` again with its command (stopping it first if it runs); seconds until it answers."""
        started = time.monotonic()
        self.halt(name)
        process = self.spawn(name, self.commands[name])
        self.wait_ready(name, process)
        return time.monotonic() - started

    def wait_ready(self, name: str, process: subprocess.Popen, timeout: float = 240) -> None:
        """Wait until piece ``name`` answers."""
        if name.startswith("rasa"):
            wait_for(f"{self.rasa_url(int(name[-1]) - 1)}/", process, timeout)
        elif name.startswith("actions"):
            wait_for(f"http://127.0.0.1:{self.action_ports[int(name[-1]) - 1]}/health", process, timeout)
        elif name == "postgres":
            wait_until(lambda: subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(self.postgres_port)],
                                              check=False).returncode == 0, process, "PostgreSQL was ready", timeout)
        elif name == "redis":
            wait_until(lambda: _redis_ping(self.redis_port), process, "Redis was ready", timeout)
        elif name == "haproxy":
            wait_for(f"{self.url}/", process, timeout)

    def stop(self) -> None:
        """Stop every piece: the balancer and Rasa servers first, the stores last."""
        order = [name for name in ("haproxy", "rasa1", "rasa2", "actions1", "actions2", "redis", "postgres")
                 if name in self.processes]
        for name in order:  # all asked at once, then each waited for
            self.ask_to_stop(name)
        for name in order:
            self.halt(name)

    def describe(self) -> str:
        """Where each piece listens, for people."""
        return "\n".join([
            f"assistant (HAProxy):  {self.url}  REST {self.webhook}, widget {self.url}/webchat/",
            *(f"Rasa server {i}:       {self.rasa_url(i - 1)}" for i in (1, 2)),
            f"action servers:       http://127.0.0.1:{self.action_port} (HAProxy) -> "
            + ", ".join(f"127.0.0.1:{p}" for p in self.action_ports),
            f"PostgreSQL:           127.0.0.1:{self.postgres_port} (database {DB_NAME}, user {DB_USER})",
            f"Redis:                127.0.0.1:{self.redis_port} (locks, Slack's answered ids)",
            f"data and logs:        {self.folder}",
        ])

    def __enter__(self) -> Cluster:
        """The cluster itself, stopped when the ``with`` block ends."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop every piece (:meth:`stop`)."""
        self.stop()


def _redis_ping(port: int) -> bool:
    import redis

    try:
        return bool(redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def _as_postgres() -> bool:
    return os.geteuid() == 0


def _give_to_postgres(path: Path) -> None:
    """Let the ``postgres`` user own ``path`` and reach it (traverse every folder above it)."""
    user = pwd.getpwnam("postgres")
    os.chown(path, user.pw_uid, user.pw_gid)
    for folder in path.resolve().parents:
        mode = folder.stat().st_mode
        if not mode & 0o001:
            folder.chmod(mode | 0o001)  # search only: the folder's names stay unlisted


def _init_postgres(data: Path, password: str) -> None:
    """Create the database cluster in ``data`` (once) with the user ``rasa`` and its password."""
    if (data / "PG_VERSION").exists():
        return
    data.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix="pw-", dir=data.parent)
    os.close(handle)
    pwfile = Path(name)
    pwfile.write_text(password + "\n")
    try:
        command = [postgres_bin("initdb"), "-D", str(data), "-U", DB_USER, f"--pwfile={pwfile}",
                   "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-instructions"]
        if _as_postgres():
            _give_to_postgres(data)
            _give_to_postgres(pwfile)
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            raise RuntimeError(f"initdb failed: {done.stderr.strip()[-800:]}")
    finally:
        pwfile.unlink(missing_ok=True)


def start_cluster(
    model: str | Path = MODEL,
    folder: str | Path | None = None,
    port: int | None = None,
    extra_env: dict[str, str] | None = None,
) -> Cluster:
    """Start PostgreSQL, Redis, two action servers, two Rasa servers and HAProxy; wait until all answer."""
    missing = missing_programs()
    if missing:
        raise RuntimeError(f"the cluster needs Debian's {', '.join(missing)}: run `make services`")
    folder = Path(folder or BUILD / "cluster").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    secret_file = folder / "secrets"
    if not secret_file.exists():  # the database password and the actions' token, kept for restarts
        written = folder / "secrets.new"
        written.touch(mode=0o600)
        written.write_text(f"{secrets.token_urlsafe(24)}\n{secrets.token_urlsafe(32)}\n")
        written.replace(secret_file)  # whole or not at all
    db_password, token = secret_file.read_text().split()
    cluster = Cluster(folder, port or free_port(), free_port(), [free_port(), free_port()], [free_port(), free_port()],
                      free_port(), free_port())
    env = dict(os.environ)
    env.update(ENV_DEFAULTS)
    env.update({
        "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "ACTION_TOKEN": token,
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{cluster.action_port}/webhook",
        "TRACKER_DIALECT": "postgresql", "TRACKER_HOST": "127.0.0.1", "TRACKER_PORT": str(cluster.postgres_port),
        "TRACKER_DB": DB_NAME, "TRACKER_USER": DB_USER, "TRACKER_PASSWORD": db_password, "TRACKER_LOGIN_DB": "postgres",
        "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(cluster.redis_port), "REDIS_DB": "1",
    })
    env.update(extra_env or {})
    cluster.env = env
    started = time.monotonic()
    try:
        data = folder / "postgres"
        _init_postgres(data, db_password)
        cluster.spawn("postgres", [postgres_bin("postgres"), "-D", str(data), "-p", str(cluster.postgres_port),
                                   "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={data}"],
                      as_postgres=_as_postgres())
        (folder / "redis").mkdir(exist_ok=True)
        cluster.spawn("redis", ["redis-server", "--port", str(cluster.redis_port), "--bind", "127.0.0.1",
                                "--dir", str(folder / "redis"), "--save", "", "--appendonly", "no"])
        for i, action_port in enumerate(cluster.action_ports, 1):
            cluster.spawn(f"actions{i}", [sys.executable, "-m", "actions", "--port", str(action_port)])
        credentials = folder / "credentials.yml"
        write_credentials(credentials, env)
        cluster.wait_ready("postgres", cluster.processes["postgres"])
        cluster.wait_ready("redis", cluster.processes["redis"])
        for i, rasa_port in enumerate(cluster.rasa_ports, 1):
            cluster.spawn(f"rasa{i}", [*RASA_SERVER, "run", "--model", str(model), "--endpoints", str(ENDPOINTS),
                                       "--credentials", str(credentials), "--interface", "127.0.0.1",
                                       "--port", str(rasa_port)])
            if i == 1:  # the first creates the database and its tables; then the second starts
                cluster.wait_ready("rasa1", cluster.processes["rasa1"])
        for name in ("actions1", "actions2", "rasa2"):  # all up before the balancer's first checks
            cluster.wait_ready(name, cluster.processes[name])
        config = folder / "haproxy.cfg"
        config.write_text(haproxy_config(f"127.0.0.1:{cluster.port}", f"127.0.0.1:{cluster.action_port}",
                                         [f"127.0.0.1:{p}" for p in cluster.rasa_ports],
                                         [f"127.0.0.1:{p}" for p in cluster.action_ports]))
        cluster.spawn("haproxy", ["haproxy", "-W", "-db", "-f", str(config)])
        cluster.wait_ready("haproxy", cluster.processes["haproxy"])
    except BaseException:
        cluster.stop()
        raise
    cluster.startup_seconds = time.monotonic() - started
    return cluster


def main(argv: list[str] | None = None) -> int:
    """``make cluster``: start the cluster, say where each piece listens, run until stopped."""
    parser = argparse.ArgumentParser(prog="python -m bot.launch.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(MODEL))
    parser.add_argument("--folder", default=str(BUILD / "cluster"), help="data, configuration and logs")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "5005")), help="the assistant's port")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop every piece, as Ctrl-C does
    try:
        with start_cluster(args.model, args.folder, args.port) as cluster:
            print(cluster.describe(), f"\nup in {cluster.startup_seconds:.0f} s; Ctrl-C stops it all.", flush=True)
            while all(p.poll() is None for p in cluster.processes.values()):
                time.sleep(1)
            dead = [name for name, p in cluster.processes.items() if p.poll() is not None]
            print(f"error: {', '.join(dead)} stopped; stopping the rest (logs in {cluster.folder / 'logs'})",
                  file=sys.stderr)
            return 1
    except KeyboardInterrupt:
        return 130
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
