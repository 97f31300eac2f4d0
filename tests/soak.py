"""`make soak`: reliability figures under load and under faults, one machine and the cluster side by side.

Starts the single machine (both servers on free loopback ports, a fresh SQLite tracker
store), measures it and stops it; then the cluster (``bot/launch/cluster.py``: PostgreSQL,
Redis, two Rasa and two action servers behind HAProxy), measured the same way through
its load balancer. Each figure comes from what was sent over REST, what came back and
what the tracker store holds:

- load: ``--conversations`` people at once (default 100), each asking ``--turns``
  questions in a row: errors, p50/p95 latency, throughput;
- bursts from one sender: 10 and 60 messages at once (on the cluster spread over both
  Rasa servers), the time to the last reply;
- messages lost: taken by a server but not answered, or answered but not stored once;
- faults, each in the middle of a conversation: what the person got, how long it took,
  and the time from the fault until the assistant answered again with the context.
  One machine: a hung action server (stopped, not dead), a dead one (restarted), the
  Rasa server killed (restarted). The cluster: a Rasa server killed, Redis restarted,
  PostgreSQL restarted.

``--only single`` or ``--only cluster`` measures one. Bounded: a fixed number of requests,
loopback only. Exits 1 if any message was lost.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bot.channels.guard import FAILED_REPLY, NO_REPLY
from bot.launch.cluster import Cluster, missing_programs, start_cluster
from bot.launch.servers import Servers, start_servers
from bot.paths import MODEL
from tests.benchmark import summary

QUESTIONS = [
    "what is kpo", "how scalable is bpo", "give me examples of kpo", "payroll: bpo or kpo?",
    "what do bpo and kpo have in common", "why is kpo talent intensive", "and bpo?", "what about its risks?",
]


@dataclass
class Sent:
    """One message: who sent it, what, and what came back."""

    sender: str
    text: str
    seconds: float = 0.0
    status: int = 0
    reply: str = ""
    error: str = ""


@dataclass
class Load:
    """What a batch of messages came to."""

    sent: list[Sent] = field(default_factory=list)
    wall: float = 0.0

    @property
    def errors(self) -> list[Sent]:
        """Messages that got no HTTP 200 with a reply."""
        return [s for s in self.sent if s.status != 200 or not s.reply]

    def figures(self) -> dict[str, float]:
        """p50 and p95 latency (ms) and throughput, as ``make bench`` computes them."""
        return summary([s.seconds for s in self.sent], self.wall)


def send(url: str, sender: str, text: str, timeout: float = 120) -> Sent:
    """One REST message to the webhook at ``url``, timed."""
    sent = Sent(sender, text)
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            sent.status = reply.status
            sent.reply = "\n".join(m.get("text", "") for m in json.load(reply))
    except urllib.error.HTTPError as error:
        sent.status, sent.error = error.code, error.read().decode(errors="replace")[:200]
    except (OSError, ValueError) as error:
        sent.error = f"{type(error).__name__}: {error}"
    sent.seconds = time.perf_counter() - started
    return sent


@dataclass
class Target:
    """What is measured: where people send (``webhook``), where a burst is spread, and how to read what is stored.

    Attributes:
        name: "one machine" or "cluster".
        webhook: The REST webhook people use (the server, or the load balancer).
        spread: Webhooks a one-sender burst is spread over, in turn.
        stored: The user's words stored, by REST sender (namespace dropped).
    """

    name: str
    webhook: str
    spread: list[str]
    stored: Callable[[], dict[str, list[str]]]


def conversation(target: Target, turns: int) -> list[Sent]:
    """One person asking ``turns`` questions in a row."""
    sender = f"soak-{uuid.uuid4().hex[:12]}"
    return [send(target.webhook, sender, QUESTIONS[i % len(QUESTIONS)]) for i in range(turns)]


def load(target: Target, conversations: int, turns: int) -> Load:
    """``conversations`` people at once."""
    started = time.perf_counter()
    with ThreadPoolExecutor(conversations) as pool:
        results = list(pool.map(lambda _: conversation(target, turns), range(conversations)))
    return Load([s for r in results for s in r], time.perf_counter() - started)


def burst(target: Target, size: int) -> Load:
    """``size`` messages at once from one sender, spread over ``target.spread``."""
    sender = f"burst-{uuid.uuid4().hex[:12]}"
    texts = [f"{QUESTIONS[i % len(QUESTIONS)]} ({i})" for i in range(size)]
    started = time.perf_counter()
    with ThreadPoolExecutor(size) as pool:
        sent = list(pool.map(lambda i: send(target.spread[i % len(target.spread)], sender, texts[i]), range(size)))
    return Load(sent, time.perf_counter() - started)


def sqlite_stored(path: Path) -> Callable[[], dict[str, list[str]]]:
    """How to read the user's words from the SQLite tracker store at ``path``."""

    def read() -> dict[str, list[str]]:
        with sqlite3.connect(path) as db:
            return by_sender(db.execute(
                "SELECT sender_id, json_extract(data, '$.text') FROM events WHERE type_name = 'user' ORDER BY id"))

    return read


def postgres_stored(env: dict[str, str]) -> Callable[[], dict[str, list[str]]]:
    """How to read the user's words from the PostgreSQL tracker store ``env`` names."""

    def read() -> dict[str, list[str]]:
        import psycopg2

        with psycopg2.connect(host=env["TRACKER_HOST"], port=env["TRACKER_PORT"], dbname=env["TRACKER_DB"],
                              user=env["TRACKER_USER"], password=env["TRACKER_PASSWORD"]) as db, db.cursor() as cursor:
            cursor.execute("SELECT sender_id, data::json->>'text' FROM events WHERE type_name = 'user' ORDER BY id")
            return by_sender(cursor.fetchall())

    return read


def by_sender(rows: object) -> dict[str, list[str]]:
    """``(sender_id, text)`` rows grouped by REST sender."""
    grouped: dict[str, list[str]] = {}
    for sender, text in rows:
        grouped.setdefault(sender.removeprefix("rest:"), []).append(text)
    return grouped


def lost(target: Target, *loads: Load) -> int:
    """Messages a server took but did not answer, or answered but did not store once.

    Taken: anything but a refused connection. A timeout, a 5xx or an empty reply counts as
    lost, and so does a 200 whose words the tracker store does not hold exactly once.
    """
    kept = target.stored()
    count = 0
    for batch in loads:
        for s in batch.sent:
            refused = s.status == 0 and "Connection refused" in s.error
            answered = s.status == 200 and s.reply
            if not refused and (not answered or kept.get(s.sender, []).count(s.text) != 1):
                count += 1
    return count


@dataclass
class Fault:
    """What a person saw during one fault, and when the assistant answered again."""

    name: str
    reply: str
    seconds: float
    recovered: float
    stored: bool

    def saw(self) -> str:
        """What the person saw, in a few words."""
        if self.reply == NO_REPLY:
            return "the unreachable-service reply"
        if self.reply == FAILED_REPLY:
            return "the something-went-wrong reply"
        if "KPO's complexity" in self.reply:
            return "the answer"
        return repr(self.reply[:60])


def fault(target: Target, name: str, inject: Callable[[], object], heal: Callable[[], object]) -> Fault:
    """Ask, inject the fault, ask again, heal it; time from the fault until an answer with the context."""
    sender = f"fault-{uuid.uuid4().hex[:12]}"
    send(target.webhook, sender, "what is kpo")
    inject()
    began = time.perf_counter()
    during = send(target.webhook, sender, "how complex is it?", timeout=120)
    recovered = time.perf_counter() - began if "KPO's complexity" in during.reply else None
    heal()
    while recovered is None and time.perf_counter() - began < 300:
        if "Strategic Risks" in send(target.webhook, sender, "what about its risks?", timeout=30).reply:
            recovered = time.perf_counter() - began
        else:
            time.sleep(0.5)
    reply = during.reply or during.error or f"HTTP {during.status}"
    kept = target.stored().get(sender, [])
    return Fault(name, reply, during.seconds, float("inf") if recovered is None else recovered,
                 "how complex is it?" in kept)


def single_faults(target: Target, servers: Servers) -> list[Fault]:
    """The single machine's faults: a hung and a dead action server, a killed Rasa server."""
    actions = lambda: servers.process("actions")  # noqa: E731 - the current process, replaced by restarts
    rasa = lambda: servers.process("rasa")  # noqa: E731
    return [
        fault(target, "action server hung (SIGSTOP)", lambda: os.kill(actions().pid, signal.SIGSTOP),
              lambda: os.kill(actions().pid, signal.SIGCONT)),
        fault(target, "action server dead, restarted", lambda: (actions().kill(), actions().wait()),
              lambda: servers.restart("actions")),
        fault(target, "Rasa server killed, restarted", lambda: (rasa().kill(), rasa().wait()),
              lambda: servers.restart("rasa")),
    ]


def cluster_faults(target: Target, cluster: Cluster) -> list[Fault]:
    """The cluster's faults: a Rasa server killed (and restarted), Redis and PostgreSQL restarted."""
    return [
        fault(target, "a Rasa server killed, restarted", lambda: cluster.kill("rasa1"), lambda: cluster.restart("rasa1")),
        fault(target, "Redis restarted", lambda: cluster.halt("redis"), lambda: cluster.restart("redis")),
        fault(target, "PostgreSQL restarted", lambda: cluster.halt("postgres"), lambda: cluster.restart("postgres")),
    ]


@dataclass
class Figures:
    """One setup's figures."""

    target: Target
    held: Load
    ten: Load
    sixty: Load
    lost: int
    faults: list[Fault]


def measure(target: Target, conversations: int, turns: int, faults: Callable[[], list[Fault]]) -> Figures:
    """Load, bursts, lost messages, then the faults, on one setup."""
    send(target.webhook, "soak-warm", "what is kpo")
    held = load(target, conversations, turns)
    ten, sixty = burst(target, 10), burst(target, 60)
    return Figures(target, held, ten, sixty, lost(target, held, ten, sixty), faults())


def single(model: str, conversations: int, turns: int) -> Figures:
    """The one-machine default, measured."""
    with tempfile.TemporaryDirectory() as folder, \
            start_servers(model, tracker_db=Path(folder) / "tracker.db", log_dir=Path(folder) / "logs") as servers:
        target = Target("one machine", servers.webhook, [servers.webhook], sqlite_stored(Path(folder) / "tracker.db"))
        return measure(target, conversations, turns, lambda: single_faults(target, servers))


def clustered(model: str, conversations: int, turns: int) -> Figures:
    """The cluster, measured through its load balancer."""
    with tempfile.TemporaryDirectory() as folder, start_cluster(model, Path(folder) / "cluster") as cluster:
        spread = [f"{cluster.rasa_url(i)}/webhooks/rest/webhook" for i in (0, 1)]
        target = Target("cluster", cluster.webhook, spread, postgres_stored(cluster.env))
        return measure(target, conversations, turns, lambda: cluster_faults(target, cluster))


def report(results: list[Figures], conversations: int, turns: int) -> str:
    """The figures as a table, one column per setup, then each setup's faults."""
    width = 34
    rows = [("", [f.target.name for f in results])]
    rows.append((f"{conversations} at once x {turns}: errors", [str(len(f.held.errors)) for f in results]))
    figures = [f.held.figures() for f in results]
    rows.append(("  p50 / p95 ms", [f"{x['p50']:.0f} / {x['p95']:.0f}" for x in figures]))
    rows.append(("  messages/s", [f"{x['throughput']:.1f}" for x in figures]))
    for size in (10, 60):
        rows.append((f"one sender, {size} at once: errors", [str(len((f.ten if size == 10 else f.sixty).errors))
                                                             for f in results]))
        rows.append(("  last reply s" + (" (target <= 2)" if size == 10 else ""),
                     [f"{max(s.seconds for s in (f.ten if size == 10 else f.sixty).sent):.2f}" for f in results]))
    rows.append(("messages lost (must be 0)", [str(f.lost) for f in results]))
    lines = [f"{label:<{width}}" + "".join(f"{value:>16}" for value in values) for label, values in rows]
    for f in results:
        lines.append(f"\nfaults, {f.target.name} (what the person got; from the fault to an answer with the context):")
        lines += [f"  {x.name:<34} {x.saw()} after {x.seconds:.2f} s, turn stored: {'yes' if x.stored else 'no'}; "
                  f"answering again after {x.recovered:.1f} s" for x in f.faults]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.soak")
    parser.add_argument("--model", default=str(MODEL))
    parser.add_argument("--conversations", type=int, default=100, help="people at once")
    parser.add_argument("--turns", type=int, default=5, help="questions each")
    parser.add_argument("--only", choices=("single", "cluster"), help="measure one setup")
    args = parser.parse_args()
    results = []
    if args.only != "cluster":
        results.append(single(args.model, args.conversations, args.turns))
    if args.only != "single":
        if missing_programs():
            print(f"the cluster needs Debian's {', '.join(missing_programs())} (make services); measured one machine",
                  file=sys.stderr)
        else:
            results.append(clustered(args.model, args.conversations, args.turns))
    print(report(results, args.conversations, args.turns))
    return 1 if any(f.lost for f in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
