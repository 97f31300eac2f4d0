"""Turn the entities Rasa found in a message into what the user mentioned.

Two extractors run: the RegexEntityExtractor on the store's closed vocabulary and
DIET (for open spans such as a task). Their results can repeat each other or
overlap ("risk management" is a characteristic, "risk" alone an aspect). Here
every value is checked against the store's names, a span inside a longer one is
dropped, and repeats are merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.facts.store import FactStore
from bot.text import content_lemmas

CONCEPT, ASPECT, CHARACTERISTIC, TASK = "concept", "aspect", "characteristic", "task"
#: Words of a request, not of a process: a "task" made only of these is no task.
TASK_FRAME = frozenset(
    "advise advice plan class classify count fall fit suit hire outsource outsourcing recommend choose pick "
    "decide option model type kind approach choice help sense suggest suggestion right best".split()
)


@dataclass
class Mentions:
    """What one message names, each resolved to the store's spelling."""

    concepts: list[str] = field(default_factory=list)
    aspects: list[str] = field(default_factory=list)
    characteristics: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)

    @property
    def concept(self) -> str | None:
        return self.concepts[0] if self.concepts else None

    @property
    def aspect(self) -> str | None:
        return self.aspects[0] if self.aspects else None

    @property
    def characteristic(self) -> str | None:
        return self.characteristics[0] if self.characteristics else None

    @property
    def task(self) -> str | None:
        return self.tasks[0] if self.tasks else None


class Names:
    """The store's canonical names per entity, for case-insensitive lookups."""

    def __init__(self, store: FactStore) -> None:
        titles = [t.title for c in store.concepts() for t in c.characteristics]
        titles += [s.title for s in store.similarities()]
        self.by_entity: dict[str, dict[str, str]] = {
            CONCEPT: {n.casefold(): c.abbreviation for c in store.concepts() for n in (c.abbreviation, c.name)},
            ASPECT: {a.name.casefold(): a.name for a in store.aspects()},
            CHARACTERISTIC: {t.casefold(): t for t in titles},
        }

    def canonical(self, entity: str, value: Any) -> str | None:
        if entity == TASK:
            text = str(value).strip()
            return text or None
        table = self.by_entity.get(entity)
        if table is None or value is None:
            return None
        return table.get(str(value).strip().casefold())


def resolve(
    entities: Iterable[dict[str, Any]], names: Names, text: str | None = None, intent: str | None = None
) -> Mentions:
    """Resolve Rasa's entity dicts (``entity``, ``value``, ``start``, ``end``).

    Args:
        entities: As Rasa's NLU returns them.
        names: The store's names.
        text: The message; when given, task fragments DIET split apart
            ("drafting" + "sustainability report") are joined back into one span.
        intent: The message's intent; when given, entities that intent cannot use
            are dropped (a "task" in an off-topic question, the aspect "Examples"
            in a request for examples).
    """
    if text is not None and text.startswith("/"):
        text = None  # a button payload: its entities have no place in the text
    found = []
    for item in entities:
        value = names.canonical(item.get("entity", ""), item.get("value"))
        if value is None:
            continue
        if intent is not None and (item.get("entity"), value) in _IGNORED.get(intent, ()):
            continue
        if intent is not None and item.get("entity") == TASK and intent not in TASK_INTENTS:
            continue
        start, end = item.get("start"), item.get("end")
        found.append((item["entity"], value, start if start is not None else -1, end if end is not None else -1))
    if text is not None:
        found = _join_task_fragments(found, text, names)
    tasks = [f for f in found if f[0] == TASK]
    # A name inside a longer name of another kind is part of it ("risk" in "risk
    # management"); an aspect or characteristic inside a task is part of the task
    # ("inventory management"). A concept always counts.
    kept = [
        f for f in found
        if f[0] in (TASK, CONCEPT)
        or not any(_inside(f, other) for other in found if other[0] not in (f[0], TASK, CONCEPT))
        and not any(_overlaps(f, task) for task in tasks)
    ]
    mentions = Mentions()
    lists = {CONCEPT: mentions.concepts, ASPECT: mentions.aspects,
             CHARACTERISTIC: mentions.characteristics, TASK: mentions.tasks}
    for entity, value, _, _ in sorted(kept, key=lambda f: f[2]):
        if value not in lists[entity]:
            lists[entity].append(value)
    return mentions


#: The intents whose questions can be about a task (a process the user describes).
TASK_INTENTS = frozenset({"example", "recommend", "inform", "follow_up", "nlu_fallback"})
#: Names that only restate the intent itself.
_IGNORED = {"example": {(ASPECT, "Examples")}, "define": {(ASPECT, "Definition")}}

#: What may stand between two pieces of one task ("drafting our report").
JOINERS = frozenset({"our", "the", "a", "an", "of", "for", "and", "my", "their", "to", "in", "on"})
#: What never joins two pieces: they are two tasks, or a task and a question.
SEPARATORS = frozenset({"or", "vs", "versus", "nor"})


def _join_task_fragments(
    found: list[tuple[str, str, int, int]], text: str, names: Names
) -> list[tuple[str, str, int, int]]:
    others = [f for f in found if f[0] != TASK]
    pieces = sorted((_extend(f, text, names) for f in found if f[0] == TASK and f[2] >= 0), key=lambda f: f[2])
    joined: list[tuple[str, str, int, int]] = []
    for piece in pieces:
        if joined:
            last = joined[-1]
            gap = text[last[3]:piece[2]].strip().lower().split()
            plain = all(word.isalnum() and word not in SEPARATORS for word in gap)
            if plain and (len(gap) <= 1 or (len(gap) == 2 and all(w in JOINERS for w in gap))):
                start, end = last[2], piece[3]
                joined[-1] = (TASK, text[start:end], start, end)
                continue
        joined.append(piece)
    unplaced = [f for f in found if f[0] == TASK and f[2] < 0]
    tasks = [_trim(f) for f in joined + unplaced]
    return others + [t for t in tasks if t is not None]


def _trim(task: tuple[str, str, int, int]) -> tuple[str, str, int, int] | None:
    """Drop leading and trailing words that carry no content; None if nothing is left."""
    words = task[1].split()
    while words and _framing(words[0]):
        words.pop(0)
    while words and _framing(words[-1]):
        words.pop()
    if not words:
        return None
    value = " ".join(words)
    start = task[2] + task[1].find(value) if task[2] >= 0 else task[2]
    return (TASK, value, start, start + len(value) if start >= 0 else task[3])


WORD = re.compile(r"[\w&/'-]+")


def _extend(task: tuple[str, str, int, int], text: str, names: Names) -> tuple[str, str, int, int]:
    """Grow a task span over adjacent content words DIET left out ("credit risk" + "modeling").

    It stops at punctuation, stop words, request words and concept names.
    """
    start, end = task[2], task[3]
    words = [(m.start(), m.end()) for m in WORD.finditer(text)]

    def joinable(span: tuple[int, int]) -> bool:
        word = text[span[0]:span[1]]
        return not _framing(word) and names.canonical(CONCEPT, word) is None

    after = [w for w in words if w[0] >= end]
    for span in after:
        if text[end:span[0]].strip() or not joinable(span):
            break
        end = span[1]
    before = [w for w in words if w[1] <= start][::-1]
    for span in before:
        if text[span[1]:start].strip() or not joinable(span):
            break
        start = span[0]
    return (TASK, text[start:end], start, end)


def _framing(word: str) -> bool:
    """A word that carries no content, or only the request's ("classed", "advise")."""
    lemmas = content_lemmas(word)
    return not lemmas or all(lemma in TASK_FRAME for lemma in lemmas)


def _overlaps(span: tuple[str, str, int, int], other: tuple[str, str, int, int]) -> bool:
    return span[2] >= 0 and other[2] >= 0 and span[2] < other[3] and other[2] < span[3]


def _inside(span: tuple[str, str, int, int], other: tuple[str, str, int, int]) -> bool:
    """True if ``span`` lies within ``other`` and is shorter."""
    _, _, start, end = span
    _, _, o_start, o_end = other
    if start < 0 or o_start < 0:
        return False
    return o_start <= start and end <= o_end and (end - start) < (o_end - o_start)
