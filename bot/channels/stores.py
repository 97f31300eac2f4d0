"""The Rasa server's shared state: conversations, conversation locks, Slack's answered event ids.

One machine keeps everything local: SQLite for conversations, locks in memory, answered
Slack ids in a SQLite file. Past one machine every Rasa server shares PostgreSQL and
Redis. ``endpoints.yml`` names the classes below and the environment chooses:

- :class:`SQLTrackerStore`: Rasa's SQL tracker store (``TRACKER_DIALECT`` ``sqlite`` or
  ``postgresql``, ``TRACKER_HOST``, ``TRACKER_PORT``, ``TRACKER_DB``, ``TRACKER_USER``,
  ``TRACKER_PASSWORD``, ``TRACKER_LOGIN_DB``), reading an empty setting (an unused
  variable) as not given, so one file serves both.
- :class:`LockStore`: a Redis lock store when ``REDIS_HOST`` is set (``REDIS_PORT``,
  ``REDIS_DB``, ``REDIS_PASSWORD``; :class:`RedisLockStore`, atomic where Rasa's is not),
  else Rasa's in-memory one. Rasa retries a taken lock every second, so a burst of ten
  messages from one sender took up to nine seconds; these retry every ``wait_seconds``
  (default :data:`WAIT_SECONDS`).
- :func:`answered_events`: Slack's answered event ids, in Redis (set-if-absent with an
  expiry) when ``REDIS_HOST`` is set, so a retry that reaches another server is still
  answered once, else in a SQLite file (``SLACK_EVENTS_DB``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from rasa.core import lock_store as rasa_locks
from rasa.core.lock import TicketLock
from rasa.core.tracker_store import SQLTrackerStore as RasaSQLTrackerStore
from rasa.core.tracker_store import create_engine_kwargs
from rasa.utils.endpoints import EndpointConfig

from bot.paths import CONVERSATIONS, SLACK_EVENTS

logger = logging.getLogger(__name__)

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
    """Rasa's SQL tracker store, an empty setting read as not given (SQLite needs no host, user or port).

    On PostgreSQL its connections are checked before use (``pool_pre_ping``): after the
    database restarted, Rasa's pooled connections are dead, and the first turn of each
    failed over to Rasa's in-memory fallback (an answer without the conversation's
    context, and the turn kept only in that server's memory).
    """

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
        if self.engine.dialect.name != "sqlite":
            import sqlalchemy as sa

            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)


# -- conversation locks ----------------------------------------------------------------------


def wait_seconds(endpoint_config: EndpointConfig | None) -> float:
    """The wait between attempts at a lock: ``endpoints.yml``'s ``lock_store`` ``wait_seconds``, else :data:`WAIT_SECONDS`."""
    kwargs = endpoint_config.kwargs if endpoint_config else {}
    return float(kwargs.get("wait_seconds") or WAIT_SECONDS)


class InMemoryLockStore(rasa_locks.InMemoryLockStore):
    """Rasa's in-memory lock store (one Rasa server), with short waits."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **_: Any) -> None:
        super().__init__()
        self.wait_seconds = wait_seconds(endpoint_config)

    def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = rasa_locks.LOCK_LIFETIME,
        wait_time_in_seconds: float | None = None,
    ) -> AbstractAsyncContextManager[TicketLock]:
        """Rasa's lock of ``conversation_id``, retried every ``wait_seconds`` unless a wait is given."""
        wait = self.wait_seconds if wait_time_in_seconds is None else wait_time_in_seconds
        return super().lock(conversation_id, lock_lifetime, wait)


#: A ticket: ``INCR`` the counter, queue a member unique to this turn scored by the number,
#: and set the member's key with the lock's lifetime; all at once. KEYS: counter, queue,
#: key prefix. ARGV: a unique token, lifetime in ms, idle seconds. Returns the member.
ISSUE = """
local number = redis.call('INCR', KEYS[1])
local member = number .. ':' .. ARGV[1]
redis.call('ZADD', KEYS[2], number, member)
redis.call('SET', KEYS[3] .. member, 1, 'PX', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return member
"""
#: One attempt to take the lock. KEYS: queue, key prefix. ARGV: the member, lifetime in ms.
#: Returns -1 if the member's key is gone (Redis restarted, or the waiter stalled for a
#: whole lifetime: issue again), 1 if it heads the queue (it holds the lock, for a lifetime
#: from now), else 0 (wait; the waiter's key is kept alive). Heads whose key expired (their
#: server died) are dropped on the way.
ACQUIRE = """
if redis.call('EXISTS', KEYS[2] .. ARGV[1]) == 0 then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return -1
end
redis.call('PEXPIRE', KEYS[2] .. ARGV[1], ARGV[2])
while true do
  local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
  if head == false or head == nil then
    return -1
  end
  if head == ARGV[1] then
    return 1
  end
  if redis.call('EXISTS', KEYS[2] .. head) == 1 then
    return 0
  end
  redis.call('ZREM', KEYS[1], head)
end
"""
#: Let go: remove the member and its key (another turn's never: members are unique).
RELEASE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2] .. ARGV[1])
return 1
"""


class RedisLockStore(rasa_locks.LockStore):
    """First-come-first-served conversation locks in Redis, shared by every Rasa server; the host is the endpoint's ``url``.

    Rasa's own ``RedisLockStore`` keeps each conversation's tickets in one JSON value that
    every server reads, changes and writes back: two servers issuing tickets at once
    overwrite each other's, and a burst of 60 messages from one sender spread over two
    servers left 58 of them waiting until their tickets expired (measured by ``make soak``).
    Here each step is one Lua script, atomic in Redis (:data:`ISSUE`, :data:`ACQUIRE`,
    :data:`RELEASE`): a ticket is a number from a counter and a member unique to the turn,
    queued in a sorted set and kept alive by a key; the lowest live member holds the lock;
    a waiter keeps its own key alive and drops heads whose key expired (a server that died
    holding or awaiting the lock); a holder has the lock's lifetime from when it got it.
    The ticket is released whatever ends the turn (an error, a cancellation). After a Redis
    restart a waiter takes a new ticket. The client is Redis's asyncio one, so a slow
    Redis never blocks the server's other conversations.

    If Redis cannot be reached, the turn goes on without its lock (logged): answering the
    person matters more than ordering their messages while Redis restarts.

    Args:
        endpoint_config: ``url`` (the host), ``port``, ``db``, ``password``, ``key_prefix``,
            ``wait_seconds``.
    """

    #: How long an idle conversation's counter and queue are kept.
    IDLE_SECONDS = 24 * 3600

    def __init__(self, endpoint_config: EndpointConfig, **_: Any) -> None:
        from redis import asyncio as aioredis

        kwargs = endpoint_config.kwargs
        self.red = aioredis.Redis(host=endpoint_config.url, port=int(kwargs.get("port") or DEFAULT_REDIS_PORT),
                                  db=int(kwargs.get("db") or DEFAULT_REDIS_DB), password=kwargs.get("password") or None,
                                  socket_timeout=2, socket_connect_timeout=2)
        self.prefix = kwargs.get("key_prefix") or "conversation-lock:"
        self.wait_seconds = wait_seconds(endpoint_config)
        self._issue_script = self.red.register_script(ISSUE)
        self._acquire_script = self.red.register_script(ACQUIRE)
        self._release_script = self.red.register_script(RELEASE)

    def _keys(self, conversation_id: str) -> tuple[str, str, str]:
        base = f"{self.prefix}{conversation_id}"
        return f"{base}:next", f"{base}:queue", f"{base}:ticket:"

    async def _issue(self, conversation_id: str, lifetime: float) -> str:
        counter, queue, ticket_key = self._keys(conversation_id)
        member = await self._issue_script(keys=[counter, queue, ticket_key],
                                          args=[uuid.uuid4().hex, int(lifetime * 1000), self.IDLE_SECONDS])
        return member.decode() if isinstance(member, bytes) else str(member)

    async def _acquire(self, conversation_id: str, member: str, lifetime: float, wait: float) -> str:
        """Wait for the lock; the member that holds it (a new one if Redis forgot the first)."""
        _, queue, ticket_key = self._keys(conversation_id)
        reissued = False
        while True:
            state = await self._acquire_script(keys=[queue, ticket_key], args=[member, int(lifetime * 1000)])
            if state == 1:
                return member
            if state == -1:
                if reissued:
                    raise rasa_locks.LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
                reissued = True
                member = await self._issue(conversation_id, lifetime)
                continue
            await asyncio.sleep(wait)

    async def _release(self, conversation_id: str, member: str) -> None:
        _, queue, ticket_key = self._keys(conversation_id)
        await self._release_script(keys=[queue, ticket_key], args=[member])

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = rasa_locks.LOCK_LIFETIME,
        wait_time_in_seconds: float | None = None,
    ) -> AsyncIterator[str | None]:
        """Hold ``conversation_id``'s lock for the block: its ticket, or None if Redis could not be reached."""
        import redis

        wait = self.wait_seconds if wait_time_in_seconds is None else wait_time_in_seconds
        member = None
        try:
            try:
                member = await self._issue(conversation_id, lock_lifetime)
                member = await self._acquire(conversation_id, member, lock_lifetime, wait)
            except redis.RedisError as error:
                logger.warning("locks: Redis unreachable (%s); %s is answered without its lock", error, conversation_id)
            yield member
        finally:  # whatever ended the turn or the wait: an error, a cancellation
            if member is not None:
                try:
                    await asyncio.shield(self._release(conversation_id, member))
                except (redis.RedisError, asyncio.CancelledError) as error:  # its key expires with the lifetime
                    logger.warning("locks: could not release %s's lock (%r)", conversation_id, error)

    # Rasa's LockStore keeps TicketLock objects; this one keeps none, and Rasa calls only lock().
    def get_lock(self, conversation_id: str) -> None:
        """Not used: the lock's state is in Redis's keys, not a ``TicketLock``."""
        raise NotImplementedError("RedisLockStore keeps no TicketLock objects; use lock()")

    def delete_lock(self, conversation_id: str) -> None:
        """Not used (see :meth:`get_lock`)."""
        raise NotImplementedError("RedisLockStore keeps no TicketLock objects; use lock()")

    def save_lock(self, lock: TicketLock) -> None:
        """Not used (see :meth:`get_lock`)."""
        raise NotImplementedError("RedisLockStore keeps no TicketLock objects; use lock()")


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
        """Whether ``key`` was answered before, by any server; remembers it either way.

        If Redis cannot be reached, the event counts as new (logged): answering twice beats
        not answering, as the locks go on without Redis.
        """
        import redis

        try:
            return not self._redis.set(self.PREFIX + key, 1, nx=True, ex=self.keep_seconds)
        except redis.RedisError as error:
            logger.warning("slack: Redis unreachable (%s); event %s is answered without checking", error, key)
            return False


def answered_events(env: dict[str, str] | None = None) -> AnsweredEvents | RedisAnsweredEvents:
    """Slack's record of answered event ids: in Redis when ``REDIS_HOST`` is set, else in ``SLACK_EVENTS_DB``."""
    env = os.environ if env is None else env
    if env.get(REDIS_HOST_ENV):
        return RedisAnsweredEvents(env[REDIS_HOST_ENV], int(env.get(REDIS_PORT_ENV) or DEFAULT_REDIS_PORT),
                                   int(env.get(REDIS_DB_ENV) or DEFAULT_REDIS_DB), env.get(REDIS_PASSWORD_ENV) or None)
    return AnsweredEvents(env.get(EVENTS_DB_ENV) or SLACK_EVENTS)
