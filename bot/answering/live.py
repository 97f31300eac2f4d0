"""The store as the long-running action server sees it: opened once, reopened after a rebuild."""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.answering.entities import Names
from bot.answering.recommend import Recommender
from bot.answering.retrieve import Index
from bot.answering.topics import Topic, load_topics
from bot.facts.store import FactStore, StoreError, file_identity
from bot.paths import store_path

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Facts:
    """One opened store and what is derived from it.

    Attributes:
        store: The opened fact store.
        recommender: The recommendation's evidence, built from the store.
        names: The store's names, for resolving entities.
        store_sha256: The store file's digest, reported by the action server's ``/health``.
        topics: The reviewed topics people ask about (``data/answering/topics.yml``).
        index: The store's passages, for questions no template answers.
    """

    store: FactStore
    recommender: Recommender
    names: Names
    store_sha256: str
    topics: tuple[Topic, ...] = ()
    index: Index | None = None

    @property
    def document_sha256(self) -> str:
        """The sha256 of the document the answers come from (several joined by "+"), as ``/health`` reports it."""
        return "+".join(sha for _, sha in self.store.sources())

    def describe(self) -> dict[str, object]:
        """The store's path and digest and each document's, for ``/health`` and the log."""
        return {
            "store": {"path": str(self.store.path), "sha256": self.store_sha256},
            "documents": [{"source": s, "sha256": h} for s, h in self.store.sources()],
        }


class LiveFacts:
    """Hands out the current :class:`Facts`, reopening the store when it was rebuilt.

    Raises:
        StoreError: at construction, if the store is missing or unreadable (fail fast).
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = store_path(path)
        self._lock = threading.Lock()
        self._failed: tuple[int, int, int] | None = None
        self._facts = self._open()

    def _open(self) -> Facts:
        store = FactStore.open(self.path)
        digest = hashlib.sha256(self.path.read_bytes()).hexdigest()
        topics = load_topics()
        # a misspelled topic word ("benifits") is corrected to it, though the document may not use it
        # (and its phrases, whose words ask it where they stand in one: "less back and forth with the client")
        asked = {word for topic in topics for word in (*topic.asks, *topic.phrases)}
        return Facts(store, Recommender(store), Names(store, asked), digest, topics, Index(store, asked))

    def current(self) -> Facts:
        """The facts to answer from; a rebuilt store is picked up here, without a restart.

        If the new file cannot be opened, the store already open keeps serving
        (and the failure is logged once per change of the file).
        """
        if not self._facts.store.is_stale():
            return self._facts
        with self._lock:
            identity = file_identity(self.path)
            if self._facts.store.is_stale() and identity != self._failed:
                try:
                    self._facts = self._open()
                    self._failed = None
                    logger.info("fact store rebuilt: now serving %s", self._facts.describe())
                except (StoreError, OSError) as error:
                    self._failed = identity
                    logger.error("fact store at %s changed but cannot be opened (%s); still serving the previous one",
                                 self.path, error)
            return self._facts
