"""`make soak`: reliability figures under load and under faults, printed.

Starts both servers on free loopback ports with the trained model and a fresh
SQLite tracker store, then measures over REST, each figure from what was sent and
what came back and was stored:

- load: ``--conversations`` people at once (default 100), each asking ``--turns``
  questions in a row: errors, p50/p95 latency, and messages lost (accepted by the
  server but not answered, or answered but not stored in the tracker store);
- bursts from one sender: 10 and 60 messages at once, time to the last reply, all
  stored once;
- faults, each followed by a question: a hung action server (stopped, not dead), a
  dead one, and the Rasa server killed; what the person got meanwhile, how long it
  took, and the time until the assistant answered again (context kept).

Bounded: a fixed number of requests, loopback only. Exits 1 if any message was lost.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import statistics
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bot.channels.guard import NO_REPLY
from bot.launch.servers import Servers, start_servers
from bot.paths import MODEL

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

    def percentile(self, share: float) -> float:
        """Latency at ``share`` (0.5, 0.95) in milliseconds."""
        ordered = sorted(s.seconds for s in self.sent)
        return (statistics.median(ordered) if share == 0.5 else ordered[int(share * (len(ordered) - 1))]) * 1000


def send(servers: Servers, sender: str, text: str, timeout: float = 120) -> Sent:
    """One REST message, timed."""
    sent = Sent(sender, text)
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(servers.webhook, data=body, headers={"Content-Type": "application/json"})
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


def conversation(servers: Servers, turns: int) -> list[Sent]:
    """One person asking ``turns`` questions in a row."""
    sender = f"soak-{uuid.uuid4().hex[:12]}"
    return [send(servers, sender, QUESTIONS[i % len(QUESTIONS)]) for i in range(turns)]


def load(servers: Servers, conversations: int, turns: int) -> Load:
    """``conversations`` people at once."""
    started = time.perf_counter()
    with ThreadPoolExecutor(conversations) as pool:
        results = list(pool.map(lambda _: conversation(servers, turns), range(conversations)))
    return Load([s for r in results for s in r], time.perf_counter() - started)


def burst(servers: Servers, size: int) -> Load:
    """``size`` messages at once from one sender."""
    sender = f"burst-{uuid.uuid4().hex[:12]}"
    texts = [f"{QUESTIONS[i % len(QUESTIONS)]} ({i})" for i in range(size)]
    started = time.perf_counter()
    with ThreadPoolExecutor(size) as pool:
        sent = list(pool.map(lambda text: send(servers, sender, text), texts))
    return Load(sent, time.perf_counter() - started)


def stored(servers: Servers) -> dict[str, list[str]]:
    """The user's words the tracker store holds, by REST sender (namespace dropped)."""
    by_sender: dict[str, list[str]] = {}
    with sqlite3.connect(servers.tracker_db) as db:
        for sender, text in db.execute(
                "SELECT sender_id, json_extract(data, '$.text') FROM events WHERE type_name = 'user' ORDER BY id"):
            by_sender.setdefault(sender.removeprefix("rest:"), []).append(text)
    return by_sender


def lost(servers: Servers, *loads: Load) -> int:
    """Messages the server took but did not answer, or answered but did not store once.

    Taken: anything but a refused connection. A timeout, a 5xx or an empty reply counts as
    lost, and so does a 200 whose words the tracker store does not hold exactly once.
    """
    kept = stored(servers)
    count = 0
    for batch in loads:
        for s in batch.sent:
            refused = s.status == 0 and "Connection refused" in s.error
            answered = s.status == 200 and s.reply
            if not refused and (not answered or kept.get(s.sender, []).count(s.text) != 1):
                count += 1
    return count


def until_answered(servers: Servers, sender: str, text: str, expect: str, limit: float = 120) -> float:
    """Seconds until ``text`` gets an answer containing ``expect`` (asked again every half second)."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if expect in send(servers, sender, text, timeout=30).reply:
            return time.perf_counter() - started
        time.sleep(0.5)
    return float("inf")


@dataclass
class Fault:
    """What a person saw during one fault, and when the assistant answered again."""

    name: str
    reply: str
    seconds: float
    recovered: float
    context_kept: bool
    stored: bool


def fault(servers: Servers, name: str, inject: Callable[[], None], heal: Callable[[], None]) -> Fault:
    """Ask a question, inject the fault, ask again, heal it, and time the recovery of the same conversation."""
    sender = f"fault-{uuid.uuid4().hex[:12]}"
    send(servers, sender, "what is kpo")
    inject()
    during = send(servers, sender, "how complex is it?", timeout=120)
    healing = time.perf_counter()
    heal()
    recovered = until_answered(servers, sender, "what about its risks?", "Strategic Risks")  # KPO from the context
    recovered += time.perf_counter() - healing - recovered if recovered != float("inf") else 0
    kept = stored(servers).get(sender, [])
    return Fault(name, during.reply or during.error or f"HTTP {during.status}", during.seconds, recovered,
                 recovered != float("inf"), "how complex is it?" in kept)


def faults(servers: Servers) -> list[Fault]:
    """The single machine's faults: a hung and a dead action server, a killed Rasa server."""
    actions = lambda: servers.processes[0]  # noqa: E731 - the current process, replaced by restarts
    rasa = lambda: servers.processes[1]  # noqa: E731
    found = [
        fault(servers, "action server hung (SIGSTOP)", lambda: os.kill(actions().pid, signal.SIGSTOP),
              lambda: os.kill(actions().pid, signal.SIGCONT)),
        fault(servers, "action server dead, then restarted", lambda: (actions().kill(), actions().wait()),
              lambda: servers.restart("actions")),
    ]
    # A killed Rasa server cannot answer until it is back: the person's client sees a refused connection.
    found.append(fault(servers, "Rasa server killed, then restarted", lambda: (rasa().kill(), rasa().wait()),
                       lambda: servers.restart("rasa")))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.soak")
    parser.add_argument("--model", default=str(MODEL))
    parser.add_argument("--conversations", type=int, default=100, help="people at once")
    parser.add_argument("--turns", type=int, default=5, help="questions each")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, \
            start_servers(args.model, tracker_db=Path(folder) / "tracker.db", log_dir=Path(folder) / "logs") as servers:
        servers.tracker_db = Path(folder) / "tracker.db"
        send(servers, "soak-warm", "what is kpo")
        held = load(servers, args.conversations, args.turns)
        ten, sixty = burst(servers, 10), burst(servers, 60)
        missing = lost(servers, held, ten, sixty)
        found = faults(servers)
    print(f"{args.conversations} conversations at once, {args.turns} questions each ({len(held.sent)} messages, "
          f"{held.wall:.1f} s): errors {len(held.errors)}, p50 {held.percentile(0.5):.0f} ms, "
          f"p95 {held.percentile(0.95):.0f} ms, {len(held.sent) / held.wall:.1f} messages/s")
    for size, batch in ((10, ten), (60, sixty)):
        print(f"one sender, {size} messages at once: errors {len(batch.errors)}, last reply after "
              f"{max(s.seconds for s in batch.sent):.2f} s" + (" (target <= 2 s)" if size == 10 else ""))
    print(f"messages lost (accepted, but not answered or not stored once): {missing} (must be 0)")
    for f in found:
        said = "the polite reply" if f.reply == NO_REPLY else repr(f.reply[:70])
        print(f"{f.name}: the person got {said} after {f.seconds:.2f} s; turn stored: {'yes' if f.stored else 'no'}; "
              f"answering again (context kept) {f.recovered:.1f} s after healing began (restart included)")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
