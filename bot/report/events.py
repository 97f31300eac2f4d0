"""Read the conversations from the tracker store, through Rasa's documented SQL schema.

The store is the one ``endpoints.yml`` names for the Rasa server (SQLite by default,
PostgreSQL when ``TRACKER_DIALECT`` and the other ``TRACKER_*`` variables say so). Its
URL is built by Rasa's own ``SQLTrackerStore.get_db_url`` and its table is Rasa's
``SQLTrackerStore.SQLEvent`` (``events``: ``sender_id``, ``type_name``, ``timestamp``,
``data``, the event as JSON). Rows are streamed in one query, conversation by
conversation, instead of building a tracker per conversation: 10,000 conversations
take seconds. The store is only read; a missing or unreachable store is an error that
says so, never a wait (Rasa's own constructor retries a database that is down forever).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore

from bot.channels.stores import ENV_DEFAULTS


class StoreUnreadable(RuntimeError):
    """The tracker store cannot be read; the message says which and why."""


class StoreMissing(StoreUnreadable):
    """The SQLite file is not there (no conversation has reached the server yet, or a wrong path)."""


@dataclass(frozen=True)
class Where:
    """Which store to read: Rasa's SQL settings (``endpoints.yml``'s ``tracker_store``)."""

    dialect: str = "sqlite"
    host: str | None = None
    port: int | None = None
    db: str = ENV_DEFAULTS["TRACKER_DB"]
    username: str | None = None
    password: str | None = None

    @classmethod
    def from_environment(cls, env: dict[str, str] | None = None) -> Where:
        """The store the server uses: the ``TRACKER_*`` variables, else one machine's SQLite file."""
        env = {**ENV_DEFAULTS, **(os.environ if env is None else env)}
        port = env.get("TRACKER_PORT") or None
        if port is not None and not port.isdigit():
            raise StoreUnreadable(f"TRACKER_PORT is {port!r}, not a port number")
        return cls(dialect=env.get("TRACKER_DIALECT") or "sqlite", host=env.get("TRACKER_HOST") or None,
                   port=int(port) if port else None, db=env.get("TRACKER_DB") or ENV_DEFAULTS["TRACKER_DB"],
                   username=env.get("TRACKER_USER") or None, password=env.get("TRACKER_PASSWORD") or None)

    def describe(self) -> str:
        """The store, without its password."""
        if self.dialect == "sqlite":
            return f"SQLite {self.db}"
        return f"{self.dialect} database {self.db} on {self.host or 'localhost'}:{self.port or 'default port'}"


@dataclass
class Event:
    """One stored event: its type (``user``, ``bot``, ``slot``, ...), time, and Rasa's JSON."""

    type: str
    timestamp: float
    data: dict[str, Any]


def conversations(where: Where, since: float | None = None, until: float | None = None
                  ) -> Iterator[tuple[str, list[Event]]]:
    """Each conversation's id and its events in order, with events from ``since`` to ``until`` (Unix times).

    Raises:
        StoreMissing: the SQLite file is not there.
        StoreUnreadable: the database cannot be reached or read, or its dialect has no driver here.
    """
    if where.dialect == "sqlite" and not Path(where.db).is_file():
        raise StoreMissing(f"there is no conversation store at {where.db} (the Rasa server creates it "
                           "when the first message arrives)")
    try:
        engine = sa.create_engine(SQLTrackerStore.get_db_url(
            where.dialect, where.host, where.port, where.db, where.username, where.password))
    except (sa.exc.SQLAlchemyError, ImportError) as error:
        raise StoreUnreadable(f"cannot open {where.describe()}: {error}") from None
    table = SQLTrackerStore.SQLEvent.__table__
    query = sa.select(table.c.sender_id, table.c.type_name, table.c.timestamp, table.c.data)
    if since is not None:
        query = query.where(table.c.timestamp >= since)
    if until is not None:
        query = query.where(table.c.timestamp < until)
    query = query.order_by(table.c.sender_id, table.c.id)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table(table.name):
                return  # a store no conversation has reached yet
            current, events = None, []
            for sender_id, type_name, timestamp, data in connection.execution_options(
                    stream_results=True, yield_per=5000).execute(query):
                if sender_id != current:
                    if events:
                        yield current, events
                    current, events = sender_id, []
                try:
                    parsed = json.loads(data or "{}")
                except ValueError:
                    continue  # an event some other writer mangled: skipped, not fatal
                events.append(Event(type_name, float(timestamp or 0.0), parsed if isinstance(parsed, dict) else {}))
            if events:
                yield current, events
    except sa.exc.SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error  # the driver's own error, when there is one
        raise StoreUnreadable(f"cannot read the conversations in {where.describe()}: "
                              f"{type(cause).__name__}: {str(cause).strip()}") from None
    finally:
        engine.dispose()
