"""The conversation locks of the Rasa server: Rasa's lock stores, waiting in short steps.

Rasa takes a lock per conversation for each message, so one person's messages are
answered in order. A message that finds the lock taken waits in steps of one second,
so a burst of ten messages from one sender took up to nine seconds. This store waits
``wait_seconds`` (default :data:`WAIT_SECONDS`) between attempts instead; nothing
else changes (:class:`ShortWaits` gives any Rasa lock store the same waits). Chosen in
``endpoints.yml`` (``lock_store: type: bot.channels.locks.InMemoryLockStore``).
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any

from rasa.core import lock_store as rasa_locks
from rasa.core.lock import TicketLock
from rasa.utils.endpoints import EndpointConfig

#: Seconds between two attempts to take a conversation's lock.
WAIT_SECONDS = 0.02


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
