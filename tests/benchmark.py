"""`make bench`: latency, throughput, memory, training and start-up figures, printed.

Starts both servers on free loopback ports with the trained model, sends a fixed
mix of messages over REST (answers that run a custom action, and greet, which
runs none), from 1 client and from 8 concurrent clients, and the same custom-action
questions through the widget's socket.io channel (time to the first reply; python-
socketio's client over long-polling, slower than a browser's WebSocket), and prints
p50/p95 latency, throughput, the ratio of the two p50s, the resident memory of both
server processes, the start-up time to the first answer, the report's time on 10,000
synthetic conversations, and the training time.
Bounded: a fixed number of requests, loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bot.launch.servers import RASA, start_servers
from bot.paths import MODEL, ROOT

ACTION_MESSAGES = [
    "what is kpo",
    "how scalable is kpo",
    "give me examples of bpo",
    "payroll: bpo or kpo?",
    "what do bpo and kpo have in common",
    "contract review, bpo or kpo",
    "why is kpo talent intensive",
    "is payroll an example of kpo",
]
NO_ACTION_MESSAGES = ["hi", "hello", "good morning"]
#: The report's figure: a synthetic store of this many conversations (tests/report_store.py).
REPORT_CONVERSATIONS = 10_000


def send(url: str, sender: str, text: str) -> float:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as reply:
        messages = json.load(reply)
    elapsed = time.perf_counter() - started
    if not messages:
        raise RuntimeError(f"no reply to {text!r}")
    return elapsed


def run_client(url: str, messages: list[str], rounds: int) -> list[float]:
    """One client: a new conversation every len(messages) messages, as people do."""
    latencies = []
    for _ in range(rounds):
        sender = f"bench-{uuid.uuid4().hex[:8]}"
        for text in messages:
            latencies.append(send(url, sender, text))
    return latencies


def measure(url: str, messages: list[str], clients: int, rounds: int) -> dict[str, float]:
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(lambda _: run_client(url, messages, rounds), range(clients)))
    return summary([x for r in results for x in r], time.perf_counter() - started)


async def widget_latencies(url: str, messages: list[str], rounds: int) -> list[float]:
    """One widget: each round a new session; seconds from sending to the first reply."""
    import socketio

    client = socketio.AsyncClient(reconnection=False)
    replies: asyncio.Queue[float] = asyncio.Queue()
    confirmed: asyncio.Queue[str] = asyncio.Queue()
    client.on("bot_uttered", lambda _: replies.put_nowait(time.perf_counter()))
    client.on("session_confirm", confirmed.put_nowait)
    await client.connect(url, transports=["polling"], socketio_path="/socket.io")
    latencies = []
    try:
        for _ in range(rounds):
            await client.emit("session_request", {"session_id": None})
            session = await asyncio.wait_for(confirmed.get(), 10)
            for text in messages:
                started = time.perf_counter()
                await client.emit("user_uttered", {"message": text, "session_id": session, "structured": True})
                latencies.append(await asyncio.wait_for(replies.get(), 60) - started)
                await asyncio.sleep(0.2)  # the rest of the turn's messages, not timed
                while not replies.empty():
                    replies.get_nowait()
    finally:
        await client.eio.disconnect(abort=True)  # a polite disconnect waits out a long-poll
    return latencies


def summary(latencies: list[float], wall: float | None = None) -> dict[str, float]:
    latencies = sorted(latencies)
    return {
        "n": len(latencies),
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "throughput": len(latencies) / wall if wall else float("nan"),
    }


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def training_seconds() -> float:
    with tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
        started = time.perf_counter()
        subprocess.run(
            [str(RASA), "train", "--config", "config.yml", "--domain", "domain.yml", "--data", "data/nlu",
             "data/stories", "build/nlu", "--out", out, "--quiet", "--force"],
            cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        return time.perf_counter() - started


def report_figures(conversations: int = REPORT_CONVERSATIONS) -> tuple[int, float, float]:
    """Events in a synthetic store of ``conversations``, and the report's whole-process seconds and peak MB on it.

    The peak is the largest of this process's children so far: call it before starting any other.
    """
    import resource
    import sqlite3

    from tests.report_store import synthetic, write_store

    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "conversations.db"
        write_store(store, synthetic(conversations))
        with sqlite3.connect(store) as connection:
            events = connection.execute("SELECT count(*) FROM events").fetchone()[0]
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot.report", "--db", str(store), "--out", str(Path(folder) / "r.html")],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
    return events, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmark")
    parser.add_argument("--model", default=str(MODEL))
    parser.add_argument("--rounds", type=int, default=5, help="conversations per client and kind")
    parser.add_argument("--skip-training", action="store_true")
    args = parser.parse_args()
    # first, while it is the only child process so far: the peak memory of children is its own
    report = report_figures()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with start_servers(args.model, tracker_db=Path(folder) / "tracker.db") as servers:
            send(servers.webhook, "bench-first", "what is kpo")
            first_answer = time.perf_counter() - started
            for text in ACTION_MESSAGES + NO_ACTION_MESSAGES:  # warm up
                send(servers.webhook, "bench-warm", text)
            rows = []
            for clients in (1, 8):
                action = measure(servers.webhook, ACTION_MESSAGES, clients, args.rounds)
                plain = measure(servers.webhook, NO_ACTION_MESSAGES * 3, clients, args.rounds)
                rows.append((clients, action, plain))
            widget = summary(asyncio.run(widget_latencies(servers.url, ACTION_MESSAGES, args.rounds)))
            memory = {name: rss_mb(p.pid) for name, p in zip(("action server", "rasa server"), servers.processes, strict=False)}
    print(f"start-up to first answer: {first_answer:.1f} s")
    print(f"{'clients':>7} {'kind':<14} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7}")
    for clients, action, plain in rows:
        for kind, row in (("custom action", action), ("no action", plain)):
            print(f"{clients:>7} {kind:<14} {row['n']:>5} {row['p50']:>8.1f} {row['p95']:>8.1f} {row['throughput']:>7.1f}")
        print(f"{clients:>7} p50 ratio custom/no-action: {action['p50'] / plain['p50']:.2f} (target <= 1.5)")
    print(f"{1:>7} {'widget, custom':<14} {widget['n']:>5} {widget['p50']:>8.1f} {widget['p95']:>8.1f}   "
          "(socket.io over long-polling, to the first reply)")
    for name, mb in memory.items():
        print(f"resident memory, {name}: {mb:.0f} MB" + (" (target < 200 MB)" if name == "action server" else ""))
    events, seconds, peak = report
    print(f"report (make report) on {REPORT_CONVERSATIONS:,} conversations ({events:,} events): {seconds:.1f} s, "
          f"peak memory {peak:.0f} MB (whole process)")
    if not args.skip_training:
        print(f"training time (forced, fresh output): {training_seconds():.0f} s (target < 180 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
