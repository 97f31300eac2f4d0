"""Conversation stores written directly in Rasa's schema, for the report's tests and `make bench`."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore

Row = tuple[str, str, float, dict[str, Any]]  # sender, event type, Unix time, the rest of the event

#: Questions of the synthetic conversations: (text, intent, answer record without id).
QUESTIONS = [
    ("what is KPO?", "define", {"outcome": "answered", "topic": "define", "concept": "KPO"}),
    ("how scalable is BPO?", "compare", {"outcome": "answered", "topic": "aspect", "aspect": "Scalability",
                                         "concept": "BPO"}),
    ("is KPO cheaper than BPO?", "compare", {"outcome": "answered", "topic": "characteristic",
                                             "characteristic": "Cost Efficiency"}),
    ("payroll: BPO or KPO?", "recommend", {"outcome": "answered", "topic": "recommend", "concept": "BPO",
                                           "task": "payroll"}),
    ("how is confidential data protected in KPO?", "define", {"outcome": "not_covered", "topic": "define"}),
    ("what does a KPO analyst earn per year?", "define", {"outcome": "not_covered"}),
    ("what's the weather in Paris?", "out_of_scope", {"outcome": "scope"}),
    ("asdf qwerty", "nlu_fallback", {"outcome": "clarify"}),
]


#: Words that make the unanswered questions' wordings many and varied, as real ones are.
TOPICS = ("pricing contracts security audits tenders vendors insurance offshore hiring training turnover taxes "
          "invoices compliance privacy penalties exit transition governance metrics holidays overtime languages "
          "timezones escalation warranties licensing onboarding termination benchmarks disputes").split()


def write_store(path: str | Path, rows: Iterable[Row]) -> None:
    """A SQLite store with Rasa's own schema (``SQLTrackerStore.SQLEvent``) holding ``rows``."""
    engine = sa.create_engine(f"sqlite:///{path}")
    SQLTrackerStore.Base.metadata.create_all(engine)
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) VALUES (?,?,?,?,?,?)",
            ((s, t, ts, ((d.get("parse_data") or {}).get("intent") or {}).get("name"), d.get("name"),
              json.dumps({"event": t, "timestamp": ts, **d})) for s, t, ts, d in rows))


def synthetic(conversations: int, start: float = 1_780_000_000.0, seed: int = 13) -> Iterator[Row]:
    """``conversations`` conversations over 30 days: three questions each, some rated, one in ten classifying."""
    chance = random.Random(seed)
    channels = ["socketio", "slack", "rest", "terminal"]
    for number in range(conversations):
        channel = chance.choice(channels)
        sender = f"{channel}:{number:08x}"
        t = start + chance.random() * 30 * 86_400
        yield sender, "action", t, {"name": "action_session_start"}
        yield sender, "session_started", t, {}
        for turn in range(3):
            text, intent, record = chance.choice(QUESTIONS)
            if record["outcome"] != "answered":
                text = f"{text[:-1]} and {chance.choice(TOPICS)} for {chance.choice(TOPICS)}?"
            t += 20
            answer_id = f"{number:08x}{turn:08x}"
            yield sender, "action", t, {"name": "action_listen"}
            yield sender, "user", t, {"text": text, "parse_data": {"intent": {"name": intent}}, "input_channel": channel}
            yield sender, "action", t + 1, {"name": f"action_{intent}"}
            yield sender, "bot", t + 1, {"text": "...", "metadata": {"answer": {"id": answer_id, "document": "ab" * 32,
                                                                                **record}}}
            yield sender, "slot", t + 1, {"name": "topic", "value": record.get("topic")}
            if chance.random() < 0.1:
                yield sender, "slot", t + 5, {"name": "feedback", "value": {"answer": answer_id,
                                                                             "rating": chance.choice(["up", "down"])}}
        if number % 10 == 0:
            yield sender, "active_loop", t + 30, {"name": "classify_form"}
            yield sender, "slot", t + 30, {"name": "classify_question", "value": "complexity"}
            if number % 20 == 0:
                yield sender, "action", t + 60, {"name": "classify_form"}
                yield sender, "active_loop", t + 60, {"name": None}
                yield sender, "action", t + 60, {"name": "action_classify_result"}
