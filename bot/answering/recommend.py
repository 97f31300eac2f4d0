"""Recommend BPO or KPO for a task, on evidence from the document that discriminates.

Evidence is built from the store: the examples each concept names, the
comparison table's cells, the "such as" lists and titles of the
characteristics, and, with little weight, the words of each concept's own
text. A word counts only if it belongs to one concept's evidence and not the
other's; the similarities count for neither. A clause of one concept's text
that talks about another concept ("Unlike BPO, which focuses on routine
tasks") is not evidence for the concept whose section it stands in.

Everyday names for what the document names ("call centre" for customer
service) come from a reviewed data file, ``data/recommend/aliases.yml``.

A task whose name the evidence does not settle may still be described in a way that
does ("every scenario set is customised and built by quants with advanced degrees"):
:meth:`Recommender.describe` reads the description with the cue words the guided
classification reads typed answers with (``data/classify/answers.yml``), a negation
giving a word to the other concept.

Each piece of evidence keeps its :class:`~bot.facts.model.Place` in the document
as data; the answer cites it (:func:`bot.wording.cite`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.answering.retrieve import spellings_of
from bot.facts.model import Concept, Part, Place
from bot.facts.prose import split_sentences, starts_relative_clause, such_as_items
from bot.facts.store import FactStore
from bot.paths import ALIASES, CLASSIFY_CUES
from bot.text import CLAUSE_END, content_lemmas, is_form_of, lemma, negation_before, stop_words, tokens

#: A task's word shorter than this is never corrected (see :meth:`Recommender.spelled`).
SPELLED_LENGTH = 4
#: A word of a task, in any alphabet ("coöperation" is one word).
WORD = re.compile(r"[^\W\d_]+")
#: Weight of a whole phrase matched, by kind of evidence.
PHRASE_WEIGHTS = {"example": 3.0, "table": 2.0, "such as": 2.5, "title": 1.5}
#: A single word of a phrase, or of running text, counts this share of its phrase weight.
WORD_SHARE = 0.5
TEXT_WEIGHT = 0.5
#: Words of a table cell that only say where on the row's scale a concept is.
DEGREE_WORDS = frozenset({"low", "medium", "moderate", "high", "limited", "less", "more", "minimal", "substantial"})
#: The recommended concept needs at least this score, and this much more than the runner-up.
MIN_SCORE = 2.0
MIN_MARGIN = 1.5
#: A description settles a task when this many of its words point to one concept, and this many times as
#: many as to the other ("our vendor does actuarial reviews where qualified actuaries analyse claims": 4 to 1).
#: One word is enough when none points the other way ("the agents just walk callers through a fixed
#: troubleshooting flowchart"): on the development sets no task was decided wrong by it, and two words left
#: a third of short descriptions undecided.
DESCRIBED_MIN = 1
DESCRIBED_RATIO = 3

@dataclass(frozen=True)
class Evidence:
    """A phrase of the document that points to one concept.

    Attributes:
        concept: The concept's abbreviation.
        phrase: The phrase as the document writes it.
        kind: "example", "table", "such as", "title" or "text".
        place: The part of the document it comes from.
        lemmas: The phrase's content lemmas.
    """

    concept: str
    phrase: str
    kind: str
    place: Place
    lemmas: frozenset[str]

    @property
    def weight(self) -> float:
        """The score of a match of the whole phrase: its kind's ``PHRASE_WEIGHTS``, or ``TEXT_WEIGHT``."""
        return PHRASE_WEIGHTS.get(self.kind, TEXT_WEIGHT)


@dataclass(frozen=True)
class Match:
    """Evidence found in a task, and the task's words that matched it."""

    evidence: Evidence
    words: tuple[str, ...]
    score: float
    whole: bool


@dataclass
class Recommendation:
    """The outcome for one task.

    Attributes:
        task: The task as the user wrote it.
        concept: The recommended concept, or None when the evidence does not settle it.
        scores: Each concept's score.
        matches: Each concept's matched evidence, strongest first.
        aliases: (alias found in the task, document phrase it stands for).
    """

    task: str
    concept: str | None
    scores: dict[str, float]
    matches: dict[str, list[Match]] = field(default_factory=dict)
    aliases: list[tuple[str, str]] = field(default_factory=list)

    @property
    def margin(self) -> float:
        """How far the best score leads the runner-up's (the best score itself for a single concept)."""
        ranked = sorted(self.scores.values(), reverse=True)
        return ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0)



@dataclass(frozen=True)
class Description:
    """What a description of a task says of it: each concept's cue words, as written."""

    concept: str | None
    words: dict[str, list[str]]


def load_description_words(path: str | Path = CLASSIFY_CUES) -> dict[str, frozenset[str]]:
    """The reviewed cue words of each concept (lemmas), as the guided classification reads answers."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    concepts = data.get("concepts") or {}
    return {str(c): frozenset(lemma(str(w).lower()) for w in words or []) for c, words in concepts.items()}


def load_people(path: str | Path = CLASSIFY_CUES) -> dict[str, tuple[str, ...]]:
    """The kinds of people whose doing the work marks each concept's (``people``: concept -> WordNet kinds)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {str(c): tuple(str(k) for k in kinds or []) for c, kinds in (data.get("people") or {}).items()}


def _turned(written: list[str], said: list[str], first: str, second: str, stops: frozenset[str] | set[str]) -> bool:
    """Whether a two-word name is said the other way round, its thing after the doing said as doing ("-ing").

    "reviewing our contracts" says "contract review", "processing invoices" "invoice processing": at most one stop
    word stands between. Not "check the documents" (a document check), "call our sales leads" (a sales call) or
    "email our customers", where the name's first word is not what is done something to.
    """
    return any(word == second and written[i].endswith("ing")
               and (said[i + 1:i + 2] == [first]
                    or said[i + 1:i + 2] and said[i + 1] in stops and said[i + 2:i + 3] == [first])
               for i, word in enumerate(said))


def load_aliases(path: str | Path = ALIASES) -> dict[str, list[str]]:
    """Read ``document phrase -> [alias, ...]`` from the reviewed aliases file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    aliases = data.get("aliases", {})
    if not isinstance(aliases, dict):
        raise ValueError(f"{path}: 'aliases' must map a document phrase to a list of aliases")
    return {str(k): [str(a) for a in v or []] for k, v in aliases.items()}


def _abbreviated_examples(store: FactStore, evidence: list[Evidence]) -> dict[str, str]:
    """The document's examples of two to five words by their initials ("VM": virtual machines).

    Only initials no other run of the document's words has: on a document that also says "operating system", "OS"
    stands for no example ("object storage").
    """
    runs: dict[str, set[str]] = {}
    stops = stop_words()
    for passage in store.passages():
        words = re.findall(r"[A-Za-z][\w&'-]*", passage.text)
        for size in range(2, 6):
            for i in range(len(words) - size + 1):
                run = words[i:i + size]
                runs.setdefault("".join(w[0] for w in run).upper(), set()).add(" ".join(run).lower())
    found = {}
    for item in evidence:
        words = item.phrase.split()
        key = "".join(w[0] for w in words).upper()
        if (item.kind == "example" and 2 <= len(words) <= 5 and runs.get(key, set()) <= {item.phrase.lower()}
                and not {w.lower() for w in words} & stops):  # ("RAD" is no research and development)
            found[key] = item.phrase.lower()
    return found


class Recommender:
    """Scores tasks against evidence built once from a store."""

    def __init__(self, store: FactStore, aliases: dict[str, list[str]] | None = None,
                 described: dict[str, frozenset[str]] | None = None) -> None:
        concepts = store.concepts()
        self.concepts = [c.abbreviation for c in concepts]
        self.evidence = list(_evidence(store, concepts))
        #: the reviewed aliases of this store's phrases (another document's phrases have none: "filing" stands for
        #: "Routine Tasks" only where the document says it)
        phrases = " | ".join(e.phrase.casefold() for e in self.evidence)
        self.aliases = {target: forms for target, forms in (aliases if aliases is not None else load_aliases()).items()
                        if target.casefold() in phrases}
        words = described if described is not None else load_description_words()
        #: the cue words of this store's concepts (another document's concepts have none)
        self.described = {c: words[c] for c in self.concepts if c in words}
        #: the people whose doing the work marks a concept's ("our geologists"), from WordNet's senses in the store
        self.people = {c: store.people(kinds) for c, kinds in load_people().items() if c in self.described}
        vocab: dict[str, set[str]] = {c: set() for c in self.concepts}
        for item in self.evidence:
            vocab[item.concept] |= item.lemmas
        #: the words a misspelled word of a task may stand for: the evidence's first, as written and as lemmas
        #: ("ticketting": "ticketing"; "entery": "entry", not the aliases' "enter"), then the aliases'
        self.spellings = (sorted(set().union(*vocab.values(), *(tokens(e.phrase.lower()) for e in self.evidence))),
                          sorted({w for forms in self.aliases.values() for form in forms for w in content_lemmas(form)}))
        #: neighbouring words of the evidence and the aliases, which decide between equally close spellings
        self._known = frozenset().union(*self.spellings)
        self._pairs = {pair for phrase in [*(e.phrase for e in self.evidence),
                                           *(form for forms in self.aliases.values() for form in forms)]
                       for pair in itertools.pairwise(content_lemmas(phrase))}
        #: every word the aliases are written with, stop words included ("call" of "call centre")
        self.alias_words = frozenset(w for forms in self.aliases.values() for form in forms for w in tokens(form))
        #: ... and their lemmas ("centre" of "call centres")
        self.alias_lemmas = frozenset(lemma(w) for w in self.alias_words)
        self._english = store.english
        self._stops = stop_words()
        self._initials = _abbreviated_examples(store, self.evidence)
        #: lemma -> the single concept whose evidence holds it
        self.concept_of = {
            lemma: concept
            for concept, lemmas in vocab.items()
            for lemma in lemmas
            if sum(lemma in other for other in vocab.values()) == 1
        }

    def aliases_in(self, task: str) -> list[tuple[str, str]]:
        """The reviewed aliases a task holds: (alias as written in the file, document phrase it stands for)."""
        written = tokens(task)
        said = [lemma(t) for t in written]
        sequence = f" {' '.join(said)} "
        found = []
        for target, forms in self.aliases.items():
            for form in forms:
                # an alias is a phrase: all its words, in order, stop words included
                words = [lemma(t) for t in tokens(form)]
                if f" {' '.join(words)} " in sequence or len(words) == 2 and _turned(written, said, *words, self._stops):
                    found.append((form, target))
                    break
        return found

    def spelled(self, task: str) -> str:
        """``task`` with its misspelled words written as the evidence writes them ("markt reserch": "market research").

        A word is misspelled when it is ``SPELLED_LENGTH`` letters or longer, in lower case but for the first word
        (not a name: "Marketo", "ATS"; an example's abbreviation is the example: "VM"), neither a stop word
        ("them", "ours"), nor a word of the evidence, nor of
        English (WordNet's), and close to one word of the evidence that it does not hold ("ediscovery" is no
        misspelled "discovery"). A plural is respelled as the evidence's plural when it has one ("legal servces":
        legal services).
        """
        # an example's abbreviation: "we rent a VM" rents virtual machines (not "CRM", the evidence's own word)
        # (not after a figure, "5 PM", nor a possessive, "VM's")
        task = re.sub(r"(?<!\d\s)(?<!\d)\b([A-Z]{2,5})s?\b(?!['\u2019])",
                      lambda m: m.group(0) if m.group(0).lower() in self._known
                      else self._initials.get(m.group(1), m.group(0)), task)
        said = WORD.findall(task)
        strange = {w for i, w in enumerate(said) if len(w) >= SPELLED_LENGTH and (w.islower() or i == 0 and w[1:].islower())
                   and w.lower() not in self._stops
                   and not {w.lower(), lemma(w.lower()), w.lower().removesuffix("s")} & self._known}  # "timesheets" is known
        if not strange:
            return task
        english = self._english({form for w in strange for form in (w.lower(), lemma(w.lower()))})
        fixed = {}
        for i, word in enumerate(said):
            low = word.lower()
            if word not in strange or low in english or lemma(low) in english:
                continue
            # as written first ("servces": services), then as a lemma ("reserches": research)
            found = next(filter(None, (spellings_of(low, words, SPELLED_LENGTH, plural) for plural in (False, True)
                                       for words in self.spellings)), [])
            found = [right for right in found if right not in low]
            # of equally close words, the one the evidence has beside a neighbour ("data entery": "data entry")
            before, after = (lemma(said[j].lower()) if 0 <= j < len(said) else "" for j in (i - 1, i + 1))
            beside = [right for right in found if {(before, right), (right, after)} & self._pairs]
            if found:
                fixed[word] = (beside or found)[0]
        return WORD.sub(lambda m: fixed.get(m.group(0), m.group(0)), task) if fixed else task

    def recommend(self, task: str) -> Recommendation:
        """Score ``task`` against each concept's evidence, and recommend a concept if the scores settle it.

        Aliases found in the task add the words of the document phrases they stand for. Only
        a concept's own words count (words no other concept's evidence holds), and each
        task word counts once, with the strongest evidence it matched.

        Returns:
            The scores and matches of every concept. Its ``concept`` is None unless the best
            score reaches ``MIN_SCORE`` and leads the runner-up by at least ``MIN_MARGIN``.
        """
        lemmas = set(content_lemmas(task))
        used_aliases = self.aliases_in(task)
        expanded = lemmas | {lemma for _, target in used_aliases for lemma in content_lemmas(target)}
        scores = {c: 0.0 for c in self.concepts}
        matches: dict[str, list[Match]] = {c: [] for c in self.concepts}
        for item in self.evidence:
            own = {lemma for lemma in item.lemmas if self.concept_of.get(lemma) == item.concept}
            if not own:
                continue
            if item.kind != "text" and item.lemmas <= expanded:
                matches[item.concept].append(Match(item, tuple(sorted(item.lemmas)), item.weight, True))
            elif own & expanded:
                share = TEXT_WEIGHT if item.kind == "text" else item.weight * WORD_SHARE
                matches[item.concept].append(Match(item, tuple(sorted(own & expanded)), share, False))
        for concept, found in matches.items():
            found.sort(key=lambda m: (-m.score, m.evidence.phrase))
            scores[concept] = _score(found)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        best, top = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        # (evidence that all points one way settles it at a lower score when it holds every word of the task:
        # "consulting" matches two KPO examples; "virtual assistant" only the "virtual" of "virtual machines")
        matched = {word for m in matches[best] for word in m.words}
        one_way = runner_up == 0 and bool(lemmas) and lemmas <= matched
        settled = (top >= MIN_SCORE or one_way) and top - runner_up >= MIN_MARGIN
        return Recommendation(task, best if settled else None, scores, matches, used_aliases)


    def describe(self, text: str, task: str = "") -> Description:
        """Which concept a task's description points to by its cue words ("standard rules, high volume").

        A word counts for a concept when it is one of its cue words or a form of one
        ("customised"); a negation before it in its clause gives it to the other concept
        ("no template"). The description settles the task when ``DESCRIBED_MIN`` words point
        to one concept and ``DESCRIBED_RATIO`` times as many as to the other; a single word must
        say how the task is done, not be part of its name: in "is KPO or BPO the cheaper option?"
        the "task" is "cheaper" itself. People who do the work count as a cue of the concept whose
        ``people`` they are ("by our geologists"), unless the work is done for them ("for doctors").

        Args:
            text: The description (the whole message).
            task: The task's name, as the message gives it.
        """
        words: dict[str, list[str]] = {c: [] for c in self.described}
        if len(self.described) != 2:
            return Description(None, words)
        first, second = self.described
        for clause in CLAUSE_END.split(text.replace("n't", " n't")):
            said = tokens(clause)
            for i, word in enumerate(said):
                base = lemma(word)
                for concept, cues in self.described.items():
                    if base in cues or any(is_form_of(base, cue) for cue in cues) or (
                            base in self.people.get(concept, ()) and _done_by(said, i)):
                        negation = negation_before(said, i)
                        target = (second if concept == first else first) if negation else concept
                        said_so = f"{negation} {word}" if negation else word  # "no template" marks the other side
                        if said_so not in words[target]:
                            words[target].append(said_so)
        top, other = sorted(words, key=lambda c: -len(words[c]))
        named = set(_name_of(task))
        # one word settles it only if it says how the task is done, outside the task's name
        said_how = len(words[top]) > 1 or any(w.split()[-1].lower() not in named for w in words[top])
        settled = said_how and len(words[top]) >= DESCRIBED_MIN and len(words[top]) >= DESCRIBED_RATIO * len(words[other])
        return Description(top if settled else None, words)


#: Words before people that the work is done for, not by ("booking appointments for the clinic's doctors").
FOR_WHOM = frozenset({"for", "to", "at", "about", "from", "on"})
#: The prepositions :func:`_done_by` looks back to ("by our geologists", "for the clinic's doctors").
PREPOSITIONS = FOR_WHOM | {"by", "with", "of", "through", "via", "using"}
def _done_by(said: list[str], i: int) -> bool:
    """Whether the people named at ``said[i]`` do the work, not have it done for them: by the last preposition before them."""
    before = [w for w in said[:i] if w in PREPOSITIONS]
    return not before or before[-1] not in FOR_WHOM


#: Words that attach how a task is done to its name ("tenant repair request logging using standard software").
HOW_DONE = frozenset("using with by via through done handled performed run".split())


def _name_of(task: str) -> list[str]:
    """A task's own name, before the words that say how it is done ("rebate claim processing done with a checklist")."""
    words = tokens(task)
    cut = next((i for i, w in enumerate(words) if i and w in HOW_DONE), len(words))
    return words[:cut]


def _score(matches: list[Match]) -> float:
    """Each task word counts once, with the strongest evidence it matched."""
    best: dict[str, float] = {}
    for match in matches:
        if match.whole:
            # a whole phrase is worth its weight, shared by its words
            share = match.score / len(match.words)
            for word in match.words:
                best[word] = max(best.get(word, 0.0), share)
            best[f"phrase:{match.evidence.phrase}"] = match.score / 2
        else:
            for word in match.words:
                best[word] = max(best.get(word, 0.0), match.score)
    return round(sum(best.values()), 3)


def _evidence(store: FactStore, concepts: list[Concept]) -> Iterable[Evidence]:
    names = [n for c in concepts for n in (c.heading, c.name, c.abbreviation)]
    heading, _ = store.headings()
    for concept in concepts:
        others = [n for c in concepts if c is not concept for n in (c.name, c.abbreviation)]
        examples = Place(Part.EXAMPLES, heading=concept.heading, concept=concept.abbreviation)
        for example in concept.examples:
            yield _make(concept, example.text, "example", examples, names)
        for item in concept.characteristics:
            place = Place(Part.CHARACTERISTIC, concept=concept.abbreviation, names=(item.title,), line=item.line)
            yield _make(concept, item.title, "title", place, names)
            own_text = _own_clauses(item.text, others)
            for phrase in such_as_items(own_text):
                yield _make(concept, phrase, "such as", place, names)
            yield _make(concept, own_text, "text", place, names)
        definition = Place(Part.DEFINITION, heading=concept.heading, concept=concept.abbreviation, line=concept.line)
        yield _make(concept, _own_clauses(concept.definition, others), "text", definition, names)
    for aspect in store.aspects():
        if aspect.items:
            continue  # the examples row: its items are examples already
        row = Place(Part.ROW, heading=heading, names=(aspect.name,), line=aspect.line)
        for concept in concepts:
            value = aspect.values.get(concept.abbreviation)
            if value:
                yield _make(concept, value, "table", row, names)


def _make(concept: Concept, phrase: str, kind: str, place: Place, names: list[str]) -> Evidence:
    text = phrase
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}(?!\w)", " ", text, flags=re.IGNORECASE)
    lemmas = set(content_lemmas(text))
    if kind == "table":  # "Moderate to High" places a row on its scale; "we moderate user content" is no match
        lemmas -= DEGREE_WORDS
    return Evidence(concept.abbreviation, phrase, kind, place, frozenset(lemmas))


def _own_clauses(text: str, others: list[str]) -> str:
    """Drop the clauses of a text that describe another concept (and their 'which ...' tail)."""
    return " ".join(_own_sentence_clauses(sentence, others) for sentence in split_sentences(text))


def _own_sentence_clauses(sentence: str, others: list[str]) -> str:
    kept = []
    skip_relative = False
    for clause in re.split(r"(?<=,)\s+", sentence):
        mentions_other = any(re.search(rf"\b{re.escape(o)}\b", clause, re.IGNORECASE) for o in others)
        if mentions_other:
            skip_relative = True
            continue
        if skip_relative and starts_relative_clause(clause):
            continue
        skip_relative = False
        kept.append(clause)
    return " ".join(kept)
