"""Parse a source document into :class:`~bot.facts.model.Document`.

The parser knows the *shape* of the document, not its subject: concept
headings written ``Full Name (ABBR)``, a ``Characteristics of ABBR:`` section of
titled items under each, a ``Key differences ...`` table whose columns name the
concepts, and a ``Key similarities ...`` section of titled items. The concept
names, titles and table columns are all read from the text, so a document of
the same shape about two other concepts parses just as well.

A titled item is a ``-`` line followed by a ``Title:`` line, or a single
``- Title:`` line, followed by one or more lines of text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from bot.facts.model import Aspect, Concept, Document, Example, Titled
from bot.facts.prose import list_items, split_sentences, such_as_items

CONCEPT_HEADING = re.compile(r"^(?P<name>[^\s|:().][^|:().]*?)\s*\((?P<abbr>[^()|:.]+)\)$")
CHARACTERISTICS_HEADING = re.compile(r"^characteristics of (?P<who>.+?):?$", re.IGNORECASE)
DIFFERENCES_HEADING = re.compile(r"^(key )?differences\b.*[^.:]$", re.IGNORECASE)
SIMILARITIES_HEADING = re.compile(r"^(key )?similarities\b.*[^.:]$", re.IGNORECASE)
DASH = re.compile(r"^-\s*(?P<title>.*?)\s*$")
TITLE = re.compile(r"^(?P<title>[^.|:]{1,80}):$")
LIST_ROW = re.compile(r"^examples?\b", re.IGNORECASE)
MAX_HEADING_WORDS = 12


class ParseError(ValueError):
    """A document that does not have the expected shape.

    Attributes:
        source: The document's file name.
        line: The 1-based line number where the problem was found.
        message: What was expected there.
    """

    def __init__(self, source: str, line: int, message: str) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.source = source
        self.line = line
        self.message = message


@dataclass
class _Line:
    number: int
    text: str


def parse_file(path: str | Path) -> Document:
    """Read and parse one document file.

    Raises:
        ParseError: if the file is unreadable, not UTF-8 or malformed.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(path.name, 0, f"cannot read the document: {error.strerror}") from None
    return parse_bytes(data, source=path.name)


def parse_bytes(data: bytes, source: str = "<document>") -> Document:
    """Decode UTF-8 bytes and parse them, naming the line of a bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ParseError(source, line, f"not UTF-8 text (byte 0x{data[error.start]:02x})") from None
    return parse_text(text, source=source, sha256=hashlib.sha256(data).hexdigest())


def parse_text(text: str, source: str = "<document>", sha256: str | None = None) -> Document:
    """Parse the text of a document.

    Args:
        text: The whole document.
        source: A name used in error messages and kept in the result.
        sha256: The digest of the original bytes; computed from ``text`` if absent.

    Raises:
        ParseError: naming the line and what was expected there.
    """
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = [_Line(i, _clean(raw)) for i, raw in enumerate(text.splitlines(), start=1)]
    lines = [line for line in lines if line.text]
    return _Parser(source, sha256, lines).document()


def _clean(raw: str) -> str:
    return " ".join(raw.replace("\u00a0", " ").split())


def _is_concept_heading(text: str) -> re.Match[str] | None:
    if len(text.split()) > MAX_HEADING_WORDS:
        return None
    return CONCEPT_HEADING.match(text)


class _Parser:
    """A cursor over the non-blank lines of one document."""

    def __init__(self, source: str, sha256: str, lines: list[_Line]) -> None:
        self.source = source
        self.sha256 = sha256
        self.lines = lines
        self.pos = 0

    # -- cursor ---------------------------------------------------------------
    def _peek(self) -> _Line | None:
        return self.lines[self.pos] if self.pos < len(self.lines) else None

    def _error(self, message: str, line: _Line | None = None) -> ParseError:
        if line is None:
            line = self._peek()
        number = line.number if line else (self.lines[-1].number if self.lines else 1)
        return ParseError(self.source, number, message)

    def _at_section_end(self) -> bool:
        line = self._peek()
        if line is None:
            return True
        return bool(
            _is_concept_heading(line.text)
            or DIFFERENCES_HEADING.match(line.text)
            or SIMILARITIES_HEADING.match(line.text)
        )

    # -- document -------------------------------------------------------------
    def document(self) -> Document:
        if not self.lines:
            raise ParseError(self.source, 1, "the document is empty")
        concepts: list[Concept] = []
        while (line := self._peek()) is not None and _is_concept_heading(line.text):
            concepts.append(self._concept(concepts))
        if not concepts:
            raise self._error("expected a concept heading such as 'Full Name (ABBR)'")
        line = self._peek()
        if line is None or not DIFFERENCES_HEADING.match(line.text):
            raise self._error(
                "expected a concept heading 'Full Name (ABBR)' or a 'Key differences between ...' heading"
            )
        differences = line
        self.pos += 1
        aspects = self._table(differences, concepts)
        line = self._peek()
        if line is None or not SIMILARITIES_HEADING.match(line.text):
            raise self._error("expected a 'Key similarities between ...' heading after the table")
        self.pos += 1
        similarities = self._titled_items(line, "similarity")
        if self._peek() is not None:
            raise self._error("unexpected text after the similarities")
        concepts = _with_table_examples(concepts, aspects)
        return Document(
            source=self.source,
            sha256=self.sha256,
            concepts=tuple(concepts),
            differences_heading=differences.text,
            aspects=tuple(aspects),
            similarities_heading=line.text,
            similarities=tuple(similarities),
        )

    # -- concepts -------------------------------------------------------------
    def _concept(self, earlier: list[Concept]) -> Concept:
        heading = self.lines[self.pos]
        match = _is_concept_heading(heading.text)
        assert match is not None
        name, abbreviation = match["name"].strip(), match["abbr"].strip()
        for other in earlier:
            if abbreviation.casefold() in (other.abbreviation.casefold(), other.name.casefold()):
                raise self._error(f"concept '{abbreviation}' is defined twice", heading)
        self.pos += 1
        paragraph: list[str] = []
        while (line := self._peek()) is not None and not CHARACTERISTICS_HEADING.match(line.text):
            if self._at_section_end() or self._starts_item(line):
                raise self._error(f"expected 'Characteristics of {abbreviation}:' after the definition")
            paragraph.append(line.text)
            self.pos += 1
        if line is None:
            raise self._error(f"expected 'Characteristics of {abbreviation}:' after the definition")
        if not paragraph:
            raise self._error(f"concept '{abbreviation}' has no definition paragraph", heading)
        who = CHARACTERISTICS_HEADING.match(line.text)["who"].strip()  # type: ignore[index]
        if who.casefold() not in (abbreviation.casefold(), name.casefold()):
            raise self._error(f"expected 'Characteristics of {abbreviation}:', found '{line.text}'", line)
        self.pos += 1
        characteristics = self._titled_items(line, "characteristic")
        definition = " ".join(paragraph)
        examples = [Example(item, "definition") for item in such_as_items(definition)]
        return Concept(
            abbreviation=abbreviation,
            name=name,
            definition=definition,
            sentences=tuple(split_sentences(definition)),
            examples=tuple(_unique(examples)),
            characteristics=tuple(characteristics),
            line=heading.number,
        )

    # -- titled items ---------------------------------------------------------
    def _titled_items(self, heading: _Line, kind: str) -> list[Titled]:
        items: list[Titled] = []
        seen: set[str] = set()
        while not self._at_section_end():
            title_line = self._title()
            text: list[str] = []
            while not self._at_section_end() and not self._starts_item(self._peek()):
                text.append(self.lines[self.pos].text)
                self.pos += 1
            title = TITLE.match(title_line.text.lstrip("- ").strip())
            assert title is not None
            name = title["title"].strip()
            if not text:
                raise self._error(f"{kind} '{name}' has a title but no text", title_line)
            if name.casefold() in seen:
                raise self._error(f"{kind} '{name}' appears twice in this section", title_line)
            seen.add(name.casefold())
            items.append(Titled(title=name, text=" ".join(text), line=title_line.number))
        if not items:
            raise self._error(f"expected at least one titled {kind} ('- Title:' then its text)", heading)
        return items

    def _starts_item(self, line: _Line | None) -> bool:
        if line is None:
            return False
        dash = DASH.match(line.text)
        return bool(dash and (not dash["title"] or TITLE.match(dash["title"]))) or bool(TITLE.match(line.text))

    def _title(self) -> _Line:
        """Consume '-' + 'Title:', '- Title:' or 'Title:' and return the title's line."""
        line = self.lines[self.pos]
        dash = DASH.match(line.text)
        if dash and not dash["title"]:
            self.pos += 1
            line = self._peek()
            if line is None or not TITLE.match(line.text):
                raise self._error("expected a title ending with ':' after '-'", line)
        elif not (TITLE.match(line.text) or (dash and TITLE.match(dash["title"]))):
            raise self._error("expected a titled item: '-' then 'Title:', or '- Title:'", line)
        self.pos += 1
        return line

    # -- the comparison table -------------------------------------------------
    def _table(self, heading: _Line, concepts: list[Concept]) -> list[Aspect]:
        header_line = self._peek()
        if header_line is None or "|" not in header_line.text:
            raise self._error("expected the table's header row, e.g. 'Aspect | A | B |'", header_line)
        header = _cells(header_line.text)
        if len(header) < 2:
            raise self._error("the table's header needs an aspect column and one column per concept", header_line)
        columns: list[str] = []
        for cell in header[1:]:
            concept = _find_concept(concepts, cell)
            if concept is None:
                known = ", ".join(c.abbreviation for c in concepts)
                raise self._error(f"table column '{cell}' names no concept defined above (known: {known})", header_line)
            columns.append(concept.abbreviation)
        missing = [c.abbreviation for c in concepts if c.abbreviation not in columns]
        if missing or len(set(columns)) != len(columns):
            raise self._error(
                f"the table's columns must name each concept once (have: {', '.join(columns)})", header_line
            )
        self.pos += 1
        aspects: list[Aspect] = []
        seen: set[str] = set()
        while (line := self._peek()) is not None and "|" in line.text:
            cells = _cells(line.text)
            if len(cells) != len(header):
                raise self._error(
                    f"table row has {len(cells)} cells, expected {len(header)} ({' | '.join(header)})", line
                )
            if any(not cell for cell in cells):
                raise self._error("table row has an empty cell", line)
            name = cells[0]
            if name.casefold() in seen:
                raise self._error(f"table row '{name}' appears twice", line)
            seen.add(name.casefold())
            values = dict(zip(columns, cells[1:], strict=False))
            items = {k: tuple(list_items(v)) for k, v in values.items()} if LIST_ROW.match(name) else {}
            aspects.append(Aspect(name=name, values=values, items=items, line=line.number))
            self.pos += 1
        if not aspects:
            raise self._error("the table has a header but no rows", header_line)
        return aspects


def _with_table_examples(concepts: list[Concept], aspects: list[Aspect]) -> list[Concept]:
    result = []
    for concept in concepts:
        extra = [Example(item, "table") for a in aspects for item in a.items.get(concept.abbreviation, ())]
        examples = tuple(_unique([*concept.examples, *extra]))
        result.append(replace(concept, examples=examples))
    return result


def _cells(text: str) -> list[str]:
    cells = [cell.strip() for cell in text.split("|")]
    if cells and cells[-1] == "":
        cells.pop()
    if cells and cells[0] == "" and text.lstrip().startswith("|"):
        cells.pop(0)
    return cells


def _find_concept(concepts: list[Concept], ref: str) -> Concept | None:
    ref = ref.casefold()
    for concept in concepts:
        if ref in (concept.abbreviation.casefold(), concept.name.casefold(), concept.heading.casefold()):
            return concept
    return None


def _unique(examples: list[Example]) -> list[Example]:
    seen: set[str] = set()
    result = []
    for example in examples:
        key = example.text.casefold()
        if key not in seen:
            seen.add(key)
            result.append(example)
    return result
