"""The facts parsed from a source document, as plain dataclasses.

Every structure has ``to_dict`` / ``from_dict`` so it can travel through JSON
and so tests can check the round trip document -> store -> dataclasses.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Titled:
    """A titled passage: a characteristic of a concept or a similarity.

    Attributes:
        title: The title as the document writes it, without the colon.
        text: The passage under the title, whitespace-normalised.
        line: The 1-based line number of the title in the document.
    """

    title: str
    text: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        """The passage as plain JSON-ready data (see :meth:`from_dict`)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Titled:
        """The passage from the data :meth:`to_dict` gives."""
        return cls(title=data["title"], text=data["text"], line=int(data["line"]))


@dataclass(frozen=True)
class Example:
    """A process the document names as an example of a concept.

    Attributes:
        text: The example as written ("payroll", "R&D").
        source: Where it was found: ``"definition"`` or ``"table"``.
    """

    text: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        """The example as plain JSON-ready data (see :meth:`from_dict`)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Example:
        """The example from the data :meth:`to_dict` gives."""
        return cls(text=data["text"], source=data["source"])


@dataclass(frozen=True)
class Concept:
    """One outsourcing concept, e.g. "Business Process Outsourcing (BPO)".

    Attributes:
        abbreviation: The short name in the heading's parentheses.
        name: The full name before the parentheses.
        definition: The definition paragraph, whitespace-normalised.
        sentences: The definition split into sentences, in order.
        examples: Examples named in the definition and in the comparison table.
        characteristics: The titled characteristics, in document order.
        line: The line number of the concept's heading.
    """

    abbreviation: str
    name: str
    definition: str
    sentences: tuple[str, ...]
    examples: tuple[Example, ...]
    characteristics: tuple[Titled, ...]
    line: int

    @property
    def heading(self) -> str:
        """The heading as the document writes it: "Business Process Outsourcing (BPO)"."""
        return f"{self.name} ({self.abbreviation})"

    def to_dict(self) -> dict[str, Any]:
        """The concept as plain JSON-ready data (see :meth:`from_dict`)."""
        return {
            "abbreviation": self.abbreviation,
            "name": self.name,
            "definition": self.definition,
            "sentences": list(self.sentences),
            "examples": [e.to_dict() for e in self.examples],
            "characteristics": [c.to_dict() for c in self.characteristics],
            "line": self.line,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Concept:
        """The concept from the data :meth:`to_dict` gives."""
        return cls(
            abbreviation=data["abbreviation"],
            name=data["name"],
            definition=data["definition"],
            sentences=tuple(data["sentences"]),
            examples=tuple(Example.from_dict(e) for e in data["examples"]),
            characteristics=tuple(Titled.from_dict(c) for c in data["characteristics"]),
            line=int(data["line"]),
        )


@dataclass(frozen=True)
class Aspect:
    """One row of the comparison table.

    Attributes:
        name: The row's first cell ("Complexity").
        values: The cell for each concept, keyed by abbreviation, in column order.
        items: For a list-valued row (the examples row), each cell split into items.
        line: The row's line number.
    """

    name: str
    values: dict[str, str]
    line: int
    items: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The row as plain JSON-ready data (see :meth:`from_dict`)."""
        return {
            "name": self.name,
            "values": dict(self.values),
            "items": {k: list(v) for k, v in self.items.items()},
            "line": self.line,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Aspect:
        """The row from the data :meth:`to_dict` gives (``items`` may be missing)."""
        return cls(
            name=data["name"],
            values=dict(data["values"]),
            items={k: tuple(v) for k, v in data.get("items", {}).items()},
            line=int(data["line"]),
        )


@dataclass(frozen=True)
class Document:
    """Everything extracted from one source document.

    Attributes:
        source: The document's file name.
        sha256: The hex digest of the document's bytes.
        concepts: The concepts, in document order.
        differences_heading: The heading over the comparison table.
        aspects: The comparison table's rows, in order.
        similarities_heading: The heading over the similarities.
        similarities: The titled similarities, in order.
    """

    source: str
    sha256: str
    concepts: tuple[Concept, ...]
    differences_heading: str
    aspects: tuple[Aspect, ...]
    similarities_heading: str
    similarities: tuple[Titled, ...]

    def concept(self, abbreviation: str) -> Concept:
        """The concept with this abbreviation, exactly as written.

        Raises:
            KeyError: if the document defines no such concept.
        """
        for concept in self.concepts:
            if concept.abbreviation == abbreviation:
                return concept
        raise KeyError(abbreviation)

    def to_dict(self) -> dict[str, Any]:
        """The document as plain JSON-ready data (see :meth:`from_dict`)."""
        return {
            "source": self.source,
            "sha256": self.sha256,
            "concepts": [c.to_dict() for c in self.concepts],
            "differences_heading": self.differences_heading,
            "aspects": [a.to_dict() for a in self.aspects],
            "similarities_heading": self.similarities_heading,
            "similarities": [s.to_dict() for s in self.similarities],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The document from the data :meth:`to_dict` gives."""
        return cls(
            source=data["source"],
            sha256=data["sha256"],
            concepts=tuple(Concept.from_dict(c) for c in data["concepts"]),
            differences_heading=data["differences_heading"],
            aspects=tuple(Aspect.from_dict(a) for a in data["aspects"]),
            similarities_heading=data["similarities_heading"],
            similarities=tuple(Titled.from_dict(s) for s in data["similarities"]),
        )


class Part:
    """The kinds of part of a document a :class:`Place` can name."""

    #: A concept's definition paragraph.
    DEFINITION = "definition"
    #: The examples a concept names (its definition's "such as" list and the table's Examples row).
    EXAMPLES = "examples"
    #: A concept's list of characteristics, as a whole.
    CHARACTERISTICS = "characteristics"
    #: One titled characteristic of a concept.
    CHARACTERISTIC = "characteristic"
    #: The whole comparison table.
    TABLE = "table"
    #: One row of the comparison table.
    ROW = "row"
    #: Several rows of the comparison table.
    ROWS = "rows"
    #: One titled similarity.
    SIMILARITY = "similarity"
    #: A section named by its heading alone (the similarities, a searched passage's section).
    SECTION = "section"
    #: The examples of every concept and the table's Examples row, searched for a task.
    ALL_EXAMPLES = "all_examples"


@dataclass(frozen=True)
class Place:
    """Where in the document something comes from, as data; ``bot.wording`` cites it in words.

    Attributes:
        part: What kind of part it is, one of :class:`Part`.
        heading: The heading it stands under, as the document writes it (a concept's
            heading, the table's, the similarities'), or a passage's section.
        concept: The concept's abbreviation, for a part of one concept.
        names: The row, characteristic or similarity titles it names, or for
            ``ALL_EXAMPLES`` the concepts.
        line: The 1-based line, when the citation gives it.
    """

    part: str
    heading: str = ""
    concept: str | None = None
    names: tuple[str, ...] = ()
    line: int | None = None

    @property
    def name(self) -> str | None:
        """The one row or title named, if any."""
        return self.names[0] if self.names else None
