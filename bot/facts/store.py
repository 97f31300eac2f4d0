"""The fact store: the parsed document in SQLite, with an FTS5 passage index.

``build_store`` writes a new database next to the target and swaps it in with
``os.replace``, so a reader that has the old file open keeps reading it and
the next reader sees the new one. ``FactStore`` opens it read-only and is the
one query API the rest of the assistant uses.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.facts import lexicon
from bot.facts.model import Aspect, Concept, Document, Example, Titled
from bot.facts.prose import split_sentences
from bot.paths import store_path
from bot.text import content_lemmas, tokens

SCHEMA_VERSION = "7"
BUILD_HINT = "build it with `make facts` (or `python -m bot.facts build`)"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL,
    differences_heading TEXT NOT NULL, similarities_heading TEXT NOT NULL
);
CREATE TABLE concepts (
    id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id),
    abbreviation TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL COLLATE NOCASE,
    definition TEXT NOT NULL, sentences TEXT NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE characteristics (
    id INTEGER PRIMARY KEY, concept_id INTEGER NOT NULL REFERENCES concepts(id),
    position INTEGER NOT NULL, title TEXT NOT NULL COLLATE NOCASE, text TEXT NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE aspects (
    id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, name TEXT NOT NULL COLLATE NOCASE, line INTEGER NOT NULL
);
CREATE TABLE aspect_values (
    aspect_id INTEGER NOT NULL REFERENCES aspects(id), concept_id INTEGER NOT NULL REFERENCES concepts(id),
    value TEXT NOT NULL, items TEXT, PRIMARY KEY (aspect_id, concept_id)
);
CREATE TABLE examples (
    id INTEGER PRIMARY KEY, concept_id INTEGER NOT NULL REFERENCES concepts(id),
    position INTEGER NOT NULL, text TEXT NOT NULL COLLATE NOCASE, source TEXT NOT NULL
);
CREATE TABLE similarities (
    id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, title TEXT NOT NULL COLLATE NOCASE, text TEXT NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id),
    section TEXT NOT NULL, concept TEXT, title TEXT, text TEXT NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE related (
    word TEXT NOT NULL, lemma TEXT NOT NULL, weight REAL NOT NULL, PRIMARY KEY (word, lemma)
) WITHOUT ROWID;
CREATE TABLE english (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE adverbs (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE people (word TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (word, kind)) WITHOUT ROWID;
CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, section, content='passages', content_rowid='id', tokenize='porter unicode61'
);
"""


class StoreError(RuntimeError):
    """The fact store is missing, unreadable or not a fact store."""


@dataclass(frozen=True)
class Passage:
    """A sentence or passage of the document, as found by :meth:`FactStore.search`.

    Attributes:
        section: Where it stands ("Business Process Outsourcing (BPO)",
            "Characteristics of KPO: Talent-Intensive", ...).
        text: The sentence or passage.
        line: The line number in the document.
        score: Relevance; higher is better (negated bm25).
        concept: The concept the section belongs to, if any.
        title: The characteristic, similarity or table row, if any.
    """

    section: str
    text: str
    line: int
    score: float
    concept: str | None = None
    title: str | None = None


# -- building -------------------------------------------------------------------


def build_store(documents: Iterable[Document], path: str | Path | None = None) -> Path:
    """Write the documents to a new store and atomically replace ``path``.

    Raises:
        StoreError: if two documents define the same concept, or WordNet's data is missing.
    """
    target = store_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        connection = sqlite3.connect(tmp_name)
        try:
            connection.executescript(SCHEMA)
            with connection:
                _insert_all(connection, list(documents))
                _insert_related(connection)
            connection.execute("VACUUM")
        finally:
            connection.close()
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except lexicon.LexiconError as error:
        Path(tmp_name).unlink(missing_ok=True)
        raise StoreError(str(error)) from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def _insert_related(db: sqlite3.Connection) -> None:
    """The words WordNet relates to the document's words (see :mod:`bot.facts.lexicon`)."""
    texts = [row[0] for row in db.execute(
        "SELECT text FROM passages UNION ALL SELECT text FROM examples UNION ALL SELECT name FROM concepts")]
    vocabulary = {word for text in texts for word in content_lemmas(text)}
    related = lexicon.related(vocabulary)
    # ("OS" and "Linux" for the document's "operating system"; a word of its own is no name of another)
    pairs = {pair for text in texts for pair in itertools.pairwise(tokens(text))}
    related.update({key: weight for key, weight in lexicon.phrase_names(pairs).items() if key[0] not in vocabulary})
    db.executemany("INSERT INTO related VALUES (?, ?, ?)",
                   sorted((user, word, weight) for (user, word), weight in related.items()))
    db.executemany("INSERT INTO english VALUES (?)", ((word,) for word in sorted(lexicon.common_words())))
    db.executemany("INSERT INTO adverbs VALUES (?)", ((word,) for word in sorted(lexicon.adverbs_only())))
    db.executemany("INSERT INTO people VALUES (?, ?)",
                   sorted((word, kind) for word, kinds in lexicon.people_kinds().items() for kind in kinds))
    db.executemany("INSERT INTO people VALUES (?, ?)", ((word, lexicon.SOMEONE) for word in sorted(lexicon.someone_words())))


def _insert_all(db: sqlite3.Connection, documents: list[Document]) -> None:
    db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
    seen: dict[str, str] = {}
    for doc_id, doc in enumerate(documents, start=1):
        db.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
            (doc_id, doc.source, doc.sha256, doc.differences_heading, doc.similarities_heading),
        )
        concept_ids: dict[str, int] = {}
        for concept in doc.concepts:
            key = concept.abbreviation.casefold()
            if key in seen:
                raise StoreError(
                    f"{doc.source}:{concept.line}: concept '{concept.abbreviation}' is also defined in {seen[key]}"
                )
            seen[key] = doc.source
            cursor = db.execute(
                "INSERT INTO concepts (document_id, abbreviation, name, definition, sentences, line)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (doc_id, concept.abbreviation, concept.name, concept.definition,
                 json.dumps(list(concept.sentences)), concept.line),
            )
            concept_ids[concept.abbreviation] = cursor.lastrowid  # type: ignore[assignment]
            _insert_concept_parts(db, doc_id, concept_ids[concept.abbreviation], concept)
        for position, aspect in enumerate(doc.aspects):
            cursor = db.execute(
                "INSERT INTO aspects (document_id, position, name, line) VALUES (?, ?, ?, ?)",
                (doc_id, position, aspect.name, aspect.line),
            )
            for abbreviation, value in aspect.values.items():
                items = aspect.items.get(abbreviation)
                db.execute(
                    "INSERT INTO aspect_values VALUES (?, ?, ?, ?)",
                    (cursor.lastrowid, concept_ids[abbreviation], value,
                     json.dumps(list(items)) if items is not None else None),
                )
            cells = "; ".join(f"{k}: {v}" for k, v in aspect.values.items())
            _passage(db, doc_id, doc.differences_heading, f"{aspect.name}: {cells}", aspect.line, title=aspect.name)
        for position, item in enumerate(doc.similarities):
            db.execute(
                "INSERT INTO similarities (document_id, position, title, text, line) VALUES (?, ?, ?, ?, ?)",
                (doc_id, position, item.title, item.text, item.line),
            )
            for sentence in split_sentences(item.text):
                _passage(db, doc_id, f"{doc.similarities_heading}: {item.title}", sentence, item.line,
                         title=item.title)
    db.execute("INSERT INTO passages_fts (passages_fts) VALUES ('rebuild')")


def _insert_concept_parts(db: sqlite3.Connection, doc_id: int, concept_id: int, concept: Concept) -> None:
    for sentence in concept.sentences:
        _passage(db, doc_id, concept.heading, sentence, concept.line, concept=concept.abbreviation)
    for position, item in enumerate(concept.characteristics):
        db.execute(
            "INSERT INTO characteristics (concept_id, position, title, text, line) VALUES (?, ?, ?, ?, ?)",
            (concept_id, position, item.title, item.text, item.line),
        )
        for sentence in split_sentences(item.text):
            _passage(db, doc_id, f"Characteristics of {concept.abbreviation}: {item.title}", sentence,
                     item.line, concept=concept.abbreviation, title=item.title)
    for position, example in enumerate(concept.examples):
        db.execute(
            "INSERT INTO examples (concept_id, position, text, source) VALUES (?, ?, ?, ?)",
            (concept_id, position, example.text, example.source),
        )


def _passage(db: sqlite3.Connection, doc_id: int, section: str, text: str, line: int,
             concept: str | None = None, title: str | None = None) -> None:
    db.execute(
        "INSERT INTO passages (document_id, section, concept, title, text, line) VALUES (?, ?, ?, ?, ?, ?)",
        (doc_id, section, concept, title, text, line),
    )


# -- reading --------------------------------------------------------------------


class FactStore:
    """Read-only queries over a built fact store.

    Open it with :meth:`open`; the connection stays on the file it opened, so
    a rebuild does not disturb a running query. :meth:`is_stale` tells a
    long-running reader that a newer store has been swapped in.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._identity = file_identity(path)

    @classmethod
    def open(cls, path: str | Path | None = None) -> FactStore:
        """Open the store read-only.

        Raises:
            StoreError: if the file is missing or is not a fact store.
        """
        path = store_path(path)
        if not path.is_file():
            raise StoreError(f"no fact store at {path}: {BUILD_HINT}")
        try:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            connection.row_factory = sqlite3.Row
            version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path} is not a readable fact store ({error}): {BUILD_HINT}") from None
        if version is None or version[0] != SCHEMA_VERSION:
            connection.close()
            raise StoreError(f"{path} was built by another version of the assistant: {BUILD_HINT}")
        return cls(connection, path)

    def close(self) -> None:
        """Close the connection; the store cannot be queried after this."""
        self._db.close()

    def __enter__(self) -> FactStore:
        """The store itself, closed when the ``with`` block ends."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the store."""
        self.close()

    def is_stale(self) -> bool:
        """True when the file at ``path`` is no longer the one this store opened."""
        return file_identity(self.path) != self._identity

    # -- documents ----------------------------------------------------------
    def sources(self) -> list[tuple[str, str]]:
        """Each document's file name and sha256, in build order."""
        return [(r["source"], r["sha256"]) for r in self._db.execute("SELECT * FROM documents ORDER BY id")]

    def headings(self) -> tuple[str, str]:
        """The first document's comparison-table and similarities headings."""
        row = self._db.execute("SELECT * FROM documents ORDER BY id LIMIT 1").fetchone()
        return row["differences_heading"], row["similarities_heading"]

    def documents(self) -> list[Document]:
        """Rebuild the dataclasses the store was built from."""
        result = []
        for row in self._db.execute("SELECT * FROM documents ORDER BY id").fetchall():
            concepts = tuple(
                self._concept(r)
                for r in self._db.execute("SELECT * FROM concepts WHERE document_id = ? ORDER BY id", (row["id"],))
            )
            aspects = tuple(
                self._aspect(r)
                for r in self._db.execute(
                    "SELECT * FROM aspects WHERE document_id = ? ORDER BY position", (row["id"],)
                ).fetchall()
            )
            similarities = tuple(
                _titled(r)
                for r in self._db.execute(
                    "SELECT * FROM similarities WHERE document_id = ? ORDER BY position", (row["id"],)
                )
            )
            result.append(
                Document(
                    source=row["source"], sha256=row["sha256"], concepts=concepts,
                    differences_heading=row["differences_heading"], aspects=aspects,
                    similarities_heading=row["similarities_heading"], similarities=similarities,
                )
            )
        return result

    # -- concepts -----------------------------------------------------------
    def concepts(self) -> list[Concept]:
        """Every concept of every document, in document order."""
        return [self._concept(r) for r in self._db.execute("SELECT * FROM concepts ORDER BY id").fetchall()]

    def concept(self, name: str) -> Concept | None:
        """A concept by abbreviation, full name or heading, in any case."""
        key = _normalise(name)
        for concept in self.concepts():
            if key in {_normalise(concept.abbreviation), _normalise(concept.name), _normalise(concept.heading)}:
                return concept
        return None

    def _concept(self, row: sqlite3.Row) -> Concept:
        characteristics = tuple(
            _titled(r)
            for r in self._db.execute(
                "SELECT * FROM characteristics WHERE concept_id = ? ORDER BY position", (row["id"],)
            )
        )
        examples = tuple(
            Example(r["text"], r["source"])
            for r in self._db.execute("SELECT * FROM examples WHERE concept_id = ? ORDER BY position", (row["id"],))
        )
        return Concept(
            abbreviation=row["abbreviation"], name=row["name"], definition=row["definition"],
            sentences=tuple(json.loads(row["sentences"])), examples=examples,
            characteristics=characteristics, line=row["line"],
        )

    # -- the comparison table -------------------------------------------------
    def aspects(self) -> list[Aspect]:
        """Every row of every document's comparison table, in table order."""
        rows = self._db.execute("SELECT * FROM aspects ORDER BY document_id, position").fetchall()
        return [self._aspect(r) for r in rows]

    def aspect(self, name: str) -> Aspect | None:
        """A table row by its name, in any case."""
        row = self._db.execute(
            "SELECT * FROM aspects WHERE name = ? ORDER BY document_id LIMIT 1", (name.strip(),)
        ).fetchone()
        return self._aspect(row) if row else None

    def aspect_value(self, aspect: str, concept: str) -> str | None:
        """One cell of the table: ``aspect_value("Complexity", "KPO") == "High"``."""
        row = self.aspect(aspect)
        found = self.concept(concept)
        if row is None or found is None:
            return None
        return row.values.get(found.abbreviation)

    def _aspect(self, row: sqlite3.Row) -> Aspect:
        values: dict[str, str] = {}
        items: dict[str, tuple[str, ...]] = {}
        for r in self._db.execute(
            "SELECT c.abbreviation, v.value, v.items FROM aspect_values v JOIN concepts c ON c.id = v.concept_id"
            " WHERE v.aspect_id = ? ORDER BY c.id",
            (row["id"],),
        ):
            values[r["abbreviation"]] = r["value"]
            if r["items"] is not None:
                items[r["abbreviation"]] = tuple(json.loads(r["items"]))
        return Aspect(name=row["name"], values=values, items=items, line=row["line"])

    # -- characteristics and similarities -------------------------------------
    def characteristics(self, concept: str) -> list[Titled]:
        """A concept's characteristics, in document order; the concept named as :meth:`concept` accepts.

        Returns:
            The titled characteristics, or an empty list if there is no such concept.
        """
        found = self.concept(concept)
        return list(found.characteristics) if found else []

    def characteristic(self, title: str, concept: str | None = None) -> list[tuple[str, Titled]]:
        """Characteristics with this title, as (concept abbreviation, item) pairs."""
        query = (
            "SELECT c.abbreviation, ch.* FROM characteristics ch JOIN concepts c ON c.id = ch.concept_id"
            " WHERE ch.title = ? ORDER BY c.id"
        )
        rows = self._db.execute(query, (title.strip(),)).fetchall()
        found = self.concept(concept) if concept else None
        return [
            (r["abbreviation"], _titled(r))
            for r in rows
            if concept is None or (found is not None and r["abbreviation"] == found.abbreviation)
        ]

    def similarities(self) -> list[Titled]:
        """Every titled similarity, in document order."""
        rows = self._db.execute("SELECT * FROM similarities ORDER BY document_id, position")
        return [_titled(r) for r in rows]

    def similarity(self, title: str) -> Titled | None:
        """A similarity by its title, in any case; None if there is none."""
        row = self._db.execute("SELECT * FROM similarities WHERE title = ? LIMIT 1", (title.strip(),)).fetchone()
        return _titled(row) if row else None

    # -- examples -----------------------------------------------------------
    def examples(self, concept: str | None = None) -> list[tuple[str, Example]]:
        """Examples as (concept abbreviation, example) pairs, for one concept or all."""
        rows = self._db.execute(
            "SELECT c.abbreviation, e.text, e.source FROM examples e JOIN concepts c ON c.id = e.concept_id"
            " ORDER BY c.id, e.position"
        ).fetchall()
        found = self.concept(concept) if concept else None
        if concept and found is None:
            return []
        return [
            (r["abbreviation"], Example(r["text"], r["source"]))
            for r in rows
            if found is None or r["abbreviation"] == found.abbreviation
        ]

    def concept_of_example(self, text: str) -> str | None:
        """The abbreviation of the concept the document gives ``text`` as an example of."""
        key = _normalise(text)
        for abbreviation, example in self.examples():
            if _normalise(example.text) == key:
                return abbreviation
        return None

    # -- free text ------------------------------------------------------------
    def passages(self) -> list[Passage]:
        """Every sentence and table row of the documents, in document order (score 0)."""
        rows = self._db.execute("SELECT * FROM passages ORDER BY id").fetchall()
        return [Passage(section=r["section"], text=r["text"], line=r["line"], score=0.0, concept=r["concept"],
                        title=r["title"]) for r in rows]

    def related(self, words: Iterable[str]) -> dict[str, dict[str, float]]:
        """The document's words WordNet relates to each of ``words`` (lemmas), with their weights."""
        words = sorted(set(words))
        found: dict[str, dict[str, float]] = {}
        if not words:
            return found
        marks = ", ".join("?" * len(words))
        for row in self._db.execute(f"SELECT word, lemma, weight FROM related WHERE word IN ({marks})", words):
            found.setdefault(row["word"], {})[row["lemma"]] = row["weight"]
        return found

    def related_words(self) -> list[str]:
        """Every word :meth:`related` knows, in order."""
        return [row[0] for row in self._db.execute("SELECT DISTINCT word FROM related ORDER BY word")]

    def english(self, words: Iterable[str]) -> set[str]:
        """Those of ``words`` (lower case) that are common English words, as WordNet has them."""
        words = sorted(set(words))
        if not words:
            return set()
        marks = ", ".join("?" * len(words))
        return {row[0] for row in self._db.execute(f"SELECT word FROM english WHERE word IN ({marks})", words)}

    def adverbs(self) -> frozenset[str]:
        """The words WordNet knows only as adverbs ("instead", "purely")."""
        return frozenset(row[0] for row in self._db.execute("SELECT word FROM adverbs"))

    def people(self, kinds: Iterable[str]) -> frozenset[str]:
        """The words for people of these kinds (``expert``, ``scientist``, ``professional``; WordNet's senses)."""
        kinds = sorted(set(kinds))
        if not kinds:
            return frozenset()
        marks = ", ".join("?" * len(kinds))
        return frozenset(row[0] for row in self._db.execute(f"SELECT word FROM people WHERE kind IN ({marks})", kinds))

    def search(self, query: str, limit: int = 5) -> list[Passage]:
        """Ranked passages for a free-text query (FTS5 bm25, porter-stemmed).

        Words are OR-ed together, so a passage matching more of them ranks higher.
        """
        words = re.findall(r"\w+", query.casefold())
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in dict.fromkeys(words))
        rows = self._db.execute(
            "SELECT p.*, bm25(passages_fts) AS rank FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid"
            " WHERE passages_fts MATCH ? ORDER BY rank, p.id LIMIT ?",
            (match, limit),
        ).fetchall()
        return [
            Passage(section=r["section"], text=r["text"], line=r["line"], score=-r["rank"],
                    concept=r["concept"], title=r["title"])
            for r in rows
        ]


def _titled(row: sqlite3.Row) -> Titled:
    return Titled(title=row["title"], text=row["text"], line=row["line"])


def _normalise(text: str) -> str:
    return " ".join(re.findall(r"\w+|&", text.casefold()))


def file_identity(path: Path) -> tuple[int, int, int] | None:
    """The file's inode, modification time (ns) and size, or None if there is no file.

    A rebuild swapped in with ``os.replace`` changes it; :meth:`FactStore.is_stale` compares it.
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)
