"""The Rasa server's shared state: conversations, conversation locks, Slack's answered event ids.

One machine keeps everything local: SQLite for conversations, locks in memory, answered
Slack ids in a SQLite file. Past one machine every Rasa server shares PostgreSQL and
Redis. ``endpoints.yml`` names the classes below and the environment chooses:

- :class:`SQLTrackerStore`: Rasa's SQL tracker store (``TRACKER_DIALECT`` ``sqlite`` or
  ``postgresql``, ``TRACKER_HOST``, ``TRACKER_PORT``, ``TRACKER_DB``, ``TRACKER_USER``,
  ``TRACKER_PASSWORD``, ``TRACKER_LOGIN_DB``), reading an empty setting (an unused
  variable) as not given, so one file serves both.
- :class:`LockStore`: Rasa's Redis lock store when ``REDIS_HOST`` is set (``REDIS_PORT``,
  ``REDIS_DB``, ``REDIS_PASSWORD``), else its in-memory one. Rasa retries a taken lock
  every second, so a burst of ten messages from one sender took up to nine seconds;
  these retry every ``wait_seconds`` (default :data:`WAIT_SECONDS`).
- :func:`answered_events`: Slack's answered event ids, in Redis (set-if-absent with an
  expiry) when ``REDIS_HOST`` is set, so a retry that reaches another server is still
  answered once, else in a SQLite file (``SLACK_EVENTS_DB``).
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

from rasa.core import lock_store as rasa_locks
from rasa.core.lock import TicketLock
from rasa.core.tracker_store import SQLTrackerStore as RasaSQLTrackerStore
from rasa.utils.endpoints import EndpointConfig

from bot.paths import CONVERSATIONS, SLACK_EVENTS

#: Seconds between two attempts to take a conversation's lock.
WAIT_SECONDS = 0.02
#: How long answered Slack event ids are remembered (Slack retries within the hour).
KEEP_IDS_SECONDS = 24 * 3600
REDIS_HOST_ENV, REDIS_PORT_ENV, REDIS_DB_ENV, REDIS_PASSWORD_ENV = "REDIS_HOST", "REDIS_PORT", "REDIS_DB", "REDIS_PASSWORD"
#: The environment variable naming the SQLite file of answered Slack event ids (one machine).
EVENTS_DB_ENV = "SLACK_EVENTS_DB"
DEFAULT_REDIS_PORT, DEFAULT_REDIS_DB = 6379, 1
#: What ``endpoints.yml``'s store settings are when the environment leaves them out: one
#: machine (SQLite, locks in memory). Rasa refuses a ``${VAR}`` that is not set, so the
#: Rasa server's launcher (:mod:`bot.launch.rasa_server`) sets these first.
ENV_DEFAULTS = {
    "TRACKER_DIALECT": "sqlite", "TRACKER_HOST": "", "TRACKER_PORT": "", "TRACKER_DB": str(CONVERSATIONS),
    "TRACKER_USER": "", "TRACKER_PASSWORD": "", "TRACKER_LOGIN_DB": "",
    REDIS_HOST_ENV: "", REDIS_PORT_ENV: "", REDIS_DB_ENV: "", REDIS_PASSWORD_ENV: "",
}


def with_defaults(env: dict[str, str]) -> None:
    """Fill in ``env`` the store settings it leaves out (:data:`ENV_DEFAULTS`)."""
    for name, value in ENV_DEFAULTS.items():
        env.setdefault(name, value)


# -- conversations -------------------------------------------------------------------------


class SQLTrackerStore(RasaSQLTrackerStore):
    """Rasa's SQL tracker store, an empty setting read as not given (SQLite needs no host, user or port)."""

    def __init__(
        self,
        domain: Any = None,
        dialect: str = "sqlite",
        host: str | None = None,
        port: int | str | None = None,
        db: str = "rasa.db",
        username: str | None = None,
        password: str | None = None,
        event_broker: Any = None,
        login_db: str | None = None,
        query: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain, dialect or "sqlite", host or None, port or None, db, username or None,
                         password or None, event_broker, login_db or None, query, **kwargs)


# -- conversation locks ----------------------------------------------------------------------


class ShortWaits:
    """Mixin for a Rasa ``LockStore``: the wait between attempts read from the endpoint's ``wait_seconds``."""

    wait_seconds = WAIT_SECONDS

    def configure_wait(self, endpoint_config: EndpointConfig | None) -> None:
        """Read ``wait_seconds`` from ``endpoints.yml``'s ``lock_store`` section, if given."""
        kwargs = endpoint_config.kwargs if endpoint_config else {}
        self.wait_seconds = float(kwargs.get("wait_seconds") or WAIT_SECONDS)

    def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = rasa_locks.LOCK_LIFETIME,
        wait_time_in_seconds: float | None = None,
    ) -> AbstractAsyncContextManager[TicketLock]:
        """Rasa's lock of ``conversation_id``, retried every ``wait_seconds`` unless a wait is given."""
        wait = self.wait_seconds if wait_time_in_seconds is None else wait_time_in_seconds
        return super().lock(conversation_id, lock_lifetime, wait)  # type: ignore[misc]


class InMemoryLockStore(ShortWaits, rasa_locks.InMemoryLockStore):
    """Rasa's in-memory lock store (one Rasa server), with short waits."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **_: Any) -> None:
        super().__init__()
        self.configure_wait(endpoint_config)


class RedisLockStore(ShortWaits, rasa_locks.RedisLockStore):
    """Rasa's Redis lock store (several Rasa servers), with short waits; the host is the endpoint's ``url``."""

    def __init__(self, endpoint_config: EndpointConfig, **_: Any) -> None:
        kwargs = endpoint_config.kwargs
        super().__init__(host=endpoint_config.url, port=int(kwargs.get("port") or DEFAULT_REDIS_PORT),
                         db=int(kwargs.get("db") or DEFAULT_REDIS_DB), password=kwargs.get("password") or None,
                         key_prefix=kwargs.get("key_prefix") or None)
        self.configure_wait(endpoint_config)


class LockStore:
    """What ``endpoints.yml`` names: a :class:`RedisLockStore` when the endpoint has a ``url``, else in memory."""

    def __new__(cls, endpoint_config: EndpointConfig | None = None, **_: Any) -> rasa_locks.LockStore:  # type: ignore[misc]
        """The lock store the endpoint's settings ask for (Rasa calls this with ``endpoint_config=``)."""
        if endpoint_config is not None and endpoint_config.url:
            return RedisLockStore(endpoint_config)
        return InMemoryLockStore(endpoint_config)


# -- Slack's answered event ids ---------------------------------------------------------------


class AnsweredEvents:
    """The Slack event ids already answered, kept in a SQLite file so a restart does not forget them.

    Slack redelivers an event it thinks was missed, also after the server restarted; an
    id is kept for ``keep_seconds`` (a day), then dropped. The webhook and Socket Mode
    share one record, and so do servers that share the file.

    Args:
        path: The SQLite file (created with its folder if missing).
        keep_seconds: How long an id is remembered.
    """

    PRUNE_EVERY = 500

    def __init__(self, path: str | Path, keep_seconds: float = KEEP_IDS_SECONDS) -> None:
        self.path = Path(path)
        self.keep_seconds = keep_seconds
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=5)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS answered (event_id TEXT PRIMARY KEY, at REAL NOT NULL)")
        self._added = 0

    def seen(self, key: str) -> bool:
        """Whether ``key`` was answered before; remembers it either way."""
        now = time.time()
        added = self._db.execute("INSERT OR IGNORE INTO answered VALUES (?, ?)", (key, now)).rowcount == 1
        if not added:
            return True
        self._added += 1
        if self._added % self.PRUNE_EVERY == 0:
            self._db.execute("DELETE FROM answered WHERE at < ?", (now - self.keep_seconds,))
        return False


class RedisAnsweredEvents:
    """The Slack event ids already answered, in Redis: shared by every Rasa server.

    ``SET key 1 NX EX keep_seconds``: the first server to set an id answers it; any other
    delivery of it, to any server, finds it set.

    Args:
        host, port, db, password: Where Redis listens (as the lock store's).
        keep_seconds: How long an id is remembered.
    """

    PREFIX = "slack-answered:"

    def __init__(self, host: str, port: int = DEFAULT_REDIS_PORT, db: int = DEFAULT_REDIS_DB,
                 password: str | None = None, keep_seconds: float = KEEP_IDS_SECONDS) -> None:
        import redis

        self.keep_seconds = int(keep_seconds)
        self._redis = redis.Redis(host=host, port=port, db=db, password=password, socket_timeout=2,
                                  socket_connect_timeout=2)

    def seen(self, key: str) -> bool:
        """Whether ``key`` was answered before, by any server; remembers it either way."""
        return not self._redis.set(self.PREFIX + key, 1, nx=True, ex=self.keep_seconds)


def answered_events(env: dict[str, str] | None = None) -> AnsweredEvents | RedisAnsweredEvents:
    """Slack's record of answered event ids: in Redis when ``REDIS_HOST`` is set, else in ``SLACK_EVENTS_DB``."""
    env = os.environ if env is None else env
    if env.get(REDIS_HOST_ENV):
        return RedisAnsweredEvents(env[REDIS_HOST_ENV], int(env.get(REDIS_PORT_ENV) or DEFAULT_REDIS_PORT),
                                   int(env.get(REDIS_DB_ENV) or DEFAULT_REDIS_DB), env.get(REDIS_PASSWORD_ENV) or None)
    return AnsweredEvents(env.get(EVENTS_DB_ENV) or SLACK_EVENTS)
