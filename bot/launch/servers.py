"""Start and stop the two servers (action server, Rasa) for the chat, tests and benchmark.

The Rasa server is started through :mod:`bot.launch.rasa_server`, as ``make run`` does.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.channels.credentials import ORIGINS_ENV, allowed_origins
from bot.channels.credentials import write as write_credentials
from bot.channels.stores import ENV_DEFAULTS
from bot.paths import CONVERSATIONS, ENDPOINTS, ROOT

#: Rasa's own command line, for the commands that need no server (train, test, data validate).
RASA = Path(sys.executable).parent / "rasa"
#: The Rasa server, started with the compatibility fixes installed.
RASA_SERVER = [sys.executable, "-m", "bot.launch.rasa_server"]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def launch(command: list[str], env: dict[str, str], log: Path | None, append: bool = False,
           new_session: bool = False) -> subprocess.Popen:
    """Start ``command`` in the repository with ``env``, its output to ``log`` (or nowhere).

    Args:
        command: The program and its arguments.
        env: Its whole environment.
        log: The file its output goes to (its folder is made), or None to drop it.
        append: Add to ``log`` (a restart) instead of starting it afresh.
        new_session: Start it in a process group of its own, so it and its children stop together.
    """
    if log is None:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                start_new_session=new_session)
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "a" if append else "w") as out:  # the child keeps its own copy
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=new_session)


def wait_until(ready: Callable[[], bool], process: subprocess.Popen, what: str, timeout: float = 180.0) -> float:
    """Ask ``ready()`` until it says yes; returns seconds waited. Fails if the process dies first.

    Args:
        ready: Whether the process is ready (asked every quarter second).
        process: The process being waited for.
        what: What is awaited, for the error messages ("http://127.0.0.1:5005/ answered").
        timeout: Seconds before giving up.
    """
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            command = " ".join(str(arg) for arg in process.args[:3])  # e.g. ".../python -m actions"
            raise RuntimeError(f"{command} exited with {process.returncode} before {what}")
        if ready():
            return time.monotonic() - started
        time.sleep(0.25)
    raise TimeoutError(f"gave up after {timeout:.0f}s waiting until {what}")


def answers(url: str) -> bool:
    """Whether ``url`` answers 200 now."""
    try:
        with urllib.request.urlopen(url, timeout=2) as reply:
            return reply.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def wait_for(url: str, process: subprocess.Popen, timeout: float = 180.0) -> float:
    """Poll ``url`` until it answers 200; returns seconds waited. Fails if the process dies."""
    return wait_until(lambda: answers(url), process, f"{url} answered", timeout)


class Reachable:
    """Where people reach the assistant on loopback: the ``port`` of a Rasa server or of the load balancer."""

    port: int

    @property
    def url(self) -> str:
        """The base URL."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def webhook(self) -> str:
        """The REST channel's webhook."""
        return f"{self.url}/webhooks/rest/webhook"


@dataclass
class Servers(Reachable):
    """A running action server and Rasa server on loopback.

    Attributes:
        port: The Rasa server's port.
        action_port: The action server's port.
        processes: The action server's and Rasa's processes.
        startup_seconds: From starting both to both answering.
        files: Files to remove when they stop (the credentials written for them).
        channels_line: What the credentials writer said about the channels (Slack on or off).
        token: The shared secret the action server asks of its callers (``$ACTION_TOKEN``).
    """

    port: int
    action_port: int
    processes: list[subprocess.Popen] = field(default_factory=list)
    startup_seconds: float = 0.0
    files: list[Path] = field(default_factory=list)
    channels_line: str = ""
    token: str = ""
    env: dict[str, str] = field(default_factory=dict, repr=False)
    commands: dict[str, list[str]] = field(default_factory=dict, repr=False)
    log_dir: Path | None = None

    @property
    def action_url(self) -> str:
        """The action server's base URL."""
        return f"http://127.0.0.1:{self.action_port}"

    def spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        """Start one server (``actions`` or ``rasa``), its output in ``<log_dir>/<name>.log`` (or nowhere).

        A restarted server's output is added to its log.
        """
        again = name in self.commands
        self.commands[name] = command
        log = self.log_dir / f"{name}.log" if self.log_dir else None
        process = launch(command, self.env, log, append=again)
        index = list(self.commands).index(name)
        if index < len(self.processes):
            self.processes[index] = process
        else:
            self.processes.append(process)
        return process

    def process(self, name: str) -> subprocess.Popen:
        """The current process of server ``name`` (``actions`` or ``rasa``); a restart replaces it."""
        return self.processes[list(self.commands).index(name)]

    def halt(self, name: str) -> None:
        """Stop server ``name`` as a shutdown does (SIGTERM; SIGKILL after 20 s); :meth:`restart` starts it again."""
        process = self.process(name)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def restart(self, name: str) -> float:
        """Start server ``name`` again on the same port and stores; seconds until it answers.

        A server still running is stopped first, as a shutdown does (:meth:`halt`).
        """
        self.halt(name)
        process = self.spawn(name, self.commands[name])
        return wait_for(f"{self.action_url}/health" if name == "actions" else f"{self.url}/", process)

    def stop(self) -> None:
        """Stop both processes (Rasa first) and remove their files."""
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for path in self.files:
            path.unlink(missing_ok=True)

    def __enter__(self) -> Servers:
        """The servers themselves, stopped when the ``with`` block ends."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop both servers and remove their files (:meth:`stop`)."""
        self.stop()


def start_servers(
    model: str | Path,
    port: int | None = None,
    action_port: int | None = None,
    tracker_db: str | Path | None = None,
    facts_db: str | Path | None = None,
    log_dir: str | Path | None = None,
    extra_env: dict[str, str] | None = None,
) -> Servers:
    """Start the action server, then Rasa, and wait until both answer."""
    servers = Servers(port or free_port(), action_port or free_port())
    env = dict(os.environ)
    env.update(ENV_DEFAULTS)  # one machine, whatever the caller's environment says; extra_env may differ
    env.update({
        "ACTION_TOKEN": env.get("ACTION_TOKEN") or secrets.token_urlsafe(32),  # the servers' shared secret
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "ACTION_ENDPOINT_URL": f"{servers.action_url}/webhook",
        "TRACKER_DB": str(tracker_db or CONVERSATIONS),
    })
    if tracker_db:  # answered Slack events beside the conversations
        env["SLACK_EVENTS_DB"] = str(Path(tracker_db).with_name(Path(tracker_db).stem + "-slack-events.db"))
    if facts_db:
        env["FACTS_DB"] = str(facts_db)
    env.update(extra_env or {})
    servers.token = env["ACTION_TOKEN"]
    servers.env = env
    servers.log_dir = Path(log_dir) if log_dir else None

    # The channels: credentials.yml plus Slack when its variables are set (bot.channels.credentials).
    credentials = Path(tempfile.mkstemp(prefix="credentials-", suffix=".yml")[1])
    servers.files.append(credentials)
    servers.channels_line = write_credentials(credentials, env)
    started = time.monotonic()
    try:
        actions = servers.spawn("actions", [sys.executable, "-m", "actions", "--port", str(servers.action_port)])
        origins = allowed_origins(env.get(ORIGINS_ENV))
        rasa = servers.spawn("rasa", [*RASA_SERVER, "run", "--model", str(model), "--endpoints", str(ENDPOINTS),
                              "--credentials", str(credentials), "--interface", "127.0.0.1",
                              "--port", str(servers.port), *(["--cors", *origins] if origins else [])])
        wait_for(f"{servers.action_url}/health", actions)
        wait_for(f"{servers.url}/", rasa)
    except BaseException:
        servers.stop()
        raise
    servers.startup_seconds = time.monotonic() - started
    return servers
