"""Turn the entities Rasa found in a message into what the user mentioned.

Two extractors run: the RegexEntityExtractor on the store's closed vocabulary and
DIET (for open spans such as a task). Their results can repeat each other or
overlap ("risk management" is a characteristic, "risk" alone an aspect). Here
every value is checked against the store's names, a span inside a longer one is
dropped, and repeats are merged. Which entities an intent may carry is the route
table's business (:mod:`bot.answering.routes`); it tells :func:`resolve`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz

from bot.answering.spelling import Speller
from bot.contract import Entity
from bot.facts.lexicon import SOMEONE
from bot.facts.store import FactStore
from bot.text import content_lemmas, lemma, stop_words, tokens

CONCEPT, ASPECT, CHARACTERISTIC, TASK = Entity.CONCEPT, Entity.ASPECT, Entity.CHARACTERISTIC, Entity.TASK
#: Words of a request, not of a process: a "task" made only of these is no task.
TASK_FRAME = frozenset(
    "advise advice plan class classify count fall fit suit hire outsource outsourcing recommend choose pick "
    "decide option model type kind approach choice help sense suggest suggestion right best include contain handle "
    # ("is payroll better suited to bpo?": "better" and "best", read as "well", are no part of "payroll")
    "well "
    # (how often or how truly, never work: "what does that added value usually lead to?" names no task "added value
    # usually lead")
    "usually typically generally normally actually really mostly commonly basically".split()
)

#: Where a task's head ends: what it is for, of or about ("payroll for new hires"; "competitor and market research"
#: ends in "research").
HEAD_END = re.compile(r"\s+(?:for|of|on|in|with|to|about|into|from|at|by|before|after|across|using|via|"
                      r"over|like|than|who|that|which)\b.*$", re.IGNORECASE | re.DOTALL)

#: Who does the work, as an organisation ("firm prepares ...", "a contractor would do ...").
ORGANISATIONS = frozenset("firm team company vendor provider contractor department agency office partner supplier "
                          "business group crew clinic organisation organization outsourcer".split())
#: Words of wanting the work done ("our clinics want to outsource ...").
WANTING = frozenset({"want", "need", "wish"})
#: Who does or wants the work ("a contractor would do toll notices processing"): no task on their own.
ACTORS = ORGANISATIONS | {"staff", "employee", "worker", "people", "colleague"} | WANTING

#: Request words that name work when they end a task as its activity ("integration planning", "impact
#: modelling", "tax advice"); "a data entry model" still asks for a model of outsourcing.
WORK_NOUNS = frozenset({"plan", "model", "advice", "handle"})  # ("claims handling"; "handle legal affairs": the affairs)


def concept_names(store: FactStore) -> str:
    """Every concept's abbreviation and full name, as a regular expression's alternatives, longest first."""
    names = sorted((n for c in store.concepts() for n in (c.abbreviation, c.name)), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


def kind_names(store: FactStore) -> str:
    """The work each concept is by the word only its full name has ("knowledge work"), as alternatives."""
    words = [set(tokens(c.name)) for c in store.concepts()]
    own = sorted({w for i, mine in enumerate(words)
                  for w in mine - set().union(*(other for j, other in enumerate(words) if j != i)) if len(w) > 3})
    if not own:
        return r"(?!x)x"
    return rf"(?:{'|'.join(re.escape(w) for w in own)})(?:[- ]based)?[- ](?:work|outsourcing)"


@dataclass(frozen=True)
class Span:
    """One entity of a message, its value resolved to the store's spelling.

    Attributes:
        entity: The entity's name (concept, aspect, characteristic or task).
        value: The store's spelling of the name, or for a task the user's words.
        start: Where it starts in the message; None when it has no place in the text
            (the entities of a button's payload).
        end: Where it ends in the message, or None.
    """

    entity: str
    value: str
    start: int | None = None
    end: int | None = None

    @property
    def placed(self) -> bool:
        """Whether the span has a place in the message's text."""
        return self.start is not None and self.end is not None

    def order(self) -> int:
        """Its position for sorting; a span without a place comes first."""
        return self.start if self.start is not None else -1


@dataclass
class Mentions:
    """What one message names, each resolved to the store's spelling, in the order named."""

    concepts: list[str] = field(default_factory=list)
    aspects: list[str] = field(default_factory=list)
    characteristics: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)

    #: The first of each, or None.
    concept = property(lambda self: _first(self.concepts))
    aspect = property(lambda self: _first(self.aspects))
    characteristic = property(lambda self: _first(self.characteristics))
    task = property(lambda self: _first(self.tasks))


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


#: How close a run of words must be to a concept's full name to count as a misspelling of it
#: (rapidfuzz's ratio, 0-100): "knowledg processs outsorcing" is 93, "knowledge of the process" 55.
MISSPELLING_MIN = 85
#: How alike each word of such a run must be to the name's, for its words to be left out of a question's.
WORD_MISSPELLED_MIN = 80


#: A word this long at least may name a concept by its start ("infra": infrastructure).
CLIPPED_MIN = 4
#: "the infra one", "the knowledge kind": a concept named by a word of its name.
THE_ONE = re.compile(r"\bthe\s+([a-z]+)\s+(?:one|kind)\b", re.IGNORECASE)
#: "the app one", "the raw-machines one", "the pay-as-you-go version": a concept named by words of its own part of
#: the document (:attr:`Names.section_words`), in group 1.
THE_DESCRIBED = re.compile(r"\bthe\s+((?:[a-z]+-){0,4}[a-z]+(?:[- ](?:style|level|based|heavy|type|focused|oriented))?)"
                           r"\s+(one|kind|version|option|model|type|flavou?r)\b", re.IGNORECASE)
#: A word this long at least may be a word of a concept's own part of the document.
SECTION_MIN = 3
#: Words that name one of the two by its place or merit, not what it is ("the second one", "the better one").
ORDER_WORDS = frozenset("first second third last latter former next previous other another same better best worse "
                        "worst right wrong main new old cheaper cheap bigger smaller usual normal standard regular "
                        "one two both either neither "
                        # (and words of any sentence, which say nothing of the one they are in: "the work one")
                        "make mean use turn help offer work late long state art term exist practice team lead allow "
                        "enable relate result certain direct soon style level base heavy type focus orient".split())
#: A concept named by what kind of work it is ("expert-level outsourcing", "routine work", "the expert version"): the
#: describing word in group 1 or 2 (the first part of a compound: "expert" in "expert-level"), before "work", "jobs"
#: or the word every concept's full name ends with (:func:`described_pattern`).
DESCRIBED = (r"\b([a-z]+)(?:[- ]{suffix})?[- ](?:{field}work|jobs?)\b"
             # ("the expert, knowledge-heavy kind": a word before the describing one, with a comma)
             r"|\bthe\s+(?:[a-z]+,\s+)?([a-z]+)(?:[- ]{suffix})?\s+(?:kind|version|type|variety|sort|flavou?r|one)\b")
#: The second parts of a compound whose first part says the kind ("expert-level", "knowledge-based"; not
#: "low-latency").
KIND_SUFFIX = r"(?:level|based|heavy|intensive|oriented|driven|focused|grade|style|type)"
#: A concept named as a kind, a word before its describing one allowed ("the expert, knowledge-heavy kind", "the
#: knowledge-heavy kind", "the routine one"): the describing word in group 1.
KIND_NAMED = re.compile(rf"\b(?:the\s+)?(?:[a-z]+(?:-[a-z]+)?,?\s+)?([a-z]+)(?:-{KIND_SUFFIX})?\s+"
                        r"(?:kind|version|type|variety|sort|flavou?r|one|side)\b", re.IGNORECASE)
#: "or" just before a kind named, or just after it ("bpo or the knowledge based one", "the routine outsourcing or ..."),
#: within this many characters before it.
OR_BEFORE = re.compile(r"\bor\s+(?:the\s+)?$", re.IGNORECASE)
OR_AFTER = re.compile(r"(?:[- ][a-z]+){0,2}\s*,?\s+or\b", re.IGNORECASE)
OFFERED_REACH = 12
#: What stands before "X work" when "work" is a verb ("how does innovation work?").
WORK_VERB = re.compile(r"\b(?:does|do|did|would|will|can|could|should|might|to)\s+$", re.IGNORECASE)
#: A word offered before the describing one ("the routine or the expert kind"): the word in group 1.
OFFERED_BEFORE = re.compile(r"\b([a-z]+)(?:-[a-z]+)?\s+or\s+(?:the\s+)?$", re.IGNORECASE)
#: "what about infrastructure?", "and knowledge?": a follow-up of a word of a concept's name alone.
WORD_ALONE = re.compile(r"^\W*(?:(?:(?:and|but|so|ok(?:ay)?)\W+)?(?:what|how)\s+about|and)\s+(?:the\s+)?([a-z]+)\W*$",
                        re.IGNORECASE)


def described_pattern(store: FactStore) -> re.Pattern[str]:
    """:data:`DESCRIBED`, with the word every concept's full name ends with ("outsourcing"), if they share one."""
    last = {c.name.split()[-1].casefold() for c in store.concepts() if len(c.name.split()) > 1}
    field = f"{re.escape(last.pop())}|" if len(last) == 1 else ""
    return re.compile(DESCRIBED.format(field=field, suffix=KIND_SUFFIX), re.IGNORECASE)


def full_names(store: FactStore) -> dict[str, str]:
    """The concepts' full names of more than one word, lower case, with their abbreviation."""
    return {c.name.casefold(): c.abbreviation for c in store.concepts() if len(c.name.split()) > 1}


def without_misspelled_names(names: dict[str, str], text: str) -> str:
    """The text less the full names it spells wrongly word by word ("sofware as a serivce"), which ask nothing."""
    for span in sorted(misspelled_names(names, text, word_by_word=True), key=lambda s: -(s.start or 0)):
        text = f"{text[:span.start]} {text[span.end:]}"
    return text


def misspelled_names(full_names: dict[str, str], text: str, word_by_word: bool = False) -> list[Span]:
    """Concepts whose full name (lower case, to its abbreviation) the text spells wrongly ("busines procces outsourcng").

    Each full name is compared with every run of one word fewer to one word more of the
    text; the closest run counts when it is at least :data:`MISSPELLING_MIN` alike. With
    ``word_by_word``, only a run of as many words, each :data:`WORD_MISSPELLED_MIN` alike to
    the name's ("sofware as a serivce"; not "the infrastructure or the service"); either way also one word that is
    the name run together ("knowledgeprocessoutsourcing").
    """
    words = [(m.start(), m.end()) for m in WORD.finditer(text)]
    found = []
    for name, abbreviation in full_names.items():
        size = len(name.split())
        best: tuple[float, int, int] = (0.0, 0, 0)
        for length in (size - 1, size, size + 1):
            for i in range(len(words) - length + 1):
                start, end = words[i][0], words[i + length - 1][1]
                score = fuzz.ratio(text[start:end].casefold(), name)
                if score > best[0]:
                    best = (score, start, end)
        # ("knowledgeprocessoutsourcing": the words run together)
        together = False
        for start, end in words:
            score = fuzz.ratio(text[start:end].casefold(), name.replace(" ", ""))
            if score > best[0]:
                best, together = (score, start, end), True
        run = text[best[1]:best[2]].casefold().split()
        if best[0] >= MISSPELLING_MIN and (not word_by_word or together or len(run) == size and all(
                fuzz.ratio(written, word) >= WORD_MISSPELLED_MIN for written, word in zip(run, name.split(), strict=True))):
            found.append(Span(CONCEPT, abbreviation, best[1], best[2]))
    return found


class Names:
    """The store's canonical names per entity, for case-insensitive lookups."""

    def __init__(self, store: FactStore, words: Iterable[str] = ()) -> None:
        """Read the store's names; ``words``: the reviewed topic words, which a misspelling may stand for."""
        words = frozenset(words)
        titles = [t.title for c in store.concepts() for t in c.characteristics]
        titles += [s.title for s in store.similarities()]
        self.by_entity: dict[str, dict[str, str]] = {
            CONCEPT: {n.casefold(): c.abbreviation for c in store.concepts() for n in (c.abbreviation, c.name)},
            ASPECT: {a.name.casefold(): a.name for a in store.aspects()},
            CHARACTERISTIC: {t.casefold(): t for t in titles},
        }
        #: The rows' names by their words' lemmas, for a row DIET found inflected ("what each one focuses on": Focus).
        self.by_lemmas = {ASPECT: {_lemmas(written): name for written, name in self.by_entity[ASPECT].items()}}
        #: ... and by their words' stems, for one word DIET found in another form or spelling of it ("customise":
        #: Customization, "complex": Complexity, "innovating": Innovation); a stem two rows share names neither
        # (a word that is only part of a longer name is no other form of it: "services" is not Service Type)
        stems: dict[str, set[str]] = {}
        self.name_words = set()
        for name in self.by_entity[ASPECT].values():
            for word in tokens(name):
                self.name_words.add(lemma(word))
                stems.setdefault(_stem(lemma(word)), set()).add(name)
        self.by_stem = {stem: names.pop() for stem, names in stems.items() if len(names) == 1}
        #: The concepts' full names, lower case, with their abbreviation (misspellings are looked for).
        self.full_names = full_names(store)
        #: ... and as the store writes them, by abbreviation.
        self.written_names = {c.abbreviation: c.name for c in store.concepts()}
        #: Any concept's abbreviation or full name, as a regular expression's alternatives (longest first).
        self.concept_names = concept_names(store)
        #: The words of the concepts' abbreviations and full names, as :func:`tokens` reads them ("bpo", "business").
        self.concept_tokens = frozenset(t for c in store.concepts() for t in tokens(f"{c.abbreviation} {c.name}"))
        #: Every concept's kind of work named by the word only its full name has ("knowledge work", "knowledge-based
        #: outsourcing" for Knowledge Process Outsourcing, "business work" for BPO), as alternatives.
        self.kind_names = kind_names(store)
        #: Either, as alternatives: what a question asking which kind a process is may name.
        self.concept_and_kind_names = f"{self.concept_names}|{self.kind_names}"
        #: The lemmas of the word every concept's full name ends with, the field they are kinds of ("outsourcing").
        heads = {tuple(content_lemmas(c.name.split()[-1])) for c in store.concepts() if len(c.name.split()) > 1}
        self.field_words = frozenset(heads.pop()) if len(heads) == 1 else frozenset()
        #: The document's examples, lower case ("payroll").
        self.examples = frozenset(example.text.casefold() for _, example in store.examples())
        #: The words of one concept's full name only ("infrastructure": IaaS), for "the infra one".
        named = {c.abbreviation: set(c.name.casefold().split()) for c in store.concepts() if len(c.name.split()) > 1}
        self.own_words = {w: a for a, words in named.items() for w in words
                          if len(w) >= CLIPPED_MIN and not any(w in other for b, other in named.items() if b != a)}
        #: The lemmas of the comparison table's cells of one concept only ("routine": BPO, "expert": KPO), less the
        #: words of the concepts' names and of the topics the document names (its rows, characteristics and
        #: similarities: "cost", "innovation", "strategic"): what describes the kind of work it is.
        cells: dict[str, set[str]] = {c.abbreviation: set() for c in store.concepts()}
        for aspect in store.aspects():
            if aspect.items:  # (not the examples: "customer service work" is a process)
                continue
            for concept, value in aspect.values.items():
                cells.setdefault(concept, set()).update(content_lemmas(value))
        named_words = {w for c in store.concepts() for w in content_lemmas(c.name)}
        named_words |= {w for name in [*self.by_entity[ASPECT].values(), *titles] for w in content_lemmas(name)}
        self.describing = {w: a for a, words in cells.items() for w in words - named_words
                           if not any(w in other for b, other in cells.items() if b != a)}
        self.described = described_pattern(store)
        #: The lemmas of one concept's own part of the document only (its definition, characteristics and cells):
        #: "the app one" (SaaS's "applications"), "the raw-machines one" (IaaS's "raw", "machines").
        section: dict[str, set[str]] = {}
        for c in store.concepts():
            texts = [c.definition, *(f"{t.title} {t.text}" for t in c.characteristics)]
            texts += [aspect.values[c.abbreviation] for aspect in store.aspects() if c.abbreviation in aspect.values]
            section[c.abbreviation] = {w for text in texts for w in content_lemmas(text) if len(w) >= SECTION_MIN}
        self.section_words = {w: a for a, own in section.items() for w in own - ORDER_WORDS
                              if not w.endswith("ly") and not any(w in other for b, other in section.items() if b != a)}
        #: Words that ask a topic on their own: alone, they describe no concept ("only the cost one" after the
        #: characteristics asks the one on cost; "the per-hour one" is IaaS).
        self.topic_words = frozenset(lemma(w) for w in words if " " not in w)
        #: The words a misspelled word of a message is read as (:mod:`bot.answering.spelling`).
        self.speller = Speller(store, words)
        #: Nouns every sense of which is a person ("competitor", "scientist"), from WordNet through the store.
        self.someone = store.people([SOMEONE])

    def names_someone(self, task: str) -> bool:
        """Whether a "task" names people, not work: its head, the last word before what it is for or of, is a person.

        "competitors", "a data scientist", "our customers" name people; "customer service",
        "payroll for new hires", "answering customer calls" and "recruiting" (no "recruit") name
        work, and "servers" are things too. A document's example ("Customer Service") is always work.
        """
        head = HEAD_END.sub("", task)
        words = [w for w in WORD.findall(head) if w.isalpha()]
        if not words or task.casefold() in self.examples or words[-1].casefold().endswith("ing"):
            return False
        return self.names_people(words[-1])

    def names_people(self, word: str) -> bool:
        """Whether a word names people in every sense WordNet gives it ("manager", "hire", "students")."""
        return lemma(word.casefold()) in self.someone

    def clipped_concepts(self, text: str) -> list[Span]:
        """Concepts named as "the <a word of its name only, or its start> one": "and the infra one?" (IaaS).

        Or by that word alone, as all a follow-up says: "what about infrastructure?".
        """
        found = []
        for m in [*THE_ONE.finditer(text), *([alone] if (alone := WORD_ALONE.match(text)) else [])]:
            word = m.group(1).casefold()
            hits = {a for w, a in self.own_words.items() if w.startswith(word)} if len(word) >= CLIPPED_MIN else set()
            if len(hits) == 1:
                found.append(Span(CONCEPT, hits.pop(), m.start(1), m.end(1)))
        # (not in a message that names a concept by name: "What is the cost model of IaaS?", "Is IaaS the easy option?")
        for m in THE_DESCRIBED.finditer(text) if not self.concepts_named(text) else ():
            # ("the cost model", "the delivery model": a lone word before "model", "option" or "type" names a kind of
            # thing, not one of the two; "the raw-machines option" may)
            if m.group(2).lower() in ("model", "option", "type") and not re.search(r"[- ]", m.group(1)):
                continue
            if not re.search(r"[- ]", m.group(1)) and lemma(m.group(1).lower()) in self.topic_words:
                continue
            # (not one of two offered: "the cheap option or the expert option?", "the routine or the expert kind")
            offered = re.match(r"\s*,?\s*or\b", text[m.end():]) or re.search(r"\bor\s+$", text[:m.start()])
            if offered or any(f.start is not None and m.start(1) <= f.start < m.end(1) for f in found):
                continue
            named = {self.described_by(word) for word in re.split(r"[- ]+", m.group(1).casefold())} - {None}
            if len(named) == 1:
                found.append(Span(CONCEPT, named.pop(), m.start(1), m.end(1)))
        return found

    def described_by(self, word: str) -> str | None:
        """The concept a word of "the <words> one" names, or None.

        A word of its own part of the document only, or that word's start ("app": "applications"); not a word of no
        one concept's, nor a word of order ("the second one").
        """
        word = lemma(word)
        # (nor a stop word: "out" of "the contracted-out model" is no start of "outcome")
        if word in ORDER_WORDS or len(word) < SECTION_MIN or word.endswith("ly") or word in stop_words():
            return None
        if word in self.section_words:
            return self.section_words[word]
        hits = {a for w, a in self.section_words.items() if w.startswith(word)}
        return hits.pop() if len(hits) == 1 else None

    def described_concepts(self, text: str) -> list[Span]:
        """Concepts named by the kind of work they are, in a text that names none by name.

        "expert-level outsourcing" and "the expert version" are KPO, "routine work" BPO, "knowledge
        outsourcing" KPO: a word of the comparison table's cells of one concept only
        (:attr:`describing`), or of its full name only.
        """
        found = []
        for m in self.described.finditer(text):
            group = 1 if m.group(1) is not None else 2
            # (not "work" as a verb: "how does innovation work?"; but "can knowledge work outsourcing be scaled?")
            if (group == 1 and WORK_VERB.search(text, 0, m.start(1)) and m.group(0).casefold().endswith("work")
                    and not self.described.match(text, m.end() - len("work"))):
                continue
            # (and the word offered before it: "the routine or the expert kind", "routine or expert work")
            other = OFFERED_BEFORE.search(text, 0, m.start(group))
            for start, end in ([(other.start(1), other.end(1))] if other else []) + [(m.start(group), m.end(group))]:
                word = text[start:end].casefold()
                concept = self.describing.get(lemma(word)) or self.own_words.get(word)
                if concept is not None:
                    found.append(Span(CONCEPT, concept, start, end))
        return found

    def kinds_as_names(self, text: str) -> str:
        """``text`` with each concept named as a kind (:data:`KIND_NAMED`) written as its abbreviation.

        "And what about the expert, knowledge-heavy kind?" reads "And what about KPO?".
        """
        def named(found: re.Match[str]) -> str:
            word = found.group(1).casefold()
            return self.describing.get(lemma(word)) or self.own_words.get(word) or found.group(0)

        return KIND_NAMED.sub(named, text)

    def concepts_named(self, text: str) -> set[str]:
        """The concepts a text names by abbreviation or full name, each as the store spells it ("BPO", "KPO")."""
        return {self.canonical(CONCEPT, m.group(0)) for m in re.finditer(rf"\b(?:{self.concept_names})\b", text,
                                                                          re.IGNORECASE)} - {None}

    def names_a_concept(self, text: str) -> bool:
        """Whether a text names a concept: its abbreviation or full name, even misspelled."""
        return (re.search(rf"\b(?:{self.concept_names})\b", text, re.IGNORECASE) is not None
                or bool(self.misspelled_concepts(text)))

    def misspelled_concepts(self, text: str) -> list[Span]:
        """Concepts whose full name the text spells wrongly ("busines procces outsourcng")."""
        return misspelled_names(self.full_names, text)

    def canonical(self, entity: str, value: Any) -> str | None:
        """The store's spelling of ``value`` as an ``entity``; a task as written; None if unknown."""
        if entity == TASK:
            text = str(value).strip()
            return text or None
        table = self.by_entity.get(entity)
        if table is None or value is None:
            return None
        written = str(value).strip().casefold()
        found = table.get(written) or self.by_lemmas.get(entity, {}).get(_lemmas(written))
        if (found is None and entity == ASPECT and len(words := tokens(written)) == 1
                and lemma(words[0]) not in self.name_words):
            return self.by_stem.get(_stem(lemma(words[0])))
        return found


#: Endings of words made from others ("customisation", "complexity", "innovating"), longest first; a stem is what is
#: left when one is taken off, of at least :data:`STEM` letters.
ENDINGS = tuple(sorted("isation isations ization izations ability ation ations ising izing ised ized ise ize ity ities "
                       "ion ions ing able ate ated ating".split(), key=len, reverse=True))
STEM = 4


def _stem(word: str) -> str:
    """A word without the one ending (:data:`ENDINGS`) that leaves a stem: "customise" and "customization": "custom"."""
    return next((word[:-len(e)] for e in ENDINGS if word.endswith(e) and len(word) - len(e) >= STEM), word)


def _lemmas(written: str) -> str:
    """A name's words as their lemmas, for a lookup that does not mind inflection."""
    return " ".join(lemma(word) for word in tokens(written))


def resolve(
    entities: Iterable[dict[str, Any]],
    names: Names,
    text: str | None = None,
    tasks: bool = True,
    restated: Set[tuple[str, str]] = frozenset(),
) -> Mentions:
    """Resolve Rasa's entity dicts (``entity``, ``value``, ``start``, ``end``).

    Args:
        entities: As Rasa's NLU returns them.
        names: The store's names.
        text: The message; when given, task fragments DIET split apart
            ("drafting" + "sustainability report") are joined back into one span.
        tasks: Whether the message's intent can be about a task; if not, a "task"
            (in an off-topic question, say) is dropped.
        restated: ``(entity, value)`` pairs that only restate the intent (the aspect
            "Examples" in a request for examples); they are dropped.
    """
    if text is not None and text.startswith("/"):
        text = None  # a button payload: its entities have no place in the text
    found = []
    for item in entities:
        entity = item.get("entity", "")
        value = names.canonical(entity, item.get("value"))
        if value is None or (entity, value) in restated or (entity == TASK and not tasks):
            continue
        found.append(Span(entity, value, item.get("start"), item.get("end")))
    if text is not None:
        # "how do bpo firms manage to be more efficient ...?": "manage to" is succeeding, not a row named Management
        found = [f for f in found if not (f.entity != TASK and f.start is not None and MANAGE_TO.match(text, f.start))]
        # "what do people mean by KPO?": the people who use a word are no row of who does the work
        found = [f for f in found if not (f.entity != TASK and f.start is not None and PEOPLE_SAY.match(text, f.start))]
        # "Leadership wants a straight recommendation: ...": who wants an answer is no process
        found = [f for f in found if not (f.entity == TASK and f.end is not None and WANTS_ANSWER.match(text, f.end)
                                          and set(content_lemmas(f.value)) <= WHO_WANTS)]
        misspelled = names.misspelled_concepts(text)
        # a "task" that is only a misspelled concept name is no task
        found = [f for f in found if not (f.entity == TASK and any(_within(f, m) for m in misspelled))]
        found += misspelled + [c for c in names.clipped_concepts(text) if not any(_within(c, f) for f in found)]
        if not any(f.entity == CONCEPT for f in found):  # ("is farming out expert work riskier than routine work?")
            found += [c for c in names.described_concepts(text) if not any(_overlaps(c, f) for f in found)]
        else:
            # (beside one named, a kind offered as the other of two: "bpo or the knowledge based one", "the routine
            # outsourcing or the knowledge outsourcing"; not "Can KPO do routine work too?")
            named = [f for f in found if f.entity == CONCEPT]
            found += [c for c in names.described_concepts(text) if c.start is not None and c.end is not None
                      and (OR_BEFORE.search(text, max(0, c.start - OFFERED_REACH), c.start)
                           or OR_AFTER.match(text, c.end))
                      and c.value not in {f.value for f in named} and not any(_overlaps(c, f) for f in named)]
        found = _join_task_fragments(found, text, names)
        # "By what percentage does BPO typically cut operational costs?": a figure asked is no task
        # (nor a comparative: "which is cheaper for us, bpo or kpo?")
        # (nor "sort" of "what sort of work do companies send to KPO?", nor "sort of thinking goes" of "what sort of
        # thinking goes into it?")
        found = [f for f in found if not (f.entity == TASK and (set(content_lemmas(f.value)) <= FIGURE_WORDS
                                                                or COMPARED_ONLY.match(f.value)
                                                                or _kind_asked(f, text)))]
        # "how does the document define Knowledge Process Outsourcing": a "task" cut across a concept's name is none
        found = [f for f in found if not (f.entity == TASK and any(
            _overlaps(f, c) and not _within(c, f) for c in found if c.entity == CONCEPT))]
        # "which requires more demanding skills?", "which is more intricate to customize?": a row named by one word after
        # a degree that qualifies the next row named (at most "to" between) is no row asked; the next is (not
        # "Innovation payoff: BPO vs KPO?")
        rows = sorted((f for f in found if f.entity == ASPECT and f.start is not None and f.end is not None),
                      key=lambda f: f.start)
        qualifying = [a for a, b in zip(rows, rows[1:], strict=False) if a.value != b.value and " " not in
                      text[a.start:a.end].strip() and re.fullmatch(r"\s+(?:to\s+)?", text[a.end:b.start])
                      and DEGREE_BEFORE.search(text[:a.start])]
        found = [f for f in found if f not in qualifying]
        # "we need full control over the whole stack": a task within a characteristic's name is part of it
        found = [f for f in found if not (f.entity == TASK and any(_within(f, c) for c in found
                                                                   if c.entity == CHARACTERISTIC))]
    task_spans = [f for f in found if f.entity == TASK]
    # A name inside a longer name of another kind is part of it ("risk" in "risk
    # management"); an aspect or characteristic inside a task is part of the task
    # ("inventory management"). A concept always counts.
    kept = [
        f for f in found
        if f.entity in (TASK, CONCEPT)
        or not any(_inside(f, other) for other in found if other.entity not in (f.entity, TASK, CONCEPT))
        and not any(_overlaps(f, task) for task in task_spans)
    ]
    mentions = Mentions()
    lists = {CONCEPT: mentions.concepts, ASPECT: mentions.aspects,
             CHARACTERISTIC: mentions.characteristics, TASK: mentions.tasks}
    for span in sorted(kept, key=Span.order):
        if span.value not in lists[span.entity]:
            lists[span.entity].append(span.value)
    return mentions


#: A degree just before a word ("more demanding", "so intricate"): the word qualifies what follows it.
DEGREE_BEFORE = re.compile(r"\b(?:more|less|most|least|very|so|too|quite|really|pretty|super)\s+$", re.IGNORECASE)
#: Words that name a figure, not work ("by what percentage ...", "the rate").
FIGURE_WORDS = frozenset("percentage percent number figure amount price rate fee salary wage ratio share".split())
#: A "task" that only compares ("cheaper", "more expensive").
COMPARED_ONLY = re.compile(r"^\s*(?:(?:more|less)\s+\w+|cheaper|costlier|pricier|better|worse|safer|riskier|faster|"
                           r"slower|easier|harder)\s*$", re.IGNORECASE)
#: What may stand between two pieces of one task ("drafting our report").
JOINERS = frozenset({"our", "the", "a", "an", "of", "for", "and", "my", "their", "to", "in", "on"})
#: What never joins two pieces: they are two tasks, or a task and a question.
SEPARATORS = frozenset({"or", "vs", "versus", "nor"})
#: A word for a kind of something, before "of" ("what sort of work"): no process.
KIND_WORD_OF = re.compile(r"(?:sorts?|kinds?|types?)\s+of", re.IGNORECASE)


def _kind_asked(found: Span, text: str) -> bool:
    """Whether a "task" is only the word for a kind ("sort"), or opens on it after "what" or "which"."""
    if found.start is None or not KIND_WORD_OF.match(text, found.start):
        return False
    return len(found.value.split()) == 1 or re.search(r"\b(?:what|which)\s+$", text[:found.start], re.IGNORECASE) is not None


def _join_task_fragments(found: list[Span], text: str, names: Names) -> list[Span]:
    others = [f for f in found if f.entity != TASK]
    pieces = sorted((_extend(f, text, names) for f in found if f.entity == TASK and f.placed), key=Span.order)
    joined: list[Span] = []
    for piece in pieces:
        if joined:
            last = joined[-1]
            between = text[last.end:piece.start]
            gap = between.strip().lower().split()
            plain = all(word.isalnum() and word not in SEPARATORS for word in gap)
            # "post" + "merger integration planning": a hyphen inside one word joins too
            hyphen = bool(between) and not between.strip("-")
            if hyphen or plain and (len(gap) <= 1 or (len(gap) == 2 and all(w in JOINERS for w in gap))):
                end = max(last.end, piece.end)  # a piece grown by _extend may cover the next one
                joined[-1] = Span(TASK, text[last.start:end], last.start, end)
                continue
        joined.append(piece)
    unplaced = [f for f in found if f.entity == TASK and not f.placed]
    tasks = [t for t in (_trim(f) for f in joined + unplaced)
             if t is not None and not (_said_of_it(t, text) and t.value.casefold() not in names.examples)]
    # "our vendor would do document scanning and indexing": the work, not who does it
    work = [t for t in tasks if not set(content_lemmas(t.value)) <= ACTORS]
    # "what edge would it give us over competitors?", "I'm a data scientist": people, no process to place
    # (the one who does the work, "our vendor", stays when nothing else is named)
    tasks = [t for t in tasks if not names.names_someone(t.value) or set(content_lemmas(t.value)) <= ACTORS]
    work = [t for t in work if not names.names_someone(t.value)]
    # "HR question - if we hand our payroll to an outside firm": the task the document names first
    work.sort(key=lambda t: t.value.casefold() not in names.examples)
    return others + (work or tasks)


#: "manage to" (do something): succeeding at it, no name of the document's.
MANAGE_TO = re.compile(r"manag(?:e|es|ed|ing)\s+to\s+(?!the\b|a\b|an\b|our\b|their\b|its\b)\w", re.IGNORECASE)
#: What "it" is said to be, before a word NLU took for a task: "Is it legal under GDPR to send ...?".
SAID_OF_IT = re.compile(r"\b(?:is|isn't|was|would|will)\s+it\s+(?:be\s+)?(?:really\s+|even\s+|actually\s+|still\s+)?$",
                        re.IGNORECASE)
#: ... and after it: "... to", "... under" (not "would it be payroll if ...?", which names a process).
SAID_TO = re.compile(r"\s+(?:to|under)\b", re.IGNORECASE)
#: After a "task", what says it is the one who wants the answer: "Leadership wants a straight recommendation".
WANTS_ANSWER = re.compile(r"\s+(?:wants?|wanted|asks?|asked|would\s+like)\s+(?:a|an|to|me|us|the)\b", re.IGNORECASE)
#: ... when the "task" names people who ask, not a process ("Payroll wants an outside provider" is about payroll).
WHO_WANTS = frozenset("leadership management boss manager board ceo cfo cto coo cio vp director executive exec stakeholder "
                      "leader".split())
#: People who use a word, not who does the work ("what people mean by KPO", "what folks call SaaS").
PEOPLE_SAY = re.compile(r"(?:people|folks|everyone|others)\s+(?:mean|means|meant|say|says|call|calls)\b", re.IGNORECASE)


def _said_of_it(task: Span, text: str) -> bool:
    """Whether a one-word task is what "it" is said to be ("Is it legal under GDPR to ...?"), no process."""
    return (task.placed and task.start is not None and task.end is not None and " " not in task.value
            and SAID_OF_IT.search(text[:task.start]) is not None and SAID_TO.match(text[task.end:]) is not None)


def _trim(task: Span) -> Span | None:
    """Drop leading and trailing words that carry no content, and brackets ("IT helpdesk ("); None if nothing is left."""
    words = [w for w in task.value.strip("()[] ").split() if w.strip("()[]")]
    while words and _framing(words[0]):
        words.pop(0)
    while words and _framing(words[-1], WORK_NOUNS):
        words.pop()
    if not words:
        return None
    value = " ".join(words)
    if not task.placed:
        return replace(task, value=value)
    start = task.start + task.value.find(value)
    return Span(TASK, value, start, start + len(value))


WORD = re.compile(r"[\w&/'-]+")


def _extend(task: Span, text: str, names: Names) -> Span:
    """Grow a task span over adjacent content words DIET left out ("credit risk" + "modeling").

    It stops at punctuation, stop words, request words and concept names.
    """
    assert task.start is not None and task.end is not None
    start, end = task.start, task.end
    words = [(m.start(), m.end()) for m in WORD.finditer(text)]

    def joinable(span: tuple[int, int], kept: frozenset[str] = frozenset()) -> bool:
        word = text[span[0]:span[1]]
        return not _framing(word, kept) and names.canonical(CONCEPT, word) is None

    after = [w for w in words if w[0] >= end]
    for span in after:
        if text[end:span[0]].strip() or not joinable(span, WORK_NOUNS):
            break
        end = span[1]
    before = [w for w in words if w[1] <= start][::-1]
    for span in before:
        if text[span[1]:start].strip() or not joinable(span):
            break
        start = span[0]
    return Span(TASK, text[start:end], start, end)


def _framing(word: str, kept: frozenset[str] = frozenset()) -> bool:
    """A word that carries no content, or only the request's ("classed", "advise").

    Args:
        word: The word as written.
        kept: Lemmas that are work, not request, in the "-ing" form, plural or as "advice" ("planning").
    """
    lemmas = content_lemmas(word)
    work = word.lower().endswith(("ing", "s")) or word.lower() == "advice"  # "planning", "risk models"
    return not lemmas or all(lemma in TASK_FRAME and not (work and lemma in kept) for lemma in lemmas)


def _overlaps(span: Span, other: Span) -> bool:
    if not (span.placed and other.placed):
        return False
    return span.start < other.end and other.start < span.end  # type: ignore[operator]


def _within(span: Span, other: Span) -> bool:
    """True if ``span`` lies within ``other`` (or is the same)."""
    if not (span.placed and other.placed):
        return False
    return other.start <= span.start and span.end <= other.end  # type: ignore[operator]


def _inside(span: Span, other: Span) -> bool:
    """True if ``span`` lies within ``other`` and is shorter."""
    if not (span.placed and other.placed):
        return False
    start, end, o_start, o_end = span.start, span.end, other.start, other.end
    return o_start <= start and end <= o_end and (end - start) < (o_end - o_start)  # type: ignore[operator]
